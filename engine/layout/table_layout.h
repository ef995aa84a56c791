#pragma once
// Tables: columns sized from fixed, relative and automatic widths (table_columns.h), every cell's content
// laid out once, then placed part by part down pages. Each part repeats the header rows; a row group that
// does not fit is cut between lines of its cells, and the rest continues on the next page. A row that could
// be cut only by pulling a line of a cell back from the page foot (to carry two over) goes whole to the next
// page instead (with the table's start when it is the table's first row), unless it stands first on a page:
// the cut would leave a line's height empty inside the row. A row no taller than two fifths of a page is not
// cut at all unless it stands first on a page. A line beside a rule moves into its slack so that its glyphs'
// ink keeps the padding from the rule's inner edge.

#include <cstddef>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "document/document.h"
#include "layout/flow_item.h"

namespace raingan::layout {

struct CellBox {
  int row = 0, column = 0, colspan = 1, rowspan = 1;
  std::vector<FlowLine> lines;   // the cell's content; x relative to the cell's content box
  std::vector<double> line_top;  // top of each line within the content, spacing applied
  double content_height = 0;
  std::optional<Color> fill;
  document::VerticalAlign vertical_align = document::VerticalAlign::top;
};

struct TableLayout {
  std::vector<double> column_x;  // left edge of each column, from the table's left edge
  std::vector<double> column_width;
  double width = 0;
  int row_count = 0;
  int header_rows = 0;
  std::vector<double> min_row_height;
  std::vector<bool> row_keeps_with_next;    // rows that are never the last on a page (document::TableRow)
  std::vector<CellBox> cells;               // ordered by starting row, then column
  std::vector<std::vector<int>> row_cells;  // indices of the cells starting in each row
  document::TableBorders borders;
  double padding_top = 0, padding_bottom = 0, padding_left = 0, padding_right = 0;
};

// Where a table stands between pages: the first row not yet finished, and how far each cell cut by the
// previous page end got (index into `cells`, first line not yet placed).
struct TableProgress {
  int next_row = -1;  // -1 = not started
  std::vector<std::pair<int, std::size_t>> continued;
};

struct TablePart {
  Frame frame;  // origin at the table's top-left
  double height = 0;
  bool has_body = false;  // false: not even one body line fitted; nothing should be placed
  bool complete = false;  // the table ends in this part
  TableProgress next;
  std::vector<HeadingMark> marks;
  // Protected spans its cells' lines end inside (wider than their column), for preflight: '|' where each
  // breaks.
  std::vector<std::string> broken_spans;
};

// Places as much of the table as fits in `available` height. At the top of a page (`at_page_top`) it always
// makes progress, cutting inside a row or overflowing a line taller than the page if it must. `page_height`
// is the height a whole page gives the body: a row no taller than two fifths of it is not cut by a page end
// but goes whole to the next page, for its two parts would read as two rows, the one with its values and the
// other with none.
TablePart place_table_part(const TableLayout& table, const TableProgress& progress, double available,
                           bool at_page_top, double page_height);

// The whole table as one part, on no page (its height, or the table drawn inside a box that is not cut).
TablePart place_whole_table(const TableLayout& table);

struct GridPlacement {
  int row = 0, column = 0, colspan = 1, rowspan = 1;
};

// Where each cell of the table sits in the grid, in the order of table.rows[r].cells: cells flow left to
// right, skipping columns taken by row spans from above (as in HTML). Spans that leave the grid are clipped
// and reported in `problems` ("row 3: cell 2 spans 4 columns, only 3 remain").
std::vector<GridPlacement> arrange_grid(const document::Table& table, std::vector<std::string>& problems);

}  // namespace raingan::layout
