#include "layout/page_marks.h"

namespace raingan::layout {

void add_page_marks(const document::Section& section, LayoutEnvironment& environment, Page& page) {
  if (section.page_marks.empty()) return;
  const document::PageSetup& setup = section.page;
  const double width = setup.size.width - setup.margin_left - setup.margin_right;
  BlockLayouter layouter(environment);
  for (const auto& mark : section.page_marks) {
    auto lines = layouter.layout_strips(mark.blocks, width);
    double height = 0;
    for (const auto& line : lines) height += line.height;
    double y =
        mark.edge == document::PageMark::Edge::top ? mark.offset : setup.size.height - mark.offset - height;
    for (auto& line : lines) {
      page.frame.append(std::move(line.frame), {setup.margin_left, y});
      y += line.height;
    }
  }
}

}  // namespace raingan::layout
