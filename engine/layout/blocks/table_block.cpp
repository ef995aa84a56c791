// A table: cells laid out as strips, placed on pages by pagination (table_layout.h).

#include <algorithm>

#include "layout/blocks/block_kinds.h"
#include "layout/table_layout.h"

namespace raingan::layout {

const document::BlockStyle* layout_block(BlockLayouter& layouter, const document::Table& table,
                                         BlockPlacement at, std::vector<FlowItem>& out) {
  const double width = at.width, x = at.x;
  auto layout_ptr = std::make_shared<TableLayout>();
  TableLayout& t = *layout_ptr;
  if (table.columns.empty() || table.rows.empty()) return &table.block;
  resolve_columns(table.columns, width, t);
  t.row_count = static_cast<int>(table.rows.size());
  t.header_rows = std::clamp(table.header_rows, 0, t.row_count);
  t.borders = table.borders;
  t.padding_top = table.padding_top;
  t.padding_bottom = table.padding_bottom;
  t.padding_left = table.padding_left;
  t.padding_right = table.padding_right;
  t.row_cells.assign(static_cast<std::size_t>(t.row_count), {});
  for (const auto& row : table.rows) t.min_row_height.push_back(row.min_height);

  std::vector<std::string> problems;
  const auto grid = arrange_grid(table, problems);
  for (const auto& problem : problems)
    layouter.environment().problems.push_back({layouter.environment().source_name, "", problem});

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
      box.lines =
          layouter.layout_strips(cell.content, std::max(1.0, cell_width - t.padding_left - t.padding_right));
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
  out.emplace_back(std::move(item));
  return &table.block;
}

}  // namespace raingan::layout
