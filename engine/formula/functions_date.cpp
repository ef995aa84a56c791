// DATE, YEAR, MONTH, DAY, TODAY over date_serial.h's day serials.
#include <cmath>

#include "formula/date_serial.h"
#include "formula/function_support.h"
#include "formula/functions.h"

namespace raingan::formula::functions {
namespace {

// YEAR, MONTH and DAY: the date of a serial, or the error to return.
Value date_of(CallContext& context, const Operand& argument, SerialDate& date) {
  const Value serial = number_argument(context, argument);
  if (serial.is_error()) return serial;
  const auto found = serial_date(serial.as_number());
  if (!found) return Value::error(ErrorCode::num);
  date = *found;
  return serial;
}

}  // namespace

Operand date(CallContext& context, std::span<const Operand> arguments) {
  double parts[3];
  for (std::size_t i = 0; i < 3; ++i) {
    const Value v = number_argument(context, arguments[i]);
    if (v.is_error()) return v;
    parts[i] = std::trunc(v.as_number());
  }
  double year = parts[0];
  if (year >= 0 && year < 1900) year += 1900;  // DATE(24, 1, 31) is in 1924, as in Excel
  if (year < 1900 || year > 9999 || std::fabs(parts[1]) > 1e6 || std::fabs(parts[2]) > 1e8)
    return Value::error(ErrorCode::num);
  // Months beyond 12 or below 1 move the year; days beyond the month move on from its first day.
  const double months = year * 12 + parts[1] - 1;
  const double normalised_year = std::floor(months / 12);
  const int month = static_cast<int>(months - normalised_year * 12) + 1;
  if (normalised_year < 1900 || normalised_year > 9999) return Value::error(ErrorCode::num);
  const double serial = date_serial(static_cast<int>(normalised_year), month, 1) + parts[2] - 1;
  if (serial < 0 || serial > last_date_serial) return Value::error(ErrorCode::num);
  return Value::number(serial);
}

Operand year(CallContext& context, std::span<const Operand> arguments) {
  SerialDate d;
  const Value v = date_of(context, arguments[0], d);
  return v.is_error() ? v : Value::number(d.year);
}

Operand month(CallContext& context, std::span<const Operand> arguments) {
  SerialDate d;
  const Value v = date_of(context, arguments[0], d);
  return v.is_error() ? v : Value::number(d.month);
}

Operand day(CallContext& context, std::span<const Operand> arguments) {
  SerialDate d;
  const Value v = date_of(context, arguments[0], d);
  return v.is_error() ? v : Value::number(d.day);
}

Operand today(CallContext& context, std::span<const Operand>) { return Value::number(context.today()); }

}  // namespace raingan::formula::functions
