// Line breaking: line ends in seed 002 checked against two independent Thai segmenters (ICU's word
// iterator and libthai), and the Thai line rules one by one.

#include <doctest/doctest.h>
#include <thai/thbrk.h>
#include <thai/thwbrk.h>
#include <unicode/brkiter.h>
#include <unicode/utext.h>

#include <algorithm>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "core/utf8.h"
#include "text/char_classes.h"
#include "text/code_points.h"
#include "text/line_breaks.h"
#include "text_test_support.h"

namespace raingan {
namespace {

bool is_thai(char32_t c) { return c >= U'\u0E01' && c <= U'\u0E5B'; }

char32_t code_point_at(const std::string& text, std::size_t offset) {
  return offset < text.size() ? utf8::next(text, offset) : 0;
}

char32_t code_point_before(const std::string& text, std::size_t offset) {
  if (offset == 0) return 0;
  do {
    --offset;
  } while (offset > 0 && (static_cast<unsigned char>(text[offset]) & 0xC0) == 0x80);
  return code_point_at(text, offset);
}

bool is_mark(char32_t c) { return (U_GET_GC_MASK(static_cast<UChar32>(c)) & U_GC_M_MASK) != 0; }

// Word boundaries of a paragraph by two segmenters that do not share code or dictionaries with the line
// breaker's: ICU's word iterator and libthai's th_brk (on each maximal run of Thai letters).
class IndependentBoundaries {
 public:
  IndependentBoundaries() : libthai_(th_brk_new(nullptr)) {
    UErrorCode status = U_ZERO_ERROR;
    words_.reset(icu::BreakIterator::createWordInstance(icu::Locale("th"), status));
    REQUIRE(U_SUCCESS(status));
    REQUIRE(libthai_ != nullptr);
  }
  ~IndependentBoundaries() { th_brk_delete(libthai_); }
  IndependentBoundaries(const IndependentBoundaries&) = delete;
  IndependentBoundaries& operator=(const IndependentBoundaries&) = delete;

  std::set<std::size_t> of(const std::string& text) {
    std::set<std::size_t> boundaries;
    UErrorCode status = U_ZERO_ERROR;
    UText* utext = utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &status);
    words_->setText(utext, status);
    for (int32_t at = words_->first(); at != icu::BreakIterator::DONE; at = words_->next())
      boundaries.insert(static_cast<std::size_t>(at));
    utext_close(utext);

    std::size_t offset = 0;
    while (offset < text.size()) {
      std::vector<wchar_t> run;
      std::vector<std::size_t> offsets;
      std::size_t next = offset;
      while (next < text.size()) {
        std::size_t after = next;
        const char32_t c = utf8::next(text, after);
        if (!is_thai(c)) break;
        run.push_back(static_cast<wchar_t>(c));
        offsets.push_back(next);
        next = after;
      }
      if (run.empty()) {
        utf8::next(text, offset);
        continue;
      }
      offsets.push_back(next);
      run.push_back(0);
      std::vector<int> positions(run.size());
      const int count = th_brk_wc_find_breaks(libthai_, run.data(), positions.data(), positions.size());
      for (int k = 0; k < count; ++k) boundaries.insert(offsets[static_cast<std::size_t>(positions[k])]);
      offset = next;
    }
    return boundaries;
  }

 private:
  ThBrk* libthai_;
  std::unique_ptr<icu::BreakIterator> words_;
};

struct LineEnds {
  std::size_t junctions = 0;
  std::size_t thai_junctions = 0;
};

void check_line_ends(double width_mm, LineEnds& totals) {
  const double width = units::mm(width_mm);
  IndependentBoundaries segmenters;
  layout::ParagraphLayouter layouter(test::shared_fonts());
  layout::ParagraphStyle style;
  style.align = layout::Align::justify;
  for (const std::string& paragraph : test::seed_paragraphs()) {
    std::vector<layout::Inline> inlines{layout::TextInline{paragraph, {}, {}, {}}};
    const auto laid = layouter.layout(inlines, style, width);
    CHECK(laid.missing.empty());
    const auto boundaries = segmenters.of(paragraph);
    for (std::size_t k = 0; k < laid.lines.size(); ++k) {
      const auto& line = laid.lines[k];
      // No line's natural width exceeds the line width, except a single unbreakable cluster.
      const auto glyphs = test::drawn_glyphs(line);
      std::set<std::uint32_t> clusters;
      for (const auto& drawn : glyphs) clusters.insert(drawn.glyph->cluster);
      if (clusters.size() > 1) CHECK(test::natural_width(line) <= width + 0.01);

      const std::string text = test::extracted(line);
      if (!text.empty()) {
        const char32_t first = code_point_at(text, 0);
        CAPTURE(text);
        CHECK(first != U'\u0E46');
        CHECK(!is_mark(first));
        // Leading spaces are dropped after a soft break; after a newline they are the author's.
        if (k > 0 && !text::is_line_separator(code_point_before(paragraph, line.text_begin)))
          CHECK(!text::is_space(first));
      }
      if (k + 1 == laid.lines.size()) continue;
      const std::size_t end = line.text_end;
      CHECK(laid.lines[k + 1].text_begin == end);
      ++totals.junctions;
      const char32_t before = code_point_before(paragraph, end);
      if (text::is_space(before) || text::is_line_separator(before)) continue;  // at a space or newline
      ++totals.thai_junctions;
      const bool boundary = boundaries.count(end) > 0;
      if (!boundary) {
        const std::size_t from = end >= 45 ? end - 45 : 0;
        CAPTURE(paragraph.substr(from, end - from) + "|" + paragraph.substr(end, 45));
        CAPTURE(width_mm);
        CHECK(boundary);
      }
    }
  }
}

layout::ParagraphLayout lay_out_all(const std::string& text, double width,
                                    layout::Align align = layout::Align::left) {
  return test::lay_out(text, width, align);
}

std::vector<std::string> line_texts(const layout::ParagraphLayout& laid) {
  std::vector<std::string> texts;
  for (const auto& line : laid.lines) texts.push_back(test::extracted(line));
  return texts;
}

}  // namespace

