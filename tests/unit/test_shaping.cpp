// Shaping: the glyphs a laid-out line carries are exactly HarfBuzz's for the same runs (ids, offsets,
// advances, scaled by size / units per em), the runs split where the script changes, and the text a
// reader extracts is the input, byte for byte.

#include <doctest/doctest.h>
#include <hb.h>

#include <string>
#include <vector>

#include "core/utf8.h"
#include "text_test_support.h"

namespace raingan {
namespace {

struct ExpectedRun {
  std::size_t begin, length;  // bytes of the paragraph text
  hb_script_t script;
};

struct ExpectedGlyph {
  std::uint32_t id;
  double advance, x_offset, y_offset;
  std::uint32_t cluster;
};

// Shapes the runs directly with HarfBuzz, as a reader of the HarfBuzz manual would: Laksaman at scale =
// upem, direction LTR, the run's script, language "th", the whole text as context.
std::vector<ExpectedGlyph> shape_directly(const std::string& text, const std::vector<ExpectedRun>& runs,
                                          double size) {
  const text::FontFace& face = test::shared_fonts().face("Laksaman");
  hb_font_t* font = hb_font_create(face.hb_face());
  const int upem = static_cast<int>(hb_face_get_upem(face.hb_face()));
  hb_font_set_scale(font, upem, upem);
  hb_buffer_t* buffer = hb_buffer_create();
  std::vector<ExpectedGlyph> glyphs;
  for (const auto& run : runs) {
    hb_buffer_clear_contents(buffer);
    hb_buffer_add_utf8(buffer, text.data(), static_cast<int>(text.size()), static_cast<unsigned>(run.begin),
                       static_cast<int>(run.length));
    hb_buffer_set_direction(buffer, HB_DIRECTION_LTR);
    hb_buffer_set_script(buffer, run.script);
    hb_buffer_set_language(buffer, hb_language_from_string("th", -1));
    hb_shape(font, buffer, nullptr, 0);
    unsigned count = 0;
    const hb_glyph_info_t* infos = hb_buffer_get_glyph_infos(buffer, &count);
    const hb_glyph_position_t* positions = hb_buffer_get_glyph_positions(buffer, &count);
    const double scale = size / upem;
    for (unsigned i = 0; i < count; ++i)
      glyphs.push_back({infos[i].codepoint, positions[i].x_advance * scale, positions[i].x_offset * scale,
                        positions[i].y_offset * scale, infos[i].cluster});
  }
  hb_buffer_destroy(buffer);
  hb_font_destroy(font);
  return glyphs;
}

void check_against_harfbuzz(const std::string& text, const std::vector<ExpectedRun>& runs) {
  CAPTURE(text);
  const auto laid = test::lay_out(text, 2000);
  REQUIRE(laid.lines.size() == 1);
  CHECK(laid.missing.empty());
  const auto drawn = test::drawn_glyphs(laid.lines[0]);
  const auto expected = shape_directly(text, runs, 16);
  REQUIRE(drawn.size() == expected.size());
  for (std::size_t i = 0; i < drawn.size(); ++i) {
    CAPTURE(i);
    CHECK(drawn[i].run->face->family() == "Laksaman");
    CHECK(drawn[i].glyph->glyph_id == expected[i].id);
    CHECK(drawn[i].glyph->shaped_advance == doctest::Approx(expected[i].advance).epsilon(1e-12));
    CHECK(drawn[i].glyph->x_advance == drawn[i].glyph->shaped_advance);  // left aligned: no stretch
    CHECK(drawn[i].glyph->x_offset == doctest::Approx(expected[i].x_offset).epsilon(1e-12));
    CHECK(drawn[i].glyph->y_offset == doctest::Approx(expected[i].y_offset).epsilon(1e-12));
    CHECK(drawn[i].glyph->cluster == expected[i].cluster);
  }
  CHECK(test::extracted(laid.lines[0]) == text);
}

}  // namespace

TEST_CASE("shaping: Thai torture words match HarfBuzz glyph for glyph and extract as typed") {
  for (const std::string word : {"ที่", "ปั้น", "น้ำ", "ป่ำ", "ปู่", "ฟื้น", "ญู", "ฐู", "ฎู", "ฏู", "ฤๅ", "ฯลฯ", "ๆ",
                                 "๐๑๒๓๔๕๖๗๘๙", "กำลัง", "ผู้ใหญ่", "ปิ๊ป"}) {
    check_against_harfbuzz(word, {{0, word.size(), HB_SCRIPT_THAI}});
  }
  const std::string line = "ที่ ปั้น น้ำ ป่ำ ปู่ ฟื้น ญู ฐู ฎู ฏู ฤๅ ฯลฯ ๆ";
  check_against_harfbuzz(line, {{0, line.size(), HB_SCRIPT_THAI}});
}

TEST_CASE("shaping: Thai and Latin in one line are shaped as separate runs") {
  // Spaces and digits (Common) join the script before them.
  const std::string mixed = "ระบบ eMES ปี 2569";
  check_against_harfbuzz(mixed,
                         {{0, 13, HB_SCRIPT_THAI}, {13, 5, HB_SCRIPT_LATIN}, {18, 11, HB_SCRIPT_THAI}});
  const std::string joined = "ที่PDF";
  check_against_harfbuzz(joined, {{0, 9, HB_SCRIPT_THAI}, {9, 3, HB_SCRIPT_LATIN}});
}

TEST_CASE("shaping: the font's Thai substitutions and positions reach the frame") {
  const text::FontFace& face = test::shared_fonts().face("Laksaman");
  // ญ and ฐ lose their tails above a below vowel.
  for (const std::string word : {"ญู", "ฐู"}) {
    const auto laid = test::lay_out(word, 200);
    const auto glyphs = test::drawn_glyphs(laid.lines.at(0));
    REQUIRE(glyphs.size() == 2);
    std::size_t offset = 0;
    const char32_t base = utf8::next(word, offset);
    CHECK(glyphs[0].glyph->glyph_id != face.glyph_for(base));
  }
  // ู is lowered under ฎ and ฏ (their tails reach the baseline).
  for (const std::string word : {"ฎู", "ฏู"}) {
    const auto laid = test::lay_out(word, 200);
    const auto glyphs = test::drawn_glyphs(laid.lines.at(0));
    REQUIRE(glyphs.size() == 2);
    CHECK(glyphs[1].glyph->y_offset < 0);
  }
  // A tone mark with nothing above the base goes low (ปู่); above an upper vowel it stacks high (ปี่).
  const std::uint32_t mai_ek = face.glyph_for(U'\u0E48');
  const auto low_laid = test::lay_out("ปู่", 200);
  const auto stacked_laid = test::lay_out("ปี่", 200);
  const auto low = test::drawn_glyphs(low_laid.lines.at(0));
  const auto stacked = test::drawn_glyphs(stacked_laid.lines.at(0));
  REQUIRE(low.size() == 3);
  REQUIRE(stacked.size() == 3);
  CHECK(low[1].glyph->glyph_id != mai_ek);
  CHECK(stacked[2].glyph->glyph_id == mai_ek);
  // Marks have no advance of their own: they sit on their base.
  CHECK(stacked[1].glyph->shaped_advance == 0);
  CHECK(stacked[2].glyph->shaped_advance == 0);
}

TEST_CASE("shaping: sara am is extracted as sara am, never as nikhahit + sara aa") {
  const auto laid = test::lay_out("น้ำ กำ", 200);
  const std::string text = test::extracted(laid.lines.at(0));
  CHECK(text == "น้ำ กำ");
  CHECK(text.find("\u0E4D") == std::string::npos);
  // HarfBuzz decomposes ำ into two glyphs; one span carries the whole cluster.
  const auto* line = test::text_line(laid.lines.at(0));
  REQUIRE(line);
  REQUIRE(line->spans.size() == 3);
  CHECK(line->spans[0].glyph_end - line->spans[0].glyph_begin == 4);
  CHECK(line->spans[0].text == "น้ำ");
}

TEST_CASE("shaping: spans cover every glyph in order, one per word-stretch and one per space") {
  const std::string text = "กลุ่มนโยบายและแผน  ระบบ eMES ❖ ที่PDF";
  const auto laid = test::lay_out(text, 2000);
  REQUIRE(laid.lines.size() == 1);
  const auto* line = test::text_line(laid.lines[0]);
  REQUIRE(line);
  std::uint32_t next = 0;
  std::vector<std::string> texts;
  for (const auto& span : line->spans) {
    CHECK(span.glyph_begin == next);
    CHECK(span.glyph_end > span.glyph_begin);
    next = span.glyph_end;
    texts.push_back(span.text);
  }
  CHECK(next == test::drawn_glyphs(laid.lines[0]).size());
  CHECK(texts ==
        std::vector<std::string>{"กลุ่มนโยบายและแผน", " ", " ", "ระบบ", " ", "eMES", " ", "❖", " ", "ที่PDF"});
}

}  // namespace raingan

