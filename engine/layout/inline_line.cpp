#include "layout/inline_line.h"

#include <algorithm>
#include <cmath>

#include "core/utf8.h"
#include "text/char_classes.h"
#include "text/line_metrics.h"

namespace raingan::layout {
namespace {

// Source text of a span: the bytes as they are, less the invisible controls (ZWSP, WJ ...).
std::string span_text(const std::string& text, std::uint32_t begin, std::uint32_t end) {
  // Every invisible control is below U+0020 or starts with byte C2 (U+0085), E2 (U+2028 ...) or EF (U+FEFF).
  bool plain = true;
  for (std::uint32_t i = begin; i < end && plain; ++i) {
    const auto byte = static_cast<unsigned char>(text[i]);
    plain = byte >= 0x20 && byte != 0xC2 && byte != 0xE2 && byte != 0xEF;
  }
  if (plain) return text.substr(begin, end - begin);
  std::string out;
  out.reserve(end - begin);
  for (std::size_t offset = begin; offset < end;) {
    const std::size_t start = offset;
    const char32_t c = utf8::next(text, offset);
    if (!text::is_invisible_control(c)) out.append(text, start, offset - start);
  }
  return out;
}

struct VerticalExtent {
  double ascent = 0, descent = 0, leading = 0;
  void include_face(const text::FontFace& face, double size) {
    const text::LineMetrics metrics = text::line_metrics(face);
    const double scale = size / face.units_per_em();
    ascent = std::max(ascent, metrics.ascent * scale);
    descent = std::max(descent, metrics.descent * scale);
    leading = std::max(leading, metrics.leading * scale);
  }
  // A fallback face counts by its glyphs' ink only, so one symbol does not open up the line.
  void include_ink(const text::FontFace& face, const text::ShapedGlyph& glyph, double scale) {
    hb_glyph_extents_t extents{};
    if (!hb_font_get_glyph_extents(face.hb_font(), glyph.glyph_id, &extents)) return;
    ascent = std::max(ascent, (extents.y_bearing + glyph.y_offset) * scale);
    descent = std::max(descent, -(extents.y_bearing + extents.height + glyph.y_offset) * scale);
  }
};

}  // namespace

void LineBuilder::add_text(const InlineContent& content, std::uint32_t run_index, std::uint32_t begin,
                           std::uint32_t end) {
  const GlyphSpan& run = content.runs[run_index];
  const auto first = content.glyphs.begin() + run.glyph_begin;
  const auto last = content.glyphs.begin() + run.glyph_end;
  auto by_cluster = [](const text::ShapedGlyph& glyph, std::uint32_t offset) {
    return glyph.cluster < offset;
  };
  const auto from = std::lower_bound(first, last, begin, by_cluster);
  const auto to = std::lower_bound(from, last, end, by_cluster);
  auto clean_cut = [&](std::uint32_t at, std::vector<text::ShapedGlyph>::const_iterator glyph) {
    return glyph != last && glyph->cluster == at && !glyph->unsafe_to_break;
  };
  const bool safe = (begin == run.begin || clean_cut(begin, from)) && (end == run.end || clean_cut(end, to));

  Piece piece;
  piece.item = run.item;
  piece.index = run_index;
  piece.text_begin = begin;
  piece.text_end = end;
  piece.glyph_begin = static_cast<std::uint32_t>(glyphs_.size());
  if (safe)
    glyphs_.insert(glyphs_.end(), from, to);
  else
    preparer_.reshape(content, run, begin, end, glyphs_);
  piece.glyph_end = static_cast<std::uint32_t>(glyphs_.size());
  pieces_.push_back(piece);
}

void LineBuilder::collect(const InlineContent& content, std::uint32_t begin, std::uint32_t end,
                          std::uint32_t leader_limit) {
  pieces_.clear();
  glyphs_.clear();
  const auto& leaders = content.leaders;
  std::size_t next_leader = static_cast<std::size_t>(
      std::lower_bound(leaders.begin(), leaders.end(), begin,
                       [](const LeaderItem& leader, std::uint32_t at) { return leader.position < at; }) -
      leaders.begin());
  auto emit_leaders_before = [&](std::uint32_t item) {
    while (next_leader < leaders.size() && leaders[next_leader].position < leader_limit &&
           leaders[next_leader].item < item) {
      Piece piece;
      piece.leader = true;
      piece.item = leaders[next_leader].item;
      piece.index = static_cast<std::uint32_t>(next_leader);
      pieces_.push_back(piece);
      ++next_leader;
    }
  };

  const auto& runs = content.runs;
  auto run = std::upper_bound(runs.begin(), runs.end(), begin,
                              [](std::uint32_t at, const GlyphSpan& span) { return at < span.end; });
  for (; run != runs.end() && run->begin < end; ++run) {
    const std::uint32_t lo = std::max(begin, run->begin), hi = std::min(end, run->end);
    if (lo >= hi) continue;
    emit_leaders_before(run->item);
    add_text(content, static_cast<std::uint32_t>(run - runs.begin()), lo, hi);
  }
  emit_leaders_before(static_cast<std::uint32_t>(content.items.size()));
}

LineBox LineBuilder::build(const InlineContent& content, const LineExtent& line,
                           const LineGeometry& geometry) {
  LineBox box;
  box.text_begin = line.begin;
  box.text_end = line.end;
  LineExtent drawn = line;
  drawn.content_end = std::max(line.content_end, line.content_begin);
  collect(content, drawn.content_begin, drawn.content_end, leader_limit(content, drawn));

  // Natural width, then how the rest of the available width is used.
  double natural = 0;
  std::size_t leader_count = 0;
  for (const Piece& piece : pieces_) {
    if (piece.leader) {
      natural += content.leaders[piece.index].min_width;
      ++leader_count;
    } else {
      const double scale = content.runs[piece.index].scale;
      for (std::uint32_t g = piece.glyph_begin; g < piece.glyph_end; ++g)
        natural += glyphs_[g].x_advance * scale;
    }
  }
  const double extra = geometry.available - natural;
  stretch_.assign(glyphs_.size(), 0.0);
  double used = natural;
  if (leader_count > 0) {
    const double share = std::max(0.0, extra) / static_cast<double>(leader_count);
    for (Piece& piece : pieces_)
      if (piece.leader) piece.leader_width = content.leaders[piece.index].min_width + share;
    used += std::max(0.0, extra);
  } else if (geometry.align == Align::justify && !line.natural && extra > 0 && !glyphs_.empty()) {
    // Thai distributed: after the last glyph of every cluster but the line's last.
    const std::uint32_t last_cluster = glyphs_.back().cluster;
    double units = 0;
    for (std::size_t g = 0; g < glyphs_.size(); ++g) {
      const std::uint32_t cluster = glyphs_[g].cluster;
      if (cluster == last_cluster || (g + 1 < glyphs_.size() && glyphs_[g + 1].cluster == cluster)) continue;
      stretch_[g] = boundary_stretch_weight(content.text, cluster, glyphs_[g + 1].cluster);
      units += stretch_[g];
    }
    if (units > 0) {
      for (double& s : stretch_) s *= extra / units;
      used += extra;
    }
  }
  double x = geometry.start;
  if (geometry.align == Align::right)
    x += std::max(0.0, geometry.available - used);
  else if (geometry.align == Align::center)
    x += std::max(0.0, (geometry.available - used) / 2);

  // Glyph runs, spans and the x extent of every inline on the line.
  TextLine text_line;
  extents_.clear();
  VerticalExtent vertical;
  std::uint32_t glyph_count = 0;
  bool span_open = false;
  std::uint32_t span_glyph = 0, span_begin = 0, span_end = 0;
  auto close_span = [&]() {
    if (!span_open) return;
    text_line.spans.push_back(
        TextSpan{span_glyph, glyph_count, span_text(content.text, span_begin, span_end)});
    span_open = false;
  };
  GlyphRun* current = nullptr;
  const text::FontFace* current_face = nullptr;

  for (const Piece& piece : pieces_) {
    const InlineItem& item = content.items[piece.item];
    const double start_x = x;
    const InlineStyle& style = *item.style;
    if (piece.leader) {
      const LeaderItem& leader = content.leaders[piece.index];
      vertical.include_face(*item.fonts->primary, style.font.size);
      close_span();
      current = nullptr;
      const double end_x = x + piece.leader_width;
      double dot = std::ceil((x - 1e-9) / leader.pitch) * leader.pitch;
      GlyphRun run{leader.face, style.font.size, style.color, Point{dot, 0}, {}};
      for (; dot + leader.advance <= end_x + 1e-9; dot += leader.pitch) {
        PositionedGlyph glyph;
        glyph.glyph_id = leader.glyph_id;
        glyph.x_advance = leader.pitch;
        glyph.shaped_advance = leader.advance;
        glyph.cluster = leader.position - line.begin;
        run.glyphs.push_back(glyph);
      }
      if (!run.glyphs.empty()) {
        run.glyphs.back().x_advance = end_x - (dot - leader.pitch);
        const auto count = static_cast<std::uint32_t>(run.glyphs.size());
        std::string fill;
        for (std::uint32_t k = 0; k < count; ++k) utf8::append(fill, leader.fill);
        text_line.spans.push_back(TextSpan{glyph_count, glyph_count + count, std::move(fill)});
        glyph_count += count;
        text_line.runs.push_back(std::move(run));
      }
      x = end_x;
    } else {
      const GlyphSpan& run = content.runs[piece.index];
      if (run.face == item.fonts->primary) {
        vertical.include_face(*run.face, style.font.size);
      } else {
        vertical.include_face(*item.fonts->primary, style.font.size);
        for (std::uint32_t g = piece.glyph_begin; g < piece.glyph_end; ++g)
          vertical.include_ink(*run.face, glyphs_[g], run.scale);
      }
      if (!current || current_face != run.face || current->font_size != style.font.size ||
          !(current->color == style.color)) {
        text_line.runs.push_back(GlyphRun{run.face, style.font.size, style.color, Point{x, 0}, {}});
        current = &text_line.runs.back();
        current_face = run.face;
      }
      current->glyphs.reserve(current->glyphs.size() + (piece.glyph_end - piece.glyph_begin));
      for (std::uint32_t g = piece.glyph_begin; g < piece.glyph_end;) {
        // One cluster: glyphs [g, cluster_end) over bytes [cluster, cluster_text_end).
        const std::uint32_t cluster = glyphs_[g].cluster;
        std::uint32_t cluster_end = g + 1;
        while (cluster_end < piece.glyph_end && glyphs_[cluster_end].cluster == cluster) ++cluster_end;
        const std::uint32_t text_end =
            cluster_end < piece.glyph_end ? glyphs_[cluster_end].cluster : piece.text_end;
        const bool space =
            space_at(content.text, cluster) &&
            cluster + utf8::sequence_length(static_cast<unsigned char>(content.text[cluster])) >= text_end;
        if (space) {
          close_span();
          text_line.spans.push_back(TextSpan{glyph_count, glyph_count + (cluster_end - g),
                                             span_text(content.text, cluster, text_end)});
        } else {
          if (!span_open) {
            span_open = true;
            span_glyph = glyph_count;
            span_begin = cluster;
          }
          span_end = text_end;
        }
        for (; g < cluster_end; ++g) {
          const text::ShapedGlyph& shaped = glyphs_[g];
          PositionedGlyph glyph;
          glyph.glyph_id = shaped.glyph_id;
          glyph.shaped_advance = shaped.x_advance * run.scale;
          glyph.x_advance = glyph.shaped_advance + stretch_[g];
          glyph.x_offset = shaped.x_offset * run.scale;
          glyph.y_offset = shaped.y_offset * run.scale;
          glyph.cluster = shaped.cluster - line.begin;
          current->glyphs.push_back(glyph);
          x += glyph.x_advance;
          ++glyph_count;
        }
      }
    }
    if (!extents_.empty() && extents_.back().item == piece.item)
      extents_.back().x1 = x;
    else
      extents_.push_back(ItemExtent{piece.item, start_x, x});
  }
  close_span();

  // Vertical metrics: an empty line takes its inline's face.
  if (pieces_.empty()) {
    const text::FontChain* fonts = content.empty_fonts;
    double size = 16;
    for (const InlineItem& item : content.items) {
      if (!fonts || item.begin <= drawn.content_begin) {
        fonts = item.fonts;
        size = item.style->font.size;
      }
    }
    vertical.include_face(*fonts->primary, size);
  }
  box.ascent = vertical.ascent;
  box.descent = vertical.descent;
  box.height = (vertical.ascent + vertical.descent + vertical.leading) * geometry.line_spacing;
  box.width = used;

  Frame& frame = box.content;
  frame.size = Size{geometry.paragraph_width, box.ascent + box.descent};
  if (!text_line.runs.empty()) frame.items.emplace_back(std::move(text_line));
  for (const ItemExtent& extent : extents_) {
    const InlineItem& item = content.items[extent.item];
    if (extent.x1 <= extent.x0) continue;
    if (item.style->underline) {
      const text::FontFace& face = *item.fonts->primary;
      const double size = item.style->font.size;
      const double scale = size / face.units_per_em();
      // Thai fonts put the underline close to the baseline (Laksaman: 0.02 em), across the letters' feet.
      const double y = std::max(-face.ft_face()->underline_position * scale, 0.1 * size);
      const double thickness = std::max(face.ft_face()->underline_thickness * scale, 0.04 * size);
      frame.items.emplace_back(
          Rule{Point{extent.x0, y}, Point{extent.x1, y}, Stroke{thickness, item.style->color}});
    }
    if (item.text && (!item.text->link_anchor.empty() || !item.text->link_url.empty())) {
      frame.items.emplace_back(Link{Point{extent.x0, -box.ascent},
                                    Size{extent.x1 - extent.x0, box.ascent + box.descent},
                                    item.text->link_anchor, item.text->link_url});
    }
  }
  return box;
}

}  // namespace raingan::layout
