// An organisation chart centred in the width (org_chart_layout.h); a chart split into parts gives each part's
// strips in turn, a little apart.

#include <algorithm>

#include "layout/blocks/block_kinds.h"
#include "layout/diagram_block_support.h"
#include "layout/graph_layout.h"
#include "layout/org_chart_layout.h"

namespace raingan::layout {
namespace {

constexpr double space_between_parts = 12;

}  // namespace

const document::BlockStyle* layout_block(BlockLayouter& layouter, const document::OrgChart& chart,
                                         BlockPlacement at, std::vector<FlowItem>& out) {
  LayoutEnvironment& environment = layouter.environment();
  DiagramProblems problems(environment, "organisation chart", chart.title, chart.source_line);
  DiagramText text(environment.paragraphs);
  const double height = chart.max_height > 0 ? std::min(chart.max_height, environment.page_content_height)
                                             : environment.page_content_height;
  try {
    bool first = true;
    for (auto& part : draw_org_chart(chart, at.width, height, text)) {
      const double left = at.x + std::max(0.0, (at.width - part.size.width) / 2);
      append_strips(diagram_strips(part, left, connector_style(chart.style, part.look), text),
                    first ? 0 : space_between_parts, out);
      first = false;
    }
  } catch (const GraphLayoutError& error) {
    problems.add(std::string("could not be laid out: ") + error.what());
  }
  problems.add_missing(text);
  return &chart.block;
}

}  // namespace raingan::layout
