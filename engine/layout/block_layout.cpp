#include "layout/block_layout.h"

#include <algorithm>
#include <variant>

#include "layout/blocks/block_kinds.h"
#include "layout/table_layout.h"

namespace raingan::layout {
namespace {

// A block kept with what follows holds this many lines of it on its page (a heading and two lines).
constexpr int lines_kept_with_next = 2;

}  // namespace

double stack_strips(const std::vector<FlowLine>& lines, std::vector<double>& tops) {
  tops.clear();
  double y = 0;
  double previous_after = 0;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (i > 0) y += std::max(previous_after, lines[i].space_before);
    tops.push_back(y);
    y += lines[i].height;
    previous_after = lines[i].space_after;
  }
  return y;
}

void BlockLayouter::layout(const document::Blocks& blocks, double width, double x,
                           std::vector<FlowItem>& out) {
  for (const auto& block : blocks) layout(block, width, x, out);
}

void BlockLayouter::layout(const document::Block& block, double width, double x, std::vector<FlowItem>& out) {
  const std::size_t first = out.size();
  const document::BlockStyle* style = std::visit(
      [&](const auto& node) {
        return layout_block(*this, node, {width, x}, out);
      },
      block.node);
  if (out.size() == first) return;
  // Inner blocks named their own lines already; the rest is this block's.
  const auto* container = std::get_if<document::Container>(&block.node);
  for (std::size_t i = first; i < out.size(); ++i) {
    StripOrigin& origin = origin_of(out[i]);
    if (origin.source_line == 0) origin.source_line = block.source_line;
    if (container && container->signature) origin.kind = StripOrigin::Kind::signature;
  }
  static const document::BlockStyle plain;
  apply_block_style(style ? *style : plain, out, first);
}

void BlockLayouter::apply_block_style(const document::BlockStyle& style, std::vector<FlowItem>& out,
                                      std::size_t first) {
  FlowItem& head = out[first];
  space_before_of(head) = std::max(space_before_of(head), style.space_before);
  space_after_of(out.back()) = std::max(space_after_of(out.back()), style.space_after);
  if (style.keep_together) {
    for (std::size_t i = first + 1; i < out.size(); ++i) break_before_of(out[i]) = false;
    for (std::size_t i = first; i < out.size(); ++i)
      if (auto* table = std::get_if<FlowTable>(&out[i])) table->keep_together = true;
  }
  if (style.keep_with_previous_lines > 0) {
    break_before_of(head) = false;
    keep_with_previous_lines_of(head) =
        std::max(keep_with_previous_lines_of(head), style.keep_with_previous_lines);
  }
  if (flow_.keep_next) break_before_of(head) = false;
  for (std::size_t i = first; i < out.size() && flow_.lines_kept_after > 0; ++i) {
    if (!std::holds_alternative<FlowLine>(out[i])) {
      flow_.lines_kept_after = 0;  // a table keeps its header with its first row itself
      break;
    }
    break_before_of(out[i]) = false;
    --flow_.lines_kept_after;
  }
  if (flow_.break_next || style.page_break_before) force_break_of(head) = true;
  flow_.keep_next = style.keep_with_next;
  if (style.keep_with_next) flow_.lines_kept_after = lines_kept_with_next;
  flow_.break_next = false;
}

std::vector<FlowLine> BlockLayouter::layout_strips(const document::Blocks& blocks, double width) {
  std::vector<FlowItem> items;
  layout(blocks, width, 0, items);
  std::vector<FlowLine> lines;
  lines.reserve(items.size());
  for (auto& item : items) {
    if (auto* line = std::get_if<FlowLine>(&item)) {
      lines.push_back(std::move(*line));
      continue;
    }
    auto& table = std::get<FlowTable>(item);
    TablePart part = place_whole_table(*table.table);
    FlowLine strip;
    strip.height = part.height;
    strip.space_before = table.space_before;
    strip.space_after = table.space_after;
    strip.break_before = table.break_before;
    strip.marks = std::move(part.marks);
    strip.origin = table.origin;
    strip.frame.size = {width, part.height};
    strip.frame.append(std::move(part.frame), {table.x, 0});
    lines.push_back(std::move(strip));
  }
  return lines;
}

}  // namespace raingan::layout
