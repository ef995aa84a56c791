#include "text/font_face.h"

#include FT_SFNT_NAMES_H
#include FT_TRUETYPE_TABLES_H
#include <hb-ot.h>

#include <system_error>

#include "core/diagnostic.h"

namespace raingan::text {

FontFace::~FontFace() = default;

std::unique_ptr<FontFace> FontFace::load(const std::filesystem::path& path, unsigned index) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) throw InputError(path.string(), "", "font file not found");

  auto face = std::make_unique<FontFace>(Key{});
  face->path_ = path;
  face->index_ = index;
  face->blob_.reset(hb_blob_create_from_file_or_fail(path.c_str()));
  if (!face->blob_) throw InputError(path.string(), "", "cannot read font file");

  FT_Library library = nullptr;
  if (FT_Init_FreeType(&library) != 0) throw InputError(path.string(), "", "cannot initialise FreeType");
  face->ft_library_.reset(library);
  unsigned length = 0;
  const char* data = hb_blob_get_data(face->blob_.get(), &length);
  FT_Face ft = nullptr;
  if (length == 0 || FT_New_Memory_Face(library, reinterpret_cast<const FT_Byte*>(data),
                                        static_cast<FT_Long>(length), static_cast<FT_Long>(index), &ft) != 0)
    throw InputError(path.string(), "", "not a TrueType or OpenType font");
  face->ft_face_.reset(ft);
  if (!FT_IS_SFNT(ft) || !FT_IS_SCALABLE(ft))
    throw InputError(path.string(), "", "not a scalable TrueType or OpenType font");

  face->face_.reset(hb_face_create(face->blob_.get(), index));
  face->font_.reset(hb_font_create(face->face_.get()));
  const unsigned upem = hb_face_get_upem(face->face_.get());
  hb_font_set_scale(face->font_.get(), static_cast<int>(upem), static_cast<int>(upem));

  face->family_ = ft->family_name ? ft->family_name : "";
  face->style_name_ = ft->style_name ? ft->style_name : "";
  const char* ps = FT_Get_Postscript_Name(ft);
  face->postscript_name_ = ps ? ps : face->family_;

  FaceMetrics& m = face->metrics_;
  m.units_per_em = upem;
  hb_font_extents_t extents{};
  hb_font_get_h_extents(face->font_.get(), &extents);
  m.ascender = extents.ascender;
  m.descender = extents.descender;
  m.line_gap = extents.line_gap;
  m.x_min = static_cast<int>(ft->bbox.xMin);
  m.y_min = static_cast<int>(ft->bbox.yMin);
  m.x_max = static_cast<int>(ft->bbox.xMax);
  m.y_max = static_cast<int>(ft->bbox.yMax);
  hb_position_t cap_height = 0;
  m.cap_height = hb_ot_metrics_get_position(face->font_.get(), HB_OT_METRICS_TAG_CAP_HEIGHT, &cap_height)
                     ? cap_height
                     : m.ascender;
  if (const auto* post = static_cast<const TT_Postscript*>(FT_Get_Sfnt_Table(ft, FT_SFNT_POST)))
    m.italic_angle = static_cast<int>(post->italicAngle >> 16);
  m.fixed_pitch = FT_IS_FIXED_WIDTH(ft);
  m.bold = (ft->style_flags & FT_STYLE_FLAG_BOLD) != 0;
  m.italic = (ft->style_flags & FT_STYLE_FLAG_ITALIC) != 0;
  return face;
}

bool FontFace::has_code_point(char32_t code_point) const { return glyph_for(code_point) != 0; }

uint32_t FontFace::glyph_for(char32_t code_point) const {
  hb_codepoint_t glyph = 0;
  return hb_font_get_nominal_glyph(font_.get(), code_point, &glyph) ? glyph : 0;
}

int FontFace::advance(uint32_t glyph_id) const { return hb_font_get_glyph_h_advance(font_.get(), glyph_id); }

uint32_t FontFace::glyph_count() const { return hb_face_get_glyph_count(face_.get()); }

std::string FontFace::glyph_name(uint32_t glyph_id) const {
  char name[128] = {};
  if (!hb_font_get_glyph_name(font_.get(), glyph_id, name, sizeof name)) return {};
  return name;
}

}  // namespace raingan::text
