// A heading: a paragraph that marks its first strip for the contents, the outline and running headers.
#include "layout/blocks/block_kinds.h"

namespace raingan::layout {

const document::BlockStyle* layout_block(BlockLayouter& layouter, const document::Heading& heading,
                                         BlockPlacement at, std::vector<FlowItem>& out) {
  const std::size_t first = out.size();
  HeadingMark mark{heading.anchor,     heading.title,       heading.level,
                   heading.in_outline, heading.in_contents, heading.running_title};
  layouter.layout_paragraph(heading.paragraph, at.width, at.x, out, &mark);
  // A heading is read as one: its lines never part across a page end.
  for (std::size_t i = first + 1; i < out.size(); ++i) break_before_of(out[i]) = false;
  return &heading.paragraph.block;
}

}  // namespace raingan::layout
