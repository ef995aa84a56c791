#include "layout/diagram_text.h"

#include <hb.h>

#include <algorithm>
#include <cmath>
#include <span>

#include "text/font_face.h"

namespace raingan::layout {
namespace {

// Lines in boxes sit closer than in running text: a Thai line box holds room for stacked marks a box's short
// lines rarely use, and a shape grows with every line. The ink is measured, so a mark that does reach out
// still gets its padding.
constexpr double box_line_spacing = 0.88;
constexpr double unbounded = 1e6;

double widest(const ParagraphLayout& laid) {
  double width = 0;
  for (const auto& line : laid.lines) width = std::max(width, line.width);
  return width;
}

// Adds where the glyphs of `line` put ink, its baseline at y = `dy`, to `ink`.
void add_ink(const TextLine& line, double dy, Rect& ink) {
  for (Rect glyph : glyph_inks(line)) {
    glyph.y += dy;
    ink = united(ink, glyph);
  }
}

BoxText box_text(ParagraphLayout&& laid, double width) {
  BoxText text;
  text.width = width;
  text.widest_line = widest(laid);
  double y = 0;
  for (const auto& line : laid.lines) {
    // Placed as draw() places it.
    const double baseline = y + (line.height - (line.ascent + line.descent)) / 2 + line.ascent;
    for (const auto& item : line.content.items)
      if (const auto* drawn = std::get_if<TextLine>(&item)) {
        add_ink(*drawn, baseline, text.ink);
        for (const auto& run : drawn->runs)
          text.advances = united(text.advances, {run.origin.x, y, run.width(), line.height});
      }
    y += line.height;
  }
  text.height = y;
  text.lines = std::move(laid.lines);
  return text;
}

}  // namespace

ParagraphLayout DiagramText::set(const std::string& text, const InlineStyle& style, double width,
                                 Align align) {
  ParagraphStyle paragraph;
  paragraph.align = align;
  paragraph.line_spacing = box_line_spacing;
  const Inline piece = TextInline{text, style, {}, {}};
  ParagraphLayout laid =
      paragraphs_.layout(std::span<const Inline>(&piece, 1), paragraph, std::max(1.0, width), true);
  for (const auto& missing : laid.missing) {
    const bool known = std::any_of(missing_.begin(), missing_.end(), [&](const Missing& m) {
      return m.code_point == missing.code_point && m.text == text;
    });
    if (!known) missing_.push_back({missing.code_point, text});
  }
  return laid;
}

void DiagramText::find_breaks(const std::string& text) {
  if (text == flags_text_ && !flags_.empty()) return;
  flags_text_ = text;
  code_points_.assign(text);
  breaks_.find(text, code_points_, flags_);
}

bool DiagramText::breaks_a_word(const std::string& text, const ParagraphLayout& laid) {
  find_breaks(text);
  for (std::size_t k = 0; k + 1 < laid.lines.size(); ++k) {
    const std::size_t end = laid.lines[k].text_end;
    if (end < flags_.size() && !(flags_[end] & (text::break_allowed | text::break_forced))) return true;
  }
  return false;
}

std::size_t DiagramText::compound_breaks(const std::string& text, const ParagraphLayout& laid) {
  find_breaks(text);
  std::size_t count = 0;
  for (std::size_t k = 0; k + 1 < laid.lines.size(); ++k) {
    const std::size_t end = laid.lines[k].text_end;
    if (end < flags_.size() && (flags_[end] & text::break_in_compound)) ++count;
  }
  return count;
}

BoxText DiagramText::line(const std::string& text, const InlineStyle& style) {
  ParagraphLayout laid = set(text, style, unbounded, Align::left);
  const double width = widest(laid);
  return box_text(set(text, style, width + 0.01, Align::center), width + 0.01);
}

BoxText DiagramText::paragraph(const std::string& text, const InlineStyle& style, double width, Align align) {
  if (text.empty()) return {};
  return box_text(set(text, style, width, align), width);
}

BoxText DiagramText::fit(const std::string& text, const InlineStyle& style, double max_width) {
  if (text.empty()) return {};
  ParagraphLayout natural = set(text, style, unbounded, Align::left);
  const double natural_width = widest(natural);
  if (natural.lines.size() <= 1 && natural_width <= max_width) {
    // One line: the box is as wide as the words (a hair more, so the line breaker keeps them on one line).
    return box_text(set(text, style, natural_width + 0.01, Align::center), natural_width + 0.01);
  }
  // A word wider than the limit widens the box rather than break.
  while (max_width < natural_width && breaks_a_word(text, set(text, style, max_width, Align::left)))
    max_width = std::min(natural_width, max_width * 1.1 + 1);
  const ParagraphLayout widest_setting = set(text, style, max_width, Align::left);
  const std::size_t count = widest_setting.lines.size();
  const std::size_t compounds = compound_breaks(text, widest_setting);
  // The narrowest width that still needs no more lines and breaks no more compounds: lines of even length
  // read better than a full line and a stub, but not at the price of ผู้|อำนวยการ.
  double low = std::min(max_width, natural_width / static_cast<double>(count)) * 0.9;
  double high = max_width;
  for (int step = 0; step < 10 && high - low > 1; ++step) {
    const double middle = (low + high) / 2;
    const ParagraphLayout tried = set(text, style, middle, Align::left);
    if (tried.lines.size() <= count && !breaks_a_word(text, tried) &&
        compound_breaks(text, tried) <= compounds)
      high = middle;
    else
      low = middle;
  }
  ParagraphLayout centred = set(text, style, high, Align::center);
  return box_text(std::move(centred), high);
}

std::vector<Rect> glyph_inks(const TextLine& line) {
  std::vector<Rect> inks;
  for (const auto& run : line.runs) {
    if (!run.face) continue;
    const double scale = run.font_size / run.face->units_per_em();
    double pen = run.origin.x;
    for (const auto& glyph : run.glyphs) {
      hb_glyph_extents_t extents{};
      if (hb_font_get_glyph_extents(run.face->hb_font(), glyph.glyph_id, &extents) && extents.width != 0 &&
          extents.height != 0) {
        const double left = pen + glyph.x_offset + extents.x_bearing * scale;
        const double top = run.origin.y - glyph.y_offset - extents.y_bearing * scale;
        inks.push_back({left, top, std::fabs(extents.width * scale), std::fabs(extents.height * scale)});
      }
      pen += glyph.x_advance;
    }
  }
  return inks;
}

Rect padded_area(const BoxText& text, double padding, bool line_height) {
  const Rect& a = text.advances;
  Rect area = line_height ? Rect{a.x - padding, a.y - padding / 2, a.width + 2 * padding, a.height + padding}
                          : Rect{a.x - padding, a.center().y - padding, a.width + 2 * padding, 2 * padding};
  if (text.ink.width > 0 || text.ink.height > 0)
    area = united(area, {text.ink.x - padding, text.ink.y - padding, text.ink.width + 2 * padding,
                         text.ink.height + 2 * padding});
  return area;
}

void DiagramText::draw_centred(const BoxText& text, const Rect& area, Point center,
                               std::vector<FrameItem>& out) {
  const Point middle = area.center();
  draw(text, center.x - middle.x + text.width / 2, center.y - middle.y, out);
}

void DiagramText::draw(const BoxText& text, double center_x, double top, std::vector<FrameItem>& out) {
  const double left = center_x - text.width / 2;
  double y = top;
  for (const auto& line : text.lines) {
    // The line's box (ascent + descent) is centred in its advance, as paragraphs are set in the page flow.
    const double baseline = y + (line.height - (line.ascent + line.descent)) / 2 + line.ascent;
    for (const auto& item : line.content.items) {
      FrameItem moved = item;
      translate(moved, {left, baseline});
      out.push_back(std::move(moved));
    }
    y += line.height;
  }
}

}  // namespace raingan::layout
