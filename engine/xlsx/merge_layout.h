#pragma once
// Places a row's cells into columns the way an HTML table does: cells fill the row from column A, skipping
// columns that a cell from an earlier row still covers with its rowspan. Yields, per row, where each cell
// goes, the blank cells that merges cover in it, and the merged ranges that start or end there, so that a
// streaming writer can emit every row once, in order.

#include <cstdint>
#include <span>
#include <vector>

#include "xlsx/cell_range.h"
#include "xlsx/cell_value.h"

namespace raingan::xlsx {

struct MergedRange {
  CellRange range;
  StyleId style;  // every cell of a merged range carries the anchor's style, so borders are continuous
};

struct RowPlan {
  struct Placed {
    std::size_t index;  // into the row's cells
    std::uint16_t col;
  };
  struct Blank {
    std::uint16_t col;
    StyleId style;
  };
  std::vector<Placed> cells;
  std::vector<Blank> covered;          // inside merged ranges, other than their anchors
  std::vector<MergedRange> starting;   // anchored in this row
  std::vector<MergedRange> finishing;  // anchored in an earlier row, last row is this one
};

class MergeLayout {
 public:
  // Lays out `row`, which must come after every row laid out before. Throws std::invalid_argument when a
  // cell would pass Excel's last column or a span is 0.
  RowPlan place(std::uint32_t row, std::span<const Cell> cells);

  // Whether a merge anchored in a row laid out so far covers rows not laid out yet; those rows must be laid
  // out (if only with no cells) before the sheet ends, up to last_open_row().
  bool has_open() const noexcept { return !open_.empty(); }
  std::uint32_t last_open_row() const noexcept;

 private:
  std::vector<MergedRange> open_;  // anchored in an earlier row, still covering later rows
};

}  // namespace raingan::xlsx
