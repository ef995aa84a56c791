#include "xlsx/display_text.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <memory>
#include <system_error>

#include "format/thai_digits.h"

namespace raingan::xlsx {
namespace {

constexpr std::array<std::string_view, 12> thai_months = {"มกราคม",  "กุมภาพันธ์", "มีนาคม",    "เมษายน",
                                                          "พฤษภาคม", "มิถุนายน",  "กรกฎาคม",  "สิงหาคม",
                                                          "กันยายน",  "ตุลาคม",   "พฤศจิกายน", "ธันวาคม"};
constexpr std::array<std::string_view, 12> thai_months_short = {
    "ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค."};
constexpr std::array<std::string_view, 7> thai_weekdays = {"อาทิตย์",  "จันทร์", "อังคาร", "พุธ",
                                                           "พฤหัสบดี", "ศุกร์",  "เสาร์"};
constexpr std::array<std::string_view, 12> english_months = {"January",   "February", "March",    "April",
                                                             "May",       "June",     "July",     "August",
                                                             "September", "October",  "November", "December"};
constexpr std::array<std::string_view, 7> english_weekdays = {"Sunday",   "Monday", "Tuesday", "Wednesday",
                                                              "Thursday", "Friday", "Saturday"};

// The locale/calendar/digits prefix [$-NCCLLLL] (see number_formats.h).
struct LocalePrefix {
  bool thai_digits = false;
  bool buddhist_year = false;
  bool thai_names = false;
};

// Splits off the first section (positive numbers), drops [..] prefixes and remembers the locale prefix.
std::string first_section(std::string_view format, LocalePrefix& prefix) {
  std::string section;
  bool quoted = false;
  for (std::size_t i = 0; i < format.size(); ++i) {
    const char c = format[i];
    if (quoted) {
      section += c;
      if (c == '"') quoted = false;
      continue;
    }
    if (c == '"') {
      quoted = true;
      section += c;
    } else if (c == '\\' && i + 1 < format.size()) {
      section += format.substr(i, 2);
      ++i;
    } else if (c == ';') {
      break;
    } else if (c == '[') {
      const std::size_t end = format.find(']', i);
      if (end == std::string_view::npos) break;
      const std::string_view inside = format.substr(i + 1, end - i - 1);
      if (inside.starts_with("$-")) {
        std::uint32_t code = 0;
        const std::string_view hex = inside.substr(2);
        std::from_chars(hex.data(), hex.data() + hex.size(), code, 16);
        prefix.thai_digits = (code >> 24) == 0x0D;
        prefix.buddhist_year = ((code >> 16) & 0xFF) == 0x07;
        prefix.thai_names = (code & 0xFFFF) == 0x041E || prefix.buddhist_year;
      }
      i = end;
    } else {
      section += c;
    }
  }
  return section;
}

bool is_date_format(std::string_view section) {
  bool quoted = false;
  for (std::size_t i = 0; i < section.size(); ++i) {
    const char c = section[i];
    if (c == '"') quoted = !quoted;
    if (quoted) continue;
    if (c == '\\') {
      ++i;
      continue;
    }
    if (c == 'y' || c == 'Y' || c == 'd' || c == 'D' || c == 'm' || c == 'M') return true;
  }
  return false;
}

std::string render_date(double serial, std::string_view section, const LocalePrefix& prefix) {
  // Days since 1899-12-30 (valid from serial 61 on, see excel_date.h) to a civil date.
  long z = static_cast<long>(std::floor(serial)) - 25569 + 719468;  // 25569 = 1970-01-01
  const long era = (z >= 0 ? z : z - 146096) / 146097;
  const long day_of_era = z - era * 146097;
  const long year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
  const long day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
  const long mp = (5 * day_of_year + 2) / 153;
  const int day = static_cast<int>(day_of_year - (153 * mp + 2) / 5 + 1);
  const int month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  const int year =
      static_cast<int>(year_of_era + era * 400 + (month <= 2 ? 1 : 0)) + (prefix.buddhist_year ? 543 : 0);
  const int weekday = static_cast<int>(((static_cast<long>(std::floor(serial)) - 1) % 7 + 7) % 7);

  std::string out;
  bool quoted = false;
  for (std::size_t i = 0; i < section.size();) {
    const char c = section[i];
    if (c == '"') {
      quoted = !quoted;
      ++i;
      continue;
    }
    if (quoted || c == '\\') {
      if (c == '\\') ++i;
      if (i < section.size()) out += section[i];
      ++i;
      continue;
    }
    const char lower = static_cast<char>(c | 0x20);
    if (lower != 'y' && lower != 'm' && lower != 'd') {
      out += c;
      ++i;
      continue;
    }
    std::size_t run = 1;
    while (i + run < section.size() && (section[i + run] | 0x20) == lower) ++run;
    i += run;
    char digits[16];
    if (lower == 'y') {
      std::snprintf(digits, sizeof digits, run <= 2 ? "%02d" : "%d", run <= 2 ? year % 100 : year);
      out += digits;
    } else if (lower == 'm') {
      if (run >= 4)
        out += prefix.thai_names ? thai_months[month - 1] : english_months[month - 1];
      else if (run == 3)
        out += prefix.thai_names ? thai_months_short[month - 1] : english_months[month - 1].substr(0, 3);
      else {
        std::snprintf(digits, sizeof digits, run == 2 ? "%02d" : "%d", month);
        out += digits;
      }
    } else {
      if (run >= 4)
        out += prefix.thai_names ? thai_weekdays[weekday] : english_weekdays[weekday];
      else if (run == 3)
        out += prefix.thai_names ? thai_weekdays[weekday] : english_weekdays[weekday].substr(0, 3);
      else {
        std::snprintf(digits, sizeof digits, run == 2 ? "%02d" : "%d", day);
        out += digits;
      }
    }
  }
  return prefix.thai_digits ? format::to_thai_digits(out) : out;
}

// What a number section asks for: decimals, grouping, percent and literal text around the digits.
struct NumberPattern {
  int decimals = 0;
  bool grouping = false;
  bool percent = false;
  bool seen_digit = false;  // none: General
  std::string literal;
};

NumberPattern read_number_pattern(std::string_view section) {
  NumberPattern pattern;
  bool after_point = false;
  bool quoted = false;
  for (std::size_t i = 0; i < section.size(); ++i) {
    const char c = section[i];
    if (c == '"') {
      quoted = !quoted;
      continue;
    }
    if (quoted) {
      pattern.literal += c;
      continue;
    }
    if (c == '\\' && i + 1 < section.size()) {
      pattern.literal += section[++i];
    } else if (c == '0' || c == '#' || c == '?') {
      pattern.seen_digit = true;
      if (after_point) ++pattern.decimals;
    } else if (c == '.') {
      after_point = true;
    } else if (c == ',' && pattern.seen_digit && !after_point) {
      pattern.grouping = true;
    } else if (c == '%') {
      pattern.percent = true;
    } else if (c != '_' && c != '*' && c != '@') {
      pattern.literal += c;
    }
  }
  return pattern;
}

std::string render_number(double value, const NumberPattern& pattern, const LocalePrefix& prefix) {
  if (pattern.percent) value *= 100;
  // As printf's %.10g and %.*f would write it (to_chars rounds the same way), cut to the 63 characters
  // that a 64-byte printf buffer holds.
  constexpr std::size_t printf_buffer = 64;
  char buffer[400];
  const auto written =
      pattern.seen_digit
          ? std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed, pattern.decimals)
          : std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::general, 10);
  const std::size_t length = written.ec == std::errc() ? static_cast<std::size_t>(written.ptr - buffer) : 0;
  std::string number(buffer, std::min(length, printf_buffer - 1));
  if (pattern.seen_digit && pattern.grouping) {
    const std::size_t sign = number[0] == '-' ? 1 : 0;
    std::size_t point = number.find('.');
    if (point == std::string::npos) point = number.size();
    for (std::size_t at = point; at > sign + 3; at -= 3) number.insert(at - 3, 1, ',');
  }
  if (pattern.percent) number += '%';
  number += pattern.literal;
  return prefix.thai_digits ? format::to_thai_digits(number) : number;
}

}  // namespace

struct NumberDisplay::Form {
  LocalePrefix prefix;
  bool general = false;
  bool date = false;
  std::string section;    // dates
  NumberPattern pattern;  // numbers
};

NumberDisplay::NumberDisplay(std::string_view number_format) {
  auto form = std::make_shared<Form>();
  form->section = first_section(number_format, form->prefix);
  form->general = form->section.empty() || form->section == "General";
  form->date = !form->general && is_date_format(form->section);
  if (!form->date) form->pattern = read_number_pattern(form->general ? "" : form->section);
  form_ = std::move(form);
}

std::string NumberDisplay::text(double value) const {
  if (form_->general) return render_number(value, form_->pattern, form_->prefix);
  if (form_->date) {
    if (value < 61 || value >= 2958466) return "########";  // outside the shared date range
    return render_date(value, form_->section, form_->prefix);
  }
  return render_number(std::fabs(value) >= 1e300 ? 0 : value, form_->pattern, form_->prefix);
}

std::string display_text(double value, std::string_view number_format) {
  return NumberDisplay(number_format).text(value);
}

}  // namespace raingan::xlsx
