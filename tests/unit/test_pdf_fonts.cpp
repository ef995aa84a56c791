// Embedded fonts: the subset keeps glyph ids and drops layout tables, and every glyph a Thai line draws maps
// back to its character (cmap, then glyph names, then GSUB single substitutions), never to a legacy PUA code.

#include <doctest/doctest.h>
#include <hb-subset.h>

#include <algorithm>

#include "pdf/font_subset.h"
#include "pdf/glyph_unicode_map.h"
#include "pdf/gsub_single_substitutions.h"
#include "pdf_test_support.h"

namespace raingan {
namespace {

// The glyphs HarfBuzz picks for `text`, in order.
std::vector<std::uint32_t> shaped_glyphs(const text::FontFace& face, const std::string& text) {
  std::vector<std::uint32_t> glyphs;
  for (const auto& glyph : pdf_test::shape_run(face, text, 0, text.size(), 16, {}).glyphs)
    glyphs.push_back(glyph.glyph_id);
  return glyphs;
}

std::vector<std::uint32_t> all_glyphs(const text::FontFace& face) {
  std::vector<std::uint32_t> glyphs;
  for (std::uint32_t g = 0; g < face.glyph_count(); ++g) glyphs.push_back(g);
  return glyphs;
}

bool has_table(const text::FontFace& face, hb_tag_t tag) {
  text::HbBlob table(hb_face_reference_table(face.hb_face(), tag));
  return hb_blob_get_length(table.get()) > 0;
}

TEST_CASE("pdf fonts: substituted Thai glyphs map back to their characters") {
  const auto& face = pdf_test::laksaman();
  // ญู: ญ loses its tail; ปู่: the tone mark is lowered; น้ำ: sara am is drawn as nikhahit + sara aa.
  const auto yo_ying = shaped_glyphs(face, "ญู");
  const auto pu = shaped_glyphs(face, "ปู่");
  const auto nam = shaped_glyphs(face, "น้ำ");
  REQUIRE(yo_ying.size() == 2);
  REQUIRE(pu.size() == 3);
  REQUIRE(face.glyph_name(yo_ying[0]) == "uni0E0D.descless");
  REQUIRE(face.glyph_name(pu[1]) == "uni0E48.low");

  std::vector<std::uint32_t> glyphs = yo_ying;
  glyphs.insert(glyphs.end(), pu.begin(), pu.end());
  glyphs.insert(glyphs.end(), nam.begin(), nam.end());
  const auto mapping = pdf::map_glyphs_to_unicode(face, glyphs);
  CHECK(mapping.at(yo_ying[0]) == U"\u0E0D");
  CHECK(mapping.at(yo_ying[1]) == U"\u0E39");
  CHECK(mapping.at(pu[1]) == U"\u0E48");
  CHECK(mapping.at(nam[0]) == U"\u0E19");
  CHECK(mapping.at(nam.back()) == U"\u0E32");
  CHECK_FALSE(mapping.contains(0));

  // The substitution that made it is one the GSUB reader finds.
  const auto substitutions = pdf::single_substitutions(face.hb_face());
  CHECK(std::find(substitutions.begin(), substitutions.end(),
                  pdf::GlyphSubstitution{face.glyph_for(U'\u0E0D'), yo_ying[0]}) != substitutions.end());
}

TEST_CASE("pdf fonts: glyph names and GSUB fill in what the cmap lacks") {
  // A copy of Laksaman without glyph names but with its GSUB: only substitutions can map ญ without its tail.
  const auto& face = pdf_test::laksaman();
  const auto yo_ying = shaped_glyphs(face, "ญู");
  pdf_test::ScratchFolder folder;
  const auto path = folder / "nameless.ttf";
  {
    hb_subset_input_t* input = hb_subset_input_create_or_fail();
    REQUIRE(input);
    for (std::uint32_t g = 0; g < face.glyph_count(); ++g) hb_set_add(hb_subset_input_glyph_set(input), g);
    hb_subset_input_set_flags(input, HB_SUBSET_FLAGS_RETAIN_GIDS);
    text::HbFace nameless(hb_subset_or_fail(face.hb_face(), input));
    hb_subset_input_destroy(input);
    REQUIRE(nameless);
    text::HbBlob blob(hb_face_reference_blob(nameless.get()));
    unsigned length = 0;
    const char* data = hb_blob_get_data(blob.get(), &length);
    pdf_test::write_file(path, std::string(data, length));
  }
  const auto nameless = text::FontFace::load(path);
  REQUIRE(nameless->glyph_name(yo_ying[0]).empty());
  REQUIRE(has_table(*nameless, HB_TAG('G', 'S', 'U', 'B')));
  const auto mapping = pdf::map_glyphs_to_unicode(*nameless, yo_ying);
  CHECK(mapping.at(yo_ying[0]) == U"\u0E0D");

  // No glyph of the whole font is mapped to a Private Use Area code point.
  const auto everything = pdf::map_glyphs_to_unicode(face, all_glyphs(face));
  CHECK(everything.size() > 150);
  for (const auto& [glyph, text] : everything)
    for (const char32_t cp : text) CHECK_FALSE((cp >= 0xE000 && cp <= 0xF8FF));
}

TEST_CASE("pdf fonts: a subset keeps glyph ids and widths, and is small") {
  const auto& face = pdf_test::laksaman();
  const auto glyphs = shaped_glyphs(face, "ที่ ปั้น น้ำ ปู่ ฎู");
  pdf_test::ScratchFolder folder;
  const auto path = folder / "subset.ttf";
  const std::string bytes = pdf::subset_font(face, glyphs);
  pdf_test::write_file(path, bytes);
  const auto subset = text::FontFace::load(path);
  CHECK(bytes.size() * 4 < std::filesystem::file_size(pdf_test::laksaman_path));
  for (const auto glyph : glyphs) CHECK(subset->advance(glyph) == face.advance(glyph));
  CHECK_FALSE(has_table(*subset, HB_TAG('G', 'P', 'O', 'S')));
  CHECK(has_table(*subset, HB_TAG('g', 'l', 'y', 'f')));
}

TEST_CASE("pdf fonts: the ToUnicode CMap splits long lists into blocks of 100") {
  std::map<std::uint32_t, std::u32string> mapping;
  for (std::uint32_t g = 1; g <= 150; ++g) mapping[g] = std::u32string(1, 0x0E00 + g % 0x5B);
  mapping[151] = U"ff";
  mapping[152] = U"😀";
  const std::string cmap = pdf::to_unicode_cmap(mapping);
  CHECK(cmap.find("100 beginbfchar") != std::string::npos);
  CHECK(cmap.find("52 beginbfchar") != std::string::npos);
  CHECK(cmap.find("<0097> <00660066>") != std::string::npos);
  CHECK(cmap.find("<0098> <D83DDE00>") != std::string::npos);
  CHECK(cmap.find("/CMapName /Adobe-Identity-UCS def") != std::string::npos);
}

}  // namespace
}  // namespace raingan
