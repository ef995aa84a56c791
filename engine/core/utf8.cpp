#include "core/utf8.h"

#include <cstdint>
#include <cstring>

namespace raingan::utf8 {

std::size_t sequence_length(unsigned char lead) noexcept {
  if (lead < 0x80) return 1;
  if ((lead & 0xE0) == 0xC0) return 2;
  if ((lead & 0xF0) == 0xE0) return 3;
  if ((lead & 0xF8) == 0xF0) return 4;
  return 1;
}

std::optional<std::size_t> first_invalid_byte(std::string_view text, Controls controls) noexcept {
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t size = text.size();
  const bool refuse_controls = controls == Controls::refused;
  // A byte below 0x20 in an 8-byte block: (block - 0x20 per byte) sets a byte's high bit where it was below
  // 0x20 (or borrowed), and the mask drops bytes whose own high bit was set.
  constexpr std::uint64_t ones = 0x0101010101010101ULL, highs = 0x8080808080808080ULL;
  std::size_t i = 0;
  while (i < size) {
    // Texts are mostly ASCII (keys, codes, numbers, formulas, indentation): eight bytes at a time.
    while (i + 8 <= size) {
      std::uint64_t block = 0;
      std::memcpy(&block, bytes + i, sizeof block);
      if ((block & highs) != 0) break;
      if (refuse_controls && ((block - ones * 0x20) & ~block & highs) != 0) break;
      i += 8;
    }
    if (i >= size) break;
    const unsigned char lead = bytes[i];
    if (lead < 0x80) {
      if (refuse_controls && lead < 0x20 && lead != '\t' && lead != '\n' && lead != '\r') return i;
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
      if (lead == 0xF0) low = 0x90;   // no overlong forms
      if (lead == 0xF4) high = 0x8F;  // nothing above U+10FFFF
    } else {
      return i;
    }
    if (i + length > size || bytes[i + 1] < low || bytes[i + 1] > high) return i;
    for (std::size_t k = 2; k < length; ++k)
      if ((bytes[i + k] & 0xC0) != 0x80) return i;
    i += length;
  }
  return std::nullopt;
}

char32_t next(std::string_view text, std::size_t& offset) noexcept {
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  const unsigned char lead = bytes[offset];
  const std::size_t length = sequence_length(lead);
  if (length == 1 || offset + length > text.size()) {
    ++offset;
    return lead;
  }
  char32_t cp = lead & (0x7FU >> length);
  for (std::size_t k = 1; k < length; ++k) cp = (cp << 6) | (bytes[offset + k] & 0x3FU);
  offset += length;
  return cp;
}

void append(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

}  // namespace raingan::utf8
