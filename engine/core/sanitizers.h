#pragma once
// Whether this build runs under AddressSanitizer, whose ways differ from a plain process's where the engine
// manages processes: it reserves terabytes of address space (no RLIMIT_AS on a child), and clang 14's
// allocator can be left locked in a forked child by another thread's allocation.

namespace raingan {

#if defined(__SANITIZE_ADDRESS__)
inline constexpr bool address_sanitized = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
inline constexpr bool address_sanitized = true;
#else
inline constexpr bool address_sanitized = false;
#endif
#else
inline constexpr bool address_sanitized = false;
#endif

}  // namespace raingan
