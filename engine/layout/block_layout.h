#pragma once
// Block layout: turns document blocks into flow items (strips and tables) for a given width. It decides line
// breaks, indents, list labels, table cells and the break rules between strips (keep-with-next, widows and
// orphans, keep-together), but not pages: that is pagination's job.

#include <string>
#include <vector>

#include "core/diagnostic.h"
#include "document/document.h"
#include "layout/flow_item.h"
#include "layout/paragraph.h"

namespace raingan::text {
class FontLibrary;
}

namespace raingan::layout {

class ParagraphLayouter;

// A heading as the contents page lists it.
struct ContentsEntry {
  std::string anchor;
  std::string title;
  int level = 1;
  std::string page_label;
};

// Values of the per-page fields, for headers and footers.
struct PageFields {
  std::string page_label;
  std::string page_count;
  std::string running_title;
};

struct LayoutEnvironment {
  text::FontLibrary& fonts;
  ParagraphLayouter& paragraphs;                         // one per document: reuses shaping buffers
  std::string source_name;                               // the template, for messages
  const std::vector<ContentsEntry>* contents = nullptr;  // for TableOfContents blocks
  const PageFields* fields = nullptr;                    // set while laying out headers and footers
  double page_content_height = 0;    // the body height of a page; 0 = unbounded. Charts and pictures taller
                                     // than a page are fitted to it: nothing may run off a page.
  std::vector<Diagnostic> problems;  // characters no font has, bad table spans, …
};

// The break rules one block hands to the next.
struct FlowState {
  bool keep_next = false;  // the previous block asked to stay with this one
  // Lines still to be held with a block that asked to stay with what follows (a heading over a one-line
  // list item keeps the next item's line too): such a block never stands at a page's foot over a single line.
  int lines_kept_after = 0;
  bool break_next = false;  // a page break comes before the next item
};

// Lays out blocks by kind (layout/blocks/block_kinds.h) and applies each block's spacing and break rules.
class BlockLayouter {
 public:
  explicit BlockLayouter(LayoutEnvironment& environment) : environment_(environment) {}

  // Appends the flow items of `blocks`, laid out `width` wide, `x` from the content area's left edge.
  void layout(const document::Blocks& blocks, double width, double x, std::vector<FlowItem>& out);
  void layout(const document::Block& block, double width, double x, std::vector<FlowItem>& out);

  // The same, with tables drawn whole: only strips (table cells, headers, footers).
  std::vector<FlowLine> layout_strips(const document::Blocks& blocks, double width);

  // For the block kinds: a paragraph's lines as strips, the first marked as a heading's when `mark` is set
  // (blocks/paragraph_block.cpp).
  void layout_paragraph(const document::Paragraph& paragraph, double width, double x,
                        std::vector<FlowItem>& out, const HeadingMark* mark);
  // A paragraph's inlines as the paragraph layouter takes them: page fields made text.
  std::vector<Inline> paragraph_inlines(const document::Paragraph& paragraph) const;
  LayoutEnvironment& environment() noexcept { return environment_; }
  // Kinds that lay out blocks of their own (list labels, table cells) set it aside and restore it.
  FlowState& flow() noexcept { return flow_; }

 private:
  // Applies a block's spacing and break rules to the items it produced, from index `first` on.
  void apply_block_style(const document::BlockStyle& style, std::vector<FlowItem>& out, std::size_t first);

  LayoutEnvironment& environment_;
  FlowState flow_;
};

// Stacks strips as pagination would on an endless page: the top of each, and the total height.
double stack_strips(const std::vector<FlowLine>& lines, std::vector<double>& tops);

}  // namespace raingan::layout
