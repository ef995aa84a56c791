// Preflight on frames: each rule fires on a page that breaks it and stays quiet on one that does not; charts
// and pictures taller than a page are fitted to it, so nothing is clipped.
#include <doctest/doctest.h>

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include "core/diagnostic.h"
#include "dataset/json_reader.h"
#include "document/document.h"
#include "document/image_source.h"
#include "layout/paginate.h"
#include "layout_test_support.h"
#include "preflight/preflight.h"
#include "templating/document_binder.h"
#include "templating/template_file.h"
#include "text_test_support.h"

namespace raingan::test {
namespace {

using preflight::Rule;

bool has(const std::vector<preflight::Finding>& findings, Rule rule) {
  return std::any_of(findings.begin(), findings.end(), [&](const auto& f) { return f.rule == rule; });
}

std::vector<preflight::Finding> findings_of(const document::Document& document,
                                            std::vector<layout::Page>* pages = nullptr) {
  CollectingSink collected;
  preflight::PreflightSink checked(collected);
  layout::layout_document(document, shared_fonts(), checked, "test");
  if (pages) *pages = std::move(collected.pages);
  return checked.findings();
}

document::Block text_block(const std::string& text, int line) {
  document::TextInline run;
  run.text = text;
  document::Paragraph p;
  p.content.emplace_back(std::in_place_type<document::TextInline>, std::move(run));
  document::Block block{std::move(p)};
  block.source_line = line;
  return block;
}

// An A4 page with 3 cm/2 cm margins and one body strip holding `item`.
layout::Page page_with(layout::FrameItem item, layout::StripOrigin source = {}) {
  layout::Page page;
  page.frame.size = {595.3, 841.9};
  page.content_origin = {85, 72};
  page.content_size = {453.6, 713};
  page.frame.items.push_back(std::move(item));
  page.strips.push_back({layout::PageStrip::Role::body, {85, 72}, {453.6, 20}, 0, 1, source});
  return page;
}

layout::Rectangle box(double x, double y, double w, double h) {
  return {{x, y}, {w, h}, geometry::Color{}, std::nullopt};
}

}  // namespace

TEST_CASE("preflight: a block in the margin or off the page is found, naming its template line") {
  layout::StripOrigin source;
  source.source_line = 42;
  auto inside = preflight::check_page(page_with(box(100, 80, 300, 10), source));
  CHECK(inside.empty());

  auto margin = preflight::check_page(page_with(box(60, 80, 300, 10), source));
  REQUIRE(margin.size() == 1);
  CHECK(margin[0].rule == Rule::outside_content);
  CHECK(margin[0].source_line == 42);
  CHECK(margin[0].message.find("left edge") != std::string::npos);

  auto off = preflight::check_page(page_with(box(100, 800, 300, 100), source));
  REQUIRE(off.size() == 1);
  CHECK(off[0].rule == Rule::outside_page);
  CHECK(off[0].message.find("bottom edge") != std::string::npos);
}

TEST_CASE("preflight: a text line wider than its column is overfull") {
  layout::TextLine line;
  layout::GlyphRun run;
  run.font_size = 16;
  run.origin = {85, 90};
  run.glyphs.push_back({1, 120, 120, 0, 0, 0});
  line.runs.push_back(run);
  layout::StripOrigin source{layout::StripOrigin::Kind::text, 7, 0, 100, {}, {}};
  auto overfull = preflight::check_page(page_with(line, source));
  REQUIRE(overfull.size() == 1);
  CHECK(overfull[0].rule == Rule::overfull_line);
  CHECK(overfull[0].source_line == 7);

  source.column_right = 130;
  CHECK(preflight::check_page(page_with(line, source)).empty());
}

TEST_CASE("preflight: a missing figure is a finding, not an empty box") {
  layout::StripOrigin source{layout::StripOrigin::Kind::missing_figure, 12, 0, 0, "แผนภูมิโครงสร้าง", {}};
  layout::TextLine caption;
  auto found = preflight::check_page(page_with(caption, source));
  CHECK(has(found, Rule::missing_figure));
  CHECK(has(found, Rule::empty_page));  // the caption drew no glyph here
}

TEST_CASE("preflight: a page with nothing in its body is found, one with text is not") {
  document::Document empty;
  empty.sections.emplace_back();
  CHECK(has(findings_of(empty), Rule::empty_page));

  document::Document written;
  written.sections.emplace_back();
  written.sections[0].body.push_back(text_block("สวัสดี", 3));
  CHECK(findings_of(written).empty());
}

TEST_CASE("preflight: a header line that reaches into the body's lines is found, naming its template line") {
  layout::StripOrigin body_source;
  body_source.source_line = 9;
  layout::Page page = page_with(box(100, 74, 300, 10), body_source);
  layout::StripOrigin header_source;
  header_source.source_line = 5;
  page.frame.items.push_back(box(100, 66, 300, 12));  // 4 pt into the body's line
  page.strips.push_back({layout::PageStrip::Role::header, {85, 62}, {453.6, 20}, 1, 2, header_source});
  auto found = preflight::check_page(page);
  REQUIRE(has(found, Rule::header_overlap));
  CHECK(found.front().source_line == 5);

  page.frame.items.back() = box(100, 40, 300, 12);
  page.strips.back().origin.y = 36;
  CHECK_FALSE(has(preflight::check_page(page), Rule::header_overlap));
}

TEST_CASE("layout: a header taller than the top margin pushes the body below it on every page") {
  document::Document document;
  document.sections.emplace_back();
  auto& section = document.sections[0];
  for (int i = 0; i < 3; ++i) section.header.push_back(text_block("หัวกระดาษ บรรทัดที่ " + std::to_string(i), 5));
  for (int i = 0; i < 60; ++i) section.body.push_back(text_block("บรรทัดของเนื้อความ", 9));
  std::vector<layout::Page> pages;
  CHECK(findings_of(document, &pages).empty());  // no header over the body, no line off the page
  REQUIRE(pages.size() >= 2);
  for (const auto& page : pages) {
    double header_bottom = 0, body_top = 1e9, body_bottom = 0;
    for (const auto& strip : page.strips) {
      if (strip.role == layout::PageStrip::Role::header)
        header_bottom = std::max(header_bottom, strip.origin.y + strip.size.height);
      if (strip.role == layout::PageStrip::Role::body) {
        body_top = std::min(body_top, strip.origin.y);
        body_bottom = std::max(body_bottom, strip.origin.y + strip.size.height);
      }
    }
    CHECK(header_bottom > section.page.margin_top);  // three lines from 36 pt pass the 72 pt margin
    CHECK(body_top >= header_bottom - 1e-6);
    CHECK(body_bottom <= page.frame.size.height - section.page.margin_bottom + 1e-6);
  }

  // Bands that leave no room for the body are an error at the header's line, not a page of overlaps.
  for (int i = 0; i < 40; ++i) section.header.push_back(text_block("หัวกระดาษ", 5));
  try {
    findings_of(document);
    FAIL("expected an error");
  } catch (const InputError& error) {
    CHECK(std::string(error.what()).find("line 5") != std::string::npos);
    CHECK(std::string(error.what()).find("leave 0.0 cm for the body; expected at least 3 cm") !=
          std::string::npos);
  }
}

TEST_CASE("preflight: a signature block with fewer than two body lines above it on its page is found") {
  // Grow the body a line at a time until the signature is pushed to a page of its own.
  bool alone_seen = false;
  for (int lines = 1; lines <= 40 && !alone_seen; ++lines) {
    document::Document document;
    document.sections.emplace_back();
    auto& body = document.sections[0].body;
    for (int i = 0; i < lines; ++i) body.push_back(text_block("เนื้อความบรรทัดหนึ่ง", 10 + i));
    document::Container signature;
    signature.signature = true;
    signature.block.keep_together = true;
    for (const char* text : {"ขอแสดงความนับถือ", "ลงชื่อ", "(นายสมชาย ใจดี)", "ผู้อำนวยการ"})
      signature.children.push_back(text_block(text, 80));
    document::Block block{std::move(signature)};
    block.source_line = 80;
    body.push_back(std::move(block));
    std::vector<layout::Page> pages;
    const auto findings = findings_of(document, &pages);
    // Lines of the body above the signature on its page: fewer than two is a finding.
    int lines_above = 0;
    for (const auto& strip : pages.back().strips) {
      if (strip.source.kind == layout::StripOrigin::Kind::signature) break;
      if (strip.source.kind == layout::StripOrigin::Kind::text) ++lines_above;
    }
    const bool starts_page = lines_above == 0;
    INFO("lines " << lines << ", above " << lines_above << ", pages " << pages.size());
    CHECK(has(findings, Rule::signature_alone) == (lines_above < 2));
    if (starts_page) {
      alone_seen = true;
      const auto found = std::find_if(findings.begin(), findings.end(),
                                      [](const auto& f) { return f.rule == Rule::signature_alone; });
      CHECK(found->source_line == 80);
      CHECK(found->page_index == pages.size() - 1);
    }
  }
  CHECK(alone_seen);
}

TEST_CASE("preflight: a chart or a picture taller than a page is fitted to the page, never clipped") {
  document::Document document;
  document.sections.emplace_back();
  auto& body = document.sections[0].body;
  body.push_back(text_block("ก่อนแผนภูมิ", 1));
  document::Chart chart;
  chart.kind = document::Chart::Kind::horizontal_bar;
  for (int i = 0; i < 60; ++i) chart.categories.push_back("ตัวชี้วัดที่ " + std::to_string(i + 1));
  chart.series.push_back({"ผล", {}, std::vector<double>(60, 50.0)});
  document::Block chart_block{std::move(chart)};
  chart_block.source_line = 2;
  body.push_back(std::move(chart_block));
  document::Image tall;
  auto data = std::make_shared<geometry::ImageData>();
  data->pixel_width = 100;
  data->pixel_height = 2000;
  tall.data = data;
  tall.width = 400;
  document::Block image_block{std::move(tall)};
  image_block.source_line = 3;
  body.push_back(std::move(image_block));
  std::vector<layout::Page> pages;
  const auto findings = findings_of(document, &pages);
  CHECK_FALSE(has(findings, Rule::outside_page));
  CHECK_FALSE(has(findings, Rule::outside_content));
  // The chart and the picture each moved to a page of their own, whole.
  REQUIRE(pages.size() == 3);
  const double content_bottom = pages[1].content_origin.y + pages[1].content_size.height;
  for (std::size_t p = 1; p < 3; ++p) {
    REQUIRE(pages[p].strips.size() == 1);
    CHECK(pages[p].strips[0].source.source_line == static_cast<int>(p) + 1);
    CHECK(pages[p].strips[0].origin.y + pages[p].strips[0].size.height <= content_bottom + 0.01);
  }
}

TEST_CASE("preflight: findings of pages inserted later follow the order of the finished document") {
  CollectingSink collected;
  preflight::PreflightSink checked(collected);
  layout::Page blank;
  blank.frame.size = {595.3, 841.9};
  blank.label = "b";
  layout::Page written = page_with(box(100, 80, 10, 10));
  checked.add_page(layout::Page(written));
  checked.add_page(layout::Page(blank));
  blank.label = "a";
  checked.insert_page(0, layout::Page(blank));
  const auto findings = checked.findings();
  REQUIRE(findings.size() == 2);
  CHECK(findings[0].page_index == 0);
  CHECK(findings[0].page_label == "a");
  CHECK(findings[1].page_index == 2);
  CHECK(findings[1].page_label == "b");
  CHECK(preflight::to_diagnostic(findings[1], "t.xml").location == "page 3 (b)");
}

TEST_CASE("preflight: a date kept whole but wider than its table column is found, naming its template line") {
  // A deadline column too narrow for ๒๗ ก.พ. ๖๙: the cell's line ends inside the date, as a paragraph's
  // would, and the finding names the page and the template line of the table.
  auto findings_for = [](const char* width) {
    const auto file = templating::parse_template(
        std::string("<document>\n<table columns=\"1fr ") + width +
            "\" header-rows=\"1\">\n<row><cell>เรื่อง</cell><cell>กำหนดส่ง</cell></row>\n"
            "<row><cell>มาตรการป้องกัน</cell><cell>{{ due | date_short }}</cell></row>\n</table>\n</document>",
        "t.xml");
    const auto data = dataset::read_json_text(R"({"due": "2026-02-27"})", "d.json");
    document::ImageSource images;
    const auto bound = templating::bind_document(file, data, templating::BindOptions{}, images);
    CollectingSink collected;
    preflight::PreflightSink checked(collected, {preflight::broken_span_check()});
    layout::layout_document(bound.document, shared_fonts(), checked, "t.xml");
    return checked.findings();
  };
  const auto narrow = findings_for("1.2cm");
  REQUIRE(has(narrow, Rule::protected_span_broken));
  for (const auto& finding : narrow)
    if (finding.rule == Rule::protected_span_broken) {
      CHECK(finding.source_line == 2);
      CHECK(finding.message.find("๒๗") != std::string::npos);
    }
  CHECK_FALSE(has(findings_for("5cm"), Rule::protected_span_broken));
}

}  // namespace raingan::test
