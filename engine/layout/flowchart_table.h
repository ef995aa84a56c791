#pragma once
// The table form of a work manual's flowchart: a row per step — ที่ · ผังกระบวนการ · รายละเอียดงาน ·
// มาตรฐานคุณภาพงาน · ระยะเวลา · ผู้รับผิดชอบ — with the step's shape drawn in the ผังกระบวนการ column, centred
// in its row, and the shapes joined down the column. An arrow that does not go to the next row (a decision's
// other exit, a loop back) leaves its shape to the right and runs in a lane along the column's right side to
// the row it goes to.
//
// The rows are strips for pagination, which may end a page between any two of them. Each row carries page
// cues (flow_item.h): when a page ends under it, a closing row with an off-page connector for every line
// running on; when a page begins with it, the header repeated and a row with the matching connectors, the
// lines starting again from them. A connector is labelled with the number (ที่) of the step its line leads
// to. The shapes' routing is the table's own: the rows, not a graph layout, decide where the shapes stand.

#include <string>
#include <vector>

#include "document/diagram.h"
#include "layout/diagram_drawing.h"

namespace raingan::layout {

struct FlowchartTable {
  std::vector<FlowLine> strips;  // the header, then one strip per step
  DiagramDrawing chart;  // the ผังกระบวนการ column's drawing, rows stacked from y = 0 (under the header)
  std::vector<double> row_top;  // of each step's row in `chart`'s coordinates, and the end of the last row
  std::vector<double>
      column_x;  // left edge of each of the six columns, from the table's left edge; and its right edge
};

// Lays the table out `width` wide, `x` from the content area's left edge. Problems with the steps and arrows
// are added to `problems`.
FlowchartTable lay_out_flowchart_table(const document::Flowchart& chart, double width, double x,
                                       DiagramText& text, std::vector<std::string>& problems);

}  // namespace raingan::layout
