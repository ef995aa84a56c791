#include "layout/inline_content.h"

#include <algorithm>

#include "core/diagnostic.h"
#include "core/utf8.h"
#include "text/char_classes.h"

namespace raingan::layout {
namespace {

const text::FontChain& chain_for(text::FontLibrary& fonts, const FontSpec& spec) {
  const std::string& family = spec.family.empty() ? fonts.default_family() : spec.family;
  return fonts.chain(family, text::FontStyle{spec.bold, spec.italic});
}

// The dots of a dotted leader stand one fill-width apart; other fills (rules, dashes) join up.
double leader_pitch(char32_t fill, double advance) {
  return (fill == U'.' || fill == U'\u00B7' || fill == U'\u2024') ? 2 * advance : advance;
}

}  // namespace

void InlinePreparer::prepare(std::span<const Inline> inlines, InlineContent& content) {
  content.text.clear();
  content.items.clear();
  content.leaders.clear();
  content.runs.clear();
  content.glyphs.clear();
  content.missing.clear();
  content.base_size = 0;

  for (std::size_t i = 0; i < inlines.size(); ++i) {
    InlineItem item;
    item.source = i;
    item.begin = static_cast<std::uint32_t>(content.text.size());
    if (const auto* text = std::get_if<TextInline>(&inlines[i])) {
      if (const auto bad = utf8::first_invalid_byte(text->text))
        throw InputError("", "inline " + std::to_string(i) + ", byte " + std::to_string(*bad),
                         "paragraph text is not valid UTF-8");
      content.text += text->text;
      item.style = &text->style;
      item.text = text;
      if (content.base_size == 0) content.base_size = text->style.font.size;
    } else {
      item.leader = true;
      item.style = &std::get<LeaderInline>(inlines[i]).style;
    }
    item.end = static_cast<std::uint32_t>(content.text.size());
    item.fonts = &chain_for(fonts_, item.style->font);
    content.items.push_back(item);
  }
  if (content.base_size <= 0)
    content.base_size = content.items.empty() ? 16 : content.items[0].style->font.size;
  content.empty_fonts = content.items.empty() ? &fonts_.chain(fonts_.default_family()) : nullptr;

  content.code_points.assign(content.text);
  for (std::size_t i = 0; i < content.code_points.size(); ++i)
    if (content.code_points[i] == U'\t') content.code_points.substitute(i, U' ');
  keep_whole_.clear();
  for (const InlineItem& item : content.items)
    if (item.text && item.text->keep_whole) keep_whole_.push_back({item.begin, item.end});
  break_finder_.find(content.text, content.code_points, content.flags, keep_whole_);

  styles_.clear();
  style_items_.clear();
  for (std::uint32_t k = 0; k < content.items.size(); ++k) {
    const InlineItem& item = content.items[k];
    if (item.leader) continue;
    styles_.push_back(text::StyledRange{
        static_cast<std::uint32_t>(content.code_points.index_at_byte(item.begin)),
        static_cast<std::uint32_t>(content.code_points.index_at_byte(item.end)), item.fonts});
    style_items_.push_back(k);
  }
  shaping_runs_.clear();
  missing_code_points_.clear();
  itemizer_.itemize(content.code_points, content.flags, styles_, shaping_runs_, missing_code_points_);

  auto item_of_byte = [&](std::uint32_t byte) {
    std::uint32_t found = 0;
    for (std::uint32_t k = 0; k < content.items.size(); ++k)
      if (!content.items[k].leader && content.items[k].begin <= byte && byte < content.items[k].end)
        found = k;
    return found;
  };
  for (const std::uint32_t index : missing_code_points_) {
    const std::uint32_t byte = content.code_points.byte_offset(index);
    const InlineItem& item = content.items[item_of_byte(byte)];
    content.missing.push_back(MissingCharacter{content.code_points[index], item.source, byte - item.begin});
  }

  for (const text::ShapingRun& run : shaping_runs_) {
    GlyphSpan span;
    span.begin = content.code_points.byte_offset(run.begin);
    span.end = content.code_points.byte_offset(run.end);
    span.item = style_items_[run.style];
    span.face = run.face;
    span.script = run.script;
    span.scale = content.items[span.item].style->font.size / run.face->units_per_em();
    span.glyph_begin = static_cast<std::uint32_t>(content.glyphs.size());
    shaper_.shape(content.code_points, run.begin, run.end, *run.face, run.script, content.glyphs);
    span.glyph_end = static_cast<std::uint32_t>(content.glyphs.size());
    content.runs.push_back(span);
  }

  for (std::uint32_t k = 0; k < content.items.size(); ++k) {
    const InlineItem& item = content.items[k];
    if (!item.leader) continue;
    const auto& leader = std::get<LeaderInline>(inlines[item.source]);
    LeaderItem entry;
    entry.position = item.begin;
    entry.item = k;
    entry.face = item.fonts->primary;
    if (!entry.face->has_code_point(leader.fill)) {
      const auto& fallbacks = item.fonts->fallbacks();
      const auto found = std::find_if(fallbacks.begin(), fallbacks.end(), [&](const text::FontFace* face) {
        return face->has_code_point(leader.fill);
      });
      if (found != fallbacks.end())
        entry.face = *found;
      else
        content.missing.push_back(MissingCharacter{leader.fill, item.source, 0});
    }
    entry.fill = leader.fill;
    entry.glyph_id = entry.face->glyph_for(leader.fill);
    const double scale = item.style->font.size / entry.face->units_per_em();
    entry.advance = entry.face->advance(entry.glyph_id) * scale;
    entry.pitch = std::max(leader_pitch(leader.fill, entry.advance), 0.05 * item.style->font.size);
    entry.min_width = 3 * entry.pitch;
    content.leaders.push_back(entry);
  }
  measure(content);
}

void InlinePreparer::measure(InlineContent& content) {
  const std::size_t slots = content.text.size() + 2;
  content.width_before.assign(slots, 0.0);
  content.stretch_before.assign(slots, 0.0);

  bool have_previous = false;
  std::uint32_t previous_cluster = 0;
  for (const GlyphSpan& run : content.runs) {
    for (std::uint32_t g = run.glyph_begin; g < run.glyph_end; ++g) {
      const text::ShapedGlyph& glyph = content.glyphs[g];
      content.width_before[glyph.cluster + 1] += glyph.x_advance * run.scale;
      if (have_previous && glyph.cluster == previous_cluster) continue;
      if (have_previous)
        content.stretch_before[glyph.cluster + 1] +=
            boundary_stretch_weight(content.text, previous_cluster, glyph.cluster);
      previous_cluster = glyph.cluster;
      have_previous = true;
    }
  }
  for (std::size_t q = 1; q < slots; ++q) {
    content.width_before[q] += content.width_before[q - 1];
    content.stretch_before[q] += content.stretch_before[q - 1];
  }
}

std::uint32_t InlineContent::leaders_before(std::uint32_t q) const {
  if (leaders.empty()) return 0;
  return static_cast<std::uint32_t>(
      std::lower_bound(leaders.begin(), leaders.end(), q,
                       [](const LeaderItem& leader, std::uint32_t at) { return leader.position < at; }) -
      leaders.begin());
}

double InlineContent::leader_width_before(std::uint32_t q) const {
  double width = 0;
  for (const LeaderItem& leader : leaders) {
    if (leader.position >= q) break;
    width += leader.min_width;
  }
  return width;
}

void InlinePreparer::reshape(const InlineContent& content, const GlyphSpan& run, std::uint32_t begin,
                             std::uint32_t end, std::vector<text::ShapedGlyph>& out) {
  shaper_.shape(content.code_points, content.code_points.index_at_byte(begin),
                content.code_points.index_at_byte(end), *run.face, run.script, out);
}

}  // namespace raingan::layout
