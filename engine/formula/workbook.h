#pragma once
// The cells formulas are evaluated over: sheets by name, each a column store (per column, one byte of kind
// and eight of payload per row, texts interned once per workbook), sized for registers of 100,000 rows.
//
//   Workbook book;
//   const SheetId rates = book.add_sheet("อัตรา");
//   book.set_value(rates, {4, 4}, Value::number(20));                          // E5
//   const SheetId students = book.add_sheet("รายนักเรียน");
//   const FormulaId amount = book.add_formula("=I5*'อัตรา'!$E$5", {4, 9});    // parsed once …
//   book.set_formula(students, {4, 9}, amount);                               // … set in J5
//   book.set_formula(students, {5, 9}, book.add_formula("=I6*'อัตรา'!$E$5", {5, 9}));  // the same id
//   std::vector<Problem> problems = evaluate(book, {});                       // evaluate.h
//   Value j5 = book.value(students, {4, 9});
//
// Each sheet's extent is one past the last row and column given a value, a blank or a formula; a reference
// beyond it is an error at evaluation, except whole columns and rows (A:A, 1:1), which reach the sheet's end
// as in Excel (COUNTBLANK(A:A) counts the 1,048,576 rows).

#include <cstdint>
#include <memory>
#include <optional>
#include <string_view>

#include "formula/cell_address.h"
#include "formula/formula.h"
#include "formula/operand.h"
#include "formula/value.h"

namespace raingan::formula {

using FormulaId = std::uint32_t;

class Workbook {
 public:
  Workbook();
  ~Workbook();
  Workbook(Workbook&&) noexcept;
  Workbook& operator=(Workbook&&) noexcept;

  // Adds a sheet. Throws std::invalid_argument when the name is empty, longer than 31 characters, has one of
  // : \ / ? * [ ], starts or ends with ', or is already taken (names are compared ignoring ASCII case).
  SheetId add_sheet(std::string_view name);
  std::optional<SheetId> find_sheet(std::string_view name) const;
  std::string_view sheet_name(SheetId sheet) const;
  std::size_t sheet_count() const;

  // Sets a constant (texts are copied in). A blank still counts toward the sheet's extent (a styled empty
  // cell). Replaces a formula set there before. Throws std::out_of_range beyond XFD1048576.
  void set_value(SheetId sheet, CellAddress cell, const Value& value);

  // Parses a formula written in cell `anchor` and returns its id; the same formula at another row with the
  // same relative references gets the same id. Throws ParseError.
  FormulaId add_formula(std::string_view text, CellAddress anchor);
  FormulaId add_formula(const Formula& formula);
  const Formula& formula(FormulaId id) const;
  std::size_t formula_count() const;  // distinct formulas

  // Puts formula `id` in a cell; evaluate() computes it. Throws std::out_of_range beyond XFD1048576.
  void set_formula(SheetId sheet, CellAddress cell, FormulaId id);

  // Gives back the slack of a sheet whose cells are all set (its columns grew row by row, up to twice their
  // size). Done on the thread that set them, that thread's heap takes the memory back. Cells may still be
  // set after, at the cost of growing again.
  void compact(SheetId sheet);

  // One past the last row and column used.
  CellAddress extent(SheetId sheet) const;
  // The cell's value; for a formula cell its result once evaluate() has run (blank before).
  Value value(SheetId sheet, CellAddress cell) const;

  // Bytes held by the cell store, the texts and the formulas (for measurements).
  std::size_t memory_bytes() const;

  // The store itself, for the evaluator (workbook_data.h).
  struct Data;
  Data& data() { return *data_; }
  const Data& data() const { return *data_; }

 private:
  std::unique_ptr<Data> data_;
};

}  // namespace raingan::formula
