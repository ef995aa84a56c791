#include "layout/table_layout.h"

#include <algorithm>
#include <limits>
#include <map>
#include <numeric>
#include <string>

#include "layout/cell_ink.h"

namespace raingan::layout {
namespace {

constexpr double uncut_row_share = 0.4;  // of a page's body height: rows up to this go whole

// Lines of a cell's content that fit in `room` points, starting at `first`.
std::size_t lines_fitting(const CellBox& cell, std::size_t first, double room) {
  std::size_t k = first;
  const double origin = first < cell.line_top.size() ? cell.line_top[first] : 0;
  while (k < cell.lines.size() && cell.line_top[k] - origin + cell.lines[k].height <= room + 1e-6) ++k;
  return k;
}

double remaining_height(const CellBox& cell, std::size_t first) {
  if (first >= cell.lines.size()) return 0;
  return cell.content_height - cell.line_top[first];
}

// A cell as it takes part in one stretch of rows: where it starts and ends there and its first unplaced line.
struct ActiveCell {
  int index = 0;
  int start = 0;  // first row, as seen from this part (a continued cell starts at the part's first row)
  int end = 0;    // one past the last row
  std::size_t first_line = 0;
  bool continued = false;
};

class PartBuilder {
 public:
  PartBuilder(const TableLayout& table, TablePart& part) : table_(table), part_(part) {}

  // Draws a cell from `top` (part coordinates), `height` tall, with lines [first, last).
  void draw_cell(const CellBox& cell, double top, double height, std::size_t first, std::size_t last,
                 bool whole) {
    const double x = table_.column_x[cell.column];
    const double width = table_.column_x[cell.column + cell.colspan - 1] +
                         table_.column_width[cell.column + cell.colspan - 1] - x;
    if (cell.fill) part_.frame.items.push_back(Rectangle{{x, top}, {width, height}, cell.fill, std::nullopt});
    double offset = 0;
    if (whole && first < last) {
      const double slack =
          height - table_.padding_top - table_.padding_bottom - (cell.content_height - cell.line_top[first]);
      if (cell.vertical_align == document::VerticalAlign::middle) offset = std::max(0.0, slack / 2);
      if (cell.vertical_align == document::VerticalAlign::bottom) offset = std::max(0.0, slack);
    }
    const double content_top = top + table_.padding_top + offset;
    const double origin = first < cell.line_top.size() ? cell.line_top[first] : 0;
    const InkLimits limits =
        ink_limits(table_.borders, cell.column, cell.colspan, static_cast<int>(table_.column_width.size()),
                   width - table_.padding_left - table_.padding_right);
    for (std::size_t k = first; k < last; ++k) {
      const FlowLine& line = cell.lines[k];
      const double shift = ink_shift(line.frame, limits);
      part_.frame.append(line.frame,
                         {x + table_.padding_left + shift, content_top + cell.line_top[k] - origin});
      part_.marks.insert(part_.marks.end(), line.marks.begin(), line.marks.end());
      if (!line.origin.broken_span.empty()) part_.broken_spans.push_back(line.origin.broken_span);
    }
    draw_borders(x, top, width, height);
  }

  void draw_outer(double height) {
    if (table_.borders.kind == document::TableBorders::Kind::outer && height > 0)
      part_.frame.items.push_back(
          Rectangle{{0, 0}, {table_.width, height}, std::nullopt, table_.borders.stroke});
  }

 private:
  void draw_borders(double x, double top, double width, double height) {
    const auto& stroke = table_.borders.stroke;
    switch (table_.borders.kind) {
      case document::TableBorders::Kind::all:
        part_.frame.items.push_back(Rectangle{{x, top}, {width, height}, std::nullopt, stroke});
        break;
      case document::TableBorders::Kind::horizontal:
        part_.frame.items.push_back(Rule{{x, top}, {x + width, top}, stroke});
        part_.frame.items.push_back(Rule{{x, top + height}, {x + width, top + height}, stroke});
        break;
      case document::TableBorders::Kind::outer:
      case document::TableBorders::Kind::none:
        break;
    }
  }

