#pragma once
// PDF lexical pieces written by the exporter: numbers (always with '.', whatever the user's locale), hex
// strings and UTF-16BE text strings.

#include <cstdint>
#include <string>
#include <string_view>

namespace raingan::pdf {

// Appends `value` rounded to at most `decimals` places, without trailing zeros or a negative zero
// ("12", "-0.5", "595.276"). Uses std::to_chars, so no locale can turn the point into a comma.
void append_number(std::string& out, double value, int decimals = 3);
std::string format_number(double value, int decimals = 3);
// For messages: like format_number, but "NaN" or "infinity" instead of throwing.
std::string describe_number(double value);

// Appends an integer in decimal.
void append_integer(std::string& out, long long value);

// Appends the bytes as upper-case hex digits, without delimiters.
void append_hex(std::string& out, std::string_view bytes);
// Appends a 16-bit value as four hex digits.
void append_hex16(std::string& out, std::uint16_t value);

// A PDF text string: UTF-16BE with its byte-order mark, from valid UTF-8 (code points above U+FFFF become
// surrogate pairs). Throws std::invalid_argument on invalid UTF-8.
std::string utf16be_text_string(std::string_view utf8);

// The hex digits of utf16be_text_string(utf8), appended without building the string first: every
// ActualText span of every line is written this way.
void append_utf16be_hex(std::string& out, std::string_view utf8);

// UTF-16BE code units of a sequence of code points, without a byte-order mark.
std::string utf16be(std::u32string_view code_points);

}  // namespace raingan::pdf
