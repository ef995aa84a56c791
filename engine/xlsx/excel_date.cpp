#include "xlsx/excel_date.h"

#include <cstdio>
#include <stdexcept>

namespace raingan::xlsx {
using templating::CellDate;
namespace {

bool is_leap(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int days_in_month(int year, int month) {
  static constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && is_leap(year) ? 29 : days[month - 1];
}

// Days from 1970-01-01 to a proleptic Gregorian date (the civil-from-days inverse used by std::chrono).
long days_from_civil(int year, int month, int day) {
  const int y = year - (month <= 2 ? 1 : 0);
  const int era = (y >= 0 ? y : y - 399) / 400;
  const int year_of_era = y - era * 400;
  const int day_of_year = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  const int day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
  return static_cast<long>(era) * 146097 + day_of_era - 719468;
}

}  // namespace

std::string to_iso(const CellDate& date) {
  char text[32];
  std::snprintf(text, sizeof text, "%04d-%02d-%02d", date.year, date.month, date.day);
  return text;
}

int excel_serial(const CellDate& date) {
  if (date.month < 1 || date.month > 12 || date.day < 1 || date.year < 1 || date.year > 9999 ||
      date.day > days_in_month(date.year, date.month))
    throw std::invalid_argument("not a calendar date: " + to_iso(date));
  // From 1900-03-01 on, Excel's serial equals the day count from 1899-12-30 (the fictitious 1900-02-29
  // makes up for the day the 1899-12-31 origin is short).
  const long serial = days_from_civil(date.year, date.month, date.day) - days_from_civil(1899, 12, 30);
  if (serial < excel_serial_first_shared)
    throw std::invalid_argument("date " + to_iso(date) +
                                " is before 1900-03-01, where Excel and LibreOffice number days differently");
  return static_cast<int>(serial);
}

}  // namespace raingan::xlsx
