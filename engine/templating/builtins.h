#pragma once
// The built-in functions and formatters of the template language, grouped by concern; each group adds its
// functions to the table. templates/README.md documents every one of them.

#include <map>
#include <string>
#include <string_view>

#include "format/thai_digits.h"
#include "templating/evaluator.h"

namespace raingan::templating {

using BuiltinTable = std::map<std::string, Builtin, std::less<>>;

void add_format_builtins(BuiltinTable& table);  // digits, money, baht_text, percent, fixed, …
void add_date_builtins(BuiltinTable& table);    // date, date_short, fiscal_year, add_days, …
void add_list_builtins(BuiltinTable& table);    // sum, count, mean, stdev, filter, sort, group_by, …

// Helpers shared by the groups.
Value number_value(Number n);
Value text_value(std::string text);
// An optional 'thai' | 'arabic' argument (Thai when absent).
format::Digits digits_arg(Call& call, std::size_t index);

}  // namespace raingan::templating
