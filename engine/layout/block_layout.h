#pragma once
// Block layout: turns document blocks into flow items (strips and tables) for a given width. It decides line
// breaks, indents, list labels, table cells and the break rules between strips (keep-with-next, widows and
// orphans, keep-together), but not pages: that is pagination's job.

#include <string>
#include <vector>

#include "core/diagnostic.h"
#include "document/document.h"
#include "layout/flow_item.h"

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
  std::vector<Diagnostic> problems;                      // characters no font has, bad table spans, …
};

class BlockLayouter {
 public:
  explicit BlockLayouter(LayoutEnvironment& environment) : environment_(environment) {}

  // Appends the flow items of `blocks`, laid out `width` wide, `x` from the content area's left edge.
  void layout(const document::Blocks& blocks, double width, double x, std::vector<FlowItem>& out);
  void layout(const document::Block& block, double width, double x, std::vector<FlowItem>& out);

  // The same, with tables drawn whole: only strips (table cells, headers, footers).
  std::vector<FlowLine> layout_strips(const document::Blocks& blocks, double width);

 private:
  void layout_paragraph(const document::Paragraph& paragraph, double width, double x,
                        std::vector<FlowItem>& out, const HeadingMark* mark);
  void layout_list(const document::List& list, double width, double x, std::vector<FlowItem>& out);
  void layout_table(const document::Table& table, double width, double x, std::vector<FlowItem>& out);
  void layout_image(const document::Image& image, double width, double x, std::vector<FlowItem>& out);
  void layout_chart(const document::Chart& chart, double width, double x, std::vector<FlowItem>& out);
  void layout_contents(const document::TableOfContents& contents, double width, double x,
                       std::vector<FlowItem>& out);
  void layout_container(const document::Container& container, double width, double x,
                        std::vector<FlowItem>& out);
  void layout_spacer(const document::Spacer& spacer, std::vector<FlowItem>& out);

  // Applies a block's spacing and break rules to the items it produced, from index `first` on.
  void apply_block_style(const document::BlockStyle& style, std::vector<FlowItem>& out, std::size_t first);

  LayoutEnvironment& environment_;
  bool keep_next_ = false;   // the previous block asked to stay with this one
  bool break_next_ = false;  // a page break comes before the next item
};

}  // namespace raingan::layout
