#pragma once
// Thai digits ๐๑๒๓๔๕๖๗๘๙ (U+0E50..U+0E59), used for numbers throughout official documents.

#include <cstdint>
#include <string>
#include <string_view>

namespace raingan::format {

// Which digits a formatter writes: Thai (the default in official documents) or ASCII.
enum class Digits { thai, arabic };

// Replaces each ASCII digit 0-9 with its Thai digit; every other character is copied unchanged.
std::string to_thai_digits(std::string_view text);

// Returns the text unchanged for Digits::arabic, with Thai digits for Digits::thai.
std::string with_digits(std::string_view ascii_text, Digits digits);

// The integer in Thai digits, "-" before a negative one: 2569 -> ๒๕๖๙.
std::string thai_digits(std::int64_t value);

}  // namespace raingan::format
