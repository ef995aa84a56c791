#pragma once
// A small workbook for formula tests: a sheet "S" whose cells are set by name, and formulas evaluated in it.

#include <doctest/doctest.h>

#include <string>
#include <string_view>

#include "formula/cell_address.h"
#include "formula/evaluate.h"
#include "formula/number_text.h"
#include "formula/workbook.h"

namespace raingan::test {

// A value as a test reads it: 12.5, "text", TRUE, #N/A, (blank).
inline std::string show(const formula::Value& v) {
  using formula::ValueKind;
  switch (v.kind()) {
    case ValueKind::blank:
      return "(blank)";
    case ValueKind::number:
      return formula::general_text(v.as_number());
    case ValueKind::text:
      return "\"" + std::string(v.as_text()) + "\"";
    case ValueKind::boolean:
      return v.as_boolean() ? "TRUE" : "FALSE";
    case ValueKind::error:
      return std::string(formula::error_text(v.as_error()));
  }
  return "?";
}

class FormulaBook {
 public:
  FormulaBook() : sheet_(book_.add_sheet("S")) {}

  formula::Workbook& book() { return book_; }
  formula::SheetId sheet() const { return sheet_; }

  static formula::CellAddress at(std::string_view name) {
    const auto cell = formula::parse_cell_name(name);
    REQUIRE_MESSAGE(cell, "bad cell name in the test: " << name);
    return *cell;
  }

  FormulaBook& set(std::string_view cell, double n) { return put(sheet_, cell, formula::Value::number(n)); }
  FormulaBook& set(std::string_view cell, int n) { return set(cell, static_cast<double>(n)); }
  FormulaBook& set(std::string_view cell, std::string_view text) {
    return put(sheet_, cell, formula::Value::text(text));
  }
  FormulaBook& set(std::string_view cell, const std::string& text) {
    return set(cell, std::string_view(text));
  }
  FormulaBook& set(std::string_view cell, const char* text) { return set(cell, std::string_view(text)); }
  FormulaBook& set(std::string_view cell, bool b) { return put(sheet_, cell, formula::Value::boolean(b)); }
  FormulaBook& set_error(std::string_view cell, formula::ErrorCode e) {
    return put(sheet_, cell, formula::Value::error(e));
  }
  FormulaBook& blank(std::string_view cell) { return put(sheet_, cell, formula::Value{}); }
  FormulaBook& put(formula::SheetId sheet, std::string_view cell, const formula::Value& v) {
    book_.set_value(sheet, at(cell), v);
    return *this;
  }
  FormulaBook& formula(std::string_view cell, std::string_view text, formula::SheetId sheet) {
    book_.set_formula(sheet, at(cell), book_.add_formula(text, at(cell)));
    return *this;
  }
  FormulaBook& formula(std::string_view cell, std::string_view text) { return formula(cell, text, sheet_); }

  // Evaluates what is pending and returns the problems.
  std::vector<formula::Problem> run() { return formula::evaluate(book_, options_); }

  // The value of `text` written in `cell` (Z99 by default: inside the sheet so that references are checked
  // against an extent that covers what the tests set). Fails the test on a problem.
  std::string eval(std::string_view text, std::string_view cell = "Z99") {
    formula(cell, text);
    const auto problems = run();
    for (const auto& p : problems) FAIL_CHECK(formula::describe(book_, p));
    return show(book_.value(sheet_, at(cell)));
  }
  formula::Value value(std::string_view cell) const { return book_.value(sheet_, at(cell)); }

  formula::EvaluationOptions options_{};

 private:
  formula::Workbook book_;
  formula::SheetId sheet_;
};

}  // namespace raingan::test
