#pragma once
// Shaping word by word, each word shaped once. A document repeats its words (and a booklet its phrases), and
// HarfBuzz is the costliest step of paragraph layout, so a run is cut after every space into words, each
// word (with the spaces that follow it) is looked up by face, script, text and whether it starts or ends the
// paragraph, and only words not seen before are shaped.
//
// The glyphs are exactly those of shaping the run whole. A cut after a space changes nothing when the
// space glyph takes part in no GSUB or GPOS lookup (no ligature, kerning pair or context reaches across
// it), the face has no legacy 'kern' or AAT tables that HarfBuzz would apply instead, and the script's
// shaper does not look at neighbouring text (Thai and Latin do not; joining scripts do). Otherwise the run
// is shaped whole, as Shaper does.

#include <hb.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "text/code_points.h"
#include "text/font_face.h"
#include "text/shaper.h"

namespace raingan::text {

class ShapingCache {
 public:
  // Same contract as Shaper::shape: appends the glyphs of code points [begin, end) of `text`.
  void shape(const CodePoints& text, std::size_t begin, std::size_t end, const FontFace& face,
             hb_script_t script, std::vector<ShapedGlyph>& out);

  // Whether runs in `face` may be cut after a space (see above); worked out once per face.
  bool splits_at_spaces(const FontFace& face);

  std::size_t words_shaped() const noexcept { return words_shaped_; }
  std::size_t words_reused() const noexcept { return words_reused_; }

 private:
  struct WordKey {
    const FontFace* face = nullptr;
    hb_script_t script = HB_SCRIPT_INVALID;
    unsigned edges = 0;  // 1: starts the text (no context before it), 2: ends it
    std::u32string_view text;
  };
  struct StoredKey {
    const FontFace* face = nullptr;
    hb_script_t script = HB_SCRIPT_INVALID;
    unsigned edges = 0;
    std::u32string text;
  };
  struct KeyHash {
    using is_transparent = void;
    std::size_t operator()(const WordKey& key) const noexcept;
    std::size_t operator()(const StoredKey& key) const noexcept {
      return (*this)(WordKey{key.face, key.script, key.edges, key.text});
    }
  };
  struct KeyEqual {
    using is_transparent = void;
    template <typename A, typename B>
    bool operator()(const A& a, const B& b) const noexcept {
      return a.face == b.face && a.script == b.script && a.edges == b.edges &&
             std::u32string_view(a.text) == std::u32string_view(b.text);
    }
  };
  // A word's glyphs with clusters counted in bytes from the word's first byte.
  using Glyphs = std::vector<ShapedGlyph>;

  void shape_word(const CodePoints& text, std::size_t begin, std::size_t end, const FontFace& face,
                  hb_script_t script, std::vector<ShapedGlyph>& out);

  // Bounds the memory a document with very many distinct words can take; past it the cache starts over.
  static constexpr std::size_t max_glyphs = 1 << 16;

  Shaper shaper_;
  std::unordered_map<StoredKey, Glyphs, KeyHash, KeyEqual> words_;
  std::size_t glyphs_ = 0;
  std::vector<std::pair<const FontFace*, bool>> faces_;  // splits_at_spaces, by face
  std::u32string key_text_;                              // the word being looked up (reused)
  std::size_t words_shaped_ = 0, words_reused_ = 0;
};

}  // namespace raingan::text
