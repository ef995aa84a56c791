// The contents page: one entry per heading, its page number in a column at the right edge.

#include <algorithm>
#include <optional>

#include "layout/blocks/block_kinds.h"
#include "layout/paragraph.h"

namespace raingan::layout {
namespace {

// Puts the text of `extra` (one line, e.g. a page number) at the end of `line`'s text line, on its baseline:
// one text line per printed line, so a reader's software extracts "title .... ๑๒" as one line.
void append_to_line(FlowLine& line, FlowLine&& extra) {
  auto& items = line.frame.items;
  std::optional<std::size_t> target;  // the line's text line (an index: pushing items may move them)
  for (std::size_t i = 0; i < items.size(); ++i)
    if (std::holds_alternative<TextLine>(items[i])) target = i;
  for (auto& item : extra.frame.items) {
    translate(item, {0, line.baseline - extra.baseline});
    auto* text = std::get_if<TextLine>(&item);
    if (!text || !target) {
      items.push_back(std::move(item));
      continue;
    }
    TextLine& into = std::get<TextLine>(items[*target]);
    std::uint32_t glyphs = 0;
    for (const auto& run : into.runs) glyphs += static_cast<std::uint32_t>(run.glyphs.size());
    for (auto& run : text->runs) into.runs.push_back(std::move(run));
    for (auto span : text->spans) {
      span.glyph_begin += glyphs;
      span.glyph_end += glyphs;
      into.spans.push_back(std::move(span));
    }
  }
}

}  // namespace

const document::BlockStyle* layout_block(BlockLayouter& layouter, const document::TableOfContents& contents,
                                         BlockPlacement at, std::vector<FlowItem>& out) {
  const double width = at.width, x = at.x;
  if (!layouter.environment().contents) return &contents.entry_block;
  // The page numbers stand in a column at the right edge, as wide as the widest of them: titles wrap before
  // it and an entry's leader runs up to it on the entry's last line, so a long title never pushes its number
  // onto a line of dots of its own.
  std::vector<std::optional<FlowLine>> numbers;
  double number_column = 0;
  for (const auto& entry : *layouter.environment().contents) {
    numbers.emplace_back();
    if (entry.level > contents.max_level || entry.page_label.empty()) continue;
    document::Paragraph number;
    number.style.align = document::Align::right;
    number.content = {document::TextInline{entry.page_label, contents.style, entry.anchor, {}}};
    std::vector<FlowItem> laid;
    layouter.layout_paragraph(number, width, x, laid, nullptr);
    if (laid.empty()) continue;
    numbers.back() = std::move(std::get<FlowLine>(laid.front()));
    double label_width = 0;
    for (const auto& piece : numbers.back()->frame.items)
      if (const auto* text = std::get_if<TextLine>(&piece))
        for (const auto& run : text->runs) label_width += run.width();
    number_column = std::max(number_column, label_width);
  }
  if (number_column > 0) number_column += contents.style.font.size * 0.4;
  std::size_t k = 0;
  for (const auto& entry : *layouter.environment().contents) {
    std::optional<FlowLine>& number = numbers[k++];
    if (entry.level > contents.max_level) continue;
    document::Paragraph line;
    line.style = contents.paragraph;
    line.style.start_indent += contents.indent_per_level * (entry.level - 1);
    line.style.end_indent += number_column;
    document::TextInline title{entry.title, contents.style, entry.anchor, {}};
    document::LeaderInline leader{contents.style, U'.'};
    line.content = {title, leader};
    line.block = contents.entry_block;
    const std::size_t first = out.size();
    layouter.layout_paragraph(line, width, x, out, nullptr);
    if (out.size() == first) continue;
    if (auto* last = std::get_if<FlowLine>(&out.back()); last && number)
      append_to_line(*last, std::move(*number));
    space_before_of(out[first]) = std::max(space_before_of(out[first]), contents.entry_block.space_before);
    space_after_of(out.back()) = std::max(space_after_of(out.back()), contents.entry_block.space_after);
  }
  return &contents.entry_block;
}

}  // namespace raingan::layout
