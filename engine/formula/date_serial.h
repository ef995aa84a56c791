#pragma once
// Excel's day serials (1900 date system): serial 1 is 1900-01-01 and serial 60 the fictitious 1900-02-29
// that Excel keeps for Lotus 1-2-3, so from 1900-03-01 (serial 61) on a serial is the number of days since
// 1899-12-30. LibreOffice counts from 1899-12-30 throughout, so the two agree from serial 61 on. The fraction
// of a serial is the time of day.

#include <cstdint>
#include <optional>

namespace raingan::formula {

inline constexpr double last_date_serial = 2958465;  // 9999-12-31

struct SerialDate {
  int year = 1900;
  int month = 1;    // 1..12
  int day = 0;      // 0 only for serial 0 (Excel's 1900-01-00); 29 February 1900 for serial 60
  int weekday = 0;  // 0 Sunday … 6 Saturday
};

bool is_real_date(int year, int month, int day);
// The serial of a real date from 1900-01-01 to 9999-12-31.
double date_serial(int year, int month, int day);
// The date of the whole part of a serial from 0 to last_date_serial; nullopt outside.
std::optional<SerialDate> serial_date(double serial);
// Days since 1970-01-01 of a proleptic Gregorian date (negative before), and back.
std::int64_t days_from_civil(std::int64_t year, int month, int day);

}  // namespace raingan::formula
