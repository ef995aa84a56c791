#pragma once
// Splits a paragraph into shaping runs: one style (font chain and size, the caller's business), one script
// and one face each. Common and Inherited characters (spaces, digits, punctuation, marks) join the script
// of what precedes them (at the start, of what follows). The face is chosen per grapheme cluster, so a
// base and its marks stay in one face: the first face of the chain that has every character of the
// cluster. ZWSP, WJ and line separators are in no run: they are never drawn.

#include <hb.h>

#include <cstdint>
#include <span>
#include <vector>

#include "text/code_points.h"
#include "text/font_library.h"

namespace raingan::text {

// Code points [begin, end) drawn with `fonts` (one entry per style, in text order, covering the text).
struct StyledRange {
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
  const FontChain* fonts = nullptr;
};

struct ShapingRun {
  std::uint32_t begin = 0;  // code point indices
  std::uint32_t end = 0;
  std::uint32_t style = 0;  // index into the StyledRange list
  const FontFace* face = nullptr;
  hb_script_t script = HB_SCRIPT_THAI;
};

class Itemizer {
 public:
  // `break_flags` are LineBreakFinder's, for the grapheme boundaries. Appends to `runs`, and to `missing`
  // the index of every code point its cluster's face lacks (no face of the chain had the whole cluster).
  void itemize(const CodePoints& text, std::span<const std::uint8_t> break_flags,
               std::span<const StyledRange> styles, std::vector<ShapingRun>& runs,
               std::vector<std::uint32_t>& missing);

 private:
  // Which faces have which code points, remembered below U+1000 (Latin, Thai: cmap lookups are the hot
  // path of itemisation). Faces outlive the itemizer: the FontLibrary owns them.
  static constexpr char32_t remembered_below = 0x1000;
  struct Coverage {
    const FontFace* face = nullptr;
    std::vector<std::uint8_t> known;  // per code point: 0 not looked up, 1 has it, 2 lacks it
  };
  bool has(const FontFace& face, char32_t c);
  bool covers(const FontFace& face, std::size_t begin, std::size_t end, const CodePoints& text);
  // The face for code points [begin, end); `covered` tells whether it has every one that needs a glyph.
  const FontFace* choose_face(const FontChain& chain, const CodePoints& text, std::size_t begin,
                              std::size_t end, bool& covered);

  std::vector<hb_script_t> scripts_;  // reused between paragraphs
  std::vector<Coverage> coverage_;
  Coverage* last_coverage_ = nullptr;  // the face asked about last: runs of text stay in one face
};

}  // namespace raingan::text
