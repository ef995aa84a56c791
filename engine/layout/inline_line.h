#pragma once
// One line of a paragraph turned into a frame: glyphs cut from the paragraph's shaping (reshaped where the
// cut is unsafe), the line's extra width shared out (Thai distributed justification or leaders), glyph runs
// per face/size/colour, extraction spans, links, underlines and the line's vertical metrics.

#include <vector>

#include "layout/inline_breaking.h"
#include "layout/inline_content.h"
#include "layout/paragraph.h"

namespace raingan::layout {

struct LineGeometry {
  double paragraph_width = 0;
  double start = 0;      // x where the line's available width begins (indents applied)
  double available = 0;  // available width
  Align align = Align::left;
  double line_spacing = 1;
};

class LineBuilder {
 public:
  explicit LineBuilder(InlinePreparer& preparer) : preparer_(preparer) {}
  LineBox build(const InlineContent& content, const LineExtent& line, const LineGeometry& geometry);

 private:
  struct Piece {
    bool leader = false;
    std::uint32_t item = 0;
    std::uint32_t index = 0;                       // leader: into content.leaders; text: into content.runs
    std::uint32_t glyph_begin = 0, glyph_end = 0;  // text: into glyphs_
    std::uint32_t text_begin = 0, text_end = 0;    // text: the bytes the glyphs stand for
    double leader_width = 0;
  };
  struct ItemExtent {
    std::uint32_t item = 0;
    double x0 = 0, x1 = 0;
  };

  void collect(const InlineContent& content, std::uint32_t begin, std::uint32_t end,
               std::uint32_t leader_limit);
  void add_text(const InlineContent& content, std::uint32_t run_index, std::uint32_t begin,
                std::uint32_t end);

  InlinePreparer& preparer_;
  std::vector<Piece> pieces_;
  std::vector<text::ShapedGlyph> glyphs_;  // the line's text glyphs, in order
  std::vector<double> stretch_;            // per glyph of glyphs_
  std::vector<ItemExtent> extents_;
};

}  // namespace raingan::layout
