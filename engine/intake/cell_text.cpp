#include "intake/cell_text.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <vector>

#include "core/utf8.h"

namespace raingan::intake {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// The white space a cell may hold around or inside a title: ASCII, NBSP, ZWSP, ideographic space, BOM.
bool is_space(char32_t c) {
  return c == U' ' || c == U'\t' || c == U'\n' || c == U'\r' || c == U'\v' || c == U'\f' || c == 0xA0 ||
         c == 0x200B || c == 0x3000 || c == 0xFEFF || c == 0x2009 || c == 0x202F;
}

std::size_t space_length(std::string_view text, std::size_t at) {
  const auto lead = static_cast<unsigned char>(text[at]);
  const std::size_t length = utf8::sequence_length(lead);
  if (at + length > text.size()) return 0;
  std::size_t next = at;
  const char32_t c = utf8::next(text, next);
  return is_space(c) ? next - at : 0;
}

// Month names as offices write them: full, abbreviated with dots, and abbreviated without.
struct MonthName {
  std::string_view full;
  std::string_view abbreviation;
};
constexpr std::array<MonthName, 12> months = {{{"มกราคม", "ม.ค."},
                                               {"กุมภาพันธ์", "ก.พ."},
                                               {"มีนาคม", "มี.ค."},
                                               {"เมษายน", "เม.ย."},
                                               {"พฤษภาคม", "พ.ค."},
                                               {"มิถุนายน", "มิ.ย."},
                                               {"กรกฎาคม", "ก.ค."},
                                               {"สิงหาคม", "ส.ค."},
                                               {"กันยายน", "ก.ย."},
                                               {"ตุลาคม", "ต.ค."},
                                               {"พฤศจิกายน", "พ.ย."},
                                               {"ธันวาคม", "ธ.ค."}}};

std::string without_dots(std::string_view text) {
  std::string out;
  for (const char c : text)
    if (c != '.') out += c;
  return out;
}

unsigned month_of(std::string_view word) {
  const std::string bare = without_dots(word);
  for (std::size_t i = 0; i < months.size(); ++i)
    if (word == months[i].full || word == months[i].abbreviation ||
        bare == without_dots(months[i].abbreviation))
      return static_cast<unsigned>(i + 1);
  return 0;
}

std::optional<int> small_number(std::string_view digits) {
  if (digits.empty() || digits.size() > 4) return std::nullopt;
  int value = 0;
  for (const char c : digits) {
    if (!is_digit(c)) return std::nullopt;
    value = value * 10 + (c - '0');
  }
  return value;
}

// A year as written: four digits (above 2400: Buddhist Era), or two (Buddhist Era 25yy).
std::optional<int> gregorian_of(std::string_view digits, bool christian_era) {
  const auto year = small_number(digits);
  if (!year) return std::nullopt;
  if (digits.size() == 2) return christian_era ? 2000 + *year : format::gregorian_year(2500 + *year);
  if (digits.size() != 4) return std::nullopt;
  return *year > 2400 && !christian_era ? format::gregorian_year(*year) : *year;
}

std::optional<format::Date> real_date(std::optional<int> year, unsigned month, std::optional<int> day) {
  if (!year || !day || *day < 1 || *year < 1 || *year > 9999 ||
      !format::is_valid_date(*year, month, static_cast<unsigned>(*day)))
    return std::nullopt;
  return format::Date{*year, month, static_cast<unsigned>(*day)};
}

// Splits on white space.
std::vector<std::string_view> words(std::string_view text) {
  std::vector<std::string_view> out;
  std::size_t at = 0;
  while (at < text.size()) {
    std::size_t space = 0;
    while (at < text.size() && (space = space_length(text, at)) > 0) at += space;
    const std::size_t start = at;
    while (at < text.size() && space_length(text, at) == 0)
      at += utf8::sequence_length(static_cast<unsigned char>(text[at]));
    if (at > start) out.push_back(text.substr(start, std::min(at, text.size()) - start));
  }
  return out;
}

}  // namespace

std::string fold_thai_digits(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  // ๐..๙ are E0 B9 90..99 in UTF-8.
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (i + 2 < text.size() && text[i] == '\xE0' && text[i + 1] == '\xB9' &&
        static_cast<unsigned char>(text[i + 2]) >= 0x90 && static_cast<unsigned char>(text[i + 2]) <= 0x99) {
      out += static_cast<char>('0' + (static_cast<unsigned char>(text[i + 2]) - 0x90));
      i += 2;
    } else {
      out += text[i];
    }
  }
  return out;
}

std::string_view trim(std::string_view text) {
  std::size_t start = 0;
  std::size_t space = 0;
  while (start < text.size() && (space = space_length(text, start)) > 0) start += space;
  std::size_t end = text.size();
  while (end > start) {
    // Step back to the start of the last sequence.
    std::size_t last = end - 1;
    while (last > start && (static_cast<unsigned char>(text[last]) & 0xC0) == 0x80) --last;
    if (space_length(text, last) != end - last) break;
    end = last;
  }
  return text.substr(start, end - start);
}