TEST_CASE("line breaks: seed 002 justified at 60, 100 and 160 mm never ends a line inside a Thai word") {
  for (const double width : {60.0, 100.0, 160.0}) {
    LineEnds totals;
    check_line_ends(width, totals);
    CAPTURE(width);
    // Enough junctions without a space for the check to mean something.
    CHECK(totals.thai_junctions > 100);
  }
}

TEST_CASE("line breaks: ZWSP is a break opportunity that is neither drawn nor extracted") {
  const std::string word = "abcdefghij\u200Bklmnopqrst";
  const auto wide = lay_out_all(word, 1000);
  REQUIRE(wide.lines.size() == 1);
  CHECK(test::drawn_glyphs(wide.lines[0]).size() == 20);
  CHECK(test::extracted(wide.lines[0]) == "abcdefghijklmnopqrst");

  const double half = test::natural_width(wide.lines[0]) * 0.6;
  const auto narrow = lay_out_all(word, half);
  CHECK(line_texts(narrow) == std::vector<std::string>{"abcdefghij", "klmnopqrst"});
}

TEST_CASE("line breaks: WJ forbids a break and is neither drawn nor extracted") {
  const std::string plain = "โรงเรียนบ้านนา";
  const std::string joined = "โรงเรียน\u2060บ้านนา";
  const double width = test::natural_width(lay_out_all("โรงเรียนบ้าน", 1000).lines.at(0));
  const auto split = lay_out_all(plain, width);
  REQUIRE(split.lines.size() == 2);
  CHECK(test::extracted(split.lines[0]) == "โรงเรียน");

  const std::size_t joiner = std::string("โรงเรียน").size();
  const auto kept = lay_out_all(joined, width);
  for (const auto& line : kept.lines) CHECK(line.text_end != joiner);
  std::string all;
  for (const auto& text : line_texts(kept)) all += text;
  CHECK(all == plain);
  const auto single = lay_out_all(joined, 1000);
  CHECK(test::drawn_glyphs(single.lines.at(0)).size() ==
        test::drawn_glyphs(lay_out_all(plain, 1000).lines.at(0)).size());
}

TEST_CASE("line breaks: ฿ stays with its number, on either side, across a space") {
  const std::string text = "ค่าพาหนะ ฿ 1,250 และ 300 ฿ และ ฿75 รวม 100฿ ต่อคน";
  auto trim = [](std::string s) {
    while (!s.empty() && s.back() == ' ') s.pop_back();
    return s;
  };
  const std::string baht = "฿";
  std::size_t junctions = 0;
  for (double width = 40; width <= 260; width += 3) {
    CAPTURE(width);
    const auto laid = lay_out_all(text, width);
    for (std::size_t k = 0; k + 1 < laid.lines.size(); ++k) {
      const std::string line = trim(test::extracted(laid.lines[k]));
      const std::string next = test::extracted(laid.lines[k + 1]);
      CAPTURE(line);
      CAPTURE(next);
      REQUIRE(!line.empty());
      REQUIRE(!next.empty());
      const char32_t last = code_point_before(line, line.size());
      const char32_t first = code_point_at(next, 0);
      CHECK(!(last == text::baht_sign && text::is_digit(first)));
      CHECK(!(text::is_digit(last) && first == text::baht_sign));
      ++junctions;
    }
  }
  CHECK(junctions > 50);
}

