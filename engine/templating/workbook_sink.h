#pragma once
// Where a <workbook> template's content goes, as layout hands pages to a PageSink: the workbook binder makes
// styles, sheets and rows and passes them on as it makes them, so a 100,000-row register is never held in
// memory. The xlsx stage writes them out (xlsx/workbook_writer.h); a step placed between the two sees every
// cell, with its sheet, row and column, before the sink after it does, and may fill in its cached value.
//
// The order of calls: add_style() whenever a style is needed; per sheet, begin_sheet(), its rows in
// increasing order (write_row()), then set_autofilter(), add_conditional_format() and add_list_validation()
// as the sheet has them, and end_sheet(). One call per row, whose cells are moved, not copied: the per-cell
// work of a sink is its own.

#include <cstdint>
#include <optional>
#include <vector>

#include "templating/cell_placement.h"
#include "templating/cell_range.h"
#include "templating/cell_style.h"
#include "templating/cell_value.h"
#include "templating/conditional_rule.h"
#include "templating/list_validation.h"
#include "templating/sheet_setup.h"

namespace raingan::templating {

// One row of a sheet, its cells placed by a CellPlacement (each knows its column, left to right), with what
// merged cells mean for it. The rows that a merge covers are all given, if only with no cells.
struct SheetRow {
  std::uint32_t index = 0;  // zero-based
  std::vector<Cell> cells;
  RowMerges merges;
  std::optional<double> height;  // points; the sheet's default when absent
};

class WorkbookSink {
 public:
  virtual ~WorkbookSink() = default;

  // The same style twice gives the same id; 0 is the workbook's normal style.
  virtual StyleId add_style(const CellStyle& style) = 0;

  // Starts a sheet.
  virtual void begin_sheet(const SheetSetup& setup) = 0;
  // A formula cell is always locked, even in an unlocked style, so a protected sheet guards every formula.
  virtual void write_row(SheetRow&& row) = 0;
  // The filter of the sheet: the header row plus the data rows, known only after the last row.
  virtual void set_autofilter(const CellRange& range) = 0;
  // Live formatting for a range of the sheet (e.g. overdue rows in red).
  virtual void add_conditional_format(const CellRange& range, const ConditionalRule& rule) = 0;
  // A drop-down of allowed values for a range of the sheet.
  virtual void add_list_validation(const CellRange& range, const ListValidation& validation) = 0;
  virtual void end_sheet() = 0;
};

}  // namespace raingan::templating
