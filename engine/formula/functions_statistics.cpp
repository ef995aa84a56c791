// COUNT, COUNTA, COUNTBLANK, AVERAGE, MIN, MAX, STDEV.
#include <cmath>

#include "formula/function_support.h"
#include "formula/functions.h"

namespace raingan::formula::functions {

Operand count(CallContext& context, std::span<const Operand> arguments) {
  return Value::number(static_cast<double>(collect_numbers(context, arguments, DirectValues::count).numbers));
}

Operand counta(CallContext& context, std::span<const Operand> arguments) {
  return Value::number(
      static_cast<double>(collect_numbers(context, arguments, DirectValues::count).non_blank));
}

Operand countblank(CallContext& context, std::span<const Operand> arguments) {
  if (!arguments[0].is_area()) return Value::error(ErrorCode::value);
  const Aggregate a = collect_numbers(context, arguments, DirectValues::count);
  return Value::number(static_cast<double>(arguments[0].area().cell_count() - a.non_blank + a.empty_texts));
}

Operand average(CallContext& context, std::span<const Operand> arguments) {
  const Aggregate a = collect_numbers(context, arguments, DirectValues::sum);
  if (a.first_error) return Value::error(*a.first_error);
  if (a.numbers == 0) return Value::error(ErrorCode::div0);
  return Value::number(a.sum.total() / static_cast<double>(a.numbers));
}

Operand min(CallContext& context, std::span<const Operand> arguments) {
  const Aggregate a = collect_numbers(context, arguments, DirectValues::sum);
  if (a.first_error) return Value::error(*a.first_error);
  return Value::number(a.numbers == 0 ? 0 : a.min);
}

Operand max(CallContext& context, std::span<const Operand> arguments) {
  const Aggregate a = collect_numbers(context, arguments, DirectValues::sum);
  if (a.first_error) return Value::error(*a.first_error);
  return Value::number(a.numbers == 0 ? 0 : a.max);
}

Operand stdev(CallContext& context, std::span<const Operand> arguments) {
  // The sample standard deviation, in two passes (the mean, then the squared deviations from it).
  std::optional<ErrorCode> error;
  const std::vector<double> numbers = list_numbers(context, arguments, error);
  if (error) return Value::error(*error);
  if (numbers.size() < 2) return Value::error(ErrorCode::div0);
  Summation sum;
  for (const double x : numbers) sum.add(x);
  const double mean = sum.total() / static_cast<double>(numbers.size());
  Summation squares;
  for (const double x : numbers) squares.add((x - mean) * (x - mean));
  return Value::number(std::sqrt(squares.total() / static_cast<double>(numbers.size() - 1)));
}

}  // namespace raingan::formula::functions
