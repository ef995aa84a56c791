// Spacers and page breaks: empty space, and a forced break before the next block.
#include <algorithm>

#include "layout/blocks/block_kinds.h"

namespace raingan::layout {

const document::BlockStyle* layout_block(BlockLayouter&, const document::Spacer& spacer, BlockPlacement,
                                         std::vector<FlowItem>& out) {
  FlowLine strip;
  strip.height = spacer.height;
  if (spacer.min_height >= 0) strip.shrink = std::max(0.0, spacer.height - spacer.min_height);
  out.emplace_back(std::move(strip));
  return nullptr;
}

const document::BlockStyle* layout_block(BlockLayouter& layouter, const document::PageBreak&, BlockPlacement,
                                         std::vector<FlowItem>&) {
  layouter.flow().break_next = true;
  return nullptr;
}

}  // namespace raingan::layout
