// Paragraph layout: Thai distributed justification, alignment and indents, line heights that hold stacked
// marks, spans, leaders on a grid, links and underlines.

#include <doctest/doctest.h>

#include <cmath>
#include <set>
#include <string>
#include <vector>

#include "core/diagnostic.h"
#include "core/utf8.h"
#include "text/char_classes.h"
#include "text_test_support.h"

// After text_test_support.h, which brings ft2build.h.
#include FT_TRUETYPE_TABLES_H

namespace raingan {
namespace {

layout::TextInline inline_text(std::string content, layout::InlineStyle style = {}) {
  return layout::TextInline{std::move(content), style, {}, {}};
}

std::string strip_for_extraction(const std::string& paragraph, std::size_t begin, std::size_t end) {
  // What a line's spans should read: its source text less the break spaces or newline at its end and the
  // invisible controls.
  std::string out;
  for (std::size_t offset = begin; offset < end;) {
    const std::size_t start = offset;
    const char32_t c = utf8::next(paragraph, offset);
    if (!text::is_invisible_control(c)) out.append(paragraph, start, offset - start);
  }
  while (!out.empty() && (out.back() == ' ' || out.back() == '\t')) out.pop_back();
  return out;
}

}  // namespace

TEST_CASE("paragraph: justified seed 002 fills every line but the last, between clusters only") {
  const double width = units::mm(100);
  layout::ParagraphLayouter layouter(test::shared_fonts());
  layout::ParagraphStyle style;
  style.align = layout::Align::justify;
  std::size_t stretched_lines = 0;
  for (const std::string& paragraph : test::seed_paragraphs()) {
    std::vector<layout::Inline> inlines{inline_text(paragraph)};
    const auto laid = layouter.layout(inlines, style, width);
    for (std::size_t k = 0; k < laid.lines.size(); ++k) {
      const auto& line = laid.lines[k];
      const bool forced = line.text_end > line.text_begin && paragraph[line.text_end - 1] == '\n';
      CAPTURE(test::extracted(line));
      if (k + 1 == laid.lines.size() || forced) {
        CHECK(test::drawn_width(line) == doctest::Approx(test::natural_width(line)));  // natural
      } else {
        CHECK(std::abs(test::drawn_width(line) - width) < 0.01);
        CHECK(std::abs(line.width - width) < 0.01);
        ++stretched_lines;
      }
      // Stretch goes after the last glyph of a cluster: marks stay on their base.
      const auto glyphs = test::drawn_glyphs(line);
      for (std::size_t g = 0; g + 1 < glyphs.size(); ++g)
        if (glyphs[g].glyph->cluster == glyphs[g + 1].glyph->cluster)
          CHECK(glyphs[g].glyph->x_advance == glyphs[g].glyph->shaped_advance);
      // The spans read the source.
      CHECK(test::extracted(line) == strip_for_extraction(paragraph, line.text_begin, line.text_end));
    }
  }
  CHECK(stretched_lines > 500);
}

TEST_CASE("paragraph: distributed stretch is shared by every cluster, spaces taking four shares") {
  const std::string paragraph = "ระบบการจัดการ ข้อมูลนักเรียน และงบประมาณ ของสำนักงานเขตพื้นที่การศึกษา ประถมศึกษา";
  const auto laid = test::lay_out(paragraph, 200, layout::Align::justify);
  REQUIRE(laid.lines.size() >= 2);
  const auto glyphs = test::drawn_glyphs(laid.lines[0]);
  std::set<std::uint32_t> clusters;
  double letter_share = 0, space_share = 0;
  std::size_t stretched = 0;
  for (std::size_t g = 0; g < glyphs.size(); ++g) {
    clusters.insert(glyphs[g].glyph->cluster);
    const double stretch = glyphs[g].glyph->x_advance - glyphs[g].glyph->shaped_advance;
    if (stretch <= 1e-9) continue;
    ++stretched;
    std::size_t offset = laid.lines[0].text_begin + glyphs[g].glyph->cluster;
    const bool space = text::is_space(utf8::next(paragraph, offset));
    double& share = space ? space_share : letter_share;
    if (share == 0) share = stretch;
    CHECK(stretch == doctest::Approx(share));
  }
  CHECK(stretched == clusters.size() - 1);  // every cluster but the line's last
  REQUIRE(letter_share > 0);
  REQUIRE(space_share > 0);
  // Spaces, where Thai phrases end, take the most: a short line reads as wider phrase gaps, not as letters
  // spread apart.
  CHECK(space_share == doctest::Approx(4 * letter_share));
}

TEST_CASE("paragraph: justification spreads no number and no Latin word") {
  // A loose line: its numbers (๑๓๔, ๒,๙๕๐.๕๐, 2567) and its Latin word (PDCA) get no space between their
  // characters, so none reads as several; the Thai clusters and the spaces take the line's stretch.
  const std::string paragraph =
      "ราชกิจจานุเบกษา เล่ม ๑๓๔ ตามวงจร PDCA ปี 2567 วงเงิน ๒,๙๕๐.๕๐ บาท กลุ่มนโยบายและแผนสำนักงานเขตพื้นที่การศึกษา";
  const auto laid = test::lay_out(paragraph, 220, layout::Align::justify);
  REQUIRE(laid.lines.size() >= 3);
  auto unspread = [](char32_t c) {
    return (c >= U'0' && c <= U'9') || (c >= U'๐' && c <= U'๙') || (c >= U'A' && c <= U'Z') || c == U',' ||
           c == U'.';
  };
  int inside_numbers = 0, thai_stretched = 0;
  for (std::size_t l = 0; l + 1 < laid.lines.size(); ++l) {  // the last line is not stretched
    const auto glyphs = test::drawn_glyphs(laid.lines[l]);
    for (std::size_t g = 0; g + 1 < glyphs.size(); ++g) {
      std::size_t here = laid.lines[l].text_begin + glyphs[g].glyph->cluster;
      std::size_t next = laid.lines[l].text_begin + glyphs[g + 1].glyph->cluster;
      if (here == next) continue;
      const double stretch = glyphs[g].glyph->x_advance - glyphs[g].glyph->shaped_advance;
      const char32_t a = utf8::next(paragraph, here), b = utf8::next(paragraph, next);
      if (unspread(a) && unspread(b)) {
        ++inside_numbers;
        CHECK_MESSAGE(stretch < 1e-9, "spread inside a number or word on line " << l + 1);
      } else if (text::is_thai_letter(a)) {
        thai_stretched += stretch > 1e-9 ? 1 : 0;
      }
    }
  }
  CHECK(inside_numbers >= 12);  // the line held them all
  CHECK(thai_stretched > 10);   // and it was stretched
}

TEST_CASE("paragraph: line height follows the faces' Windows metrics and holds stacked marks") {
  const text::FontFace& face = test::shared_fonts().face("Laksaman");
  const auto* os2 = static_cast<const TT_OS2*>(FT_Get_Sfnt_Table(face.ft_face(), FT_SFNT_OS2));
  const auto* hhea = static_cast<const TT_HoriHeader*>(FT_Get_Sfnt_Table(face.ft_face(), FT_SFNT_HHEA));
  REQUIRE(os2);
  REQUIRE(hhea);
  const double scale = 16.0 / face.units_per_em();
  const double leading = std::max(
      0, hhea->Line_Gap - ((os2->usWinAscent + os2->usWinDescent) - (hhea->Ascender - hhea->Descender)));

  const auto laid = test::lay_out("ปั้น ฟื้น ฎู ฏู ปู่ ญู ฤๅ", 400);
  REQUIRE(laid.lines.size() == 1);
  const auto& line = laid.lines[0];
  CHECK(line.ascent == doctest::Approx(os2->usWinAscent * scale));
  CHECK(line.descent == doctest::Approx(os2->usWinDescent * scale));
  CHECK(line.height == doctest::Approx((os2->usWinAscent + os2->usWinDescent + leading) * scale));
  // The numbers documented in paragraph.h for Laksaman 16 pt.
  CHECK(line.ascent == doctest::Approx(20.32));
  CHECK(line.descent == doctest::Approx(10.992));
  CHECK(line.height == doctest::Approx(31.792));

  // Every glyph's ink lies within the line's ascent and descent.
  for (const auto& drawn : test::drawn_glyphs(line)) {
    hb_glyph_extents_t extents{};
    REQUIRE(hb_font_get_glyph_extents(drawn.run->face->hb_font(), drawn.glyph->glyph_id, &extents));
    const double glyph_scale = drawn.run->font_size / drawn.run->face->units_per_em();
    const double top = extents.y_bearing * glyph_scale + drawn.glyph->y_offset;
    const double bottom = (extents.y_bearing + extents.height) * glyph_scale + drawn.glyph->y_offset;
    CHECK(top <= line.ascent);
    CHECK(-bottom <= line.descent);
  }

  layout::ParagraphStyle spaced;
  spaced.line_spacing = 1.5;
  std::vector<layout::Inline> inlines{inline_text("ปั้น")};
  CHECK(layout::layout_paragraph(inlines, spaced, 400, test::shared_fonts()).lines.at(0).height ==
        doctest::Approx(1.5 * line.height));

  // A bigger inline raises the line; a fallback symbol does not (only its ink counts).
  layout::InlineStyle big;
  big.font.size = 20;
  big.font.bold = true;
  std::vector<layout::Inline> mixed{inline_text("ปกติ "), inline_text("หัวเรื่อง", big)};
  const auto mixed_line = layout::layout_paragraph(mixed, {}, 400, test::shared_fonts()).lines.at(0);
  CHECK(mixed_line.ascent == doctest::Approx(os2->usWinAscent * 20.0 / face.units_per_em()));
  CHECK(test::lay_out("❖ ข้อ", 400).lines.at(0).ascent == doctest::Approx(line.ascent));

  // An empty paragraph still takes a line.
  const auto empty = layout::layout_paragraph({}, {}, 400, test::shared_fonts());
  REQUIRE(empty.lines.size() == 1);
  CHECK(empty.lines[0].height == doctest::Approx(line.height));
}

TEST_CASE("paragraph: alignment and indents place the line within the paragraph width") {
  const std::string words = "การจัดสรรงบประมาณ ประจำปี";
  layout::ParagraphStyle style;
  style.start_indent = 20;
  style.end_indent = 30;
  std::vector<layout::Inline> inlines{inline_text(words)};
  for (const auto align : {layout::Align::left, layout::Align::right, layout::Align::center}) {
    style.align = align;
    const auto line = layout::layout_paragraph(inlines, style, 400, test::shared_fonts()).lines.at(0);
    const auto glyphs = test::drawn_glyphs(line);
    REQUIRE(!glyphs.empty());
    const double left = glyphs.front().x;
    const double right = glyphs.back().x + glyphs.back().glyph->x_advance;
    CHECK(right - left == doctest::Approx(line.width));
    if (align == layout::Align::left) CHECK(left == doctest::Approx(20));
    if (align == layout::Align::right) CHECK(right == doctest::Approx(400 - 30));
    if (align == layout::Align::center) CHECK(left - 20 == doctest::Approx(400 - 30 - right));
  }
  style.align = layout::Align::left;
  style.first_line_indent = 36;
  std::vector<layout::Inline> long_text{inline_text("หนึ่ง สอง สาม สี่ ห้า หก เจ็ด แปด เก้า สิบ สิบเอ็ด สิบสอง")};
  const auto laid = layout::layout_paragraph(long_text, style, 150, test::shared_fonts());
  REQUIRE(laid.lines.size() > 1);
  CHECK(test::drawn_glyphs(laid.lines[0]).front().x == doctest::Approx(56));
  CHECK(test::drawn_glyphs(laid.lines[1]).front().x == doctest::Approx(20));
  for (const auto& line : laid.lines) CHECK(line.width <= 150 - 20 - 30 + 1e-9);
}

TEST_CASE("paragraph: leaders fill the line on a grid shared by every line") {
  std::vector<double> pitches;
  std::vector<double> last_dot_ends;
  const double width = 300;
  for (const auto& [title, page] :
       {std::pair{"บทที่ ๑ บทนำ", "๑"}, std::pair{"ส่วนที่ ๒ ข้อมูลพื้นฐานของสำนักงาน", "๑๒"}}) {
    std::vector<layout::Inline> entry{inline_text(title), layout::LeaderInline{}, inline_text(page)};
    const auto laid = layout::layout_paragraph(entry, {}, width, test::shared_fonts());
    REQUIRE(laid.lines.size() == 1);
    const auto& line = laid.lines[0];
    CHECK(line.width == doctest::Approx(width));
    const auto glyphs = test::drawn_glyphs(line);
    // The page number ends flush with the right edge.
    CHECK(glyphs.back().x + glyphs.back().glyph->x_advance == doctest::Approx(width));
    // The dots: one run, every dot at a multiple of the pitch from the paragraph's left edge.
    const auto* text_line = test::text_line(line);
    REQUIRE(text_line->runs.size() == 3);
    const auto& dots = text_line->runs[1];
    REQUIRE(dots.glyphs.size() >= 3);
    const double pitch = dots.glyphs[0].x_advance;
    pitches.push_back(pitch);
    double x = dots.origin.x;
    for (const auto& dot : dots.glyphs) {
      CHECK(std::abs(x / pitch - std::round(x / pitch)) < 1e-6);
      x += dot.x_advance;
    }
    last_dot_ends.push_back(x);
    // The dots read as dots.
    REQUIRE(text_line->spans.size() >= 3);
    CHECK(test::extracted(line) == title + std::string(dots.glyphs.size(), '.') + page);
  }
  CHECK(pitches[0] == doctest::Approx(pitches[1]));

  // A leader last in its paragraph (memo field line) runs to the end edge.
  std::vector<layout::Inline> field{inline_text("เรื่อง"), layout::LeaderInline{}};
  const auto memo = layout::layout_paragraph(field, {}, width, test::shared_fonts());
  REQUIRE(memo.lines.size() == 1);
  const auto memo_glyphs = test::drawn_glyphs(memo.lines[0]);
  CHECK(memo_glyphs.back().x + memo_glyphs.back().glyph->x_advance == doctest::Approx(width));
  CHECK(memo_glyphs.back().x + memo_glyphs.back().glyph->shaped_advance <= width + 1e-9);

  // A long entry wraps; the leader and the page number share the last line.
  std::vector<layout::Inline> long_entry{
      inline_text("ส่วนที่ ๓ การวิเคราะห์งบประมาณรายจ่ายประจำปีและการติดตามประเมินผลการดำเนินงาน"),
      layout::LeaderInline{}, inline_text("๒๕")};
  const auto wrapped = layout::layout_paragraph(long_entry, {}, 200, test::shared_fonts());
  REQUIRE(wrapped.lines.size() > 1);
  const std::string last = test::extracted(wrapped.lines.back());
  CHECK(last.find("...") != std::string::npos);
  CHECK(last.substr(last.size() - std::string("๒๕").size()) == "๒๕");
  for (std::size_t k = 0; k + 1 < wrapped.lines.size(); ++k)
    CHECK(test::extracted(wrapped.lines[k]).find('.') == std::string::npos);
}

TEST_CASE("paragraph: links and underlines cover their inline's glyphs") {
  layout::TextInline linked = inline_text("ภาคผนวก ก");
  linked.link_anchor = "appendix-a";
  layout::InlineStyle underlined;
  underlined.underline = true;
  underlined.color = layout::Color{200, 0, 0};
  std::vector<layout::Inline> inlines{inline_text("ดูรายละเอียดที่ "), linked, inline_text(" และ "),
                                      inline_text("ข้อสำคัญ", underlined)};
  const auto laid = layout::layout_paragraph(inlines, {}, 500, test::shared_fonts());
  REQUIRE(laid.lines.size() == 1);
  const auto& line = laid.lines[0];
  const auto glyphs = test::drawn_glyphs(line);
  auto extent_of = [&](std::uint32_t begin, std::uint32_t end) {
    double from = 1e9, to = -1e9;
    for (const auto& drawn : glyphs)
      if (drawn.glyph->cluster >= begin && drawn.glyph->cluster < end) {
        from = std::min(from, drawn.x);
        to = std::max(to, drawn.x + drawn.glyph->x_advance);
      }
    return std::pair{from, to};
  };
  const auto first = static_cast<std::uint32_t>(std::string("ดูรายละเอียดที่ ").size());
  const auto link_end = first + static_cast<std::uint32_t>(linked.text.size());
  const auto underline_begin = link_end + static_cast<std::uint32_t>(std::string(" และ ").size());

  const layout::Link* link = nullptr;
  const layout::Rule* rule = nullptr;
  for (const auto& item : line.content.items) {
    if (const auto* l = std::get_if<layout::Link>(&item)) link = l;
    if (const auto* r = std::get_if<layout::Rule>(&item)) rule = r;
  }
  REQUIRE(link);
  CHECK(link->anchor == "appendix-a");
  CHECK(link->url.empty());
  const auto [link_from, link_to] = extent_of(first, link_end);
  CHECK(link->origin.x == doctest::Approx(link_from));
  CHECK(link->origin.x + link->size.width == doctest::Approx(link_to));
  CHECK(link->origin.y == doctest::Approx(-line.ascent));
  CHECK(link->size.height == doctest::Approx(line.ascent + line.descent));

  REQUIRE(rule);
  const auto [rule_from, rule_to] = extent_of(underline_begin, 10000);
  CHECK(rule->from.x == doctest::Approx(rule_from));
  CHECK(rule->to.x == doctest::Approx(rule_to));
  CHECK(rule->from.y > 0);  // below the baseline
  CHECK(rule->from.y < line.descent);
  CHECK(rule->stroke.color == underlined.color);

  // Colour splits glyph runs; the spans still read across them.
  const auto* text_line = test::text_line(line);
  REQUIRE(text_line);
  bool coloured = false;
  for (const auto& run : text_line->runs) coloured = coloured || run.color == underlined.color;
  CHECK(coloured);
  CHECK(test::extracted(line) == "ดูรายละเอียดที่ ภาคผนวก ก และ ข้อสำคัญ");
}

TEST_CASE("paragraph: a layouter reused across paragraphs gives the same lines as a fresh one") {
  layout::ParagraphLayouter layouter(test::shared_fonts());
  const auto paragraphs = test::seed_paragraphs();
  layout::ParagraphStyle style;
  style.align = layout::Align::justify;
  for (std::size_t k = 0; k < paragraphs.size(); k += 37) {
    std::vector<layout::Inline> inlines{inline_text(paragraphs[k])};
    const auto reused = layouter.layout(inlines, style, 300);
    const auto fresh = layout::layout_paragraph(inlines, style, 300, test::shared_fonts());
    REQUIRE(reused.lines.size() == fresh.lines.size());
    for (std::size_t i = 0; i < fresh.lines.size(); ++i) {
      CHECK(reused.lines[i].text_begin == fresh.lines[i].text_begin);
      CHECK(test::extracted(reused.lines[i]) == test::extracted(fresh.lines[i]));
      CHECK(test::drawn_width(reused.lines[i]) == doctest::Approx(test::drawn_width(fresh.lines[i])));
    }
  }
}

TEST_CASE("paragraph: text that is not UTF-8 is an input error naming the inline and byte") {
  std::vector<layout::Inline> inlines{inline_text("ดี"), inline_text(std::string("ab\xff") + "c")};
  try {
    layout::layout_paragraph(inlines, {}, 300, test::shared_fonts());
    FAIL("expected an InputError");
  } catch (const InputError& error) {
    REQUIRE(error.diagnostics().size() == 1);
    CHECK(error.diagnostics()[0].location == "inline 1, byte 2");
  }
}

}  // namespace raingan
