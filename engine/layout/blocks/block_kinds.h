#pragma once
// Block layout by kind: one function per kind of document block, each in its own file in layout/blocks/,
// chosen by the block's type (BlockLayouter::layout visits document::Block's variant). A new kind of block is
// one alternative in document::Block, one overload declared here and one file that defines it; a kind
// without its overload does not compile.

#include <vector>

#include "document/document.h"
#include "layout/block_layout.h"
#include "layout/flow_item.h"

namespace raingan::layout {

// Where a block goes: `width` wide, `x` from the content area's left edge.
struct BlockPlacement {
  double width = 0;
  double x = 0;
};

// Each appends the flow items of one block to `out` and returns the block's spacing and break rules, which
// the layouter applies to what it added (nullptr: none).
const document::BlockStyle* layout_block(BlockLayouter&, const document::Paragraph&, BlockPlacement,
                                         std::vector<FlowItem>& out);
const document::BlockStyle* layout_block(BlockLayouter&, const document::Heading&, BlockPlacement,
                                         std::vector<FlowItem>& out);
const document::BlockStyle* layout_block(BlockLayouter&, const document::List&, BlockPlacement,
                                         std::vector<FlowItem>& out);
const document::BlockStyle* layout_block(BlockLayouter&, const document::Table&, BlockPlacement,
                                         std::vector<FlowItem>& out);
const document::BlockStyle* layout_block(BlockLayouter&, const document::Image&, BlockPlacement,
                                         std::vector<FlowItem>& out);
const document::BlockStyle* layout_block(BlockLayouter&, const document::Chart&, BlockPlacement,
                                         std::vector<FlowItem>& out);
const document::BlockStyle* layout_block(BlockLayouter&, const document::Spacer&, BlockPlacement,
                                         std::vector<FlowItem>& out);
const document::BlockStyle* layout_block(BlockLayouter&, const document::PageBreak&, BlockPlacement,
                                         std::vector<FlowItem>& out);
const document::BlockStyle* layout_block(BlockLayouter&, const document::TableOfContents&, BlockPlacement,
                                         std::vector<FlowItem>& out);
const document::BlockStyle* layout_block(BlockLayouter&, const document::Container&, BlockPlacement,
                                         std::vector<FlowItem>& out);
const document::BlockStyle* layout_block(BlockLayouter&, const document::Flowchart&, BlockPlacement,
                                         std::vector<FlowItem>& out);
const document::BlockStyle* layout_block(BlockLayouter&, const document::OrgChart&, BlockPlacement,
                                         std::vector<FlowItem>& out);

}  // namespace raingan::layout
