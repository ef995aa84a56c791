// A container (<block>, <signature>): children indented together; with a border, one unbreakable box.

#include <algorithm>
#include <optional>

#include "layout/blocks/block_kinds.h"
#include "layout/table_layout.h"

namespace raingan::layout {

const document::BlockStyle* layout_block(BlockLayouter& layouter, const document::Container& container,
                                         BlockPlacement at, std::vector<FlowItem>& out) {
  const double width = at.width, x = at.x;
  const double inner_x = x + container.start_indent + container.padding;
  const double inner_width =
      std::max(1.0, width - container.start_indent - container.end_indent - 2 * container.padding);
  const std::size_t first = out.size();
  layouter.layout(container.children, inner_width, inner_x, out);
  if (!container.border || out.size() == first) return &container.block;
  // A bordered container is drawn as one box: its strips become one unbreakable strip.
  std::vector<FlowLine> strips;
  for (std::size_t i = first; i < out.size(); ++i) {
    if (auto* line = std::get_if<FlowLine>(&out[i])) {
      strips.push_back(std::move(*line));
    } else {
      auto& table = std::get<FlowTable>(out[i]);
      TablePart part = place_whole_table(*table.table);
      FlowLine line_of_table;
      line_of_table.frame.append(std::move(part.frame), {table.x, 0});
      line_of_table.height = part.height;
      line_of_table.space_before = table.space_before;
      line_of_table.space_after = table.space_after;
      line_of_table.marks = std::move(part.marks);
      line_of_table.origin = table.origin;
      strips.push_back(std::move(line_of_table));
    }
  }
  out.resize(first);
  std::vector<double> tops;
  const double content_height = stack_strips(strips, tops);
  FlowLine box;
  box.height = content_height + 2 * container.padding;
  box.space_before = strips.front().space_before;
  box.space_after = strips.back().space_after;
  box.baseline = container.padding + strips.front().baseline;
  box.origin = strips.front().origin;
  box.origin.kind = StripOrigin::Kind::other;  // a framed box: its lines are checked as one strip
  box.frame.items.push_back(Rectangle{{x + container.start_indent, 0},
                                      {width - container.start_indent - container.end_indent, box.height},
                                      std::nullopt,
                                      container.border});
  for (std::size_t i = 0; i < strips.size(); ++i) {
    box.marks.insert(box.marks.end(), strips[i].marks.begin(), strips[i].marks.end());
    box.frame.append(std::move(strips[i].frame), {0, container.padding + tops[i]});
  }
  out.emplace_back(std::move(box));
  return &container.block;
}

}  // namespace raingan::layout