namespace raingan {

TEST_CASE("shaping: a line cut where HarfBuzz marks the text unsafe to break is shaped again") {
  // Noto Sans kerns A and V; a word wider than the line is broken between them, and each line must carry
  // what HarfBuzz gives for that line's text alone (no kerning against a glyph now on another line).
  layout::InlineStyle style;
  style.font.family = "Noto Sans";
  const std::string word = "AVAVAVAVAVAVAVAVAVAVAVAV";
  std::vector<layout::Inline> inlines{layout::TextInline{word, style, {}, {}}};
  const auto laid = layout::layout_paragraph(inlines, {}, 60, test::shared_fonts());
  REQUIRE(laid.lines.size() > 2);

  const text::FontFace& face = test::shared_fonts().face("Noto Sans");
  hb_font_t* font = hb_font_create(face.hb_face());
  const int upem = static_cast<int>(hb_face_get_upem(face.hb_face()));
  hb_font_set_scale(font, upem, upem);
  hb_buffer_t* buffer = hb_buffer_create();
  bool kerned = false;
  for (const auto& line : laid.lines) {
    const std::string text = word.substr(line.text_begin, line.text_end - line.text_begin);
    CAPTURE(text);
    hb_buffer_clear_contents(buffer);
    hb_buffer_add_utf8(buffer, text.data(), static_cast<int>(text.size()), 0, -1);
    hb_buffer_set_direction(buffer, HB_DIRECTION_LTR);
    hb_buffer_set_script(buffer, HB_SCRIPT_LATIN);
    hb_buffer_set_language(buffer, hb_language_from_string("th", -1));
    hb_shape(font, buffer, nullptr, 0);
    unsigned count = 0;
    const hb_glyph_position_t* positions = hb_buffer_get_glyph_positions(buffer, &count);
    const auto glyphs = test::drawn_glyphs(line);
    REQUIRE(glyphs.size() == count);
    for (unsigned i = 0; i < count; ++i)
      CHECK(glyphs[i].glyph->shaped_advance == doctest::Approx(positions[i].x_advance * 16.0 / upem));
    kerned = kerned || positions[0].x_advance != hb_font_get_glyph_h_advance(font, face.glyph_for(U'A'));
  }
  CHECK(kerned);  // the font really kerns the pair, so the test means something
  hb_buffer_destroy(buffer);
  hb_font_destroy(font);
}

}  // namespace raingan
