#pragma once
// The font program embedded in the PDF: the face cut down to the glyphs the document draws. Glyph ids are
// kept (so the ids already written in content streams stay valid) and the layout tables are dropped, since
// shaping is done.

#include <cstdint>
#include <string>
#include <vector>

namespace raingan::text {
class FontFace;
}

namespace raingan::pdf {

// The subset font file's bytes. Throws std::runtime_error naming the font file if HarfBuzz cannot subset it.
std::string subset_font(const text::FontFace& face, const std::vector<std::uint32_t>& glyphs);

}  // namespace raingan::pdf