  const TableLayout& table_;
  TablePart& part_;
};

class TablePlacer {
 public:
  TablePlacer(const TableLayout& table, const TableProgress& progress, double available, bool at_page_top,
              double page_height)
      : table_(table),
        available_(available),
        at_page_top_(at_page_top),
        page_height_(page_height),
        builder_(table, part_) {
    row_ = progress.next_row < 0 ? table.header_rows : progress.next_row;
    for (const auto& [cell, line] : progress.continued) continued_[cell] = line;
  }

  TablePart run() {
    double y = place_header();
    while (row_ < table_.row_count) {
      const auto cells = active_cells();
      const int group_end = group_end_of(cells, row_);
      const auto heights = row_heights(cells, row_, group_end);
      const double total = std::accumulate(heights.begin(), heights.end(), 0.0);
      if (y + total <= available_ + 1e-6) {
        if (leaves_last_row_alone(cells, group_end, y + total) ||
            strands_a_title(cells, group_end, y + total)) {
          // The table's last row would stand alone under the repeated header, or this row is a title whose
          // rows would all be on the next page: it goes over with them.
          part_.next.next_row = row_;
          part_.next.continued.assign(continued_.begin(), continued_.end());
          builder_.draw_outer(y);
          part_.height = y;
          return std::move(part_);
        }
        draw_rows(cells, y, heights, row_, group_end, total);
        y += total;
        part_.has_body = true;
        continued_.clear();
        row_ = group_end;
        continue;
      }
      y = split(cells, y, heights, group_end);
      builder_.draw_outer(y);
      part_.height = y;
      // A cut that left nothing over (the last row ended by overflow_plan) finishes the table.
      part_.complete = part_.next.next_row >= table_.row_count && part_.next.continued.empty();
      return std::move(part_);
    }
    builder_.draw_outer(y);
    part_.height = y;
    part_.complete = true;
    part_.has_body = part_.has_body || table_.row_count == table_.header_rows;
    return std::move(part_);
  }

 private:
  double place_header() {
    if (table_.header_rows == 0) return 0;
    std::vector<ActiveCell> cells;
    for (int r = 0; r < table_.header_rows; ++r)
      for (int index : table_.row_cells[r]) {
        const CellBox& cell = table_.cells[index];
        cells.push_back({index, r, std::min(r + cell.rowspan, table_.header_rows), 0, false});
      }
    const auto heights = row_heights(cells, 0, table_.header_rows);
    const double total = std::accumulate(heights.begin(), heights.end(), 0.0);
    draw_rows(cells, 0, heights, 0, table_.header_rows, total);
    return total;
  }

  // Cells taking part from row_ on: those continued from the previous page, and those starting later.
  std::vector<ActiveCell> active_cells() const {
    std::vector<ActiveCell> cells;
    for (const auto& [index, line] : continued_) {
      const CellBox& cell = table_.cells[index];
      cells.push_back({index, row_, cell.row + cell.rowspan, line, true});
    }
    for (int r = row_; r < table_.row_count; ++r)
      for (int index : table_.row_cells[r]) {
        if (continued_.count(index)) continue;
        const CellBox& cell = table_.cells[index];
        cells.push_back({index, r, std::min(r + cell.rowspan, table_.row_count), 0, false});
      }
    return cells;
  }

  // Whether drawing the rows up to group_end, on a page with rows of the table drawn already, would leave the
  // table's last row (its total) to stand alone under the repeated header on the next page.
  bool leaves_last_row_alone(const std::vector<ActiveCell>& cells, int group_end, double bottom) const {
    if (!part_.has_body || table_.header_rows == 0 || table_.row_count - group_end != 1) return false;
    const auto last = row_heights(cells, group_end, table_.row_count);
    return bottom + last.front() > available_ + 1e-6;
  }

  // Whether the rows up to group_end end in a row kept with the next (a band or group title, a name whose
  // position is on the row under it) while the next group of rows would not fit under them. When the title
  // would be the part's first row, it goes over with the table only from under other content, and only when
  // it and its rows take at most half a page: on the next page they then fit, under what goes over with them.
  bool strands_a_title(const std::vector<ActiveCell>& cells, int group_end, double bottom) const {
    if (group_end >= table_.row_count || !table_.row_keeps_with_next[group_end - 1]) return false;
    const auto next = row_heights(cells, group_end, group_end_of(cells, group_end));
    const double with_next = bottom + std::accumulate(next.begin(), next.end(), 0.0);
    if (with_next <= available_ + 1e-6) return false;
    return part_.has_body || (!at_page_top_ && with_next <= page_height_ / 2);
  }