std::string title_key(std::string_view title) {
  const std::string folded = fold_thai_digits(title);
  std::string out;
  for (const auto word : words(folded)) {
    if (!out.empty()) out += ' ';
    for (const char c : word) out += c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
  }
  return out;
}

std::string compact_key(std::string_view text) {
  const std::string folded = fold_thai_digits(text);
  std::string out;
  for (const auto word : words(folded))
    for (const char c : word) out += c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
  return out;
}

std::optional<std::string> plain_number(std::string_view text, int significant_digits) {
  std::size_t i = 0;
  bool negative = false;
  if (i < text.size() && (text[i] == '+' || text[i] == '-')) negative = text[i++] == '-';
  std::string digits;
  std::int64_t exponent = 0;  // value = digits × 10^exponent
  const std::size_t integer_start = i;
  while (i < text.size() && is_digit(text[i])) digits += text[i++];
  bool any = i > integer_start;
  if (i < text.size() && text[i] == '.') {
    ++i;
    const std::size_t fraction_start = i;
    while (i < text.size() && is_digit(text[i])) digits += text[i++];
    exponent -= static_cast<std::int64_t>(i - fraction_start);
    any = any || i > fraction_start;
  }
  if (!any) return std::nullopt;
  if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
    ++i;
    bool exponent_negative = false;
    if (i < text.size() && (text[i] == '+' || text[i] == '-')) exponent_negative = text[i++] == '-';
    const std::size_t start = i;
    std::int64_t value = 0;
    while (i < text.size() && is_digit(text[i]) && i - start < 6) value = value * 10 + (text[i++] - '0');
    if (i == start) return std::nullopt;
    exponent += exponent_negative ? -value : value;
  }
  if (i != text.size()) return std::nullopt;

  // Leading zeros go; trailing zeros move into the exponent.
  const std::size_t first = digits.find_first_not_of('0');
  if (first == std::string::npos) return std::string("0");
  digits.erase(0, first);
  if (significant_digits > 0 && digits.size() > static_cast<std::size_t>(significant_digits)) {
    const std::size_t cut = static_cast<std::size_t>(significant_digits);
    const bool round_up = digits[cut] >= '5';
    exponent += static_cast<std::int64_t>(digits.size() - cut);
    digits.resize(cut);
    if (round_up) {
      std::size_t at = digits.size();
      while (at > 0 && digits[at - 1] == '9') digits[--at] = '0';
      if (at == 0)
        digits.insert(digits.begin(), '1');
      else
        ++digits[at - 1];
    }
  }
  while (!digits.empty() && digits.back() == '0') {
    digits.pop_back();
    ++exponent;
  }
  if (digits.empty()) return std::string("0");

  std::string out = negative ? "-" : "";
  const auto length = static_cast<std::int64_t>(digits.size());
  if (exponent >= 0) {
    if (length + exponent > 40)
      return out + digits.substr(0, 1) + (length > 1 ? "." + digits.substr(1) : "") + "e" +
             std::to_string(exponent + length - 1);
    return out + digits + std::string(static_cast<std::size_t>(exponent), '0');
  }
  const std::int64_t integer_digits = length + exponent;
  if (integer_digits > 0)
    return out + digits.substr(0, static_cast<std::size_t>(integer_digits)) + "." +
           digits.substr(static_cast<std::size_t>(integer_digits));
  if (-integer_digits > 40)
    return out + digits.substr(0, 1) + (length > 1 ? "." + digits.substr(1) : "") + "e" +
           std::to_string(exponent + length - 1);
  return out + "0." + std::string(static_cast<std::size_t>(-integer_digits), '0') + digits;
}

std::optional<std::string> typed_number(std::string_view text) {
  std::string folded = fold_thai_digits(trim(text));
  std::string_view body = folded;
  bool negative = false;
  if (body.size() >= 2 && body.front() == '(' && body.back() == ')') {
    negative = true;
    body = trim(body.substr(1, body.size() - 2));
  }
  std::string sign;
  if (!body.empty() && (body.front() == '-' || body.front() == '+')) {
    sign = body.front() == '-' ? "-" : "";
    body = trim(body.substr(1));
  }
  if (body.starts_with("฿")) body = trim(body.substr(std::string_view("฿").size()));
  if (negative && !sign.empty()) return std::nullopt;
  // Thousands separators: groups of three digits after the first group, before any decimal point.
  std::string plain;
  const std::size_t point = body.find('.');
  const std::string_view integer_part = body.substr(0, point);
  if (integer_part.find(',') != std::string_view::npos) {
    std::size_t group = 0;
    bool first = true;
    for (const char c : integer_part) {
      if (c == ',') {
        if ((first && (group == 0 || group > 3)) || (!first && group != 3)) return std::nullopt;
        first = false;
        group = 0;
        continue;
      }
      if (!is_digit(c)) return std::nullopt;
      plain += c;
      ++group;
    }
    if (group != 3) return std::nullopt;
    if (point != std::string_view::npos) plain += body.substr(point);
  } else {
    plain = body;
  }
  if (plain.empty() || plain.front() == '+' || plain.front() == '-') return std::nullopt;
  auto number = plain_number(plain);
  if (!number) return std::nullopt;
  if ((negative || sign == "-") && *number != "0") return "-" + *number;
  return number;
}

