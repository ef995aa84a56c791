// AND, OR, NOT, TRUE, FALSE, ISBLANK, ISNUMBER, ISTEXT, ISERROR, ISNA, NA. (IF, IFERROR and IFNA are lazy:
// the evaluator runs them.)
#include "formula/function_support.h"
#include "formula/functions.h"

namespace raingan::formula::functions {
namespace {

// The booleans of AND/OR arguments: in references booleans and numbers (texts and blanks skipped), given
// directly also "TRUE"/"FALSE" (other texts are #VALUE!). None at all is #VALUE!.
template <class Combine>
Operand logical(CallContext& context, std::span<const Operand> arguments, bool start, Combine combine) {
  bool result = start;
  bool any = false;
  std::optional<ErrorCode> error;
  for (const Operand& argument : arguments) {
    if (argument.is_area()) {
      visit_area(context, argument.area(), [&](const Value& v, std::uint64_t) {
        if (v.is_error()) {
          error = v.as_error();
          return false;
        }
        if (v.is_boolean() || v.is_number()) {
          result = combine(result, v.is_boolean() ? v.as_boolean() : v.as_number() != 0);
          any = true;
        }
        return true;
      });
      if (error) return Value::error(*error);
      continue;
    }
    const Value b = argument.is_missing() ? Value::boolean(false) : to_boolean(argument.value());
    if (b.is_error()) return b;
    result = combine(result, b.as_boolean());
    any = true;
  }
  if (!any) return Value::error(ErrorCode::value);
  return Value::boolean(result);
}

}  // namespace

Operand and_(CallContext& context, std::span<const Operand> arguments) {
  return logical(context, arguments, true, [](bool a, bool b) { return a && b; });
}

Operand or_(CallContext& context, std::span<const Operand> arguments) {
  return logical(context, arguments, false, [](bool a, bool b) { return a || b; });
}

Operand not_(CallContext& context, std::span<const Operand> arguments) {
  const Value b = boolean_argument(context, arguments[0]);
  if (b.is_error()) return b;
  return Value::boolean(!b.as_boolean());
}

Operand true_(CallContext&, std::span<const Operand>) { return Value::boolean(true); }
Operand false_(CallContext&, std::span<const Operand>) { return Value::boolean(false); }

Operand isblank(CallContext& context, std::span<const Operand> arguments) {
  return Value::boolean(context.scalar(arguments[0]).is_blank() && !arguments[0].is_missing());
}
Operand isnumber(CallContext& context, std::span<const Operand> arguments) {
  return Value::boolean(context.scalar(arguments[0]).is_number());
}
Operand istext(CallContext& context, std::span<const Operand> arguments) {
  return Value::boolean(context.scalar(arguments[0]).is_text());
}
Operand iserror(CallContext& context, std::span<const Operand> arguments) {
  return Value::boolean(context.scalar(arguments[0]).is_error());
}
Operand isna(CallContext& context, std::span<const Operand> arguments) {
  const Value v = context.scalar(arguments[0]);
  return Value::boolean(v.is_error() && v.as_error() == ErrorCode::na);
}
Operand na(CallContext&, std::span<const Operand>) { return Value::error(ErrorCode::na); }

}  // namespace raingan::formula::functions
