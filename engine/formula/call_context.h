#pragma once
// What a function sees while a formula is evaluated: the workbook's cells, the formula's own cell, scratch
// space for texts it makes, the caches of large ranges, and a way to report what it cannot do.

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

// Calls visit(value, offset) for each cell of the area in row-major order (offset counts cells from the
// top-left one), and stops early when visit returns false. Returns whether it went through the whole area.
template <class Visit>
bool visit_area(const CallContext& context, const Area& area, Visit&& visit) {
  std::uint64_t offset = 0;
  if (area.first_column == area.last_column) {
    const Column* column = context.column(area.sheet, area.first_column);
    for (std::uint32_t row = area.first_row; row <= area.last_row; ++row, ++offset)
      if (!visit(column ? column->value(row, context.texts()) : Value{}, offset)) return false;
    return true;
  }
  for (std::uint32_t row = area.first_row; row <= area.last_row; ++row)
    for (std::uint32_t column = area.first_column; column <= area.last_column; ++column, ++offset)
      if (!visit(context.cell(area.sheet, row, column), offset)) return false;
  return true;
}

// The cell `offset` cells (row-major) from the area's top-left one.
inline Value area_cell(const CallContext& context, const Area& area, std::uint64_t offset) {
  const std::uint32_t width = area.columns();
  return context.cell(area.sheet, area.first_row + static_cast<std::uint32_t>(offset / width),
                      area.first_column + static_cast<std::uint32_t>(offset % width));
}

}  // namespace raingan::formula
