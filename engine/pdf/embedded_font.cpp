#include "pdf/embedded_font.h"

#include <ft2build.h>
#include FT_FREETYPE_H
#include FT_TRUETYPE_TABLES_H

#include <cmath>
#include <stdexcept>

#include "pdf/font_subset.h"
#include "pdf/glyph_unicode_map.h"
#include "text/font_face.h"

namespace raingan::pdf {
namespace {

constexpr int symbolic_flag = 4;  // glyphs outside the standard Latin set
constexpr int fixed_pitch_flag = 1;
constexpr int italic_flag = 64;

int scaled(const text::FontFace& face, double design_units) {
  return static_cast<int>(std::lround(design_units * 1000.0 / face.units_per_em()));
}

// The face's PostScript name with only the characters a PDF name and a font name may both carry.
std::string base_font_name(const text::FontFace& face) {
  std::string name;
  for (const char c : face.postscript_name()) {
    const bool plain = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                       c == '-' || c == '_' || c == '.';
    name += plain ? c : '-';
    if (name.size() == 63) break;
  }
  return name.empty() ? "Font" : name;
}

// Six capital letters that identify this subset of the font (ISO 32000 9.6.4), derived from the font and
// its glyphs so that the same document gives the same file.
std::string subset_tag(const std::string& name, const std::vector<std::uint32_t>& glyphs, unsigned salt) {
  std::uint64_t hash = 1469598103934665603ULL;  // FNV-1a
  auto mix = [&hash](std::uint64_t value) {
    hash ^= value;
    hash *= 1099511628211ULL;
  };
  for (const char c : name) mix(static_cast<unsigned char>(c));
  for (const auto glyph : glyphs) mix(glyph);
  mix(salt);
  std::string tag;
  for (int i = 0; i < 6; ++i) {
    tag += static_cast<char>('A' + hash % 26);
    hash /= 26;
  }
  return tag;
}

// A stem width for the descriptor, estimated from the OS/2 weight class (fonts do not record StemV).
int stem_v(const text::FontFace& face) {
  int weight = face.metrics().bold ? 700 : 400;
  if (const auto* os2 = static_cast<const TT_OS2*>(FT_Get_Sfnt_Table(face.ft_face(), FT_SFNT_OS2));
      os2 && os2->version != 0xFFFF && os2->usWeightClass >= 100 && os2->usWeightClass <= 1000)
    weight = os2->usWeightClass;
  return 10 + 220 * (weight - 50) / 900;
}

}  // namespace

int pdf_glyph_width(const text::FontFace& face, std::uint32_t glyph) {
  return scaled(face, face.advance(glyph));
}

EmbeddedFont::EmbeddedFont(HpdfDocument& document, const text::FontFace& face)
    : face_(&face), widths_(face.glyph_count(), not_used) {
  const std::string doing = "creating the PDF font for " + face.path().string();
  type0_ = document.new_indirect_dict(doing);
  document.add_name(type0_, "Type", "Font", doing);
  document.add_name(type0_, "Subtype", "Type0", doing);
  document.add_name(type0_, "Encoding", "Identity-H", doing);
}

int EmbeddedFont::use(std::uint32_t glyph) {
  if (glyph >= widths_.size())
    throw std::invalid_argument("glyph " + std::to_string(glyph) + " is not in font " +
                                face_->path().string() + " (" + std::to_string(widths_.size()) + " glyphs)");
  int& width = widths_[glyph];
  if (width == not_used) width = pdf_glyph_width(*face_, glyph);
  return width;
}

std::vector<std::uint32_t> EmbeddedFont::used_glyphs() const {
  std::vector<std::uint32_t> glyphs;
  for (std::uint32_t glyph = 0; glyph < widths_.size(); ++glyph)
    if (widths_[glyph] != not_used) glyphs.push_back(glyph);
  return glyphs;
}

void EmbeddedFont::finish(HpdfDocument& document, std::set<std::string>& taken_tags) {
  const text::FontFace& face = *face_;
  const std::string doing = "embedding font " + face.path().string();
  const auto glyphs = used_glyphs();
  const std::string name = base_font_name(face);
  std::string tag;
  for (unsigned salt = 0; tag.empty() || taken_tags.contains(tag); ++salt)
    tag = subset_tag(name, glyphs, salt);
  taken_tags.insert(tag);
  const std::string base_font = tag + "+" + name;

  // The font program.
  const std::string program = subset_font(face, glyphs);
  HPDF_Dict font_file = document.new_stream(doing);
  document.write(font_file, program, doing);
  document.add_integer(font_file, "Length1", static_cast<long long>(program.size()), doing);
  document.compress_on_save(font_file);

  // The descriptor.
  const auto& m = face.metrics();
  HPDF_Dict descriptor = document.new_indirect_dict(doing);
  document.add_name(descriptor, "Type", "FontDescriptor", doing);
  document.add_name(descriptor, "FontName", base_font.c_str(), doing);
  document.add_integer(descriptor, "Flags",
                       symbolic_flag | (m.fixed_pitch ? fixed_pitch_flag : 0) | (m.italic ? italic_flag : 0),
                       doing);
  HPDF_Array bbox = document.new_array(doing);
  document.add(descriptor, "FontBBox", bbox, doing);
  for (const int v : {m.x_min, m.y_min, m.x_max, m.y_max})
    document.push_integer(bbox, scaled(face, v), doing);
  document.add_integer(descriptor, "ItalicAngle", m.italic_angle, doing);
  document.add_integer(descriptor, "Ascent", scaled(face, m.ascender), doing);
  document.add_integer(descriptor, "Descent", scaled(face, m.descender), doing);
  document.add_integer(descriptor, "CapHeight", scaled(face, m.cap_height), doing);
  document.add_integer(descriptor, "StemV", stem_v(face), doing);
  document.add(descriptor, "FontFile2", font_file, doing);

  // The descendant CIDFont with the widths of the glyphs drawn, grouped in runs of consecutive ids.
  HPDF_Dict cid_font = document.new_indirect_dict(doing);
  document.add_name(cid_font, "Type", "Font", doing);
  document.add_name(cid_font, "Subtype", "CIDFontType2", doing);
  document.add_name(cid_font, "BaseFont", base_font.c_str(), doing);
  HPDF_Dict system_info = document.new_dict(doing);
  document.add(system_info, "Registry", HPDF_String_New(document.mmgr(), "Adobe", nullptr), doing);
  document.add(system_info, "Ordering", HPDF_String_New(document.mmgr(), "Identity", nullptr), doing);
  document.add_integer(system_info, "Supplement", 0, doing);
  document.add(cid_font, "CIDSystemInfo", system_info, doing);
  document.add(cid_font, "FontDescriptor", descriptor, doing);
  document.add_integer(cid_font, "DW", 1000, doing);
  HPDF_Array widths = document.new_array(doing);
  document.add(cid_font, "W", widths, doing);
  for (std::size_t i = 0; i < glyphs.size();) {
    document.push_integer(widths, glyphs[i], doing);
    HPDF_Array group = document.new_array(doing);
    document.push(widths, group, doing);
    std::size_t k = i;
    do {
      document.push_integer(group, widths_[glyphs[k]], doing);
      ++k;
    } while (k < glyphs.size() && glyphs[k] == glyphs[k - 1] + 1);
    i = k;
  }
  document.add_name(cid_font, "CIDToGIDMap", "Identity", doing);

  // The text each glyph stands for.
  HPDF_Dict to_unicode = document.new_stream(doing);
  document.write(to_unicode, to_unicode_cmap(map_glyphs_to_unicode(face, glyphs)), doing);
  document.compress_on_save(to_unicode);

  document.add_name(type0_, "BaseFont", base_font.c_str(), doing);
  HPDF_Array descendants = document.new_array(doing);
  document.push(descendants, cid_font, doing);
  document.add(type0_, "DescendantFonts", descendants, doing);
  document.add(type0_, "ToUnicode", to_unicode, doing);
}

}  // namespace raingan::pdf
