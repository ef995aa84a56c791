#include "xlsx/display_text.h"

#include <array>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdio>

#include "core/utf8.h"

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

std::string to_thai_digits(std::string_view text) {
  std::string out;
  for (const char c : text) {
    if (c >= '0' && c <= '9')
      utf8::append(out, U'\u0E50' + static_cast<char32_t>(c - '0'));
    else
      out += c;
  }
  return out;
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
  return prefix.thai_digits ? to_thai_digits(out) : out;
}

std::string render_number(double value, std::string_view section, const LocalePrefix& prefix) {
  int decimals = 0;
  bool grouping = false;
  bool percent = false;
  bool seen_digit = false;
  bool after_point = false;
  std::string literal;
  bool quoted = false;
  for (std::size_t i = 0; i < section.size(); ++i) {
    const char c = section[i];
    if (c == '"') {
      quoted = !quoted;
      continue;
    }
    if (quoted) {
      literal += c;
      continue;
    }
    if (c == '\\' && i + 1 < section.size()) {
      literal += section[++i];
    } else if (c == '0' || c == '#' || c == '?') {
      seen_digit = true;
      if (after_point) ++decimals;
    } else if (c == '.') {
      after_point = true;
    } else if (c == ',' && seen_digit && !after_point) {
      grouping = true;
    } else if (c == '%') {
      percent = true;
    } else if (c != '_' && c != '*' && c != '@') {
      literal += c;
    }
  }
  if (percent) value *= 100;
  std::string number;
  char buffer[64];
  if (!seen_digit) {
    std::snprintf(buffer, sizeof buffer, "%.10g", value);  // General: at most 11 characters wide
    number = buffer;
  } else {
    std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
    number = buffer;
    if (grouping) {
      const std::size_t sign = number[0] == '-' ? 1 : 0;
      std::size_t point = number.find('.');
      if (point == std::string::npos) point = number.size();
      for (std::size_t at = point; at > sign + 3; at -= 3) number.insert(at - 3, 1, ',');
    }
  }
  std::string out = number + (percent ? "%" : "") + literal;
  return prefix.thai_digits ? to_thai_digits(out) : out;
}

}  // namespace

std::string display_text(double value, std::string_view number_format) {
  LocalePrefix prefix;
  const std::string section = first_section(number_format, prefix);
  if (section.empty() || section == "General") return render_number(value, "", prefix);
  if (is_date_format(section)) {
    if (value < 61 || value >= 2958466) return "########";  // outside the shared date range
    return render_date(value, section, prefix);
  }
  return render_number(std::fabs(value) >= 1e300 ? 0 : value, section, prefix);
}

}  // namespace raingan::xlsx