  // The smallest stretch of rows from `first` that no cell spans out of.
  int group_end_of(const std::vector<ActiveCell>& cells, int first) const {
    int end = first + 1;
    bool grown = true;
    while (grown) {
      grown = false;
      for (const auto& cell : cells)
        if (cell.start < end && cell.end > end) {
          end = cell.end;
          grown = true;
        }
    }
    return std::min(end, table_.row_count);
  }

  std::vector<double> row_heights(const std::vector<ActiveCell>& cells, int first, int end) const {
    std::vector<double> heights(static_cast<std::size_t>(end - first));
    for (int r = first; r < end; ++r) heights[r - first] = table_.min_row_height[r];
    const double padding = table_.padding_top + table_.padding_bottom;
    for (const auto& cell : cells)
      if (cell.start >= first && cell.end == cell.start + 1 && cell.start < end)
        heights[cell.start - first] =
            std::max(heights[cell.start - first],
                     remaining_height(table_.cells[cell.index], cell.first_line) + padding);
    for (const auto& cell : cells) {
      if (cell.end - cell.start < 2 || cell.start < first || cell.end > end) continue;
      const double need = remaining_height(table_.cells[cell.index], cell.first_line) + padding;
      double have = 0;
      for (int r = cell.start; r < cell.end; ++r) have += heights[r - first];
      if (need > have) heights[cell.end - 1 - first] += need - have;
    }
    return heights;
  }

  void draw_rows(const std::vector<ActiveCell>& cells, double y, const std::vector<double>& heights,
                 int first, int end, double total) {
    std::vector<double> top(heights.size() + 1, y);
    for (std::size_t i = 0; i < heights.size(); ++i) top[i + 1] = top[i] + heights[i];
    for (const auto& cell : cells) {
      if (cell.start < first || cell.start >= end) continue;
      const CellBox& box = table_.cells[cell.index];
      const int last_row = std::min(cell.end, end);
      builder_.draw_cell(box, top[cell.start - first], top[last_row - first] - top[cell.start - first],
                         cell.first_line, box.lines.size(), !cell.continued);
    }
    (void)total;
  }

  // The group does not fit: place the rows that do and cut the row the page end falls in, between lines.
  // Returns the height used.
  double split(const std::vector<ActiveCell>& cells, double y, const std::vector<double>& heights,
               int group_end) {
    const double room = available_ - y;
    std::vector<double> top(heights.size() + 1, 0);
    for (std::size_t i = 0; i < heights.size(); ++i) top[i + 1] = top[i] + heights[i];
    int cut_row = row_;
    while (cut_row < group_end && top[cut_row - row_ + 1] <= room + 1e-6) ++cut_row;

    const bool must_progress = at_page_top_ && !part_.has_body;
    // A row no taller than two fifths of a page is not cut: its part on the next page would read as a row of
    // its own, without the values the first part holds (an indicator's name over two pages, its target and
    // result on the first). The page foot stands empty instead, two fifths of a page at most.
    const bool short_row =
        heights[static_cast<std::size_t>(cut_row - row_)] <= uncut_row_share * page_height_;
    auto attempt = [&](double cut, int split_row, bool clean) {
      return plan(cells, top, cut, split_row, clean);
    };
    Plan plan_inside = attempt(room, cut_row, false);
    const bool row_above = cut_row > row_;
    // A row cut by the page end leaves at least two lines of each cut cell on either side: a one-line
    // fragment at a page's foot or head reads as a stray line, so the row rather goes whole to the next page.
    const bool good_inside = (plan_inside.min_lines_in_split_row >= 2 || plan_inside.split_row_done) &&
                             !plan_inside.leaves_one_line;
    Plan chosen;
    // A cut cell that had to pull a line back from the page foot to carry two over would leave a line's
    // height or more standing empty inside the row: unless it stands first on a page, the row goes whole —
    // when its part here is a few lines (a long row moved whole would leave the page foot blank instead).
    constexpr std::size_t few_lines = 3;
    const bool empty_at_foot =
        plan_inside.pulled_back && !must_progress && plan_inside.most_lines_in_split_row <= few_lines;
    if (good_inside && !empty_at_foot && !(short_row && !must_progress) &&
        (plan_inside.lines_placed > 0 || row_above)) {
      chosen = std::move(plan_inside);
    } else if (row_above) {
      chosen = attempt(top[cut_row - row_], cut_row, true);
    } else if (must_progress) {
      chosen = plan_inside.lines_placed > 0 ? std::move(plan_inside) : overflow_plan(cells);
    } else {
      // Nothing of this group fits here: the table continues with it on the next page.
      part_.next.next_row = row_;
      part_.next.continued.assign(continued_.begin(), continued_.end());
      return y;
    }

    for (const auto& drawing : chosen.drawings)
      builder_.draw_cell(table_.cells[drawing.index], y + drawing.top, drawing.height, drawing.first,
                         drawing.last, drawing.whole);
    part_.has_body = true;
    part_.next.next_row = chosen.next_row;
    part_.next.continued = chosen.continued;
    return y + chosen.height;
  }