TEST_CASE("line breaks: no line starts with ๆ, a closer or a space, none ends with an opener") {
  const std::string text = "เด็กๆ เล่นกันสนุกๆ ทุกวันๆ “คำพูด” (วงเล็บ) จริงหรือ? ใช่! ร้อยละ ๕๐% ฯลฯ และอื่นๆ   อีกมากมาย";
  for (double width = 30; width <= 300; width += 2) {
    for (const auto align : {layout::Align::left, layout::Align::justify}) {
      CAPTURE(width);
      const auto laid = lay_out_all(text, width, align);
      for (std::size_t k = 0; k < laid.lines.size(); ++k) {
        const std::string line = test::extracted(laid.lines[k]);
        CAPTURE(line);
        if (line.empty()) continue;
        const char32_t first = code_point_at(line, 0);
        if (k > 0) {
          CHECK(first != U'ๆ');
          if (line.rfind("ฯลฯ", 0) != 0) CHECK(!text::never_starts_line(first));  // ฯลฯ may start a line
          CHECK(line.rfind("ลฯ", 0) != 0);                                        // ฯ|ลฯ is one word
          CHECK(!text::is_space(first));
        }
        if (k + 1 < laid.lines.size()) CHECK(!text::never_ends_line(code_point_before(line, line.size())));
      }
    }
  }
}

TEST_CASE("line breaks: the break space is not drawn and the next line has no leading space") {
  const auto laid = lay_out_all("หนึ่ง สอง สาม สี่ ห้า หก เจ็ด แปด เก้า สิบ", 60);
  REQUIRE(laid.lines.size() > 2);
  for (const auto& line : laid.lines) {
    const std::string text = test::extracted(line);
    CAPTURE(text);
    CHECK(text.front() != ' ');
    CHECK(text.back() != ' ');
  }
}

TEST_CASE("line breaks: a word wider than the line is broken between grapheme clusters") {
  const std::string latin = "Supercalifragilisticexpialidocious";
  const auto laid = lay_out_all(latin, 50);
  REQUIRE(laid.lines.size() > 2);
  std::string all;
  for (const auto& line : laid.lines) {
    CHECK(test::natural_width(line) <= 50.01);
    all += test::extracted(line);
  }
  CHECK(all == latin);

  // Thai: clusters (base + marks) are never split, and no line starts with a following vowel or mark.
  const std::string thai = "ประสิทธิ์ปั้นน้ำพื้นที่ฟื้นฟู";
  const auto thai_laid = lay_out_all(thai, 24);
  REQUIRE(thai_laid.lines.size() > 2);
  std::string joined;
  for (const auto& line : thai_laid.lines) {
    const std::string text = test::extracted(line);
    CAPTURE(text);
    const char32_t first = code_point_at(text, 0);
    CHECK(!is_mark(first));
    CHECK(!text::never_starts_line(first));
    joined += text;
  }
  CHECK(joined == thai);
}

TEST_CASE("line breaks: a newline forces a break and is not drawn") {
  const auto laid = lay_out_all("บรรทัดแรก\nบรรทัดที่สอง", 1000, layout::Align::justify);
  REQUIRE(laid.lines.size() == 2);
  CHECK(line_texts(laid) == std::vector<std::string>{"บรรทัดแรก", "บรรทัดที่สอง"});
  // Ending at a forced break, the first line is natural even when justified.
  CHECK(test::drawn_width(laid.lines[0]) == doctest::Approx(test::natural_width(laid.lines[0])));
}

}  // namespace raingan

namespace raingan {

TEST_CASE("line breaks: compounds ICU's dictionary splits stay whole") {
  // ICU alone offers งบ|ประมาณ, ร้อย|ละ, ตรวจ|สอบ and นายกรัฐมน|ตรี; libthai keeps the first three whole and
  // puts its boundary in the fourth at นายก|รัฐมนตรี. A line may end only where both agree.
  const std::string text = "งบประมาณร้อยละตรวจสอบนายกรัฐมนตรีงบประมาณร้อยละตรวจสอบนายกรัฐมนตรี";
  const std::vector<std::string> words = {"งบประมาณ", "ร้อยละ", "ตรวจสอบ", "นายก", "รัฐมนตรี"};
  std::set<std::size_t> word_ends;
  for (std::size_t at = 0, k = 0; at < text.size(); k = (k + 1) % words.size()) {
    at += words[k].size();
    word_ends.insert(at);
  }
  std::size_t breaks = 0;
  for (double width = 100; width <= 300; width += 4) {
    CAPTURE(width);
    const auto laid = test::lay_out(text, width, layout::Align::justify);
    for (std::size_t k = 0; k + 1 < laid.lines.size(); ++k) {
      CAPTURE(test::extracted(laid.lines[k]));
      CHECK(word_ends.count(laid.lines[k].text_end) == 1);
      ++breaks;
    }
  }
  CHECK(breaks > 50);
}

}  // namespace raingan

