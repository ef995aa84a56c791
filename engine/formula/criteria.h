#pragma once
// The criteria of SUMIF, SUMIFS, COUNTIF, COUNTIFS, AVERAGEIF and AVERAGEIFS, as Excel reads them.
//
// A criterion is a value, or a text starting with an operator (=, <>, <, <=, >, >=) followed by a value:
//   5, "5", "=5", ">=3"   numbers: "=" also matches texts that read as the number (the text "5"), as Excel
//                         does; <, <=, >, >= match numbers only
//   "abc", "<>x", "a*"    texts, ignoring case; with = and <> the wildcards * (any run), ? (one character)
//                         and ~ (the next character as itself) apply; <, >, … compare texts only
//   TRUE, "FALSE"         booleans only
//   "#N/A"                that error only
//   ""                    blank cells and empty texts; "=" blank cells only; "<>" every non-blank cell
//   an empty cell         as 0
// "<>v" matches every cell "=v" does not (blanks included).

#include <string>

#include "formula/value.h"

namespace raingan::formula {

struct Criterion {
  enum class Op : std::uint8_t { equal, not_equal, less, less_equal, greater, greater_equal };
  enum class Kind : std::uint8_t { number, text, boolean, error, empty };
  Op op = Op::equal;
  Kind kind = Kind::number;
  double number = 0;            // number (rounded to 15 digits); boolean: 0 or 1
  std::string text;             // text, case-folded
  bool wildcard = false;        // text with * ? ~ under = or <>
  bool empty_text_too = false;  // "" (no operator): blank cells and empty texts
  ErrorCode error = ErrorCode::na;
};

// The criterion a value states. Errors are not criteria: the caller returns them.
Criterion parse_criterion(const Value& value);
bool matches(const Criterion& criterion, const Value& cell);

// Whether `text` matches `pattern` with * ? ~ (case-folded pattern; text folded on the way).
bool wildcard_match(std::string_view folded_pattern, std::string_view text);

}  // namespace raingan::formula
