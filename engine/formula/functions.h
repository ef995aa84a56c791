#pragma once
// The code of each supported function (internal; function_table.cpp names them). One family per file.

#include <span>

#include "formula/call_context.h"
#include "formula/operand.h"

namespace raingan::formula::functions {

#define RAINGAN_FORMULA_FUNCTION(name) Operand name(CallContext& context, std::span<const Operand> arguments)

// functions_math.cpp
RAINGAN_FORMULA_FUNCTION(sum);
RAINGAN_FORMULA_FUNCTION(sumproduct);
RAINGAN_FORMULA_FUNCTION(round);
RAINGAN_FORMULA_FUNCTION(roundup);
RAINGAN_FORMULA_FUNCTION(rounddown);
RAINGAN_FORMULA_FUNCTION(int_);
RAINGAN_FORMULA_FUNCTION(abs);
RAINGAN_FORMULA_FUNCTION(mod);

// functions_statistics.cpp
RAINGAN_FORMULA_FUNCTION(count);
RAINGAN_FORMULA_FUNCTION(counta);
RAINGAN_FORMULA_FUNCTION(countblank);
RAINGAN_FORMULA_FUNCTION(average);
RAINGAN_FORMULA_FUNCTION(min);
RAINGAN_FORMULA_FUNCTION(max);
RAINGAN_FORMULA_FUNCTION(stdev);

// functions_conditional.cpp
RAINGAN_FORMULA_FUNCTION(sumif);
RAINGAN_FORMULA_FUNCTION(sumifs);
RAINGAN_FORMULA_FUNCTION(countif);
RAINGAN_FORMULA_FUNCTION(countifs);
RAINGAN_FORMULA_FUNCTION(averageif);
RAINGAN_FORMULA_FUNCTION(averageifs);

// functions_logical.cpp (IF, IFERROR and IFNA are run by the evaluator)
RAINGAN_FORMULA_FUNCTION(and_);
RAINGAN_FORMULA_FUNCTION(or_);
RAINGAN_FORMULA_FUNCTION(not_);
RAINGAN_FORMULA_FUNCTION(true_);
RAINGAN_FORMULA_FUNCTION(false_);
RAINGAN_FORMULA_FUNCTION(isblank);
RAINGAN_FORMULA_FUNCTION(isnumber);
RAINGAN_FORMULA_FUNCTION(istext);
RAINGAN_FORMULA_FUNCTION(iserror);
RAINGAN_FORMULA_FUNCTION(isna);
RAINGAN_FORMULA_FUNCTION(na);

// functions_lookup.cpp
RAINGAN_FORMULA_FUNCTION(index);
RAINGAN_FORMULA_FUNCTION(match);
RAINGAN_FORMULA_FUNCTION(vlookup);
RAINGAN_FORMULA_FUNCTION(hlookup);
RAINGAN_FORMULA_FUNCTION(lookup);

// functions_text.cpp
RAINGAN_FORMULA_FUNCTION(text);
RAINGAN_FORMULA_FUNCTION(bahttext);
RAINGAN_FORMULA_FUNCTION(concatenate);
RAINGAN_FORMULA_FUNCTION(len);
RAINGAN_FORMULA_FUNCTION(left);
RAINGAN_FORMULA_FUNCTION(right);
RAINGAN_FORMULA_FUNCTION(value);

// functions_date.cpp
RAINGAN_FORMULA_FUNCTION(date);
RAINGAN_FORMULA_FUNCTION(year);
RAINGAN_FORMULA_FUNCTION(month);
RAINGAN_FORMULA_FUNCTION(day);
RAINGAN_FORMULA_FUNCTION(today);

#undef RAINGAN_FORMULA_FUNCTION

}  // namespace raingan::formula::functions
