#include "layout/paragraph.h"

#include <algorithm>

#include "layout/inline_breaking.h"
#include "layout/inline_content.h"
#include "layout/inline_line.h"

namespace raingan::layout {
namespace {

// The protected span a line ends inside, '|' where it ends.
std::string broken_span(const InlineContent& content, std::uint32_t end) {
  // Flags are set at code point starts: continuation bytes belong to the code point they continue.
  const auto continuation = [&](std::uint32_t q) {
    return (static_cast<unsigned char>(content.text[q]) & 0xC0) == 0x80;
  };
  const auto inside = [&](std::uint32_t q) {
    return q < content.text.size() && (continuation(q) || (content.flags[q] & text::break_in_protected) != 0);
  };
  std::uint32_t begin = end, after = end;
  while (begin > 0 && inside(begin)) --begin;
  while (inside(after)) ++after;
  return content.text.substr(begin, end - begin) + "|" + content.text.substr(end, after - end);
}

}  // namespace

struct ParagraphLayouter::State {
  explicit State(text::FontLibrary& fonts) : preparer(fonts), builder(preparer) {}
  InlinePreparer preparer;
  LineBreaker breaker;
  LineBuilder builder;
  InlineContent content;
  std::vector<LineExtent> lines;
};

ParagraphLayouter::ParagraphLayouter(text::FontLibrary& fonts) : state_(std::make_unique<State>(fonts)) {}

ParagraphLayouter::~ParagraphLayouter() = default;

ParagraphLayout ParagraphLayouter::layout(std::span<const Inline> inlines, const ParagraphStyle& style,
                                          double width) {
  State& state = *state_;
  state.preparer.prepare(inlines, state.content);

  const double rest = width - style.start_indent - style.end_indent;
  const LineWidths widths{std::max(0.0, rest - style.first_line_indent), std::max(0.0, rest)};
  state.breaker.break_lines(state.content, style.align == Align::justify, widths, state.lines);

  ParagraphLayout result;
  result.lines.reserve(state.lines.size());
  for (std::size_t k = 0; k < state.lines.size(); ++k) {
    LineGeometry geometry;
    geometry.paragraph_width = width;
    geometry.start = style.start_indent + (k == 0 ? style.first_line_indent : 0);
    geometry.available = k == 0 ? widths.first : widths.rest;
    geometry.align = style.align;
    geometry.line_spacing = style.line_spacing;
    result.lines.push_back(state.builder.build(state.content, state.lines[k], geometry));
    if (state.lines[k].broken_inside)
      result.lines.back().broken_span = broken_span(state.content, state.lines[k].end);
  }
  result.missing = state.content.missing;
  return result;
}

ParagraphLayout layout_paragraph(std::span<const Inline> inlines, const ParagraphStyle& style, double width,
                                 text::FontLibrary& fonts) {
  ParagraphLayouter layouter(fonts);
  return layouter.layout(inlines, style, width);
}

}  // namespace raingan::layout
