#pragma once
// Computes every formula of a Workbook, each after the cells it reads, and stores the results in their cells.
//
// Order: depth first from each formula to the formulas its references reach (whole ranges included; IF's
// branches both count, as in Excel's circularity check), on an explicit stack, so a chain of 100,000
// formulas each reading the one above needs no deep recursion. Each formula's references are scanned once,
// skipping computed cells a 64-row word at a time.
//
// Problems (returned, in the order found; the workbook still gets a value in every formula cell):
//   - a circular reference, naming its cells: "circular reference: 'สรุป'!A1 -> 'สรุป'!B1 -> 'สรุป'!A1";
//   - a reference to a sheet the workbook does not have (its value is #REF!), or beyond the sheet's extent
//     (its last used row and column; the cells read as blank), naming the reference;
//   - what a function cannot compute faithfully (a TEXT format it does not support); the value is #VALUE!.
// Error values a formula computes (#DIV/0!, #N/A …) are results, not problems. evaluate() computes the
// formulas set since it last ran; run it once all cells are set.
//
// Excel's semantics, in brief (details where each is implemented):
//   - Numbers are IEEE doubles. Rounding (ROUND, ROUNDUP, ROUNDDOWN, INT, TEXT) works on the value's
//     15-significant-digit decimal form, so ROUND(2.675, 2) is 2.68 (number_text.h). + and - give 0 when
//     the operands cancel to within their precision, = compares numbers to within 2^-48 of their size, so
//     =0.1+0.2=0.3 is TRUE (coercion.h). SUM and the like add with compensation: a column of satang-exact
//     amounts totals to the double nearest the exact sum.
//   - Kinds: numbers < texts < booleans in comparisons; texts compare ignoring case; "12"+1 is 13, "x"+1
//     #VALUE!, a blank cell is 0 or "" (coercion.h). SUM, AVERAGE, MIN, MAX, COUNT read only numbers in
//     references but convert texts and booleans given directly (SUM("3", TRUE) is 4). Criteria as in
//     criteria.h; lookups as in functions_lookup.cpp; TEXT's formats as in number_format.h.
//   - Errors propagate from the left operand first, then the right; a function returns the first error of
//     its arguments in order (SUM of a range: the first in the range, row by row).
//   - A range where one value is wanted is the cell in the formula's row or column (implicit intersection).
//   - Dates are Excel's 1900-system day serials (date_serial.h); TODAY() is options.today.

#include <cstddef>
#include <string>
#include <vector>

#include "format/thai_date.h"
#include "formula/workbook.h"

namespace raingan::formula {

struct EvaluationOptions {
  format::Date today{};            // what TODAY() returns: the build date, given by the caller
  std::size_t max_problems = 100;  // problems beyond this are counted in the last one
};

struct Problem {
  SheetId sheet = 0;
  CellAddress cell{};
  std::string message;
};

// "'อัตรา'!E5: message".
std::string describe(const Workbook& workbook, const Problem& problem);

std::vector<Problem> evaluate(Workbook& workbook, const EvaluationOptions& options = {});

}  // namespace raingan::formula
