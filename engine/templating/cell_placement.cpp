#include "templating/cell_placement.h"

#include <algorithm>
#include <stdexcept>
#include <string>

namespace raingan::templating {

std::uint32_t CellPlacement::last_open_row() const noexcept {
  std::uint32_t last = 0;
  for (const auto& merge : open_) last = std::max(last, merge.range.last_row);
  return last;
}

RowMerges CellPlacement::place(std::uint32_t row, std::span<Cell> cells) {
  RowMerges merges;
  taken_.clear();
  auto mark = [this](std::uint16_t first, std::uint16_t last) {
    if (taken_.size() <= last) taken_.resize(last + 1U, false);
    std::fill(taken_.begin() + first, taken_.begin() + last + 1, true);
  };
  auto is_taken = [this](unsigned col) { return col < taken_.size() && taken_[col]; };

  for (const auto& merge : open_) {
    if (merge.range.first_row >= row || merge.range.last_row < row)
      throw std::logic_error("cell placement: rows were skipped while a merge was open");
    mark(merge.range.first_col, merge.range.last_col);
    for (unsigned col = merge.range.first_col; col <= merge.range.last_col; ++col)
      merges.covered.push_back({static_cast<std::uint16_t>(col), merge.style});
    if (merge.range.last_row == row) merges.finishing.push_back(merge);
  }
  std::erase_if(open_, [row](const MergedRange& merge) { return merge.range.last_row == row; });

  unsigned col = 0;
  for (std::size_t index = 0; index < cells.size(); ++index) {
    Cell& cell = cells[index];
    if (cell.colspan == 0 || cell.rowspan == 0)
      throw std::invalid_argument("cell " + std::to_string(index + 1) + " of row " + std::to_string(row + 1) +
                                  " spans 0 columns or rows");
    while (is_taken(col)) ++col;
    const unsigned last_col = col + cell.colspan - 1U;
    if (last_col >= max_cols)
      throw std::invalid_argument("row " + std::to_string(row + 1) + " passes Excel's last column (XFD)");
    if (static_cast<std::uint64_t>(row) + cell.rowspan > max_rows)
      throw std::invalid_argument("a cell in row " + std::to_string(row + 1) +
                                  " spans past Excel's last row (1,048,576)");
    for (unsigned c = col + 1; c <= last_col; ++c)
      if (is_taken(c))
        throw std::invalid_argument("cell " + cell_name(row, static_cast<std::uint16_t>(col)) + " spans " +
                                    std::to_string(cell.colspan) + " columns into " +
                                    cell_name(row, static_cast<std::uint16_t>(c)) +
                                    ", which a merged cell from an earlier row covers");
    cell.col = static_cast<std::uint16_t>(col);
    if (cell.colspan > 1 || cell.rowspan > 1) {
      const MergedRange merge{{row, static_cast<std::uint16_t>(col), row + cell.rowspan - 1U,
                               static_cast<std::uint16_t>(last_col)},
                              cell.style};
      merges.starting.push_back(merge);
      for (unsigned c = col + 1; c <= last_col; ++c)
        merges.covered.push_back({static_cast<std::uint16_t>(c), cell.style});
      if (cell.rowspan > 1) open_.push_back(merge);
    }
    col = last_col + 1;
  }
  std::sort(merges.covered.begin(), merges.covered.end(),
            [](const RowMerges::Blank& a, const RowMerges::Blank& b) { return a.col < b.col; });
  return merges;
}

}  // namespace raingan::templating
