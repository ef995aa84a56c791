#pragma once
// Expressions inside templates: {{ row.no | thai }}, test="total > ceiling", sum(students, s => s.amount).
// Parsed once per template; evaluated many times by the binder.
//
// Grammar (lowest precedence first):
//   pipe     := coalesce ('|' name ('(' args ')')?)*        x | thai  ==  thai(x)
//   coalesce := or ('??' or)*                               missing-or-null ?? default
//   or/and/not, comparison (== != < <= > >=), + - (also joins text), * / %, unary -,
//   postfix  := primary ('.' name | '[' expr ']' | '(' args ')')*
//   primary  := number | 'text' | "text" | true | false | null | name | '(' expr ')' | '[' items ']'
//               | '{' name ':' expr, … '}'
//   an argument may be a lambda:  name => expr

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "templating/number.h"

namespace raingan::templating {

struct Expression {
  enum class Kind {
    literal_number,  // text = the number as written
    literal_string,
    literal_bool,  // text = "true" / "false"
    literal_null,
    variable,  // text = name
    member,    // operands[0].text
    index,     // operands[0][operands[1]]
    call,      // text = function name; operands = arguments
    lambda,    // text = parameter name; operands[0] = body
    list,      // operands = items
    object,    // operands = key (literal_string), value, key, value, …
    unary,     // text = "-" or "not"
    binary,    // text = operator; operands = left, right
  };
  // The operator of a unary or binary node, read from `text` once by the parser so that evaluating it does
  // not compare texts.
  enum class Operator : std::uint8_t {
    none,
    coalesce,  // ??
    logical_and,
    logical_or,
    logical_not,
    negate,  // unary -
    equal,
    not_equal,
    less,
    less_equal,
    greater,
    greater_equal,
    plus,
    minus,
    times,
    divide,
    remainder,
  };

  Kind kind = Kind::literal_null;
  std::string text;
  std::vector<std::unique_ptr<Expression>> operands;
  int column = 0;  // 1-based column in the expression source, for messages
  Operator op = Operator::none;
  std::optional<Number> number;  // the value of a literal_number, parsed once
};

// Where an expression came from, for messages: "templates/memo.xml", line 12.
struct SourceLocation {
  std::string file;
  int line = 0;
};

// Parses one expression; throws InputError "file: line N: …" with what was expected and found.
std::unique_ptr<Expression> parse_expression(std::string_view source, const SourceLocation& where);

// The expression as source text again (for messages such as "row.standard is missing").
std::string to_source(const Expression& expression);

}  // namespace raingan::templating
