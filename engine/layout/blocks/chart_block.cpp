// A chart: drawn whole as one strip (chart.h).

#include <algorithm>

#include "layout/blocks/block_kinds.h"
#include "layout/chart.h"

namespace raingan::layout {

const document::BlockStyle* layout_block(BlockLayouter& layouter, const document::Chart& chart,
                                         BlockPlacement at, std::vector<FlowItem>& out) {
  const double width = at.width, x = at.x;
  FlowLine strip;
  strip.frame = draw_chart(chart, width, layouter.environment().fonts);
  strip.height = strip.frame.size.height;
  strip.baseline = strip.height;
  Frame placed;
  placed.size = {width, strip.height};
  placed.append(std::move(strip.frame), {x, 0});
  strip.frame = std::move(placed);
  out.emplace_back(std::move(strip));
  return &chart.block;
}

}  // namespace raingan::layout
