#pragma once
// Calendar dates as datasets hold them (ISO yyyy-mm-dd, Gregorian) and as official documents print them
// (Buddhist Era = Gregorian year + 543, Thai month names, Thai digits): 2026-11-22 -> ๒๒ พฤศจิกายน ๒๕๖๙.

#include <compare>
#include <string>
#include <string_view>

#include "format/thai_digits.h"

namespace raingan::format {

// A real Gregorian calendar date (years 1..9999).
struct Date {
  int year = 1970;
  unsigned month = 1;  // 1..12
  unsigned day = 1;    // 1..31
  auto operator<=>(const Date&) const = default;
};

inline constexpr int buddhist_era_offset = 543;
constexpr int buddhist_year(int gregorian_year) { return gregorian_year + buddhist_era_offset; }
constexpr int gregorian_year(int buddhist_year) { return buddhist_year - buddhist_era_offset; }

// Whether year-month-day is a real date (29 Feb only in leap years).
bool is_valid_date(int year, unsigned month, unsigned day);

// The last year parse_iso_date reads: a later one ("2569-11-20") is a Buddhist-Era year typed by mistake.
inline constexpr int max_christian_year = 2400;

// Reads "2026-11-22" (four-digit year, two-digit month and day) and checks it is a real date.
// Throws ValueError "expected a date as yyyy-mm-dd …, found …".
Date parse_iso_date(std::string_view text);
std::string to_iso(const Date& date);

// Day arithmetic. add_months keeps the day where the month has it and otherwise takes the month's last day
// (31 Jan + 1 month = 28 or 29 Feb).
Date add_days(const Date& date, long long days);
Date add_months(const Date& date, int months);
long long days_between(const Date& from, const Date& to);  // to - from; negative when to is earlier
Date last_day_of_month(int year, unsigned month);

// Month names: full (พฤศจิกายน) and abbreviated (พ.ย.). month is 1..12.
std::string_view thai_month_name(unsigned month);
std::string_view thai_month_abbreviation(unsigned month);

// ๒๒ พฤศจิกายน ๒๕๖๙: the official long form.
std::string format_thai_date(const Date& date, Digits digits = Digits::thai);
// ๒๒ พ.ย. ๖๙: abbreviated month and the last two digits of the Buddhist year.
std::string format_thai_date_short(const Date& date, Digits digits = Digits::thai);
// พฤศจิกายน ๒๕๖๙
std::string format_thai_month_year(const Date& date, Digits digits = Digits::thai);

}  // namespace raingan::format
