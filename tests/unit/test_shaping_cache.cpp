// Word-by-word shaping with reuse: the glyphs are exactly those of shaping each run whole, for the seed text
// in the default fonts, and a word seen before is not shaped again.

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "text/shaper.h"
#include "text/shaping_cache.h"
#include "text_test_support.h"

namespace raingan {
namespace {

void check_same_glyphs(const std::vector<text::ShapedGlyph>& whole,
                       const std::vector<text::ShapedGlyph>& by_word) {
  REQUIRE(whole.size() == by_word.size());
  for (std::size_t g = 0; g < whole.size(); ++g) {
    CAPTURE(g);
    CHECK(whole[g].glyph_id == by_word[g].glyph_id);
    CHECK(whole[g].cluster == by_word[g].cluster);
    CHECK(whole[g].x_advance == by_word[g].x_advance);
    CHECK(whole[g].x_offset == by_word[g].x_offset);
    CHECK(whole[g].y_offset == by_word[g].y_offset);
    CHECK(whole[g].unsafe_to_break == by_word[g].unsafe_to_break);
  }
}

void check_paragraph(const std::string& paragraph, const text::FontFace& face, hb_script_t script,
                     text::Shaper& shaper, text::ShapingCache& cache) {
  text::CodePoints code_points;
  code_points.assign(paragraph);
  std::vector<text::ShapedGlyph> whole, by_word;
  shaper.shape(code_points, 0, code_points.size(), face, script, whole);
  cache.shape(code_points, 0, code_points.size(), face, script, by_word);
  check_same_glyphs(whole, by_word);
  // A part of the text, as a line cut reshapes it: the rest is context.
  const std::size_t begin = code_points.size() / 3, end = 2 * code_points.size() / 3;
  whole.clear();
  by_word.clear();
  shaper.shape(code_points, begin, end, face, script, whole);
  cache.shape(code_points, begin, end, face, script, by_word);
  check_same_glyphs(whole, by_word);
}

TEST_CASE("the Thai faces may be shaped word by word: their space glyph is in no lookup") {
  text::ShapingCache cache;
  for (const char* family : {"Laksaman", "Noto Sans Thai", "Noto Sans"}) {
    CAPTURE(family);
    CHECK(cache.splits_at_spaces(test::shared_fonts().face(family)));
  }
}

TEST_CASE("shaping word by word gives the glyphs of shaping the whole run, for every seed paragraph") {
  text::Shaper shaper;
  text::ShapingCache cache;
  for (const char* family : {"Laksaman", "Noto Sans Thai"}) {
    const text::FontFace& face = test::shared_fonts().face(family);
    for (const std::string& paragraph : test::seed_paragraphs()) {
      CAPTURE(family);
      CAPTURE(paragraph);
      check_paragraph(paragraph, face, HB_SCRIPT_THAI, shaper, cache);
    }
  }
  // Latin text with kerning pairs, ligatures and a mark that follows a space.
  const text::FontFace& latin = test::shared_fonts().face("Noto Sans");
  for (const std::string paragraph : {"AVATAR Type office WAVE fifty affluent",
                                      " \u0301leading mark and end ", "To Ta Ty. Yo, We Wo (fi) [ff]"})
    check_paragraph(paragraph, latin, HB_SCRIPT_LATIN, shaper, cache);
}

TEST_CASE("a word seen before is not shaped again, and clusters count from where it now stands") {
  text::ShapingCache cache;
  const text::FontFace& face = test::shared_fonts().face("Laksaman");
  text::CodePoints first, second;
  first.assign("งบประมาณ รายจ่าย ประจำปี");
  second.assign("รายจ่าย งบประมาณ");
  std::vector<text::ShapedGlyph> glyphs;
  cache.shape(first, 0, first.size(), face, HB_SCRIPT_THAI, glyphs);
  const std::size_t shaped = cache.words_shaped();
  CHECK(shaped == 3);
  glyphs.clear();
  cache.shape(second, 0, second.size(), face, HB_SCRIPT_THAI, glyphs);
  // "รายจ่าย " was seen with a space after it, not at the start; "งบประมาณ" now ends the text: both new.
  CHECK(cache.words_shaped() == shaped + 2);
  glyphs.clear();
  cache.shape(second, 0, second.size(), face, HB_SCRIPT_THAI, glyphs);
  CHECK(cache.words_shaped() == shaped + 2);
  CHECK(cache.words_reused() == 2);

  std::vector<text::ShapedGlyph> direct;
  text::Shaper shaper;
  shaper.shape(second, 0, second.size(), face, HB_SCRIPT_THAI, direct);
  check_same_glyphs(direct, glyphs);
  CHECK(glyphs.back().cluster > std::string("รายจ่าย ").size() - 1);
}

}  // namespace
}  // namespace raingan
