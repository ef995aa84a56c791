#pragma once
// One font face as a PDF font: a Type0 font with Identity-H encoding (a 2-byte code is the glyph id) over a
// CIDFontType2 with an Identity CIDToGIDMap, its widths, descriptor, ToUnicode CMap and a subset of the font
// file. The Type0 dictionary exists from the first page that uses the face; the rest is written by finish(),
// once every glyph the document draws is known.

#include <cstdint>
#include <limits>
#include <set>
#include <string>
#include <vector>

#include "pdf/hpdf_document.h"

namespace raingan::text {
class FontFace;
}

namespace raingan::pdf {

// A glyph's width in 1/1000 em, rounded as the /W array writes it.
int pdf_glyph_width(const text::FontFace& face, std::uint32_t glyph);

class EmbeddedFont {
 public:
  // `face` must stay alive until finish().
  EmbeddedFont(HpdfDocument& document, const text::FontFace& face);

  const text::FontFace& face() const noexcept { return *face_; }
  HPDF_Dict type0() const noexcept { return type0_; }

  // Records that `glyph` is drawn; returns its /W width. Throws std::invalid_argument for a glyph id the face
  // does not have. Called for every glyph of every page: the width is worked out once per glyph.
  int use(std::uint32_t glyph);
  std::vector<std::uint32_t> used_glyphs() const;

  // Writes the font's remaining objects. `taken_tags` holds the subset tags already given out, so that two
  // fonts of one document never share one.
  void finish(HpdfDocument& document, std::set<std::string>& taken_tags);

 private:
  const text::FontFace* face_;
  HPDF_Dict type0_;
  // The /W width of each glyph drawn so far, by glyph id; not_used for the others.
  static constexpr int not_used = std::numeric_limits<int>::min();
  std::vector<int> widths_;
};

}  // namespace raingan::pdf
