#pragma once
// Argument handling shared by the function families (internal).

#include <span>

#include "formula/call_context.h"
#include "formula/coercion.h"
#include "formula/operand.h"
#include "formula/range_cache.h"

namespace raingan::formula {

// An argument as a number (or the error it is or becomes): scalar, then to_number. Missing is 0.
inline Value number_argument(CallContext& context, const Operand& operand) {
  return to_number(context.scalar(operand));
}

// An argument as a boolean (or error). Missing is FALSE.
inline Value boolean_argument(CallContext& context, const Operand& operand) {
  return to_boolean(context.scalar(operand));
}

// How SUM-like functions read values given directly rather than through a reference (in references they
// read numbers only): as SUM does (TRUE is 1, "3" is 3, "x" is #VALUE!) or as COUNT does (the same
// counted, bad texts and errors skipped).
enum class DirectValues { sum, count };

// The numbers of SUM-like arguments, with the first error met in argument order. One-column areas of at least
// RangeCache::min_cells cells come from the range cache.
Aggregate collect_numbers(CallContext& context, std::span<const Operand> arguments, DirectValues direct);

// The numbers themselves, in order (STDEV), with the first error.
std::vector<double> list_numbers(CallContext& context, std::span<const Operand> arguments,
                                 std::optional<ErrorCode>& error);

inline Operand error_operand(ErrorCode code) { return Value::error(code); }

}  // namespace raingan::formula
