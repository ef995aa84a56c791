// A flowchart: the free diagram centred in the width (flowchart_layout.h), or the manual's table form across
// it (flowchart_table.h), as strips pagination may part between rows of boxes, with off-page connectors.

#include <algorithm>

#include "layout/blocks/block_kinds.h"
#include "layout/diagram_block_support.h"
#include "layout/flowchart_layout.h"
#include "layout/flowchart_table.h"
#include "layout/graph_layout.h"

namespace raingan::layout {

const document::BlockStyle* layout_block(BlockLayouter& layouter, const document::Flowchart& chart,
                                         BlockPlacement at, std::vector<FlowItem>& out) {
  LayoutEnvironment& environment = layouter.environment();
  DiagramProblems problems(environment, "flowchart", chart.title, chart.source_line);
  DiagramText text(environment.paragraphs);
  std::vector<std::string> messages;
  try {
    if (chart.form == document::Flowchart::Form::table) {
      FlowchartTable table = lay_out_flowchart_table(chart, at.width, at.x, text, messages);
      append_strips(std::move(table.strips), 0, out);
    } else if (!chart.steps.empty()) {
      DiagramDrawing drawing = draw_flowchart(chart, at.width, text, messages);
      const double left = at.x + std::max(0.0, (at.width - drawing.size.width) / 2);
      append_strips(diagram_strips(drawing, left, connector_style(chart.style, drawing.look), text), 0, out);
    }
  } catch (const GraphLayoutError& error) {
    messages.push_back(std::string("could not be laid out: ") + error.what());
  }
  problems.add_all(messages);
  problems.add_missing(text);
  return &chart.block;
}

}  // namespace raingan::layout
