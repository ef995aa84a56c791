#pragma once
// The fitted widths of one sheet's columns: each cell that fills one column (merged cells do not count)
// widens its column to what it shows (cell_widths.h), up to the sheet's cap; columns with a width of their
// own keep it (column_fit.h).

#include <cstdint>
#include <vector>

#include "templating/cell_value.h"
#include "xlsx/cell_widths.h"
#include "xlsx/column_fit.h"

namespace raingan::xlsx {

class SheetColumns {
 public:
  // explicit_characters[c] > 0 fixes column c; 0 or absent means fitted, at most max_characters wide.
  SheetColumns(std::vector<double> explicit_characters, double max_characters, int max_digit_width);
  SheetColumns(SheetColumns&&) noexcept;
  SheetColumns& operator=(SheetColumns&&) noexcept;
  ~SheetColumns();

  // A cell written at its column.
  void observe(const templating::Cell& cell, CellWidths& widths);

  // Every column with an explicit width or observed text, in column order.
  std::vector<ColumnFit::Width> widths() const { return fit_.widths(); }

 private:
  struct LastObserved;
  ColumnFit fit_;
  std::vector<LastObserved> last_observed_;  // per column
};

}  // namespace raingan::xlsx
