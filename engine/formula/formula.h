#pragma once
// A parsed Excel A1 formula, compact and independent of the cell it is written in.
//
// Formula::parse("=I5*'อัตรา'!$E$9", {row 4, column 9}) keeps I5 as "same row, one column to the left" and
// $E$9 as it is, so the formula of every row of a 100,000-row column parses to the same Formula; a Workbook
// keeps one copy of each (Workbook::add_formula interns them).
//
// Grammar (Excel's, English function names and ',' between arguments): numbers (1, 1.5, .5, 1e3), texts
// ("a ""quoted"" word"), TRUE/FALSE, error literals (#N/A …), references (A1, $A$1, A1:B9, A:A, 1:1, each
// optionally after Sheet!, 'อัตรา'! or 'it''s'!), function calls, parentheses and the operators, tightest
// first:
//   unary - and +      -2^2 is 4, as in Excel
//   %                  postfix, divides by 100
//   ^                  left to right: 2^3^2 is 64
//   * /
//   + -
//   &
//   = <> < <= > >=
// Every binary operator is left-associative. A formula has at most 8,192 characters and nests at most 200
// levels. Not supported (a ParseError says so): array constants {1,2},
// defined names, the union (,) and intersection (space) operators, R1C1 references, structured references.

#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "formula/cell_address.h"

namespace raingan::formula {

// A formula that cannot be read: where (1-based position in characters, counting the '=' if the text has
// one) and why ("expected ')' to close SUM(, found the end of the formula").
class ParseError : public std::runtime_error {
 public:
  ParseError(std::size_t position, std::string message);
  std::size_t position() const noexcept { return position_; }
  const std::string& message() const noexcept { return message_; }  // without the position

 private:
  std::size_t position_;
  std::string message_;
};

// A row or column of a reference: absolute ($E$5: row 4) or relative to the formula's cell (E5 written in
// row 3: +2).
struct Coordinate {
  std::int32_t value = 0;
  bool absolute = false;
  bool operator==(const Coordinate&) const = default;
};

struct Reference {
  enum class Shape : std::uint8_t { cell, area, columns, rows };
  static constexpr std::int32_t own_sheet = -1;
  std::int32_t sheet = own_sheet;  // an index into Formula::sheet_names(), or own_sheet
  Shape shape = Shape::cell;
  Coordinate first_row, first_column, last_row, last_column;  // last_* equal first_* for a cell
  bool operator==(const Reference&) const = default;
};

enum class NodeKind : std::uint8_t { number, text, boolean, error, missing, reference, unary, binary, call };
enum class Operator : std::uint8_t {
  negate,
  plus,
  percent,  // unary
  power,
  multiply,
  divide,
  add,
  subtract,
  concat,
  equal,
  not_equal,
  less,
  less_equal,
  greater,
  greater_equal
};

// How tightly a binary operator binds: 1 for comparisons, 2 &, 3 + -, 4 * /, 5 ^; 0 for the unary ones, which
// bind tighter than all of them.
int precedence(Operator op);

// The formula is a tree stored in postfix order: a node's operands (or arguments) are the `size`-long run of
// nodes just before it, each operand a subtree of its own.
struct Node {
  NodeKind kind = NodeKind::missing;
  Operator op = Operator::plus;      // unary and binary nodes
  std::uint16_t argument_count = 0;  // call nodes
  std::uint32_t size = 1;            // nodes in this subtree, itself included
  // number: index into numbers(); text: into texts(); boolean: 0 or 1; error: an ErrorCode; reference: index
  // into references(); call: the function's id (function_table.h).
  std::uint32_t operand = 0;
  bool operator==(const Node&) const = default;
};

class Formula {
 public:
  // Parses `text` ("=SUM(A1:A3)" or "SUM(A1:A3)") written in cell `anchor`. Throws ParseError.
  static Formula parse(std::string_view text, CellAddress anchor);
  // The same into an existing Formula, reusing its storage (for parsing many formulas in a row).
  static void parse_into(Formula& formula, std::string_view text, CellAddress anchor);

  // The formula as written in cell `anchor`, with the parentheses its structure needs ("=-2^2", "=(1+2)*3",
  // "=1-(2-3)"), or with every operation in parentheses ("=((-2)^2)"). Parses back to an equal Formula.
  enum class Parentheses { needed, all };
  std::string to_text(CellAddress anchor, Parentheses parentheses = Parentheses::needed) const;
  // The part of the formula whose root is nodes()[node], the same way and without '=' ("-2^2").
  std::string expression_text(std::size_t node, CellAddress anchor) const;
  // Reference `index` of references() as written in cell `anchor` ("'อัตรา'!$E$5").
  std::string reference_text(std::size_t index, CellAddress anchor) const;

  const std::vector<Node>& nodes() const noexcept { return nodes_; }
  const std::vector<double>& numbers() const noexcept { return numbers_; }
  const std::vector<std::string>& texts() const noexcept { return texts_; }
  const std::vector<Reference>& references() const noexcept { return references_; }
  const std::vector<std::string>& sheet_names() const noexcept { return sheet_names_; }

  std::size_t hash() const noexcept;
  bool operator==(const Formula&) const = default;

 private:
  friend class Parser;
  std::vector<Node> nodes_;
  std::vector<double> numbers_;
  std::vector<std::string> texts_;
  std::vector<Reference> references_;
  std::vector<std::string> sheet_names_;
};

}  // namespace raingan::formula