  struct Drawing {
    int index = 0;
    double top = 0, height = 0;
    std::size_t first = 0, last = 0;
    bool whole = true;
  };
  struct Plan {
    std::vector<Drawing> drawings;
    double height = 0;
    int next_row = 0;
    std::vector<std::pair<int, std::size_t>> continued;
    std::size_t lines_placed = 0;             // in cells cut by the page end
    std::size_t min_lines_in_split_row = 0;   // fewest lines placed by a cut cell that has lines left
    std::size_t most_lines_in_split_row = 0;  // most lines placed by such a cell
    bool split_row_done = true;               // every cut cell fitted entirely
    bool leaves_one_line = false;             // some cut cell carries a single line to the next page
    bool pulled_back = false;                 // some cut cell left a line that fitted, to carry two over
  };

  // Cuts the group `cut` points below its top; rows before split_row are whole.
  Plan plan(const std::vector<ActiveCell>& cells, const std::vector<double>& top, double cut, int split_row,
            bool clean) const {
    Plan result;
    result.height = cut;
    result.next_row = split_row;
    result.min_lines_in_split_row = static_cast<std::size_t>(-1);
    for (const auto& cell : cells) {
      if (cell.start >= split_row && (clean || cell.start > split_row)) continue;  // wholly on the next page
      const CellBox& box = table_.cells[cell.index];
      const double cell_top = top[cell.start - row_];
      if (cell.end <= split_row) {  // wholly on this page
        result.drawings.push_back({cell.index, cell_top, top[cell.end - row_] - cell_top, cell.first_line,
                                   box.lines.size(), !cell.continued});
        continue;
      }
      const double room = cut - cell_top - table_.padding_top - table_.padding_bottom;
      std::size_t last = lines_fitting(box, cell.first_line, room);
      // No widow: a cell cut by the page end carries at least two lines over, or none.
      if (last < box.lines.size() && box.lines.size() - last == 1 && last - cell.first_line >= 3) {
        --last;
        result.pulled_back = true;
      }
      // Nor where the cell's content says a page may not end, if an earlier place can: after a line that ends
      // inside a word or after a joining one (ผู้ตรวจ|ราชการ), or leaving a paragraph's first or last line
      // alone (an item "๔. กำกับ ติดตาม" at the foot, the rest over the page).
      while (last < box.lines.size() && last > cell.first_line + 1 && !box.lines[last].break_before) --last;
      result.drawings.push_back({cell.index, cell_top, cut - cell_top, cell.first_line, last, false});
      result.continued.emplace_back(cell.index, last);
      const std::size_t placed = last - cell.first_line;
      result.lines_placed += placed;
      if (last < box.lines.size()) {
        result.split_row_done = false;
        result.leaves_one_line = result.leaves_one_line || box.lines.size() - last == 1;
        result.min_lines_in_split_row = std::min(result.min_lines_in_split_row, placed);
        result.most_lines_in_split_row = std::max(result.most_lines_in_split_row, placed);
      }
    }
    if (result.min_lines_in_split_row == static_cast<std::size_t>(-1)) result.min_lines_in_split_row = 0;
    return result;
  }

