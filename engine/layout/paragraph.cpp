#include "layout/paragraph.h"

#include <algorithm>

#include "core/utf8.h"
#include "layout/inline_breaking.h"
#include "layout/inline_content.h"
#include "layout/inline_line.h"
#include "text/char_classes.h"

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

// The indent of the first line: none for a centred or right-aligned paragraph, whose style may inherit a
// body's indent (a centred title would stand off the centre).
double first_line_indent(const ParagraphStyle& style) {
  return style.align == Align::left || style.align == Align::justify ? style.first_line_indent : 0;
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

void ParagraphLayouter::set_kept_terms(std::vector<std::string> terms) {
  state_->preparer.set_kept_terms(std::move(terms));
}

ParagraphLayout ParagraphLayouter::layout(std::span<const Inline> inlines, const ParagraphStyle& style,
                                          double width, bool fitted_box) {
  State& state = *state_;
  state.preparer.prepare(inlines, state.content);

  const double rest = width - style.start_indent - style.end_indent;
  const double indent = first_line_indent(style);
  const LineWidths widths{std::max(0.0, rest - indent), std::max(0.0, rest)};
  state.breaker.break_lines(state.content, style.align == Align::justify, widths, state.lines, fitted_box);

  ParagraphLayout result;
  result.lines.reserve(state.lines.size());
  for (std::size_t k = 0; k < state.lines.size(); ++k) {
    LineGeometry geometry;
    geometry.paragraph_width = width;
    geometry.start = style.start_indent + (k == 0 ? indent : 0);
    geometry.available = k == 0 ? widths.first : widths.rest;
    geometry.align = style.align;
    geometry.line_spacing = style.line_spacing;
    result.lines.push_back(state.builder.build(state.content, state.lines[k], geometry));
    if (state.lines[k].broken_inside)
      result.lines.back().broken_span = broken_span(state.content, state.lines[k].end);
    const std::uint32_t end = state.lines[k].end;
    result.lines.back().ends_in_word =
        end < state.content.text.size() &&
        (state.content.flags[end] &
         (text::break_in_compound | text::break_after_particle | text::break_in_protected)) != 0;
  }
  result.missing = state.content.missing;
  return result;
}

namespace {

bool spacing(char32_t c) { return text::is_breaking_space(c) || text::is_invisible_control(c); }

// Digits, with the signs and separators numbers, amounts, dates and percentages are written with.
bool is_number(std::string_view piece) {
  bool digit = false;
  for (std::size_t at = 0; at < piece.size();) {
    const char32_t c = utf8::next(piece, at);
    if (text::is_digit(c))
      digit = true;
    else if (std::u32string_view(U",.:/%+-\u2212()\u0E3F").find(c) == std::u32string_view::npos)
      return false;
  }
  return digit;
}

}  // namespace

ParagraphExtent ParagraphLayouter::measure(std::span<const Inline> inlines, const ParagraphStyle& style) {
  State& state = *state_;
  state.preparer.prepare(inlines, state.content);
  const InlineContent& content = state.content;
  const std::string& text = content.text;
  const auto size = static_cast<std::uint32_t>(text.size());
  const double indents = style.start_indent + style.end_indent;
  ParagraphExtent extent;

  // The text between two positions, less the spaces a line drops at its ends.
  auto width_between = [&](std::uint32_t begin, std::uint32_t end) {
    while (begin < end) {
      std::size_t at = begin;
      if (!spacing(utf8::next(text, at))) break;
      begin = static_cast<std::uint32_t>(at);
    }
    while (end > begin) {
      std::uint32_t start = end - 1;
      while (start > begin && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) --start;
      std::size_t at = start;
      const char32_t c = utf8::next(text, at);
      if (!spacing(c) && !text::is_line_separator(c)) break;
      end = start;
    }
    struct Piece {
      std::uint32_t begin, end;
      double width;
    };
    return Piece{begin, end, measure_line(content, {begin, begin, end, end, false}).width};
  };

  std::uint32_t piece_start = 0, line_start = 0;
  bool first_line = true;
  for (std::uint32_t q = 1; q <= size; ++q) {
    const std::uint8_t flags = content.flags[q];
    const bool forced = (flags & text::break_forced) != 0;
    if (!forced && !(flags & text::break_allowed)) continue;
    const double indent = piece_start == 0 ? std::max(0.0, first_line_indent(style)) : 0;
    const auto piece = width_between(piece_start, q);
    const std::string_view piece_text(text.data() + piece.begin, piece.end - piece.begin);
    if (piece.width + indent > extent.min) {
      extent.min = piece.width + indent;
      extent.widest_piece = std::string(piece_text);
    }
    // A number only when the whole piece is one: "๒๕๖๙)" is, "พ.ศ.๒๕๖๙" is not.
    if (piece.width + indent > extent.number) {
      if (is_number(piece_text)) {
        extent.number = piece.width + indent;
        extent.widest_number = std::string(piece_text);
      }
    }
    piece_start = q;
    if (forced || q == size) {
      extent.max = std::max(extent.max, width_between(line_start, q).width +
                                            (first_line ? std::max(0.0, first_line_indent(style)) : 0));
      line_start = q;
      first_line = false;
    }
  }
  if (extent.min > 0) extent.min += indents;
  if (extent.max > 0) extent.max += indents;
  if (extent.number > 0) extent.number += indents;
  return extent;
}

ParagraphLayout layout_paragraph(std::span<const Inline> inlines, const ParagraphStyle& style, double width,
                                 text::FontLibrary& fonts) {
  ParagraphLayouter layouter(fonts);
  return layouter.layout(inlines, style, width);
}

}  // namespace raingan::layout
