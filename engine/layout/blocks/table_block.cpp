// A table: cells laid out as strips, placed on pages by pagination (table_layout.h).

#include <algorithm>
#include <cmath>

#include "layout/blocks/block_kinds.h"
#include "layout/cell_ink.h"
#include "layout/content_extent.h"
#include "layout/table_columns.h"
#include "layout/table_layout.h"

namespace raingan::layout {
namespace {

std::string centimetres(double pt) {
  const double cm = std::round(pt * 2.54 / 72 * 100) / 100;
  std::string text = std::to_string(cm);
  return text.erase(text.find('.') + 3) + " cm";
}

// What each cell needs across: auto columns are sized by it, and every column keeps its numbers whole.
std::vector<CellNeeds> measure_cells(BlockLayouter& layouter, const document::Table& table,
                                     const std::vector<GridPlacement>& grid, int header_rows) {
  const double padding = table.padding_left + table.padding_right;
  constexpr double rounding = 0.01;  // pt: a line is broken when its width passes the room by more than sums
  std::vector<CellNeeds> needs;
  std::size_t g = 0;
  for (std::size_t r = 0; r < table.rows.size(); ++r)
    for (const auto& cell : table.rows[r].cells) {
      const GridPlacement& place = grid[g++];
      const ContentExtent extent = measure_blocks(layouter, cell.content);
      const bool header = static_cast<int>(r) < header_rows;
      CellNeeds need;
      need.column = place.column;
      need.colspan = place.colspan;
      need.min = extent.min > 0 ? extent.min + padding + rounding : 0;
      need.max = extent.max > 0 ? extent.max + padding + rounding : 0;
      const double keep = header ? extent.min : extent.number;
      need.keep = keep > 0 ? keep + padding + rounding : 0;
      need.min_text = extent.widest_word;
      need.keep_text = header ? extent.widest_word : extent.widest_number;
      needs.push_back(std::move(need));
    }
  return needs;
}

// "column 3 (1.2 cm): ๑,๙๐๕ needs 1.41 cm" for each column left narrower than what it must keep whole.
std::string too_narrow(const ColumnSizes& sizes) {
  std::string said;
  for (std::size_t j = 0; j < sizes.widths.size(); ++j) {
    if (sizes.widths[j] >= sizes.floors[j] - 0.01 || sizes.floor_text[j].empty()) continue;
    if (!said.empty()) said += "; ";
    said += "column " + std::to_string(j + 1) + " (" + centimetres(sizes.widths[j]) + "): \"" +
            sizes.floor_text[j] + "\" needs " + centimetres(sizes.floors[j]);
  }
  return said;
}

}  // namespace

const document::BlockStyle* layout_block(BlockLayouter& layouter, const document::Table& table,
                                         BlockPlacement at, std::vector<FlowItem>& out) {
  const double width = at.width, x = at.x;
  auto layout_ptr = std::make_shared<TableLayout>();
  TableLayout& t = *layout_ptr;
  if (table.columns.empty() || table.rows.empty()) return &table.block;
  t.row_count = static_cast<int>(table.rows.size());
  t.header_rows = std::clamp(table.header_rows, 0, t.row_count);
  t.borders = table.borders;
  t.padding_top = table.padding_top;
  t.padding_bottom = table.padding_bottom;
  t.padding_left = table.padding_left;
  t.padding_right = table.padding_right;
  t.row_cells.assign(static_cast<std::size_t>(t.row_count), {});
  for (const auto& row : table.rows) {
    t.min_row_height.push_back(row.min_height);
    t.row_keeps_with_next.push_back(row.keep_with_next);
  }

  std::vector<std::string> problems;
  const auto grid = arrange_grid(table, problems);
  for (const auto& problem : problems)
    layouter.environment().problems.push_back({layouter.environment().source_name, "", problem});
  const ColumnSizes sizes =
      size_columns(table.columns, measure_cells(layouter, table, grid, t.header_rows), width);
  double column_x = 0;
  for (const double w : sizes.widths) {
    t.column_x.push_back(column_x);
    t.column_width.push_back(w);
    column_x += w;
  }
  t.width = column_x;

  const bool saved_keep = layouter.flow().keep_next;
  const bool saved_break = layouter.flow().break_next;
  std::size_t g = 0;
  for (int r = 0; r < t.row_count; ++r) {
    for (const auto& cell : table.rows[r].cells) {
      const GridPlacement& place = grid[g++];
      CellBox box;
      box.row = place.row;
      box.column = place.column;
      box.colspan = place.colspan;
      box.rowspan = (r < t.header_rows) ? std::min(place.rowspan, t.header_rows - r) : place.rowspan;
      box.fill = cell.fill;
      box.vertical_align = cell.vertical_align;
      const double cell_width = t.column_x[place.column + place.colspan - 1] +
                                t.column_width[place.column + place.colspan - 1] - t.column_x[place.column];
      layouter.flow().keep_next = false;
      layouter.flow().break_next = false;
      const double content_width = cell_width - t.padding_left - t.padding_right;
      box.lines = layouter.layout_strips(cell.content, std::max(1.0, content_width));
      // A line whose ink reaches past its advances farther than its slack would come nearer a rule than the
      // padding: the cell is set again narrower by the excess, if that takes no more lines and breaks nothing
      // kept whole (a number in a column fitted to it keeps its place).
      const InkLimits limits = ink_limits(t.borders, place.column, place.colspan,
                                          static_cast<int>(t.column_width.size()), content_width);
      if (const double excess = ink_excess(box.lines, limits); excess > 0) {
        auto narrower = layouter.layout_strips(cell.content, std::max(1.0, content_width - excess));
        const auto breaks = [](const std::vector<FlowLine>& lines) {
          return std::count_if(lines.begin(), lines.end(),
                               [](const FlowLine& line) { return !line.origin.broken_span.empty(); });
        };
        if (narrower.size() <= box.lines.size() && breaks(narrower) <= breaks(box.lines))
          box.lines = std::move(narrower);
      }
      box.content_height = stack_strips(box.lines, box.line_top);
      t.row_cells[r].push_back(static_cast<int>(t.cells.size()));
      t.cells.push_back(std::move(box));
    }
  }
  layouter.flow().keep_next = saved_keep;
  layouter.flow().break_next = saved_break;

  FlowTable item;
  item.table = std::move(layout_ptr);
  item.x = x;
  item.origin.too_narrow = too_narrow(sizes);
  out.emplace_back(std::move(item));
  return &table.block;
}

}  // namespace raingan::layout
