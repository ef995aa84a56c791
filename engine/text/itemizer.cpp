#include "text/itemizer.h"

#include <unicode/uchar.h>

#include "text/char_classes.h"
#include "text/line_breaks.h"

namespace raingan::text {
namespace {

bool needs_glyph(char32_t c) {
  return !u_hasBinaryProperty(static_cast<UChar32>(c), UCHAR_DEFAULT_IGNORABLE_CODE_POINT);
}

}  // namespace

bool Itemizer::has(const FontFace& face, char32_t c) {
  if (c >= remembered_below) return face.has_code_point(c);
  if (!last_coverage_ || last_coverage_->face != &face) {
    last_coverage_ = nullptr;
    for (auto& entry : coverage_)
      if (entry.face == &face) last_coverage_ = &entry;
    if (!last_coverage_) {
      coverage_.push_back(Coverage{&face, std::vector<std::uint8_t>(remembered_below, 0)});
      last_coverage_ = &coverage_.back();
    }
  }
  std::uint8_t& known = last_coverage_->known[c];
  if (known == 0) known = face.has_code_point(c) ? 1 : 2;
  return known == 1;
}

bool Itemizer::covers(const FontFace& face, std::size_t begin, std::size_t end, const CodePoints& text) {
  for (std::size_t i = begin; i < end; ++i)
    if (!has(face, text[i]) && needs_glyph(text[i])) return false;
  return true;
}

const FontFace* Itemizer::choose_face(const FontChain& chain, const CodePoints& text, std::size_t begin,
                                      std::size_t end, bool& covered) {
  covered = true;
  if (covers(*chain.primary, begin, end, text)) return chain.primary;
  for (const FontFace* fallback : chain.fallbacks())
    if (covers(*fallback, begin, end, text)) return fallback;
  covered = false;
  // No face has the whole cluster: keep the base's face so at least the base is drawn.
  if (has(*chain.primary, text[begin])) return chain.primary;
  for (const FontFace* fallback : chain.fallbacks())
    if (has(*fallback, text[begin])) return fallback;
  return chain.primary;
}

void Itemizer::itemize(const CodePoints& text, std::span<const std::uint8_t> break_flags,
                       std::span<const StyledRange> styles, std::vector<ShapingRun>& runs,
                       std::vector<std::uint32_t>& missing) {
  const std::size_t count = text.size();
  if (count == 0 || styles.empty()) return;

  // Scripts, with Common and Inherited resolved to a neighbour's.
  hb_unicode_funcs_t* unicode = hb_unicode_funcs_get_default();
  scripts_.resize(count);
  hb_script_t last_strong = HB_SCRIPT_INVALID;
  std::size_t leading_weak = 0;
  for (std::size_t i = 0; i < count; ++i) {
    hb_script_t script = hb_unicode_script(unicode, text[i]);
    if (script == HB_SCRIPT_COMMON || script == HB_SCRIPT_INHERITED || script == HB_SCRIPT_UNKNOWN) {
      if (last_strong == HB_SCRIPT_INVALID) {
        ++leading_weak;
        continue;
      }
      script = last_strong;
    } else {
      if (last_strong == HB_SCRIPT_INVALID)
        for (std::size_t k = 0; k < leading_weak; ++k) scripts_[k] = script;
      last_strong = script;
    }
    scripts_[i] = script;
  }
  if (last_strong == HB_SCRIPT_INVALID)  // digits and punctuation only: the documents are Thai
    for (std::size_t k = 0; k < count; ++k) scripts_[k] = HB_SCRIPT_THAI;

  std::size_t style = 0;
  bool open = false;
  for (std::size_t begin = 0; begin < count;) {
    std::size_t end = begin + 1;
    while (end < count && !(break_flags[text.byte_offset(end)] & grapheme_boundary)) ++end;
    while (style + 1 < styles.size() && styles[style].end <= begin) ++style;

    if (is_invisible_control(text[begin])) {
      open = false;
      begin = end;
      continue;
    }
    bool covered = true;
    const FontFace* face = choose_face(*styles[style].fonts, text, begin, end, covered);
    if (!covered)
      for (std::size_t i = begin; i < end; ++i)
        if (!has(*face, text[i]) && needs_glyph(text[i])) missing.push_back(static_cast<std::uint32_t>(i));

    const hb_script_t script = scripts_[begin];
    ShapingRun* last = open ? &runs.back() : nullptr;
    if (last && last->style == style && last->face == face && last->script == script) {
      last->end = static_cast<std::uint32_t>(end);
    } else {
      runs.push_back(ShapingRun{static_cast<std::uint32_t>(begin), static_cast<std::uint32_t>(end),
                                static_cast<std::uint32_t>(style), face, script});
      open = true;
    }
    begin = end;
  }
}

}  // namespace raingan::text
