#pragma once
// Text with {{ expressions }} in it, as written in template text and attribute values, compiled once and
// evaluated for every record.

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "templating/expression.h"

namespace raingan::templating {

struct Interpolation {
  struct Piece {
    std::string literal;                     // used when expression is null
    std::unique_ptr<Expression> expression;  // {{ … }}
  };
  std::vector<Piece> pieces;

  // The whole text is one {{ expression }}: its value is used as it is (a list, a number), not as text.
  const Expression* single_expression() const {
    return pieces.size() == 1 && pieces[0].expression ? pieces[0].expression.get() : nullptr;
  }
  bool constant() const { return pieces.size() <= 1 && (pieces.empty() || !pieces[0].expression); }
};

// Splits text at {{ … }}; throws InputError (file, line) on an unclosed {{ or a bad expression.
Interpolation compile_interpolation(std::string_view text, const SourceLocation& where);

}  // namespace raingan::templating
