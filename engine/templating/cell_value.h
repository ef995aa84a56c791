#pragma once
// What a register cell holds, as a <workbook> template makes it for a WorkbookSink (workbook_sink.h). The
// XLSX writer stores values; it never computes a formula. The binder computes every formula itself
// (formula_values.h) and fills in its cached value, the value readers show before they recalculate, which
// LibreOffice's recalculation must reproduce.

#include <cstdint>
#include <optional>
#include <string>
#include <variant>

#include "templating/cell_style.h"

namespace raingan::templating {

// A formula in Excel's English syntax, with or without the leading '=' ("SUM(D2:D9)", "=B2*15").
// A bool result is stored as 1 or 0: libxlsxwriter 1.1.4 can only cache a number or a string; spreadsheets
// replace it with TRUE/FALSE when they recalculate (Excel does so on load).
struct Formula {
  using Result = std::variant<double, std::string, bool>;
  std::string text{};
  Result cached{};
  // value="…" written beside the formula: what the template says it computes, checked against the result.
  std::optional<Result> expected{};
  int line = 0;  // the template line of formula="…", for messages
};

// A Gregorian calendar date (the Buddhist-Era year is the number format's business, not the value's).
// Stored as Excel's day serial; see xlsx/excel_date.h for the range both Excel and LibreOffice agree on.
struct CellDate {
  int year = 1900;
  int month = 1;
  int day = 1;
};

// Empty (monostate), text, number, boolean, formula or date.
using CellValue = std::variant<std::monostate, std::string, double, bool, Formula, CellDate>;

// One cell of a row. Cells fill a row from column A to the right; a cell that spans columns or rows is a
// merged range whose value sits in its top-left cell, and the columns it covers in later rows are skipped
// when those rows are placed (like an HTML table; cell_placement.h sets `col`). An empty cell with a style
// other than 0 is written as a styled blank, so borders and fills stay continuous.
struct Cell {
  CellValue value{};
  StyleId style = 0;
  std::uint16_t colspan = 1;
  std::uint32_t rowspan = 1;
  std::uint16_t col = 0;  // zero-based column of its top-left cell, once placed
};

// Money is integer satang in the engine; a cell holds baht as a double. Every satang amount below 2^53
// converts to the double nearest to amount/100, whose error (< 1e-16 relative) is far below the 0.005 that
// could change a two-decimal display, so "#,##0.00" shows the exact amount. A SUM formula's cached value is
// the formula stage's compensated sum of those doubles, the double nearest the exact total.
constexpr double baht_from_satang(std::int64_t satang) { return static_cast<double>(satang) / 100.0; }

}  // namespace raingan::templating
