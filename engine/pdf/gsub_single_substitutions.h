#pragma once
// The one-glyph-for-one-glyph substitutions (GSUB lookup type 1, also behind extension lookups) of a font,
// read straight from its GSUB table. They let a substituted glyph (ญ without its tail, a lowered tone mark)
// be mapped back to the character it stands for when the font carries no glyph names.

#include <hb.h>

#include <cstdint>
#include <utility>
#include <vector>

namespace raingan::pdf {

struct GlyphSubstitution {
  std::uint32_t from = 0;
  std::uint32_t to = 0;
  friend bool operator==(const GlyphSubstitution&, const GlyphSubstitution&) = default;
};

// Every single substitution of every lookup, in table order. A malformed table yields what could be read.
std::vector<GlyphSubstitution> single_substitutions(hb_face_t* face);

}  // namespace raingan::pdf
