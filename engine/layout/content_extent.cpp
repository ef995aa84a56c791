#include "layout/content_extent.h"

#include <algorithm>

namespace raingan::layout {
namespace {

void widen(ContentExtent& into, const ContentExtent& part, double extra) {
  if (part.min + extra > into.min) {
    into.min = part.min + extra;
    into.widest_word = part.widest_word;
  }
  into.max = std::max(into.max, part.max + extra);
  if (part.number > 0 && part.number + extra > into.number) {
    into.number = part.number + extra;
    into.widest_number = part.widest_number;
  }
}

ContentExtent measure_paragraph(BlockLayouter& layouter, const document::Paragraph& paragraph) {
  const ParagraphExtent measured =
      layouter.environment().paragraphs.measure(layouter.paragraph_inlines(paragraph), paragraph.style);
  return {measured.min, measured.max, measured.number, measured.widest_number, measured.widest_piece};
}

ContentExtent measure_block(BlockLayouter& layouter, const document::Block& block) {
  return std::visit(
      [&](const auto& node) -> ContentExtent {
        using T = std::decay_t<decltype(node)>;
        if constexpr (std::is_same_v<T, document::Paragraph>) {
          return measure_paragraph(layouter, node);
        } else if constexpr (std::is_same_v<T, document::Heading>) {
          return measure_paragraph(layouter, node.paragraph);
        } else if constexpr (std::is_same_v<T, document::List>) {
          // The body starts after the reserved room or the widest label and a gap, as the list lays it out.
          double widest = 0, gap = 4;
          for (const auto& item : node.items) {
            document::Paragraph label;
            label.content = item.label;
            widest = std::max(widest, measure_paragraph(layouter, label).max);
            for (const auto& piece : item.label)
              if (const auto* text = std::get_if<document::TextInline>(&piece))
                gap = std::max(gap, text->style.font.size * 0.3);
          }
          const double room = node.indent + std::max(node.label_width, widest + gap);
          ContentExtent extent;
          for (const auto& item : node.items) widen(extent, measure_blocks(layouter, item.body), room);
          return extent;
        } else if constexpr (std::is_same_v<T, document::Container>) {
          ContentExtent extent;
          widen(extent, measure_blocks(layouter, node.children),
                node.start_indent + node.end_indent + 2 * node.padding);
          return extent;
        } else if constexpr (std::is_same_v<T, document::Image> || std::is_same_v<T, document::Chart>) {
          return {node.width, node.width, 0, {}, {}};
        } else {
          return {};
        }
      },
      block.node);
}

}  // namespace

ContentExtent measure_blocks(BlockLayouter& layouter, const document::Blocks& blocks) {
  ContentExtent extent;
  for (const auto& block : blocks) widen(extent, measure_block(layouter, block), 0);
  return extent;
}

}  // namespace raingan::layout
