// SUM, SUMPRODUCT, ROUND, ROUNDUP, ROUNDDOWN, INT, ABS, MOD.
#include <algorithm>
#include <cmath>

#include "formula/function_support.h"
#include "formula/functions.h"
#include "formula/number_text.h"

namespace raingan::formula::functions {
namespace {

Operand rounded(CallContext& context, std::span<const Operand> arguments, Rounding mode) {
  const Value number = number_argument(context, arguments[0]);
  if (number.is_error()) return number;
  const Value places = number_argument(context, arguments[1]);
  if (places.is_error()) return places;
  const double p = std::trunc(places.as_number());
  if (p > 308 || p < -308) return Value::number(p > 0 ? number.as_number() : 0);
  return Value::number(round_decimal(number.as_number(), static_cast<int>(p), mode));
}

Operand finite(double value) {
  return std::isfinite(value) ? Value::number(value) : Value::error(ErrorCode::num);
}

}  // namespace

Operand sum(CallContext& context, std::span<const Operand> arguments) {
  const Aggregate total = collect_numbers(context, arguments, DirectValues::sum);
  if (total.first_error) return Value::error(*total.first_error);
  return finite(total.sum.total());
}

Operand sumproduct(CallContext& context, std::span<const Operand> arguments) {
  // Each argument an area of the same shape (a value is a 1×1 area); non-numbers count as 0.
  const Operand& first = arguments[0];
  const std::uint32_t rows = first.is_area() ? first.area().rows() : 1;
  const std::uint32_t columns = first.is_area() ? first.area().columns() : 1;
  for (const Operand& a : arguments) {
    if (a.is_error()) return a;
    if ((a.is_area() ? a.area().rows() : 1) != rows || (a.is_area() ? a.area().columns() : 1) != columns)
      return Value::error(ErrorCode::value);
  }
  // Beyond the extent of every argument's sheet the cells are blank and the products 0.
  std::uint32_t stored = 0;
  for (const Operand& a : arguments)
    stored = std::max(stored, a.is_area() ? stored_rows(context, a.area()) : 1);
  Summation total;
  for (std::uint64_t offset = 0; offset < static_cast<std::uint64_t>(stored) * columns; ++offset) {
    double product = 1;
    for (const Operand& a : arguments) {
      const Value v = a.is_area() ? area_cell(context, a.area(), offset) : a.value();
      if (v.is_error()) return v;
      product *= v.is_number() ? v.as_number() : 0;
    }
    total.add(product);
  }
  return finite(total.total());
}

Operand round(CallContext& context, std::span<const Operand> arguments) {
  return rounded(context, arguments, Rounding::half_away_from_zero);
}
Operand roundup(CallContext& context, std::span<const Operand> arguments) {
  return rounded(context, arguments, Rounding::away_from_zero);
}
Operand rounddown(CallContext& context, std::span<const Operand> arguments) {
  return rounded(context, arguments, Rounding::toward_zero);
}

Operand int_(CallContext& context, std::span<const Operand> arguments) {
  const Value number = number_argument(context, arguments[0]);
  if (number.is_error()) return number;
  // On the 15-digit value, so that 2.9999999999999996 (3 as Excel shows it) is 3.
  return Value::number(std::floor(round_to_15_digits(number.as_number())));
}

Operand abs(CallContext& context, std::span<const Operand> arguments) {
  const Value number = number_argument(context, arguments[0]);
  if (number.is_error()) return number;
  return Value::number(std::fabs(number.as_number()));
}

Operand mod(CallContext& context, std::span<const Operand> arguments) {
  const Value a = number_argument(context, arguments[0]);
  if (a.is_error()) return a;
  const Value b = number_argument(context, arguments[1]);
  if (b.is_error()) return b;
  if (b.as_number() == 0) return Value::error(ErrorCode::div0);
  // The remainder takes the divisor's sign: MOD(-7, 3) is 2, MOD(5.5, -2) is -0.5.
  const double quotient = std::floor(round_to_15_digits(a.as_number() / b.as_number()));
  return finite(approx_add(a.as_number(), -quotient * b.as_number()));
}

}  // namespace raingan::formula::functions
