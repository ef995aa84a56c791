#include "pdf/pdf_syntax.h"

#include <charconv>
#include <cmath>
#include <iterator>
#include <stdexcept>

#include "core/utf8.h"

namespace raingan::pdf {
namespace {

constexpr char hex_digits[] = "0123456789ABCDEF";

void append_code_unit(std::string& out, char32_t unit) {
  out += static_cast<char>((unit >> 8) & 0xFF);
  out += static_cast<char>(unit & 0xFF);
}

void append_utf16be(std::string& out, char32_t code_point) {
  if (code_point >= 0x10000) {
    const char32_t v = code_point - 0x10000;
    append_code_unit(out, 0xD800 + (v >> 10));
    append_code_unit(out, 0xDC00 + (v & 0x3FF));
  } else {
    append_code_unit(out, code_point);
  }
}

void require_utf8(std::string_view utf8) {
  if (const auto bad = utf8::first_invalid_byte(utf8))
    throw std::invalid_argument("text for the PDF is not valid UTF-8 at byte " + std::to_string(*bad));
}

}  // namespace

void append_number(std::string& out, double value, int decimals) {
  if (!std::isfinite(value)) throw std::invalid_argument("PDF number is not finite");
  // Powers of ten as literals: the same exact values std::pow gives, without its cost on every number.
  constexpr double powers[] = {1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8};
  const double scale = decimals >= 0 && decimals < static_cast<int>(std::size(powers))
                           ? powers[decimals]
                           : std::pow(10.0, decimals);
  double rounded = std::round(value * scale) / scale;
  if (rounded == 0) rounded = 0;  // no "-0"
  char buffer[64];
  auto [end, error] =
      std::to_chars(buffer, buffer + sizeof buffer, rounded, std::chars_format::fixed, decimals);
  if (error != std::errc{}) throw std::invalid_argument("PDF number out of range");
  if (decimals > 0) {
    while (end[-1] == '0') --end;
    if (end[-1] == '.') --end;
  }
  out.append(buffer, end);
}

std::string format_number(double value, int decimals) {
  std::string text;
  append_number(text, value, decimals);
  return text;
}

std::string describe_number(double value) {
  if (std::isnan(value)) return "NaN";
  if (std::isinf(value)) return value > 0 ? "infinity" : "-infinity";
  return format_number(value);
}

void append_integer(std::string& out, long long value) {
  char buffer[24];
  auto [end, error] = std::to_chars(buffer, buffer + sizeof buffer, value);
  (void)error;  // 24 characters always hold a long long
  out.append(buffer, end);
}

void append_hex(std::string& out, std::string_view bytes) {
  for (const char c : bytes) {
    const auto byte = static_cast<unsigned char>(c);
    out += hex_digits[byte >> 4];
    out += hex_digits[byte & 0x0F];
  }
}

void append_hex16(std::string& out, std::uint16_t value) {
  const char digits[4] = {hex_digits[(value >> 12) & 0x0F], hex_digits[(value >> 8) & 0x0F],
                          hex_digits[(value >> 4) & 0x0F], hex_digits[value & 0x0F]};
  out.append(digits, 4);
}

std::string utf16be_text_string(std::string_view utf8) {
  require_utf8(utf8);
  std::string out = "\xFE\xFF";
  std::size_t offset = 0;
  while (offset < utf8.size()) append_utf16be(out, utf8::next(utf8, offset));
  return out;
}

void append_utf16be_hex(std::string& out, std::string_view utf8) {
  require_utf8(utf8);
  // Every span of every line goes through here: four characters pushed per code unit, inline.
  const auto push_unit = [&out](char32_t unit) {
    out.push_back(hex_digits[(unit >> 12) & 0x0F]);
    out.push_back(hex_digits[(unit >> 8) & 0x0F]);
    out.push_back(hex_digits[(unit >> 4) & 0x0F]);
    out.push_back(hex_digits[unit & 0x0F]);
  };
  out += "FEFF";
  std::size_t offset = 0;
  while (offset < utf8.size()) {
    const char32_t code_point = utf8::next(utf8, offset);
    if (code_point >= 0x10000) {
      const char32_t v = code_point - 0x10000;
      push_unit(0xD800 + (v >> 10));
      push_unit(0xDC00 + (v & 0x3FF));
    } else {
      push_unit(code_point);
    }
  }
}

std::string utf16be(std::u32string_view code_points) {
  std::string out;
  for (const char32_t cp : code_points) append_utf16be(out, cp);
  return out;
}

}  // namespace raingan::pdf