std::optional<format::Date> typed_date(std::string_view text) {
  std::string folded = fold_thai_digits(trim(text));
  std::string_view body = folded;
  if (body.starts_with("วันที่")) body = trim(body.substr(std::string_view("วันที่").size()));

  // ISO: 2026-11-20, with a time after it (2026-11-20T00:00:00) left out.
  if (body.size() >= 10 && is_digit(body[0]) && body[4] == '-' && body[7] == '-' &&
      (body.size() == 10 || body[10] == 'T' || body[10] == ' ')) {
    const auto year = gregorian_of(body.substr(0, 4), false);
    const auto month = small_number(body.substr(5, 2));
    if (!month || *month < 1 || *month > 12) return std::nullopt;
    return real_date(year, static_cast<unsigned>(*month), small_number(body.substr(8, 2)));
  }

  // d/m/y, d-m-y, d.m.y
  for (const char separator : {'/', '-', '.'}) {
    const std::size_t first = body.find(separator);
    if (first == std::string_view::npos || first == 0 || first > 2) continue;
    const std::size_t second = body.find(separator, first + 1);
    if (second == std::string_view::npos) continue;
    const auto day = small_number(body.substr(0, first));
    const auto month = small_number(body.substr(first + 1, second - first - 1));
    std::string_view year_text = body.substr(second + 1);
    if (const std::size_t space = year_text.find(' '); space != std::string_view::npos)
      year_text = year_text.substr(0, space);  // a time after the date
    if (!month || *month < 1 || *month > 12) return std::nullopt;
    return real_date(gregorian_of(year_text, false), static_cast<unsigned>(*month), day);
  }

  // 20 พฤศจิกายน 2569, ๒๐ พ.ย. ๖๙, 20 พ.ย.69, 20 พฤศจิกายน พ.ศ. 2569, 20 พ.ย. ค.ศ. 2026
  std::vector<std::string_view> parts = words(body);
  std::vector<std::string> pieces;
  for (const auto part : parts) {
    // Split a word where digits meet letters: "พ.ย.69", "20พ.ย."
    std::string piece;
    bool digits = false;
    for (std::size_t i = 0; i < part.size(); ++i) {
      const bool digit = is_digit(part[i]);
      if (!piece.empty() && digit != digits) {
        pieces.push_back(piece);
        piece.clear();
      }
      digits = digit;
      piece += part[i];
    }
    if (!piece.empty()) pieces.push_back(piece);
  }
  bool christian_era = false;
  std::vector<std::string> kept;
  for (auto& piece : pieces) {
    if (piece == "พ.ศ." || piece == "พศ" || piece == "พ.ศ") continue;
    if (piece == "ค.ศ." || piece == "คศ" || piece == "ค.ศ") {
      christian_era = true;
      continue;
    }
    kept.push_back(piece);
  }
  if (kept.size() != 3) return std::nullopt;
  const unsigned month = month_of(kept[1]);
  if (month == 0) return std::nullopt;
  return real_date(gregorian_of(kept[2], christian_era), month, small_number(kept[0]));
}

std::optional<format::Date> serial_date(std::string_view number_text, bool date1904) {
  const auto plain = plain_number(number_text);
  if (!plain || plain->front() == '-') return std::nullopt;
  const std::string_view whole = std::string_view(*plain).substr(0, plain->find('.'));
  if (whole.size() > 7) return std::nullopt;
  long long serial = 0;
  for (const char c : whole) serial = serial * 10 + (c - '0');
  // 9999-12-31 is the last day either system counts to.
  if (serial > (date1904 ? 2957003 : 2958465)) return std::nullopt;
  if (date1904) {
    return format::add_days({1904, 1, 1}, serial);
  }
  if (serial <= 0 || serial == 60) return std::nullopt;
  // Serials before the fictitious 29 February 1900 count from 31 December 1899; later ones from the 30th.
  const format::Date date =
      serial < 60 ? format::add_days({1899, 12, 31}, serial) : format::add_days({1899, 12, 30}, serial);
  return date.year <= 9999 ? std::optional(date) : std::nullopt;
}

std::optional<bool> typed_boolean(std::string_view text) {
  const std::string key = compact_key(text);
  for (const std::string_view yes : {"ใช่", "มี", "จริง", "true", "yes", "y", "1", "✓"})
    if (key == yes) return true;
  for (const std::string_view no : {"ไม่ใช่", "ไม่มี", "เท็จ", "false", "no", "n", "0", "✗"})
    if (key == no) return false;
  return std::nullopt;
}

}  // namespace raingan::intake
