#pragma once
// What a function sees while a formula is evaluated: the workbook's cells, the formula's own cell, scratch
// space for texts it makes, the caches of large ranges, and a way to report what it cannot do.

#include <algorithm>
#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <vector>

#include "formula/operand.h"
#include "formula/workbook_data.h"

namespace raingan::formula {

class RangeCache;

class CallContext {
 public:
  CallContext(Workbook::Data& data, RangeCache& cache, double today)
      : data_(data), cache_(cache), today_(today) {}

  // A cell's value; blank beyond what is stored.
  Value cell(SheetId sheet, std::uint32_t row, std::uint32_t column) const {
    const SheetData& s = data_.sheets[sheet];
    return column < s.columns.size() ? s.columns[column].value(row, data_.texts) : Value{};
  }
  // The column's store, or nullptr when nothing is stored in it.
  const Column* column(SheetId sheet, std::uint32_t column) const {
    const SheetData& s = data_.sheets[sheet];
    return column < s.columns.size() ? &s.columns[column] : nullptr;
  }
  const TextPool& texts() const { return data_.texts; }
  // The sheet's extent: rows and columns beyond are blank.
  std::uint32_t sheet_rows(SheetId sheet) const { return data_.sheets[sheet].rows; }
  std::uint32_t sheet_columns(SheetId sheet) const { return data_.sheets[sheet].column_count; }

  // An operand as one value: a one-cell area is that cell; a one-column (one-row) area is the cell in the
  // formula's row (column) — Excel's implicit intersection — or #VALUE! when there is none; a missing
  // argument is blank.
  Value scalar(const Operand& operand) const;

  // Keeps a text made while evaluating the current formula; the view is valid until the formula is done.
  std::string_view keep(std::string text) { return kept_.emplace_back(std::move(text)); }

  double today() const { return today_; }  // the day serial TODAY() returns
  RangeCache& cache() { return cache_; }
  SheetId sheet() const { return sheet_; }
  CellAddress anchor() const { return anchor_; }

  // Something the function cannot compute faithfully (a TEXT format it does not know): reported with the
  // cell, beside the error value the function returns.
  void report(std::string message) { reports_.push_back(std::move(message)); }

  // For the evaluator, around each formula.
  void begin(SheetId sheet, CellAddress anchor) {
    sheet_ = sheet;
    anchor_ = anchor;
    kept_.clear();
    reports_.clear();
  }
  const std::vector<std::string>& reports() const { return reports_; }

 private:
  Workbook::Data& data_;
  RangeCache& cache_;
  double today_;
  SheetId sheet_ = 0;
  CellAddress anchor_{};
  std::deque<std::string> kept_;
  std::vector<std::string> reports_;
};

// Rows of the area, counted from its first, that can hold a value: the cells below the sheet's extent are
// blank (a whole column reaches row 1,048,576).
inline std::uint32_t stored_rows(const CallContext& context, const Area& area) {
  const std::uint32_t sheet_rows = context.sheet_rows(area.sheet);
  if (sheet_rows <= area.first_row) return 0;
  return std::min(area.rows(), sheet_rows - area.first_row);
}

// Calls visit(value, offset) for each cell of the area that can hold a value, in row-major order (offset
// counts cells from the top-left one, across the whole width of the area), and stops early when visit
// returns false. The cells beyond the sheet's extent are blank and are not visited: for visitors to which
// blanks do not matter. Returns whether it went through the whole area.
template <class Visit>
bool visit_area(const CallContext& context, const Area& area, Visit&& visit) {
  const std::uint32_t rows = stored_rows(context, area);
  if (area.first_column == area.last_column) {
    const Column* column = context.column(area.sheet, area.first_column);
    if (!column) return true;
    for (std::uint32_t r = 0; r < rows; ++r)
      if (!visit(column->value(area.first_row + r, context.texts()), r)) return false;
    return true;
  }
  const std::uint32_t width = area.columns();
  const std::uint32_t columns =
      std::min<std::uint32_t>(width, context.sheet_columns(area.sheet) > area.first_column
                                         ? context.sheet_columns(area.sheet) - area.first_column
                                         : 0);
  for (std::uint32_t r = 0; r < rows; ++r)
    for (std::uint32_t c = 0; c < columns; ++c)
      if (!visit(context.cell(area.sheet, area.first_row + r, area.first_column + c),
                 static_cast<std::uint64_t>(r) * width + c))
        return false;
  return true;
}

// The cell `offset` cells (row-major) from the area's top-left one.
inline Value area_cell(const CallContext& context, const Area& area, std::uint64_t offset) {
  const std::uint32_t width = area.columns();
  return context.cell(area.sheet, area.first_row + static_cast<std::uint32_t>(offset / width),
                      area.first_column + static_cast<std::uint32_t>(offset % width));
}

}  // namespace raingan::formula
