#pragma once
// Paragraph layout: inline text in styles -> lines of positioned glyphs (frames), for the page flow.
//
// The paragraph is shaped once (itemised by style, script and font coverage; HarfBuzz), broken into lines
// at Thai word boundaries and the other rules of text/line_breaks.h (total fit for justified text, first
// fit otherwise), and each line is cut out of the shaped glyphs (reshaped only where HarfBuzz marks a cut as
// unsafe). Justified text is Thai distributed: a line's extra space goes after every cluster, never inside
// one, spaces taking twice a cluster's share; the last line and lines ending at a forced break stay natural.
//
// Line height follows the faces' Windows metrics, as Word's "single" spacing does (text/line_metrics.h):
// Laksaman 16 pt gives ascent 20.32 pt, descent 10.99 pt, line advance 31.79 pt.

#include <cstddef>
#include <memory>
#include <span>
#include <string>
#include <variant>
#include <vector>

#include "document/inline.h"
#include "layout/frame.h"
#include "text/font_library.h"

namespace raingan::layout {

// The inline vocabulary is the document tree's (document/inline.h): Align, FontSpec, InlineStyle,
// TextInline (UTF-8 text; '\n' or U+2028 forces a line break, ZWSP offers one, WJ forbids one), LeaderInline
// and ParagraphStyle. A leader takes the rest of its line, its fill characters on a grid (multiples of the
// pitch from the paragraph's left edge) so leaders line up from line to line; the text after it ends flush
// with the end edge (table of contents page numbers); a leader last in a paragraph runs to the end edge.
using document::Align;
using document::FontSpec;
using document::InlineStyle;
using document::LeaderInline;
using document::ParagraphStyle;
using document::TextInline;
// Page fields (document::FieldInline) are made text by the caller before a paragraph is laid out.
using Inline = std::variant<TextInline, LeaderInline>;

// One line. `content` has its origin at the paragraph's left edge (indents and alignment are applied) and
// its baseline at y = 0: glyph runs have origin.y = 0, links and underlines are placed around it.
struct LineBox {
  Frame content;                   // one TextLine, Links, underline Rules; size = {width, ascent + descent}
  double ascent = 0, descent = 0;  // extent above/below the baseline, positive, in pt
  double height = 0;               // baseline-to-baseline advance (leading and line_spacing applied)
  double width = 0;                // advance width of what is drawn (stretch included, indents excluded)
  std::size_t text_begin = 0, text_end = 0;  // byte range in the paragraph's logical text; the range of
                                             // a line includes the break space or newline it ends with
                                             // (not drawn). PositionedGlyph::cluster counts from text_begin.
  // Set when the line ends inside a protected span (a name, a date, a number and its unit, <nobreak>) because
  // the span alone is wider than the line: the span's text, '|' where the line ends.
  std::string broken_span;
  // The line ends inside a word (a compound a dictionary knows, รับ-ส่ง, or a protected span) or right after
  // a word that joins what follows (และ, การ, คณะกรรมการ…): a page that ended after it would split across two
  // pages what a reader reads as one.
  bool ends_in_word = false;
};

struct MissingCharacter {
  char32_t code_point;
  std::size_t inline_index;  // into the paragraph's inlines
  std::size_t byte_offset;   // into that inline's text
};

struct ParagraphLayout {
  std::vector<LineBox> lines;
  std::vector<MissingCharacter> missing;  // characters no face of the chain has (drawn as .notdef)
};

// What a paragraph needs across, indents included (the min- and max-content of automatic table layout).
struct ParagraphExtent {
  double min = 0;     // its widest piece no line may break: a word, a number, a span held together by WJ
  double max = 0;     // its widest line when only forced breaks end one
  double number = 0;  // its widest piece that is a number (digits with , . : / % + - between or around them)
  std::string widest_piece;  // the piece that sets `min`, and the one that sets `number`, for messages
  std::string widest_number;
};

// Lays out paragraphs, reusing its HarfBuzz buffer, ICU iterators and scratch memory from one paragraph to
// the next: the page flow keeps one per document. Not thread-safe.
class ParagraphLayouter {
 public:
  explicit ParagraphLayouter(text::FontLibrary& fonts);
  ParagraphLayouter(const ParagraphLayouter&) = delete;
  ParagraphLayouter& operator=(const ParagraphLayouter&) = delete;
  ~ParagraphLayouter();

  // The logical text is the concatenation of the TextInline texts. `width` is the paragraph's width in pt.
  // Throws InputError for text that is not UTF-8 or a font that cannot be found.
  // `fitted_box`: the text of a diagram's box (LineBreaker::break_lines).
  ParagraphLayout layout(std::span<const Inline> inlines, const ParagraphStyle& style, double width,
                         bool fitted_box = false);

  // Measures the paragraph at the break opportunities its lines would have (text/line_breaks.h), without
  // laying it out: a column at least `min` wide never breaks a word of it.
  ParagraphExtent measure(std::span<const Inline> inlines, const ParagraphStyle& style);

  // The document's kept terms (document::Document::kept_terms): a line ending inside one costs as inside a
  // compound word.
  void set_kept_terms(std::vector<std::string> terms);

 private:
  struct State;
  std::unique_ptr<State> state_;
};

// One-off convenience; prefer a ParagraphLayouter for many paragraphs.
ParagraphLayout layout_paragraph(std::span<const Inline> inlines, const ParagraphStyle& style, double width,
                                 text::FontLibrary& fonts);

}  // namespace raingan::layout
