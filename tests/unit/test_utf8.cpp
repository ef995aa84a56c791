// The one UTF-8 check every reader and the register writer use: strict RFC 3629 UTF-8, and optionally no C0
// control character that XML cannot hold. Checked on named cases and against a plain, byte-by-byte decoder
// over random texts (the check itself skips ASCII eight bytes at a time).
#include <doctest/doctest.h>

#include <optional>
#include <random>
#include <string>
#include <string_view>

#include "core/utf8.h"
#include "xlsx/cell_text.h"

using raingan::utf8::Controls;
using raingan::utf8::first_invalid_byte;

namespace {

// The slow, obvious reading of RFC 3629 and XML 1.0's character rule.
std::optional<std::size_t> reference_first_invalid(std::string_view text, Controls controls) {
  std::size_t i = 0;
  while (i < text.size()) {
    const auto lead = static_cast<unsigned char>(text[i]);
    if (lead < 0x80) {
      if (controls == Controls::refused && lead < 0x20 && lead != '\t' && lead != '\n' && lead != '\r')
        return i;
      ++i;
      continue;
    }
    std::size_t length = 0;
    char32_t code = 0;
    if ((lead & 0xE0) == 0xC0) {
      length = 2, code = lead & 0x1F;
    } else if ((lead & 0xF0) == 0xE0) {
      length = 3, code = lead & 0x0F;
    } else if ((lead & 0xF8) == 0xF0) {
      length = 4, code = lead & 0x07;
    } else {
      return i;
    }
    if (i + length > text.size()) return i;
    for (std::size_t k = 1; k < length; ++k) {
      const auto next = static_cast<unsigned char>(text[i + k]);
      if ((next & 0xC0) != 0x80) return i;
      code = (code << 6) | (next & 0x3F);
    }
    const char32_t shortest = length == 2 ? 0x80 : length == 3 ? 0x800 : 0x10000;
    if (code < shortest || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) return i;
    i += length;
  }
  return std::nullopt;
}

}  // namespace

TEST_CASE("utf8: strict UTF-8, with control characters refused only when asked") {
  CHECK_FALSE(first_invalid_byte("ค่าพาหนะ 1,234.50 บาท"));
  CHECK_FALSE(first_invalid_byte("๐๑๒๓๔๕๖๗๘๙ \xF0\x9F\x93\x84"));  // Thai digits, U+1F4C4
  CHECK(first_invalid_byte("abc\xC0\xAF") == 3u);                  // overlong '/'
  CHECK(first_invalid_byte("ab\xE0\x80\xAF") == 2u);               // overlong, three bytes
  CHECK(first_invalid_byte("\xED\xA0\x80") == 0u);                 // a surrogate
  CHECK(first_invalid_byte("12345678\xF4\x90\x80\x80") == 8u);     // above U+10FFFF
  CHECK(first_invalid_byte("ก\xE0\xB8") == 3u);                    // cut short
  CHECK(first_invalid_byte("\xFF") == 0u);

  const std::string controls = std::string("name\tand\r\nmore") + '\x1B' + "[31m";
  CHECK_FALSE(first_invalid_byte(controls));
  CHECK(first_invalid_byte(controls, Controls::refused) == 14u);
  CHECK(first_invalid_byte(std::string("0123456789abcde") + '\0', Controls::refused) == 15u);
  CHECK_FALSE(first_invalid_byte("tab\tline\nreturn\r", Controls::refused));
}

TEST_CASE("utf8: the check agrees with a byte-by-byte decoder on random texts") {
  std::mt19937 random(20261205);
  // Bytes drawn mostly from ASCII, Thai's lead and continuation bytes and the edges of the rules.
  const std::string pool = std::string("aZ09 \t\n\r\x01\x1F\x7F") + std::string(1, '\0') +
                           "\xC0\xC1\xC2\xDF\xE0\xE0\xB8\xB8\xBF\x80\x80\x9F" +
                           "\xA0\xED\xEF\xF0\xF4\xF5\x8F\x90\xFF";
  std::uniform_int_distribution<std::size_t> pick(0, pool.size() - 1), length(0, 40);
  for (int n = 0; n < 20000; ++n) {
    std::string text;
    for (std::size_t k = length(random); k > 0; --k) text += pool[pick(random)];
    for (const Controls controls : {Controls::allowed, Controls::refused}) {
      INFO("text #" << n << " controls " << static_cast<int>(controls));
      CHECK(first_invalid_byte(text, controls) == reference_first_invalid(text, controls));
    }
  }
}

TEST_CASE("xlsx: a register's text problem names the control character or the bad byte") {
  CHECK(raingan::xlsx::text_problem("ทะเบียน").empty());
  CHECK(raingan::xlsx::text_problem(std::string("ab") + '\x07') ==
        "text has the control character U+0007 at byte 2, which an XLSX file cannot hold");
  CHECK(raingan::xlsx::text_problem("ab\xC3") == "text is not valid UTF-8 at byte 2");
}
