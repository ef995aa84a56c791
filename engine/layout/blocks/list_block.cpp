// A list: labels in a column as wide as the widest of them, each item's body beside its label.

#include <algorithm>

#include "layout/blocks/block_kinds.h"
#include "layout/paragraph.h"

namespace raingan::layout {
namespace {

FlowLine* first_line(std::vector<FlowItem>& items, std::size_t from) {
  for (std::size_t i = from; i < items.size(); ++i)
    if (auto* line = std::get_if<FlowLine>(&items[i])) return line;
  return nullptr;
}

}  // namespace

const document::BlockStyle* layout_block(BlockLayouter& layouter, const document::List& list,
                                         BlockPlacement at, std::vector<FlowItem>& out) {
  const double width = at.width, x = at.x;
  // Labels first: a label wider than the space the list reserves ("๓.๑๒" in a "๑." list) widens it for
  // every item, so label and text never touch and the items stay aligned.
  std::vector<FlowLine> labels;
  double widest = 0;
  const bool saved_keep = layouter.flow().keep_next;
  const bool saved_break = layouter.flow().break_next;
  for (const auto& item : list.items) {
    document::Paragraph label;
    label.content = item.label;
    std::vector<FlowItem> laid;
    layouter.flow().keep_next = false;
    layouter.flow().break_next = false;
    layouter.layout_paragraph(label, std::max(1.0, width - list.indent), 0, laid, nullptr);
    FlowLine line = laid.empty() ? FlowLine{} : std::move(std::get<FlowLine>(laid.front()));
    double right = 0;
    for (const auto& piece : line.frame.items)
      if (const auto* text = std::get_if<TextLine>(&piece))
        for (const auto& run : text->runs) right = std::max(right, run.origin.x + run.width());
    widest = std::max(widest, right);
    labels.push_back(std::move(line));
  }
  layouter.flow().keep_next = saved_keep;
  layouter.flow().break_next = saved_break;
  double gap = 4;
  for (const auto& item : list.items)
    for (const auto& piece : item.label)
      if (const auto* text = std::get_if<document::TextInline>(&piece))
        gap = std::max(gap, text->style.font.size * 0.3);
  const double label_width = std::max(list.label_width, widest + gap);
  const double body_x = x + list.indent + label_width;
  const double body_width = std::max(1.0, width - list.indent - label_width);

  for (std::size_t i = 0; i < list.items.size(); ++i) {
    const std::size_t first = out.size();
    const bool keep = layouter.flow().keep_next;
    layouter.flow().keep_next = false;
    layouter.layout(list.items[i].body, body_width, body_x, out);
    FlowLine& label_line = labels[i];
    FlowLine* body_line = first_line(out, first);
    if (body_line) {
      // The label goes first in the strip, so a reader copying the text gets "๑. item", not "item ๑.".
      Frame with_label;
      with_label.size = body_line->frame.size;
      with_label.append(std::move(label_line.frame),
                        {x + list.indent, body_line->baseline - label_line.baseline});
      with_label.append(std::move(body_line->frame), {0, 0});
      body_line->frame = std::move(with_label);
    } else if (!label_line.frame.items.empty()) {
      Frame placed;
      placed.size = label_line.frame.size;
      placed.append(std::move(label_line.frame), {x + list.indent, 0});
      label_line.frame = std::move(placed);
      out.emplace_back(std::move(label_line));
    }
    if (out.size() > first && keep) break_before_of(out[first]) = false;
  }
  return &list.block;
}

}  // namespace raingan::layout