  // Not even one line fits on an empty page: place one line of every cell of the first row and overflow.
  Plan overflow_plan(const std::vector<ActiveCell>& cells) const {
    Plan result;
    result.next_row = row_;
    double height = 0;
    for (const auto& cell : cells) {
      if (cell.start != row_) continue;
      const CellBox& box = table_.cells[cell.index];
      const std::size_t last = std::min(box.lines.size(), cell.first_line + 1);
      double line_height = last > cell.first_line ? box.lines[cell.first_line].height : 0;
      height = std::max(height, line_height + table_.padding_top + table_.padding_bottom);
      result.continued.emplace_back(cell.index, last);
      result.drawings.push_back({cell.index, 0, 0, cell.first_line, last, false});
      result.lines_placed += last - cell.first_line;
    }
    for (auto& drawing : result.drawings) drawing.height = height;
    result.height = height;
    if (result.lines_placed == 0) {
      // Every cell of the row has placed all its lines and only the row's height (a min-height, or the
      // repeated header above it) keeps it from fitting: the row ends here, cut to the page, or no page
      // would ever hold it and the table would run on forever.
      result.next_row = row_ + 1;
      std::erase_if(result.continued, [&](const auto& entry) {
        const CellBox& box = table_.cells[entry.first];
        return box.row + box.rowspan <= result.next_row;
      });
    }
    return result;
  }

  const TableLayout& table_;
  double available_;
  bool at_page_top_;
  double page_height_;
  TablePart part_;
  PartBuilder builder_;
  int row_ = 0;
  std::map<int, std::size_t> continued_;
};

}  // namespace

TablePart place_table_part(const TableLayout& table, const TableProgress& progress, double available,
                           bool at_page_top, double page_height) {
  return TablePlacer(table, progress, available, at_page_top, page_height).run();
}

TablePart place_whole_table(const TableLayout& table) {
  const double unbounded = std::numeric_limits<double>::infinity();
  return place_table_part(table, {}, unbounded, true, unbounded);
}

std::vector<GridPlacement> arrange_grid(const document::Table& table, std::vector<std::string>& problems) {
  const int column_count = static_cast<int>(table.columns.size());
  const int row_count = static_cast<int>(table.rows.size());
  std::vector<int> taken_until(static_cast<std::size_t>(column_count),
                               0);  // row where a span from above ends
  std::vector<GridPlacement> placements;
  for (int r = 0; r < row_count; ++r) {
    int column = 0;
    int cell_number = 0;
    for (const auto& cell : table.rows[r].cells) {
      ++cell_number;
      while (column < column_count && taken_until[column] > r) ++column;
      GridPlacement placement{r, column, std::max(1, cell.colspan), std::max(1, cell.rowspan)};
      if (column >= column_count) {
        problems.push_back("row " + std::to_string(r + 1) + ": cell " + std::to_string(cell_number) +
                           " has no column left (the table has " + std::to_string(column_count) + ")");
        placement.column = column_count - 1;
        placement.colspan = 1;
      } else if (column + placement.colspan > column_count) {
        problems.push_back("row " + std::to_string(r + 1) + ": cell " + std::to_string(cell_number) +
                           " spans " + std::to_string(placement.colspan) + " columns, only " +
                           std::to_string(column_count - column) + " remain");
        placement.colspan = column_count - column;
      }
      if (r + placement.rowspan > row_count) {
        problems.push_back("row " + std::to_string(r + 1) + ": cell " + std::to_string(cell_number) +
                           " spans " + std::to_string(placement.rowspan) + " rows, only " +
                           std::to_string(row_count - r) + " remain");
        placement.rowspan = row_count - r;
      }
      for (int c = placement.column; c < placement.column + placement.colspan && c < column_count; ++c)
        taken_until[c] = r + placement.rowspan;
      column = placement.column + placement.colspan;
      placements.push_back(placement);
    }
  }
  return placements;
}

}  // namespace raingan::layout
