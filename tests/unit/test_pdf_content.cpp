// Page content streams: every glyph lands where the frame puts it (no drift along a line), y is flipped in
// one place, spans wrap the right glyphs, and numbers never depend on a locale.

#include <doctest/doctest.h>

#include <cmath>
#include <map>
#include <sstream>

#include "core/utf8.h"
#include "pdf/content_stream.h"
#include "pdf/pdf_syntax.h"
#include "pdf_test_support.h"

namespace raingan {
namespace {

// Resources whose fonts give every glyph the same /W width.
class FixedWidthResources : public pdf::PageResources {
 public:
  explicit FixedWidthResources(int width) : width_(width) {}
  std::string font(const text::FontFace& face) override {
    return &face == &pdf_test::laksaman() ? "F1" : "F2";
  }
  int use_glyph(const text::FontFace&, std::uint32_t glyph) override {
    used.push_back(glyph);
    return width_;
  }
  std::string image(const layout::ImageData&) override { return "X1"; }
  std::vector<std::uint32_t> used;

 private:
  int width_;
};

struct DrawnGlyph {
  std::uint32_t glyph = 0;
  double x = 0;  // page coordinates
  double y = 0;
};

// Interprets the text operators this exporter writes (Tf Tm Ts TJ) the way a viewer does, giving where each
// glyph is drawn, plus the ActualText spans in order.
struct ContentReading {
  std::vector<DrawnGlyph> glyphs;
  std::vector<std::string> actual_texts;
  int open_spans = 0;
  int max_open_spans = 0;
};

ContentReading read_content(const std::string& content, int width) {
  ContentReading reading;
  std::vector<std::string> operands;
  double size = 0, tm_x = 0, tm_y = 0, rise = 0, pen = 0;
  std::size_t i = 0;
  auto skip_space = [&] {
    while (i < content.size() && std::isspace(static_cast<unsigned char>(content[i]))) ++i;
  };
  while (true) {
    skip_space();
    if (i >= content.size()) break;
    const char c = content[i];
    if (c == '[') {  // a TJ array
      ++i;
      while (true) {
        skip_space();
        if (content[i] == ']') {
          ++i;
          break;
        }
        if (content[i] == '<') {
          const std::size_t end = content.find('>', i);
          for (std::size_t k = i + 1; k + 4 <= end; k += 4) {
            const auto glyph = static_cast<std::uint32_t>(std::stoul(content.substr(k, 4), nullptr, 16));
            reading.glyphs.push_back({glyph, tm_x + pen * size / 1000, tm_y + rise});
            pen += width;
          }
          i = end + 1;
        } else {
          std::size_t used = 0;
          const double adjustment = std::stod(content.substr(i, 32), &used);
          pen -= adjustment;
          i += used;
        }
      }
      continue;
    }
    if (c == '/' && content.compare(i, 25, "/Span <</ActualText <FEFF") == 0) {
      const std::size_t begin = i + 25, end = content.find('>', begin);
      std::string text;
      for (std::size_t k = begin; k + 4 <= end; k += 4)
        utf8::append(text, static_cast<char32_t>(std::stoul(content.substr(k, 4), nullptr, 16)));
      reading.actual_texts.push_back(text);
      i = content.find("BDC", end) + 3;
      reading.max_open_spans = std::max(reading.max_open_spans, ++reading.open_spans);
      continue;
    }
    std::size_t end = i;
    while (end < content.size() && !std::isspace(static_cast<unsigned char>(content[end]))) ++end;
    const std::string token = content.substr(i, end - i);
    i = end;
    if (token == "Tf") {
      size = std::stod(operands.at(operands.size() - 1));
    } else if (token == "Tm") {
      tm_x = std::stod(operands.at(operands.size() - 2));
      tm_y = std::stod(operands.at(operands.size() - 1));
      pen = 0;
    } else if (token == "Ts") {
      rise = std::stod(operands.back());
    } else if (token == "EMC") {
      --reading.open_spans;
    } else if (token == "TJ" || token == "BT" || token == "ET" || token == "q" || token == "Q") {
    } else {
      operands.push_back(token);
      continue;
    }
    operands.clear();
  }
  return reading;
}

TEST_CASE("pdf content: glyph positions follow the frame exactly along a long justified line") {
  // 300 glyphs with advances that are no whole number of 1/1000 em, marks with offsets and a lowered vowel.
  layout::TextLine line;
  layout::GlyphRun run;
  run.face = &pdf_test::laksaman();
  run.font_size = 16;
  run.origin = {72.25, 100.5};
  std::vector<layout::Point> expected;
  double x = run.origin.x;
  for (std::uint32_t i = 0; i < 300; ++i) {
    layout::PositionedGlyph glyph;
    glyph.glyph_id = 3 + i % 200;
    glyph.x_advance = (i % 3 == 2) ? 0 : 7.3719 + 3.0 * (i % 2);  // every third glyph a zero-width mark
    glyph.x_offset = (i % 3 == 2) ? -2.1234 : 0;
    glyph.y_offset = (i % 7 == 0) ? -4.752 : 0;
    expected.push_back({x + glyph.x_offset, (841.89 - run.origin.y) + glyph.y_offset});
    x += glyph.x_advance;
    run.glyphs.push_back(glyph);
  }
  line.runs.push_back(run);
  layout::Frame frame;
  frame.size = {595.28, 841.89};
  frame.items.push_back(line);

  const int width = 512;  // what /W says for every glyph, far from the real advances
  FixedWidthResources resources(width);
  const std::string content = pdf::encode_page_content(frame, resources);
  const auto reading = read_content(content, width);
  REQUIRE(reading.glyphs.size() == expected.size());
  double worst = 0;
  for (std::size_t i = 0; i < expected.size(); ++i) {
    CHECK(reading.glyphs[i].glyph == run.glyphs[i].glyph_id);
    worst = std::max(worst, std::abs(reading.glyphs[i].x - expected[i].x));
    CHECK(reading.glyphs[i].y == doctest::Approx(expected[i].y).epsilon(1e-6));
  }
  // Half a unit of 1/1000 em at 16 pt is 0.008 pt: the most any glyph may be off, at the end as at the start.
  CHECK(worst <= 0.0081);
  CHECK(resources.used.size() == 300);
}

TEST_CASE("pdf content: ActualText spans wrap their glyphs and may cross runs") {
  // "ที่PDF คำ": the first word crosses from a Thai run into a Latin run.
  const auto line = pdf_test::make_line(
      {{&pdf_test::laksaman(), "ที่"}, {&pdf_test::noto_sans(), "PDF"}, {&pdf_test::laksaman(), " คำ"}}, 16,
      {50, 50});
  REQUIRE(line.spans.size() == 3);
  REQUIRE(line.spans[0].text == "ที่PDF");
  layout::Frame frame;
  frame.size = {200, 100};
  frame.items.push_back(line);
  FixedWidthResources resources(500);
  const std::string content = pdf::encode_page_content(frame, resources);
  const auto reading = read_content(content, 500);
  CHECK(reading.actual_texts == std::vector<std::string>{"ที่PDF", " ", "คำ"});
  CHECK(reading.open_spans == 0);
  CHECK(reading.max_open_spans == 1);
  // The font changes inside the first span, so that span's text is given once for both runs.
  const auto first_emc = content.find("EMC");
  CHECK(content.find("/F2 16 Tf") < first_emc);
  CHECK(content.find("<FEFF0E170E350E48>") == std::string::npos);  // no span for the Thai part alone
}

TEST_CASE("pdf content: spans that break the frame contract are rejected") {
  auto line = pdf_test::make_line({{&pdf_test::laksaman(), "ค่า ส่ง"}}, 16, {10, 10});
  layout::Frame frame;
  frame.size = {100, 100};
  FixedWidthResources resources(500);
  SUBCASE("past the end") { line.spans.back().glyph_end += 1; }
  SUBCASE("overlapping") { line.spans[1].glyph_begin -= 1; }
  SUBCASE("no face") { line.runs[0].face = nullptr; }
  frame.items.push_back(line);
  CHECK_THROWS_AS(pdf::encode_page_content(frame, resources), std::invalid_argument);
}

TEST_CASE("pdf content: frame y runs down, PDF y runs up") {
  layout::Frame frame;
  frame.size = {200, 100};
  layout::Rectangle rectangle;
  rectangle.origin = {10, 20};
  rectangle.size = {30, 40};
  rectangle.fill = layout::Color{255, 0, 0};
  frame.items.push_back(rectangle);
  layout::Rule rule;
  rule.from = {0, 10};
  rule.to = {200, 10};
  rule.stroke.dash = layout::Stroke::Dash::dashed;
  frame.items.push_back(rule);
  FixedWidthResources resources(500);
  const std::string content = pdf::encode_page_content(frame, resources);
  CHECK(content.find("1 0 0 rg\n10 40 30 40 re\nf\n") != std::string::npos);
  CHECK(content.find("0 90 m\n200 90 l\nS\n") != std::string::npos);
  CHECK(content.find("[3 2] 0 d") != std::string::npos);
}

TEST_CASE("pdf syntax: numbers are written with a point, rounded, without -0") {
  CHECK(pdf::format_number(595.2755905511812) == "595.276");
  CHECK(pdf::format_number(12.0) == "12");
  CHECK(pdf::format_number(-0.5) == "-0.5");
  CHECK(pdf::format_number(-0.0001) == "0");
  CHECK(pdf::format_number(1e-9) == "0");
  CHECK(pdf::format_number(0.123456, 4) == "0.1235");
  CHECK(pdf::format_number(100000.25, 1) == "100000.3");  // exact half of .25 in binary rounds away
  CHECK_THROWS_AS(pdf::format_number(std::nan("")), std::invalid_argument);
}

TEST_CASE("pdf syntax: text strings are UTF-16BE with a byte-order mark") {
  std::string hex;
  pdf::append_hex(hex, pdf::utf16be_text_string("ก A😀"));
  CHECK(hex == "FEFF0E0100200041D83DDE00");
  CHECK_THROWS_AS(pdf::utf16be_text_string("\xE0\xB8"), std::invalid_argument);

  // Written straight as hex, the same digits, appended after what is there.
  std::string direct = "<";
  pdf::append_utf16be_hex(direct, "ก A😀");
  CHECK(direct == "<FEFF0E0100200041D83DDE00");
  std::string empty;
  pdf::append_utf16be_hex(empty, "");
  CHECK(empty == "FEFF");
  CHECK_THROWS_AS(pdf::append_utf16be_hex(empty, "\xE0\xB8"), std::invalid_argument);
}

}  // namespace
}  // namespace raingan
