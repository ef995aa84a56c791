#pragma once
// Which text each glyph of a font stands for, for the ToUnicode CMap that lets readers copy and search text.
// Sources in order of trust: the font's cmap (legacy Private Use Area entries skipped), then glyph names
// ("uni0E48.low", "uni0E0D.descless", "f_i", or a base name that is itself mapped), then unambiguous
// one-for-one GSUB substitutions of mapped glyphs. Glyphs that stay unmapped (parts of decomposed
// characters) are left to the ActualText spans of the content.

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace raingan::text {
class FontFace;
}

namespace raingan::pdf {

// The text behind each of `glyphs` that could be worked out; glyphs without one are absent.
std::map<std::uint32_t, std::u32string> map_glyphs_to_unicode(const text::FontFace& face,
                                                              const std::vector<std::uint32_t>& glyphs);

// The ToUnicode CMap program for a 2-byte Identity encoding (code = glyph id).
std::string to_unicode_cmap(const std::map<std::uint32_t, std::u32string>& mapping);

}  // namespace raingan::pdf