namespace raingan {
namespace {

std::vector<std::uint8_t> break_flags(text::LineBreakFinder& finder, const std::string& text) {
  text::CodePoints code_points;
  code_points.assign(text);
  std::vector<std::uint8_t> flags;
  finder.find(text, code_points, flags);
  return flags;
}

}  // namespace

TEST_CASE("line breaks: a Thai run met before breaks exactly as the first time") {
  // The second time a run is met its dictionary breaks come from memory and ICU's rules see stand-ins. The
  // samples put the same runs next to digits, quotes, marks, joiners, Latin and Lao text.
  std::vector<std::string> samples = {
      "ภาษาไทย ภาษาไทย๑๒๓ภาษาไทย ภาษา",
      "“ภาษาไทย” (ภาษาไทย) ภาษาไทยๆ ฯลฯ ฿๑๐๐ภาษาไทย ๏ภาษาไทย๚ภาษาไทย๛",
      "ภาษาไทย\u200Bภาษาไทย\u2060ภาษาไทย\uFEFFภาษาไทย",
      "\u0E48ภาษาไทย abc\u0E31ภาษาไทย เภาษาไทย ภาษาไทยเ",
      "ภาษาไทย ກະລາວ ภาษาไทย ខ្មែរ ภาษาไทย",
      "The ภาษาไทย-style 2026, ภาษาไทย. 1.5ภาษาไทย\nภาษาไทย",
  };
  const auto seed = test::seed_paragraphs();
  samples.insert(samples.end(), seed.begin(), seed.begin() + std::min<std::ptrdiff_t>(8, std::ssize(seed)));

  std::vector<std::vector<std::uint8_t>> first_time;
  for (const auto& sample : samples) {
    text::LineBreakFinder fresh;
    first_time.push_back(break_flags(fresh, sample));
  }
  text::LineBreakFinder finder;
  for (int pass = 0; pass < 2; ++pass)
    for (std::size_t k = 0; k < samples.size(); ++k) {
      const std::size_t i = pass == 0 ? k : samples.size() - 1 - k;
      CAPTURE(samples[i]);
      CHECK(break_flags(finder, samples[i]) == first_time[i]);
    }
  // Not vacuous: the seed's paragraphs offer many breaks between Thai words.
  std::size_t breaks = 0;
  for (const auto& flags : first_time)
    breaks += static_cast<std::size_t>(
        std::count_if(flags.begin(), flags.end(), [](std::uint8_t f) { return f & text::break_allowed; }));
  CHECK(breaks > 100);
}

}  // namespace raingan

namespace raingan {

TEST_CASE("line breaks: grapheme clusters of Thai, Latin and punctuation are ICU's") {
  // Clusters of these characters are told without ICU's character iterator; every pair of them, between
  // two letters, must get ICU's boundaries (and a text with anything else is still left to ICU).
  std::vector<char32_t> characters = {U'\t',     U'\n',     U'\r',     U'\u0085',    U' ',      U'a',
                                      U'.',      U'(',      U'1',      U'\u00A0',    U'\u00E9', U'\u0301',
                                      U'\u0300', U'\u200B', U'\u2060', U'\u201C',    U'\u2026', U'\u20AC',
                                      U'\u200D', U'\u0915', U'\u094D', U'\U0001F600'};
  for (char32_t c = 0x0E01; c <= 0x0E5B; ++c) characters.push_back(c);
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> icu_clusters(
      icu::BreakIterator::createCharacterInstance(icu::Locale("th"), status));
  REQUIRE(U_SUCCESS(status));
  text::LineBreakFinder finder;
  std::size_t pairs = 0;
  for (const char32_t first : characters)
    for (const char32_t second : characters) {
      std::string text = "x";
      utf8::append(text, first);
      utf8::append(text, second);
      text += "y";
      std::set<std::size_t> expected;
      UText* utext = utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &status);
      icu_clusters->setText(utext, status);
      for (int32_t at = icu_clusters->first(); at != icu::BreakIterator::DONE; at = icu_clusters->next())
        expected.insert(static_cast<std::size_t>(at));
      utext_close(utext);
      const auto flags = break_flags(finder, text);
      std::set<std::size_t> found;
      for (std::size_t at = 0; at < flags.size(); ++at)
        if (flags[at] & text::grapheme_boundary) found.insert(at);
      CAPTURE(static_cast<unsigned>(first));
      CAPTURE(static_cast<unsigned>(second));
      CHECK(found == expected);
      ++pairs;
    }
  CHECK(pairs > 10000);
}

}  // namespace raingan
