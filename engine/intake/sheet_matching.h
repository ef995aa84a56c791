#pragma once
// Which sheet of a workbook fills what: sheets by name (x-sheet and its aliases, compared as titles), and a
// file of one sheet under another name (a CSV) by its header: it fills the sheet whose titles it has.

#include <string>
#include <vector>

#include "intake/import_plan.h"
#include "intake/sheet_table.h"

namespace raingan::intake {

struct SheetMatch {
  const Sheet* values = nullptr;     // the single values' sheet
  std::vector<const Sheet*> sheets;  // per sheet of the plan; nullptr when the workbook has none
  std::string problem;               // about the workbook's only sheet, when it matches no sheet of the plan
};

// Notes say which sheet a one-sheet file was read as, and which sheets were not used.
SheetMatch match_sheets(const ImportPlan& plan, const Workbook& workbook, std::vector<std::string>& notes);

// "\"a\", \"b\", …" for messages.
std::string quoted_list(const std::vector<std::string>& names, std::size_t limit = 8);

}  // namespace raingan::intake
