#include "formula/operators.h"

#include <cmath>

#include "formula/coercion.h"

namespace raingan::formula {
namespace {

Value finite(double value) {
  return std::isfinite(value) ? Value::number(value) : Value::error(ErrorCode::num);
}

Value power(double base, double exponent) {
  if (base == 0 && exponent == 0) return Value::error(ErrorCode::num);
  if (base == 0 && exponent < 0) return Value::error(ErrorCode::div0);
  if (base < 0 && exponent != std::trunc(exponent)) return Value::error(ErrorCode::num);
  return finite(std::pow(base, exponent));
}

}  // namespace

Value apply_unary(Operator op, const Value& operand) {
  if (op == Operator::plus) return operand;  // =+"a" is "a": unary plus converts nothing
  const Value n = to_number(operand);
  if (n.is_error()) return n;
  if (op == Operator::negate) return Value::number(-n.as_number());
  return Value::number(n.as_number() / 100);  // percent
}

Value apply_binary(Operator op, const Value& left, const Value& right, CallContext& context) {
  if (left.is_error()) return left;
  if (right.is_error()) return right;
  switch (op) {
    case Operator::concat:
      return Value::text(context.keep(to_text(left) + to_text(right)));
    case Operator::equal:
      return Value::boolean(compare_values(left, right) == 0);
    case Operator::not_equal:
      return Value::boolean(compare_values(left, right) != 0);
    case Operator::less:
      return Value::boolean(compare_values(left, right) < 0);
    case Operator::less_equal:
      return Value::boolean(compare_values(left, right) <= 0);
    case Operator::greater:
      return Value::boolean(compare_values(left, right) > 0);
    case Operator::greater_equal:
      return Value::boolean(compare_values(left, right) >= 0);
    default:
      break;
  }
  const Value a = to_number(left);
  if (a.is_error()) return a;
  const Value b = to_number(right);
  if (b.is_error()) return b;
  const double x = a.as_number(), y = b.as_number();
  switch (op) {
    case Operator::add:
      return finite(approx_add(x, y));
    case Operator::subtract:
      return finite(approx_add(x, -y));
    case Operator::multiply:
      return finite(x * y);
    case Operator::divide:
      return y == 0 ? Value::error(ErrorCode::div0) : finite(x / y);
    case Operator::power:
      return power(x, y);
    default:
      return Value::error(ErrorCode::value);
  }
}

}  // namespace raingan::formula
