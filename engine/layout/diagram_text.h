#pragma once
// Words inside a diagram's boxes, measured and broken by raingan's own paragraph layout (HarfBuzz shaping,
// Thai word boundaries): a box is as wide as its text needs up to a limit, and a long text wraps into
// balanced lines (the narrowest width that needs no more lines), centred, as every box of a chart sets its
// text alike. Lines stand 0.88 of a running text's line apart. The ink of the lines (Thai marks above and
// below included) is measured, so that a box is made to hold it with its padding all round.

#include <string>
#include <vector>

#include "layout/diagram_geometry.h"
#include "layout/frame.h"
#include "layout/paragraph.h"
#include "text/code_points.h"
#include "text/line_breaks.h"
#include "text/phrase_breaks.h"

namespace raingan::layout {

struct BoxText {
  std::vector<LineBox> lines;
  double width = 0;   // the width the lines were set in (justified lines fill it; centred lines sit in it)
  double height = 0;  // baseline-to-baseline advances, summed
  double widest_line = 0;  // drawn width of the widest line
  // From the block's top-left corner (x from the left of `width`): where the lines' advances reach, and where
  // their glyphs' ink does (empty without ink).
  Rect advances;
  Rect ink;
};

// The ink of each glyph of `line` that has any (marks' offsets included; spaces have none), in the line's
// coordinates.
std::vector<Rect> glyph_inks(const TextLine& line);

// The area a box must hold around `text` to keep `padding` pt between its outline and the ink on every side:
// the ink grown by the padding and, with `line_height`, the lines' advances grown by it across and by half of
// it up and down (so that lines without tall marks still get a box of the usual height). In the block's
// coordinates.
Rect padded_area(const BoxText& text, double padding, bool line_height = true);

class DiagramText {
 public:
  explicit DiagramText(ParagraphLayouter& paragraphs) : paragraphs_(paragraphs) {}

  // Lays `text` out no wider than `max_width` (pt), lines balanced; wider only where a word is wider than
  // that (a word is never broken to fit a box). Empty text gives no lines.
  BoxText fit(const std::string& text, const InlineStyle& style, double max_width);
  // One line, never wrapped (labels on lines).
  BoxText line(const std::string& text, const InlineStyle& style);
  // A paragraph set `width` wide with `align` (a table cell's text).
  BoxText paragraph(const std::string& text, const InlineStyle& style, double width, Align align);

  // Appends the text lines of `text`, its block centred horizontally on `center_x`, its top at `top`.
  static void draw(const BoxText& text, double center_x, double top, std::vector<FrameItem>& out);
  // Appends the text lines of `text` with the middle of `area` (its padded_area) at `center`.
  static void draw_centred(const BoxText& text, const Rect& area, Point center, std::vector<FrameItem>& out);

  // Characters no face has, met so far (drawn as .notdef), with the text they were in.
  struct Missing {
    char32_t code_point;
    std::string text;
  };
  const std::vector<Missing>& missing() const { return missing_; }

 private:
  ParagraphLayout set(const std::string& text, const InlineStyle& style, double width, Align align);
  // Whether a line of `laid` ends inside a word (the word was wider than the line).
  bool breaks_a_word(const std::string& text, const ParagraphLayout& laid);
  // How many lines of `laid` end inside a compound word (ผู้|อำนวยการ).
  std::size_t compound_breaks(const std::string& text, const ParagraphLayout& laid);
  void find_breaks(const std::string& text);

  ParagraphLayouter& paragraphs_;
  text::PhraseBreakFinder breaks_;
  std::string flags_text_;  // the text flags_ are of
  text::CodePoints code_points_;
  std::vector<std::uint8_t> flags_;
  std::vector<Missing> missing_;
};

}  // namespace raingan::layout
