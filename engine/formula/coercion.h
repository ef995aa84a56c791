#pragma once
// Excel's conversions between kinds of values, and its comparison of values of any kinds.
//
// - To a number: blank is 0, TRUE 1, FALSE 0, text is read by parse_number_text (number_text.h) or is
//   #VALUE!, an error stays itself.
// - To text: a number as General text, TRUE/FALSE, blank "".
// - To a boolean: a number is TRUE unless 0, text "TRUE"/"FALSE" in any case, blank FALSE, other text
// #VALUE!.
// - Comparison: numbers < texts < booleans whatever the values (="a"<1 is FALSE, =TRUE>"z" is TRUE); blank
//   compares as 0, "" or FALSE, whichever the other side is; texts compare ignoring case (ASCII letters;
//   other scripts have no case or keep it), then by code point; numbers are equal when they differ by less
//   than their magnitude × 2^-48, so =0.1+0.2=0.3 is TRUE as in Excel and LibreOffice. Excel orders texts by
//   the locale's collation (Thai leading vowels, hyphens); code point order matches it for ASCII letters and
//   digits only.

#include <string>
#include <string_view>

#include "formula/value.h"

namespace raingan::formula {

Value to_number(const Value& value);
Value to_boolean(const Value& value);
// Text of a non-error value.
std::string to_text(const Value& value);

bool approx_equal(double a, double b);
// a + b, and 0 when they cancel to within the precision of the operands (=0.3-0.2-0.1 is 0 as in Excel).
double approx_add(double a, double b);

// Negative, zero or positive as a is below, equal to or above b. Neither may be an error.
int compare_values(const Value& a, const Value& b);
// Texts ignoring ASCII case.
int compare_text(std::string_view a, std::string_view b);
bool equal_text(std::string_view a, std::string_view b);
// The text with ASCII letters in lower case (the key under which equal_text texts are equal).
std::string fold_case(std::string_view text);

}  // namespace raingan::formula
