#pragma once
// HarfBuzz shaping of one run (one face, one script, direction LTR, language "th") at scale = units per em,
// so positions are integer design units. Clusters come back as byte offsets into the source text. The
// buffer is reused from call to call.

#include <hb.h>

#include <cstdint>
#include <vector>

#include "text/code_points.h"
#include "text/font_face.h"
#include "text/handles.h"

namespace raingan::text {

struct ShapedGlyph {
  std::uint32_t glyph_id = 0;
  std::uint32_t cluster = 0;  // byte offset of the glyph's cluster in the source text
  std::int32_t x_advance = 0;
  std::int32_t x_offset = 0;
  std::int32_t y_offset = 0;     // positive = up, as HarfBuzz
  bool unsafe_to_break = false;  // breaking the text before this glyph's cluster needs reshaping
};

class Shaper {
 public:
  Shaper();

  // Shapes code points [begin, end) of `text` (the rest of it is shaping context) and appends the glyphs,
  // in visual (= logical, LTR) order, to `out`.
  void shape(const CodePoints& text, std::size_t begin, std::size_t end, const FontFace& face,
             hb_script_t script, std::vector<ShapedGlyph>& out);

 private:
  HbBuffer buffer_;
  hb_language_t language_;
};

}  // namespace raingan::text
