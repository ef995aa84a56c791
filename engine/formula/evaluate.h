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
//   - a reference to a sheet the workbook does not have, or beyond the sheet's extent (its last used row
//     and column), naming the reference; the value is #REF!;
//   - what a function cannot compute faithfully (a TEXT format it does not support); the value is #VALUE!.
// Error values a formula computes (#DIV/0!, #N/A …) are results, not problems.

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
