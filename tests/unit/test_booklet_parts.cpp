// The pieces booklets are made of, on frames: charts whose labels never collide and print Thai digits, a
// contents page whose numbers stay on their entries' lines, tables kept whole on a page, type_of() for
// dataset fields of more than one kind.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "core/diagnostic.h"
#include "dataset/json_reader.h"
#include "document/document.h"
#include "format/thai_digits.h"
#include "layout/chart.h"
#include "layout/paginate.h"
#include "layout_test_support.h"
#include "templating/evaluator.h"
#include "templating/expression.h"
#include "text_test_support.h"

namespace raingan::test {
namespace {

struct Label {
  std::string text;
  double left = 0, right = 0, top = 0, bottom = 0;  // the ink box, roughly: digits reach 0.62 em up
};

std::vector<Label> labels_of(const layout::Frame& frame) {
  std::vector<Label> labels;
  for (const auto& item : frame.items) {
    const auto* line = std::get_if<layout::TextLine>(&item);
    if (!line || line->runs.empty()) continue;
    Label label;
    for (const auto& span : line->spans) label.text += span.text;
    const auto& first = line->runs.front();
    label.left = first.origin.x;
    label.right = line->runs.back().origin.x + line->runs.back().width();
    label.top = first.origin.y - first.font_size * 0.62;
    label.bottom = first.origin.y;
    labels.push_back(label);
  }
  return labels;
}

bool overlap(const Label& a, const Label& b) {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

bool has_ascii_digit(const std::string& text) {
  return std::any_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

document::Chart budget_chart(document::Chart::Kind kind, std::size_t categories) {
  document::Chart chart;
  chart.kind = kind;
  chart.font.family = "TH Sarabun PSK";
  chart.font.size = 15;
  chart.title = "งบประมาณและการเบิกจ่าย (พันบาท)";
  document::ChartSeries allocated{"ได้รับจัดสรร", {31, 78, 121}, {}};
  document::ChartSeries disbursed{"เบิกจ่าย", {237, 125, 49}, {}};
  for (std::size_t c = 0; c < categories; ++c) {
    chart.categories.push_back("ตัวชี้วัดที่ " + format::thai_digits(static_cast<std::int64_t>(c + 1)));
    allocated.values.push_back(1757.5 - 97.0 * static_cast<double>(c));
    disbursed.values.push_back(1722.8 - 93.0 * static_cast<double>(c));
  }
  chart.series = {allocated, disbursed};
  return chart;
}

void check_labels_apart(const layout::Frame& frame) {
  const auto labels = labels_of(frame);
  REQUIRE(labels.size() > 4);
  for (std::size_t i = 0; i < labels.size(); ++i) {
    CHECK_MESSAGE(!has_ascii_digit(labels[i].text), labels[i].text);
    CHECK(labels[i].left >= -0.5);
    CHECK(labels[i].right <= frame.size.width + 0.5);
    for (std::size_t j = i + 1; j < labels.size(); ++j)
      CHECK_MESSAGE(!overlap(labels[i], labels[j]),
                    "\"" << labels[i].text << "\" and \"" << labels[j].text << "\" collide");
  }
}

document::Block paragraph(const std::string& text) {
  document::Paragraph p = plain_paragraph(text);
  return {std::move(p)};
}

std::vector<std::string> texts_of(const layout::Page& page) {
  std::vector<std::string> texts;
  for (const auto& label : labels_of(page.frame)) texts.push_back(label.text);
  return texts;
}

}  // namespace

TEST_CASE("chart: a bar chart's value labels, axis and names never collide and print Thai digits") {
  for (std::size_t categories : {4u, 6u}) {
    const document::Chart chart = budget_chart(document::Chart::Kind::bar, categories);
    const layout::Frame frame = layout::draw_chart(chart, 453, shared_fonts());
    CHECK(frame.size.width == doctest::Approx(453));
    check_labels_apart(frame);
    // Every value is printed, rounded to at most two decimals: ๑,๗๕๗.๕ for 1757.5.
    const auto labels = labels_of(frame);
    CHECK(std::any_of(labels.begin(), labels.end(), [](const Label& l) { return l.text == "๑,๗๕๗.๕"; }));
  }
}

TEST_CASE("chart: a horizontal bar chart sized by its data keeps every label apart, with a target line") {
  document::Chart chart = budget_chart(document::Chart::Kind::horizontal_bar, 12);
  chart.value_suffix = "%";
  for (auto& series : chart.series)
    for (auto& v : series.values) v = v / 20;
  chart.target = 80;
  const layout::Frame frame = layout::draw_chart(chart, 453, shared_fonts());
  check_labels_apart(frame);
  // The chart grows with its bars: at least one value label's height per bar.
  CHECK(frame.size.height > 12 * 2 * 8);
  const bool dashed_target =
      std::any_of(frame.items.begin(), frame.items.end(), [](const layout::FrameItem& item) {
        const auto* rule = std::get_if<layout::Rule>(&item);
        return rule && rule->stroke.dash == layout::Stroke::Dash::dashed &&
               rule->from.x == doctest::Approx(rule->to.x);
      });
  CHECK(dashed_target);
}

TEST_CASE("chart: fixed decimals for value labels and an axis that reaches the given maximum") {
  document::Chart chart;
  chart.kind = document::Chart::Kind::bar;
  chart.categories = {"ด้านที่ ๑", "ด้านที่ ๒"};
  chart.series = {{"ค่าเฉลี่ย", {31, 78, 121}, {4.2, 3.75}}};
  chart.axis_max = 5;
  chart.value_places = 2;
  const auto labels = labels_of(layout::draw_chart(chart, 300, shared_fonts()));
  auto has = [&](const std::string& text) {
    return std::any_of(labels.begin(), labels.end(), [&](const Label& l) { return l.text == text; });
  };
  CHECK(has("๔.๒๐"));
  CHECK(has("๓.๗๕"));
  CHECK(has("๕"));  // the top of the axis
}

TEST_CASE(
    "contents: a title that fills its lines keeps its page number on its last line, never on dots alone") {
  document::Document document;
  document::Section front;
  front.numbering = document::PageNumbering::thai_letters;
  front.body.push_back({document::TableOfContents{}});
  document.sections.push_back(std::move(front));
  document::Section body;
  std::string long_title;
  for (int words = 1; words <= 12; ++words) {
    long_title += (words > 1 ? " " : "") + std::string("การติดตามผลการดำเนินงาน");
    document::Heading heading;
    heading.title = long_title;
    heading.anchor = "h" + std::to_string(words);
    heading.paragraph = std::get<document::Paragraph>(paragraph(long_title).node);
    body.body.push_back({std::move(heading)});
    body.body.push_back(paragraph("เนื้อหา"));
  }
  document.sections.push_back(std::move(body));
  CollectingSink sink;
  layout::layout_document(document, shared_fonts(), sink, "test");
  REQUIRE(sink.pages.front().label == "ก");
  int numbers = 0;
  for (const auto& page : sink.pages) {
    if (page.label != "ก" && page.label != "ข") continue;
    for (const auto& label : labels_of(page.frame)) {
      CHECK_MESSAGE(label.text.find_first_not_of(". ") != std::string::npos, "a line of dots alone");
      const std::size_t dots = label.text.find_last_of('.');
      if (dots == std::string::npos) continue;  // a title's first lines
      // The entry's last line: the title's last words, the leader, the page number at the right edge.
      ++numbers;
      const std::string number = label.text.substr(label.text.find_first_not_of(' ', dots + 1));
      CHECK_MESSAGE((!number.empty() && number.find_first_not_of("๐๑๒๓๔๕๖๗๘๙") == std::string::npos),
                    label.text);
      CHECK(label.text.find("งาน") < dots);
      CHECK(label.right ==
            doctest::Approx(page.frame.size.width - document::PageSetup{}.margin_right).epsilon(0.001));
    }
  }
  CHECK(numbers == 12);
}

TEST_CASE("pagination: a table kept together moves whole to the next page, unless no page could hold it") {
  auto table_of = [](int rows) {
    document::Table table;
    table.columns = {{document::TableColumn::Unit::points, 40}, {document::TableColumn::Unit::fraction, 1}};
    table.header_rows = 1;
    for (int r = 0; r <= rows; ++r) {
      document::TableRow row;
      for (const std::string& text : {std::to_string(r), "แถวที่ " + std::to_string(r)}) {
        document::TableCell cell;
        cell.content.push_back(paragraph(text));
        row.cells.push_back(std::move(cell));
      }
      table.rows.push_back(std::move(row));
    }
    table.block.keep_together = true;
    return table;
  };
  document::Section section;
  for (int i = 0; i < 17; ++i) section.body.push_back(paragraph("ย่อหน้าที่ " + std::to_string(i)));
  section.body.push_back({table_of(6)});
  section.body.push_back(paragraph("ย่อหน้าหลังตาราง"));
  section.body.push_back({table_of(60)});
  document::Document document;
  document.sections.push_back(std::move(section));
  CollectingSink sink;
  layout::layout_document(document, shared_fonts(), sink, "test");
  REQUIRE(sink.pages.size() >= 3);
  auto page_of = [&](const std::string& text) {
    for (std::size_t p = 0; p < sink.pages.size(); ++p) {
      const auto texts = texts_of(sink.pages[p]);
      if (std::find(texts.begin(), texts.end(), text) != texts.end()) return static_cast<int>(p);
    }
    return -1;
  };
  // The short table did not fit under the paragraphs: all of it went to page 2.
  CHECK(page_of("ย่อหน้าที่ 16") == 0);
  CHECK(page_of("แถวที่ 1") == 1);
  CHECK(page_of("แถวที่ 6") == 1);
  // The long one cannot be kept whole anywhere: it starts right away and continues on the next pages.
  CHECK(page_of("แถวที่ 60") > page_of("ย่อหน้าหลังตาราง"));
}

TEST_CASE("pagination: a heading of several lines never parts across a page end") {
  std::string long_heading;
  for (int words = 0; words < 14; ++words)
    long_heading += (words ? " " : "") + std::string("งานประเมินผลการดำเนินงาน");
  // Wherever the page end falls near the heading, all its lines land on one page.
  for (int before = 14; before <= 22; ++before) {
    document::Section section;
    for (int i = 0; i < before; ++i) section.body.push_back(paragraph("ย่อหน้าที่ " + std::to_string(i)));
    document::Heading heading;
    heading.anchor = "h";
    heading.title = long_heading;
    heading.paragraph = std::get<document::Paragraph>(paragraph(long_heading).node);
    heading.paragraph.block.keep_with_next = true;
    section.body.push_back({std::move(heading)});
    section.body.push_back(paragraph("เนื้อหาหลังหัวข้อ"));
    document::Document document;
    document.sections.push_back(std::move(section));
    CollectingSink sink;
    layout::layout_document(document, shared_fonts(), sink, "test");
    int pages_with_heading = 0;
    for (const auto& page : sink.pages) {
      const auto texts = texts_of(page);
      pages_with_heading += std::any_of(texts.begin(), texts.end(), [](const std::string& t) {
        return t.find("งานประเมินผล") != std::string::npos;
      });
    }
    CHECK_MESSAGE(pages_with_heading == 1, before << " paragraphs before the heading");
  }
}

TEST_CASE("type_of: the kind of a value, for fields that may be a text or an object") {
  const dataset::JsonDocument data = dataset::read_json_text(
      R"({"cells": ["a", {"text": "b", "colspan": 2}, 3, null, [1], true]})", "d.json");
  templating::Evaluator evaluator(data.root, "t.xml", format::parse_iso_date("2026-11-22"));
  templating::Scope scope;
  auto evaluate = [&](const std::string& source) {
    const auto expression = templating::parse_expression(source, {"t.xml", 1});
    return templating::plain_text(evaluator.evaluate(*expression, scope, 1)).value_or("?");
  };
  CHECK(evaluate("type_of(cells[0])") == "text");
  CHECK(evaluate("type_of(cells[1])") == "object");
  CHECK(evaluate("type_of(cells[2])") == "number");
  CHECK(evaluate("type_of(cells[3])") == "null");
  CHECK(evaluate("type_of(cells[4])") == "list");
  CHECK(evaluate("type_of(cells[5])") == "boolean");
  CHECK(evaluate("join(map(filter(cells, c => contains(['text', 'object'], type_of(c))), "
                 "c => if(type_of(c) == 'object', c.text, c)), ',')") == "a,b");
}

}  // namespace raingan::test
