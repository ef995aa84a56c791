// A chart: drawn whole as one strip (chart.h), no taller than a page; one that does not fit below what is
// already on a page moves whole to the next.

#include <algorithm>

#include "layout/blocks/block_kinds.h"
#include "layout/chart.h"

namespace raingan::layout {

const document::BlockStyle* layout_block(BlockLayouter& layouter, const document::Chart& chart,
                                         BlockPlacement at, std::vector<FlowItem>& out) {
  const double width = at.width, x = at.x;
  FlowLine strip;
  strip.frame = draw_chart(chart, width, layouter.environment().fonts);
  // A chart taller than a page is drawn again as tall as a page holds, never clipped at the page's foot.
  const double room = layouter.environment().page_content_height;
  if (room > 0 && strip.frame.size.height > room) {
    document::Chart fitted = chart;
    fitted.height = room;
    strip.frame = draw_chart(fitted, width, layouter.environment().fonts);
  }
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
