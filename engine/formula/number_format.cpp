#include "formula/number_format.h"

#include <algorithm>
#include <cmath>
#include <vector>

#include "format/thai_date.h"
#include "format/thai_digits.h"
#include "formula/date_serial.h"
#include "formula/number_text.h"

namespace raingan::formula {
namespace {

constexpr std::string_view english_months[] = {"January",   "February", "March",    "April",
                                               "May",       "June",     "July",     "August",
                                               "September", "October",  "November", "December"};
constexpr std::string_view english_days[] = {"Sunday",   "Monday", "Tuesday", "Wednesday",
                                             "Thursday", "Friday", "Saturday"};
constexpr std::string_view thai_days[] = {"อาทิตย์", "จันทร์", "อังคาร", "พุธ", "พฤหัสบดี", "ศุกร์", "เสาร์"};
constexpr std::string_view thai_day_abbreviations[] = {"อา.", "จ.", "อ.", "พ.", "พฤ.", "ศ.", "ส."};

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

// A piece of a section: literal text, or a code.
struct Piece {
  enum class Kind { literal, digit, point, comma, percent, general, date } kind;
  std::string
      text;  // literal text; the digit placeholder (0 # ?); the date code in lower case ("mmm", "ampm")
};

struct Section {
  std::vector<Piece> pieces;
  bool thai_names = false;
  bool buddhist_year = false;
  bool thai_digits = false;
  bool is_date = false;
  bool twelve_hour = false;
};

std::vector<std::string_view> split_sections(std::string_view format) {
  std::vector<std::string_view> sections;
  std::size_t start = 0;
  bool quoted = false;
  for (std::size_t i = 0; i < format.size(); ++i) {
    const char c = format[i];
    if (c == '"')
      quoted = !quoted;
    else if (!quoted && c == '\\')
      ++i;
    else if (!quoted && c == ';') {
      sections.push_back(format.substr(start, i - start));
      start = i + 1;
    }
  }
  sections.push_back(format.substr(start));
  return sections;
}

// Reads [$-D07041E] and the like; false for what is not supported.
bool read_bracket(std::string_view code, Section& section) {
  std::string lowered;
  for (const char c : code) lowered += lower(c);
  if (lowered == "red" || lowered == "black" || lowered == "blue" || lowered == "green" ||
      lowered == "white" || lowered == "yellow" || lowered == "magenta" || lowered == "cyan" ||
      lowered.starts_with("color"))
    return true;
  if (!code.starts_with("$")) return false;
  const std::size_t dash = code.find('-');
  if (dash == std::string_view::npos) return false;
  if (dash > 1) section.pieces.push_back({Piece::Kind::literal, std::string(code.substr(1, dash - 1))});
  const std::string hex(code.substr(dash + 1));
  if (hex.empty() || hex.size() > 8 || hex.find_first_not_of("0123456789abcdefABCDEF") != std::string::npos)
    return false;
  const unsigned long id = std::stoul(hex, nullptr, 16);
  section.thai_names = (id & 0xFFFF) == 0x041E;
  section.buddhist_year = ((id >> 16) & 0xFF) == 0x07;
  section.thai_digits = ((id >> 24) & 0xF) == 0xD;
  return true;
}

// Splits a section into pieces; nullopt for codes not supported.
std::optional<Section> read_section(std::string_view s) {
  Section section;
  auto literal = [&](std::string text) { section.pieces.push_back({Piece::Kind::literal, std::move(text)}); };
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    const char l = lower(c);
    if (c == '"') {
      const std::size_t end = s.find('"', i + 1);
      if (end == std::string_view::npos) return std::nullopt;
      literal(std::string(s.substr(i + 1, end - i - 1)));
      i = end;
    } else if (c == '\\' || c == '_' || c == '*') {
      if (i + 1 >= s.size()) return std::nullopt;
      std::size_t n = 1;
      while (i + 1 + n < s.size() && (static_cast<unsigned char>(s[i + 1 + n]) & 0xC0) == 0x80) ++n;
      if (c == '\\') literal(std::string(s.substr(i + 1, n)));
      if (c == '_') literal(" ");
      i += n;
    } else if (c == '[') {
      const std::size_t end = s.find(']', i);
      if (end == std::string_view::npos || !read_bracket(s.substr(i + 1, end - i - 1), section))
        return std::nullopt;
      i = end;
    } else if (c == '0' || c == '#' || c == '?') {
      section.pieces.push_back({Piece::Kind::digit, std::string(1, c)});
    } else if (c == '.') {
      section.pieces.push_back({Piece::Kind::point, "."});
    } else if (c == ',') {
      section.pieces.push_back({Piece::Kind::comma, ","});
    } else if (c == '%') {
      section.pieces.push_back({Piece::Kind::percent, "%"});
    } else if (s.substr(i).size() >= 7 && lower(s[i]) == 'g' && lower(s[i + 1]) == 'e' &&
               lower(s[i + 2]) == 'n' && lower(s[i + 3]) == 'e' && lower(s[i + 4]) == 'r' &&
               lower(s[i + 5]) == 'a' && lower(s[i + 6]) == 'l') {
      section.pieces.push_back({Piece::Kind::general, ""});
      i += 6;
    } else if (l == 'a' && (s.substr(i, 5) == "AM/PM" || s.substr(i, 5) == "am/pm")) {
      section.pieces.push_back({Piece::Kind::date, "ampm"});
      section.twelve_hour = section.is_date = true;
      i += 4;
    } else if (l == 'd' || l == 'm' || l == 'y' || l == 'h' || l == 's') {
      std::size_t n = 1;
      while (i + n < s.size() && lower(s[i + n]) == l) ++n;
      section.pieces.push_back({Piece::Kind::date, std::string(n, l)});
      section.is_date = true;
      i += n - 1;
    } else if (static_cast<unsigned char>(c) >= 0x80 ||
               std::string_view("$-+/():!^&'~{}<>= ").find(c) != std::string_view::npos) {
      literal(std::string(1, c));
    } else {
      return std::nullopt;
    }
  }
  // m after h or before s is minutes.
  for (std::size_t k = 0; k < section.pieces.size(); ++k) {
    Piece& p = section.pieces[k];
    if (p.kind != Piece::Kind::date || p.text[0] != 'm' || p.text.size() > 2) continue;
    for (std::size_t j = k; j-- > 0;) {
      if (section.pieces[j].kind != Piece::Kind::date) continue;
      if (section.pieces[j].text[0] == 'h') p.text = p.text.size() == 1 ? "n" : "nn";
      break;
    }
    for (std::size_t j = k + 1; j < section.pieces.size(); ++j) {
      if (section.pieces[j].kind != Piece::Kind::date) continue;
      if (section.pieces[j].text[0] == 's') p.text = p.text.size() == 1 ? "n" : "nn";
      break;
    }
  }
  return section;
}

std::string two_digits(int n) { return (n < 10 ? "0" : "") + std::to_string(n); }

std::optional<std::string> format_date(double value, const Section& section) {
  // Times round to the second.
  double seconds_total = std::round((value - std::floor(value)) * 86400.0);
  double day = std::floor(value);
  if (seconds_total >= 86400) {
    seconds_total -= 86400;
    day += 1;
  }
  const auto date = serial_date(day);
  if (!date) return std::nullopt;
  const int seconds = static_cast<int>(seconds_total);
  const int hour = seconds / 3600, minute = seconds / 60 % 60, second = seconds % 60;
  const int year = date->year + (section.buddhist_year ? format::buddhist_era_offset : 0);
  std::string out;
  for (const Piece& p : section.pieces) {
    std::string part;
    if (p.kind != Piece::Kind::date) {
      out += p.kind == Piece::Kind::general ? general_text(value) : p.text;
      continue;
    }
    const std::string& code = p.text;
    if (code == "d")
      part = std::to_string(date->day);
    else if (code == "dd")
      part = two_digits(date->day);
    else if (code == "ddd")
      part = section.thai_names ? thai_day_abbreviations[date->weekday]
                                : english_days[date->weekday].substr(0, 3);
    else if (code[0] == 'd')
      part = section.thai_names ? thai_days[date->weekday] : english_days[date->weekday];
    else if (code == "m")
      part = std::to_string(date->month);
    else if (code == "mm")
      part = two_digits(date->month);
    else if (code == "mmm")
      part = section.thai_names ? format::thai_month_abbreviation(static_cast<unsigned>(date->month))
                                : english_months[date->month - 1].substr(0, 3);
    else if (code == "mmmm" || code.size() > 5)
      part = section.thai_names ? format::thai_month_name(static_cast<unsigned>(date->month))
                                : english_months[date->month - 1];
    else if (code == "mmmmm")
      part = section.thai_names
                 ? std::string(format::thai_month_name(static_cast<unsigned>(date->month)).substr(0, 3))
                 : english_months[date->month - 1].substr(0, 1);
    else if (code == "y" || code == "yy")
      part = two_digits(year % 100);
    else if (code[0] == 'y')
      part = std::to_string(year);
    else if (code[0] == 'h') {
      const int h = section.twelve_hour ? (hour % 12 == 0 ? 12 : hour % 12) : hour;
      part = code.size() == 1 ? std::to_string(h) : two_digits(h);
    } else if (code[0] == 'n')
      part = code.size() == 1 ? std::to_string(minute) : two_digits(minute);
    else if (code[0] == 's')
      part = code.size() == 1 ? std::to_string(second) : two_digits(second);
    if (code == "ampm") {
      out += hour < 12 ? "AM" : "PM";
      continue;
    }
    out += section.thai_digits ? format::to_thai_digits(part) : part;
  }
  return out;
}

std::string group_thousands(const std::string& digits) {
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

std::optional<std::string> format_plain(double value, const Section& section) {
  // The layout: digit placeholders before and after the point, grouping, scaling, percent.
  int integer_zeros = 0, integer_places = 0;
  std::string decimals;  // the placeholders after the point
  bool seen_point = false, grouping = false, any_digit = false;
  int scale_commas = 0, percents = 0;
  const auto& pieces = section.pieces;
  for (std::size_t k = 0; k < pieces.size(); ++k) {
    const Piece& p = pieces[k];
    if (p.kind == Piece::Kind::general) return std::nullopt;  // General with other codes: not supported
    if (p.kind == Piece::Kind::digit) {
      any_digit = true;
      if (seen_point) {
        decimals += p.text;
      } else {
        ++integer_places;
        if (p.text == "0") ++integer_zeros;
      }
    } else if (p.kind == Piece::Kind::point) {
      if (seen_point) return std::nullopt;
      seen_point = true;
    } else if (p.kind == Piece::Kind::comma) {
      // Between digit placeholders of the integer part: thousands separators; after the last placeholder:
      // each divides by 1000.
      bool digit_follows = false;
      for (std::size_t j = k + 1; j < pieces.size() && !digit_follows; ++j) {
        if (pieces[j].kind == Piece::Kind::digit)
          digit_follows = true;
        else if (pieces[j].kind != Piece::Kind::comma)
          break;
      }
      if (digit_follows && any_digit && !seen_point)
        grouping = true;
      else if (!digit_follows && any_digit)
        ++scale_commas;
    } else if (p.kind == Piece::Kind::percent) {
      ++percents;
    }
  }
  double scaled = value;
  for (int i = 0; i < percents; ++i) scaled *= 100;
  for (int i = 0; i < scale_commas; ++i) scaled /= 1000;
  const int places = static_cast<int>(decimals.size());
  const std::string fixed = fixed_digits(scaled, places);
  std::string integer =
      fixed.substr(0, places > 0 ? fixed.size() - static_cast<std::size_t>(places) - 1 : fixed.size());
  std::string fraction = places > 0 ? fixed.substr(fixed.size() - static_cast<std::size_t>(places)) : "";
  // Leading zeros only as far as the format has 0 placeholders.
  while (integer.size() > static_cast<std::size_t>(integer_zeros) && !integer.empty() && integer[0] == '0')
    integer.erase(0, 1);
  if (integer.size() < static_cast<std::size_t>(integer_zeros))
    integer.insert(0, integer_zeros - integer.size(), '0');
  if (grouping) integer = group_thousands(integer);
  // Trailing decimal zeros: # drops them, ? shows a space.
  for (std::size_t k = fraction.size(); k-- > 0 && fraction[k] == '0';) {
    if (decimals[k] == '0') break;
    fraction[k] = decimals[k] == '?' ? ' ' : '\0';
  }
  fraction.erase(std::find(fraction.begin(), fraction.end(), '\0'), fraction.end());
  if (section.thai_digits) {
    integer = format::to_thai_digits(integer);
    fraction = format::to_thai_digits(fraction);
  }
  std::string out;
  bool integer_written = false;
  for (const Piece& p : pieces) {
    switch (p.kind) {
      case Piece::Kind::literal:
        out += p.text;
        break;
      case Piece::Kind::percent:
        out += '%';
        break;
      case Piece::Kind::digit:
        if (!seen_point || !integer_written) {
          if (!integer_written) out += integer;
          integer_written = true;
        }
        break;
      case Piece::Kind::point:
        if (!integer_written) out += integer;
        integer_written = true;
        out += '.' + fraction;
        break;
      default:
        break;
    }
  }
  if (!integer_written && any_digit) out += integer;
  return out;
}

}  // namespace

std::optional<std::string> format_number(double value, std::string_view format) {
  std::vector<std::string_view> sections = split_sections(format);
  if (sections.size() > 4) return std::nullopt;
  if (sections.size() == 4) sections.pop_back();  // the text section: TEXT of a number never uses it
  std::string_view chosen = sections[0];
  bool add_minus = false;
  double magnitude = value;
  if (value < 0 && sections.size() >= 2) {
    chosen = sections[1];
    magnitude = -value;
  } else if (value == 0 && sections.size() == 3) {
    chosen = sections[2];
  } else if (value < 0) {
    add_minus = true;
    magnitude = -value;
  }
  if (chosen.empty() && sections.size() > 1) return std::string();
  const auto section = read_section(chosen);
  if (!section) return std::nullopt;
  if (section->pieces.size() == 1 && section->pieces[0].kind == Piece::Kind::general)
    return (add_minus ? "-" : "") + general_text(magnitude);
  if (section->is_date) {
    if (value < 0) return std::nullopt;
    return format_date(value, *section);
  }
  auto text = format_plain(magnitude, *section);
  if (text && add_minus) {
    // No minus before a value that rounds to zero, as Excel writes it.
    bool nonzero = false;
    for (const char c : *text) nonzero |= c >= '1' && c <= '9';
    if (nonzero || section->thai_digits) text->insert(0, "-");
  }
  return text;
}

}  // namespace raingan::formula
