#pragma once
// UTF-8 checks and decoding. Every text that enters the engine is validated once, at the door, so that a bad
// byte is reported with its offset instead of turning into tofu or a crash further down.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace raingan::utf8 {

// Offset of the first byte that does not start a valid, shortest-form UTF-8 sequence, or nullopt if valid.
std::optional<std::size_t> first_invalid_byte(std::string_view text) noexcept;

// Decodes the code point starting at text[offset] (which must be valid UTF-8) and advances offset past it.
char32_t next(std::string_view text, std::size_t& offset) noexcept;

// Appends the UTF-8 form of a code point.
void append(std::string& out, char32_t code_point);

// Number of bytes of the sequence that starts with this lead byte (1 for an invalid lead byte).
std::size_t sequence_length(unsigned char lead) noexcept;

}  // namespace raingan::utf8
