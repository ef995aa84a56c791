#pragma once
// A paragraph made ready for line breaking: its logical text, break flags, shaping runs and glyphs (shaped
// once), its leaders, and per-byte running sums of what a line between two positions measures.

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "core/utf8.h"
#include "layout/paragraph.h"
#include "text/char_classes.h"
#include "text/code_points.h"
#include "text/font_library.h"
#include "text/itemizer.h"
#include "text/line_breaks.h"
#include "text/phrase_breaks.h"
#include "text/shaper.h"
#include "text/shaping_cache.h"

namespace raingan::layout {

// A text or leader inline, resolved: where it sits in the logical text and the faces it uses.
struct InlineItem {
  std::size_t source = 0;  // index into the paragraph's inlines
  bool leader = false;
  std::uint32_t begin = 0, end = 0;  // byte range in the logical text (a leader: begin == end)
  const InlineStyle* style = nullptr;
  const TextInline* text = nullptr;  // null for a leader
  const text::FontChain* fonts = nullptr;
};

struct LeaderItem {
  std::uint32_t position = 0;  // byte offset in the logical text the leader sits at
  std::uint32_t item = 0;      // index into items
  const text::FontFace* face = nullptr;
  char32_t fill = U'.';
  std::uint32_t glyph_id = 0;
  double advance = 0;  // pt, the fill glyph's advance
  double pitch = 0;    // pt, distance between fill glyphs
  double min_width = 0;
};

// Glyphs [glyph_begin, glyph_end) of one shaping run over bytes [begin, end), in one face and size.
struct GlyphSpan {
  std::uint32_t begin = 0, end = 0;
  std::uint32_t glyph_begin = 0, glyph_end = 0;
  std::uint32_t item = 0;
  const text::FontFace* face = nullptr;
  hb_script_t script = HB_SCRIPT_THAI;
  double scale = 0;  // pt per design unit
};

struct InlineContent {
  std::string text;  // the logical text
  text::CodePoints code_points;
  std::vector<std::uint8_t> flags;  // text::BreakFlag per byte offset, text.size() + 1 entries
  std::vector<InlineItem> items;
  std::vector<LeaderItem> leaders;
  std::vector<GlyphSpan> runs;
  std::vector<text::ShapedGlyph> glyphs;
  std::vector<MissingCharacter> missing;
  double base_size = 16;                         // pt, the first text's size: the unit of the stretch measure
  const text::FontChain* empty_fonts = nullptr;  // a paragraph without inlines: the default family, 16 pt

  // Running sums, indexed by byte offset q (text.size() + 2 entries; the last stands for "after a leader
  // that ends the paragraph"): natural width of the glyphs of clusters before q, and stretch weights of
  // the cluster boundaries before q.
  std::vector<double> width_before;
  std::vector<double> stretch_before;

  // Leaders are few: counted from the list (sorted by position) rather than summed per byte.
  std::uint32_t leaders_before(std::uint32_t q) const;
  double leader_width_before(std::uint32_t q) const;
  bool leader_at(std::uint32_t position) const {
    return leaders_before(position + 1) != leaders_before(position);
  }
};

// Whether the code point at byte `offset` of valid UTF-8 is a space (text::is_space), decoding only when
// the lead byte leaves it open: the test runs once per cluster.
inline bool space_at(const std::string& text, std::size_t offset) {
  const auto lead = static_cast<unsigned char>(text[offset]);
  if (lead < 0x80) return lead == ' ' || lead == '\t';
  if (lead == 0xE0) return false;  // U+0800-U+0FFF (Thai among them) has no spaces
  return text::is_space(utf8::next(text, offset));
}

// Stretch weight of the boundary after a space cluster, relative to one after any other cluster.
inline constexpr double space_stretch_weight = 4.0;

// Whether the cluster at byte `offset` is a digit (Thai or Arabic), a Latin letter, or the point or comma of
// a number: where two such clusters meet, justification adds no space, so a number (๑๓๔, ๑,๒๐๐.๐๐) or a Latin
// word (PDCA) is never spread into pieces a reader could take for several.
inline bool unspread_at(const std::string& text, std::size_t offset) {
  const auto lead = static_cast<unsigned char>(text[offset]);
  if (lead < 0x80)
    return text::is_digit(lead) || ((lead | 0x20) >= 'a' && (lead | 0x20) <= 'z') || lead == '.' ||
           lead == ',';
  return lead == 0xE0 && text::is_thai_digit(utf8::next(text, offset));  // Thai is U+0E00-U+0E7F
}

// Stretch weight of the boundary between the cluster at byte `before` and the next one, at `after`.
inline double boundary_stretch_weight(const std::string& text, std::size_t before, std::size_t after) {
  if (space_at(text, before)) return space_stretch_weight;
  return unspread_at(text, before) && unspread_at(text, after) ? 0.0 : 1.0;
}

class InlinePreparer {
 public:
  explicit InlinePreparer(text::FontLibrary& fonts) : fonts_(fonts) {}
  // Fills `content` (its vectors are reused). Throws InputError for text that is not UTF-8 or a font that
  // cannot be found.
  void prepare(std::span<const Inline> inlines, InlineContent& content);

  // Shapes bytes [begin, end) of a run again on its own, for a line cut HarfBuzz marks unsafe to break.
  void reshape(const InlineContent& content, const GlyphSpan& run, std::uint32_t begin, std::uint32_t end,
               std::vector<text::ShapedGlyph>& out);

  void set_kept_terms(std::vector<std::string> terms) { break_finder_.set_kept_terms(std::move(terms)); }

 private:
  void measure(InlineContent& content);

  text::FontLibrary& fonts_;
  text::PhraseBreakFinder break_finder_;
  std::vector<text::ByteRange> keep_whole_;
  text::Itemizer itemizer_;
  text::ShapingCache shaper_;  // shapes word by word, each distinct word once per document
  std::vector<text::StyledRange> styles_;
  std::vector<std::uint32_t> style_items_;  // StyledRange index -> item index
  std::vector<text::ShapingRun> shaping_runs_;
  std::vector<std::uint32_t> missing_code_points_;
};

}  // namespace raingan::layout
