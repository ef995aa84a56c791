#include "format/thai_date.h"

#include <array>
#include <chrono>
#include <cstdio>

#include "format/value_error.h"

namespace raingan::format {
namespace {

namespace chr = std::chrono;

constexpr std::array<std::string_view, 12> month_names = {"มกราคม",  "กุมภาพันธ์", "มีนาคม",    "เมษายน",
                                                          "พฤษภาคม", "มิถุนายน",  "กรกฎาคม",  "สิงหาคม",
                                                          "กันยายน",  "ตุลาคม",   "พฤศจิกายน", "ธันวาคม"};
constexpr std::array<std::string_view, 12> month_abbreviations = {
    "ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค."};

chr::year_month_day to_chrono(const Date& date) {
  return chr::year_month_day{chr::year{date.year}, chr::month{date.month}, chr::day{date.day}};
}

Date from_chrono(const chr::year_month_day& ymd) {
  return Date{static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
              static_cast<unsigned>(ymd.day())};
}

void check_year(const Date& date) {
  if (date.year < 1 || date.year > 9999)
    throw ValueError("expected a date between the years 1 and 9999, found year " + std::to_string(date.year));
}

[[noreturn]] void reject(std::string_view text, std::string_view why) {
  constexpr std::size_t limit = 40;
  throw ValueError("expected a date as yyyy-mm-dd such as 2026-11-22" +
                   (why.empty() ? std::string() : " (" + std::string(why) + ")") + ", found \"" +
                   std::string(text.substr(0, limit)) + (text.size() > limit ? "…\"" : "\""));
}

std::string_view checked(const std::array<std::string_view, 12>& names, unsigned month) {
  if (month < 1 || month > 12)
    throw ValueError("expected a month from 1 to 12, found " + std::to_string(month));
  return names[month - 1];
}

}  // namespace

bool is_valid_date(int year, unsigned month, unsigned day) {
  if (year < 1 || year > 9999) return false;
  return chr::year_month_day{chr::year{year}, chr::month{month}, chr::day{day}}.ok();
}

Date parse_iso_date(std::string_view text) {
  const auto digits_at = [&text](std::size_t from, std::size_t count, int& value) {
    value = 0;
    for (std::size_t i = from; i < from + count; ++i) {
      if (text[i] < '0' || text[i] > '9') return false;
      value = value * 10 + (text[i] - '0');
    }
    return true;
  };
  int year = 0;
  int month = 0;
  int day = 0;
  if (text.size() != 10 || text[4] != '-' || text[7] != '-' || !digits_at(0, 4, year) ||
      !digits_at(5, 2, month) || !digits_at(8, 2, day))
    reject(text, "");
  if (month < 1 || month > 12) reject(text, "there is no month " + std::to_string(month));
  // Offices count years in the Buddhist Era and type "2569-11-20" for 20 November 2026 every day; read as a
  // Christian year it would print as BE 3112. No document of theirs is dated after 2400 CE, so such a year
  // is refused with the date it most likely meant.
  if (year > max_christian_year) {
    char meant[16];
    std::snprintf(meant, sizeof meant, "%04d-%02d-%02d", year - 543, month, day);
    throw ValueError("expected a date as yyyy-mm-dd with the Christian-Era year, found \"" +
                     std::string(text) + "\", whose year " + std::to_string(year) +
                     " looks like a Buddhist-Era year; write it with the year minus 543: " + meant);
  }
  if (!is_valid_date(year, static_cast<unsigned>(month), static_cast<unsigned>(day)))
    reject(text, std::string(text.substr(0, 7)) + " has no day " + std::to_string(day));
  return Date{year, static_cast<unsigned>(month), static_cast<unsigned>(day)};
}

std::string to_iso(const Date& date) {
  char buffer[16];
  const int length = std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u", date.year, date.month, date.day);
  return std::string(buffer, static_cast<std::size_t>(length));
}

Date add_days(const Date& date, long long days) {
  const Date result = from_chrono(chr::year_month_day{chr::sys_days{to_chrono(date)} + chr::days{days}});
  check_year(result);
  return result;
}

Date add_months(const Date& date, int months) {
  const chr::year_month shifted =
      chr::year_month{chr::year{date.year}, chr::month{date.month}} + chr::months{months};
  const Date last = from_chrono(chr::year_month_day{shifted / chr::last});
  check_year(last);
  return Date{last.year, last.month, std::min(date.day, last.day)};
}

long long days_between(const Date& from, const Date& to) {
  return (chr::sys_days{to_chrono(to)} - chr::sys_days{to_chrono(from)}).count();
}

Date last_day_of_month(int year, unsigned month) {
  return from_chrono(chr::year_month_day{chr::year{year} / chr::month{month} / chr::last});
}

std::string_view thai_month_name(unsigned month) { return checked(month_names, month); }
std::string_view thai_month_abbreviation(unsigned month) { return checked(month_abbreviations, month); }

std::string format_thai_date(const Date& date, Digits digits) {
  return with_digits(std::to_string(date.day), digits) + " " + std::string(thai_month_name(date.month)) +
         " " + with_digits(std::to_string(buddhist_year(date.year)), digits);
}

std::string format_thai_date_short(const Date& date, Digits digits) {
  const int short_year = buddhist_year(date.year) % 100;
  const std::string year_text = (short_year < 10 ? "0" : "") + std::to_string(short_year);
  return with_digits(std::to_string(date.day), digits) + " " +
         std::string(thai_month_abbreviation(date.month)) + " " + with_digits(year_text, digits);
}

std::string format_thai_month_year(const Date& date, Digits digits) {
  return std::string(thai_month_name(date.month)) + " " +
         with_digits(std::to_string(buddhist_year(date.year)), digits);
}

}  // namespace raingan::format
