#include "format/baht_text.h"

#include <array>
#include <string_view>

namespace raingan::format {
namespace {

constexpr std::array<std::string_view, 10> digit_words = {"ศูนย์", "หนึ่ง", "สอง", "สาม", "สี่",
                                                          "ห้า",  "หก",  "เจ็ด", "แปด", "เก้า"};
// Place names inside one group of six digits, from the units up.
constexpr std::array<std::string_view, 6> place_words = {"", "สิบ", "ร้อย", "พัน", "หมื่น", "แสน"};
constexpr std::uint64_t million = 1'000'000;

// Words for 1..999999, the span between two ล้าน.
void append_group(std::string& out, std::uint64_t group, EtStyle style) {
  const std::uint64_t tens_digit = (group / 10) % 10;
  for (int place = 5; place >= 1; --place) {
    std::uint64_t power = 1;
    for (int k = 0; k < place; ++k) power *= 10;
    const std::uint64_t digit = (group / power) % 10;
    if (digit == 0) continue;
    if (place == 1 && digit == 1) {
      // สิบ, not หนึ่งสิบ
    } else if (place == 1 && digit == 2) {
      out += "ยี่";
    } else {
      out += digit_words[digit];
    }
    out += place_words[static_cast<std::size_t>(place)];
  }
  const std::uint64_t units = group % 10;
  if (units == 1) {
    const bool et = style == EtStyle::excel ? group > 1 : tens_digit != 0;
    out += et ? "เอ็ด" : "หนึ่ง";
  } else if (units != 0) {
    out += digit_words[units];
  }
}

// Words for a positive number: the count of millions (itself read as a number) + ล้าน + the rest.
void append_number(std::string& out, std::uint64_t value, EtStyle style) {
  if (value >= million) {
    append_number(out, value / million, style);
    out += "ล้าน";
  }
  const std::uint64_t rest = value % million;
  if (rest != 0) append_group(out, rest, style);
}

}  // namespace

std::string thai_number_words(std::uint64_t value, EtStyle style) {
  if (value == 0) return std::string(digit_words[0]);
  std::string out;
  append_number(out, value, style);
  return out;
}

std::string baht_text(std::int64_t satang, EtStyle style) {
  // Through unsigned so that the most negative int64 has a magnitude too.
  const std::uint64_t magnitude =
      satang < 0 ? 0 - static_cast<std::uint64_t>(satang) : static_cast<std::uint64_t>(satang);
  const std::uint64_t baht = magnitude / 100;
  const std::uint64_t cents = magnitude % 100;
  if (magnitude == 0) return "ศูนย์บาทถ้วน";
  std::string out = satang < 0 ? "ลบ" : "";
  if (baht > 0) {
    append_number(out, baht, style);
    out += "บาท";
  }
  if (cents == 0) {
    out += "ถ้วน";
  } else {
    append_group(out, cents, style);
    out += "สตางค์";
  }
  return out;
}

}  // namespace raingan::format
