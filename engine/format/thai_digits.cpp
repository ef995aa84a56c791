#include "format/thai_digits.h"

#include "core/utf8.h"

namespace raingan::format {

std::string to_thai_digits(std::string_view text) {
  std::string out;
  out.reserve(text.size() * 3);
  for (const char c : text) {
    if (c >= '0' && c <= '9')
      utf8::append(out, U'\u0E50' + static_cast<char32_t>(c - '0'));
    else
      out += c;
  }
  return out;
}

std::string with_digits(std::string_view ascii_text, Digits digits) {
  return digits == Digits::thai ? to_thai_digits(ascii_text) : std::string(ascii_text);
}

std::string thai_digits(std::int64_t value) { return to_thai_digits(std::to_string(value)); }

}  // namespace raingan::format
