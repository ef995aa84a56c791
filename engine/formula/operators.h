#pragma once
// Excel's operators on values (internal): arithmetic turns its operands into numbers (coercion.h), & into
// texts, comparisons compare values of any kinds. An error operand is the result, the left one first.
// Arithmetic that overflows or is undefined is #NUM!, division by zero #DIV/0!, 0^0 #NUM! (as in Excel;
// LibreOffice gives 1).

#include "formula/call_context.h"
#include "formula/formula.h"

namespace raingan::formula {

Value apply_unary(Operator op, const Value& operand);
Value apply_binary(Operator op, const Value& left, const Value& right, CallContext& context);

}  // namespace raingan::formula
