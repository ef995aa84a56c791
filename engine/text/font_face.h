#pragma once
// One loaded font file: the bytes (shared by HarfBuzz, FreeType and the PDF subsetter), a HarfBuzz font at
// scale = units per em (so shaping returns integer design units), and the metrics a PDF font descriptor
// needs.

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>

#include "text/handles.h"

namespace raingan::text {

struct FaceMetrics {
  unsigned units_per_em = 1000;
  int ascender = 0;   // design units, positive up (OS/2 typo or hhea, as HarfBuzz reports)
  int descender = 0;  // design units, negative below the baseline
  int line_gap = 0;
  int cap_height = 0;
  int x_min = 0, y_min = 0, x_max = 0, y_max = 0;  // font bounding box
  int italic_angle = 0;
  bool fixed_pitch = false;
  bool bold = false;
  bool italic = false;
};

class FontFace {
 public:
  // Loads face `index` of a TrueType/OpenType file. Throws InputError naming the file if it is not a font.
  static std::unique_ptr<FontFace> load(const std::filesystem::path& path, unsigned index = 0);

  // Only load() can make the key, so faces are always fully initialised.
  class Key {
    friend class FontFace;
    Key() = default;
  };
  explicit FontFace(Key) {}
  FontFace(const FontFace&) = delete;
  FontFace& operator=(const FontFace&) = delete;
  ~FontFace();

  const std::filesystem::path& path() const noexcept { return path_; }
  unsigned index() const noexcept { return index_; }
  const std::string& family() const noexcept { return family_; }
  const std::string& style_name() const noexcept { return style_name_; }
  const std::string& postscript_name() const noexcept { return postscript_name_; }
  const FaceMetrics& metrics() const noexcept { return metrics_; }
  unsigned units_per_em() const noexcept { return metrics_.units_per_em; }

  bool has_code_point(char32_t code_point) const;
  // Glyph id for a code point through the cmap; 0 (.notdef) when the face lacks it.
  uint32_t glyph_for(char32_t code_point) const;
  // Horizontal advance of a glyph in design units.
  int advance(uint32_t glyph_id) const;
  uint32_t glyph_count() const;
  // PostScript glyph name ("uni0E48.low"), empty when the font has none.
  std::string glyph_name(uint32_t glyph_id) const;

  hb_face_t* hb_face() const noexcept { return face_.get(); }
  hb_font_t* hb_font() const noexcept { return font_.get(); }
  hb_blob_t* blob() const noexcept { return blob_.get(); }
  FT_Face ft_face() const noexcept { return ft_face_.get(); }

 private:
  std::filesystem::path path_;
  unsigned index_ = 0;
  std::string family_;
  std::string style_name_;
  std::string postscript_name_;
  FaceMetrics metrics_;
  HbBlob blob_;
  HbFace face_;
  HbFont font_;
  FtLibrary ft_library_;
  FtFace ft_face_;
};

}  // namespace raingan::text
