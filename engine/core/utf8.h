#pragma once
// UTF-8 checks and decoding. Every text that enters the engine is validated once, at the door, so that a bad
// byte is reported with its offset instead of turning into tofu or a crash further down.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace raingan::utf8 {

// What a text may hold besides valid UTF-8: every code point, or none of the C0 control characters but tab,
// line feed and carriage return (XML 1.0 cannot hold them; an XLSX package is XML).
enum class Controls { allowed, refused };

// Offset of the first byte that does not start a valid, shortest-form UTF-8 sequence (RFC 3629: no overlong
// forms, no surrogates, nothing above U+10FFFF) or, when `controls` refuses them, of the first C0 control
// character but tab, line feed and carriage return; nullopt if there is none. One pass: it runs for every
// text read and every cell of a register.
std::optional<std::size_t> first_invalid_byte(std::string_view text,
                                              Controls controls = Controls::allowed) noexcept;

// Decodes the code point starting at text[offset] (which must be valid UTF-8) and advances offset past it.
char32_t next(std::string_view text, std::size_t& offset) noexcept;

// Appends the UTF-8 form of a code point.
void append(std::string& out, char32_t code_point);

// Number of bytes of the sequence that starts with this lead byte (1 for an invalid lead byte).
std::size_t sequence_length(unsigned char lead) noexcept;

}  // namespace raingan::utf8
