#include "xlsx/cell_text.h"

#include <cstdint>
#include <cstdio>
#include <cstring>

#include "core/utf8.h"

namespace raingan::xlsx {
namespace {

// Whether a text is valid UTF-8 with no control character but tab, line feed and carriage return, in one
// pass: it runs for every text and formula of a register. Strict UTF-8 (RFC 3629); whatever it refuses is
// looked at again by text_problem(), which says what is wrong.
bool text_is_clean(std::string_view text) {
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t size = text.size();
  std::size_t i = 0;
  while (i < size) {
    // Eight ASCII bytes at a time, none of them below 0x20 (codes, numbers, formulas).
    while (i + 8 <= size) {
      std::uint64_t block = 0;
      std::memcpy(&block, bytes + i, sizeof block);
      constexpr std::uint64_t ones = 0x0101010101010101ULL, highs = 0x8080808080808080ULL;
      if ((block & highs) != 0 || ((block - ones * 0x20) & ~block & highs) != 0) break;
      i += 8;
    }
    if (i >= size) return true;
    const unsigned char lead = bytes[i];
    if (lead < 0x80) {
      if (lead < 0x20 && lead != '\t' && lead != '\n' && lead != '\r') return false;
      ++i;
      continue;
    }
    std::size_t length = 0;
    unsigned char low = 0x80, high = 0xBF;  // the allowed range of the second byte
    if (lead >= 0xC2 && lead <= 0xDF) {
      length = 2;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
      length = 3;
      if (lead == 0xE0) low = 0xA0;   // no overlong forms
      if (lead == 0xED) high = 0x9F;  // no surrogates
    } else if (lead >= 0xF0 && lead <= 0xF4) {
      length = 4;
      if (lead == 0xF0) low = 0x90;
      if (lead == 0xF4) high = 0x8F;  // nothing above U+10FFFF
    } else {
      return false;
    }
    if (i + length > size || bytes[i + 1] < low || bytes[i + 1] > high) return false;
    for (std::size_t k = 2; k < length; ++k)
      if ((bytes[i + k] & 0xC0) != 0x80) return false;
    i += length;
  }
  return true;
}

}  // namespace

std::string text_problem(std::string_view text) {
  if (text_is_clean(text)) return {};
  if (const auto bad = utf8::first_invalid_byte(text))
    return "text is not valid UTF-8 at byte " + std::to_string(*bad);
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
      char code[8];
      std::snprintf(code, sizeof code, "U+%04X", c);
      return std::string("text has the control character ") + code + " at byte " + std::to_string(i) +
             ", which an XLSX file cannot hold";
    }
  }
  return {};
}

std::size_t characters(std::string_view text) {
  std::size_t count = 0;
  for (const char c : text) count += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
  return count;
}

std::string in_quotes(std::string_view text) {
  std::string quoted(1, '\'');
  quoted.append(text).push_back('\'');
  return quoted;
}

}  // namespace raingan::xlsx
