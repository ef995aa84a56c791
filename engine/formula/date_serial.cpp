#include "formula/date_serial.h"

#include <cmath>

namespace raingan::formula {
namespace {

bool is_leap(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int days_in_month(int year, int month) {
  static constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && is_leap(year) ? 29 : days[month - 1];
}

// Days from 1970-01-01 of 1899-12-30, the origin of serials from 61 on.
const std::int64_t serial_origin = days_from_civil(1899, 12, 30);

void civil_from_days(std::int64_t z, int& year, int& month, int& day) {
  z += 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const std::int64_t doe = z - era * 146097;
  const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const std::int64_t mp = (5 * doy + 2) / 153;
  day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  year = static_cast<int>(yoe + era * 400 + (month <= 2 ? 1 : 0));
}

}  // namespace

std::int64_t days_from_civil(std::int64_t year, int month, int day) {
  year -= month <= 2 ? 1 : 0;
  const std::int64_t era = (year >= 0 ? year : year - 399) / 400;
  const std::int64_t yoe = year - era * 400;
  const std::int64_t doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
  const std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

bool is_real_date(int year, int month, int day) {
  return year >= 1 && year <= 9999 && month >= 1 && month <= 12 && day >= 1 &&
         day <= days_in_month(year, month);
}

double date_serial(int year, int month, int day) {
  const std::int64_t days = days_from_civil(year, month, day) - serial_origin;
  // Before 1900-03-01 Excel's count is one less (it has no 1899-12-30 and counts 1900-02-29).
  return static_cast<double>(days < 61 ? days - 1 : days);
}

std::optional<SerialDate> serial_date(double serial) {
  if (!(serial >= 0) || serial >= last_date_serial + 1) return std::nullopt;
  const std::int64_t whole = static_cast<std::int64_t>(std::floor(serial));
  SerialDate date;
  // Excel counts serial 1 as a Sunday (through its 1900-02-29 it is right from serial 61 on).
  date.weekday = static_cast<int>((whole + 6) % 7);
  if (whole == 0) return date;
  if (whole == 60) {
    date.month = 2;
    date.day = 29;
    return date;
  }
  civil_from_days(serial_origin + (whole < 60 ? whole + 1 : whole), date.year, date.month, date.day);
  return date;
}

}  // namespace raingan::formula
