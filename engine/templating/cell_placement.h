#pragma once
// Places a row's cells into columns the way an HTML table does: cells fill the row from column A, skipping
// columns that a cell from an earlier row still covers with its rowspan. Sets each cell's column and yields
// the merged ranges that start or end in the row and the blank cells they cover in it, so that a streaming
// writer can write every row once, in order.

#include <cstdint>
#include <span>
#include <vector>

#include "templating/cell_range.h"
#include "templating/cell_value.h"

namespace raingan::templating {

struct MergedRange {
  CellRange range;
  StyleId style;  // every cell of a merged range carries the anchor's style, so borders are continuous
};

// What merged cells mean for one row (all empty in a row without them).
struct RowMerges {
  struct Blank {
    std::uint16_t col;
    StyleId style;
  };
  std::vector<Blank> covered;          // inside merged ranges, other than their anchors; by column
  std::vector<MergedRange> starting;   // anchored in this row
  std::vector<MergedRange> finishing;  // anchored in an earlier row, last row is this one
};

class CellPlacement {
 public:
  // Places `row`'s cells, setting each one's `col`. The row must come after every row placed before, and
  // while a merge is open (has_open()) directly after the last one. Throws std::invalid_argument when a cell
  // would pass Excel's last column or row, run into a merged cell from an earlier row, or span 0.
  RowMerges place(std::uint32_t row, std::span<Cell> cells);

  // Whether a merge anchored in a row placed so far covers rows not placed yet; those rows must be placed
  // (if only with no cells) before the sheet ends, up to last_open_row().
  bool has_open() const noexcept { return !open_.empty(); }
  std::uint32_t last_open_row() const noexcept;

 private:
  std::vector<MergedRange> open_;  // anchored in an earlier row, still covering later rows
  std::vector<bool> taken_;        // per column, covered from above in the row being placed
};

}  // namespace raingan::templating
