// Table columns sized from their content, on frames: auto columns between their min- and max-content, at
// their max-content when all fit, numbers and header words never broken in any column, fixed columns fixed
// and fr columns sharing the rest, and a table whose columns cannot keep them whole reported by preflight.
#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "dataset/json_reader.h"
#include "document/image_source.h"
#include "layout/paginate.h"
#include "layout_test_support.h"
#include "preflight/preflight.h"
#include "templating/document_binder.h"
#include "templating/template_file.h"
#include "text_test_support.h"

namespace raingan::test {
namespace {

constexpr double content_width = 595.2755905511812 - 85.04 - 56.69;
constexpr double padding = 8;  // a table's default left and right padding

std::vector<layout::Page> lay_out_template(const std::string& body) {
  const templating::TemplateFile file =
      templating::parse_template("<document>\n" + body + "\n</document>", "t.xml");
  const dataset::JsonDocument data = dataset::read_json_text("{}", "d.json");
  document::ImageSource images;
  const auto document = templating::bind_document(file, data, templating::BindOptions{}, images).document;
  CollectingSink sink;
  layout::layout_document(document, shared_fonts(), sink, "t.xml");
  return std::move(sink.pages);
}

// Widths of the cells of the table's first row, left to right, from their borders.
std::vector<double> first_row_widths(const layout::Page& page) {
  std::map<double, std::vector<std::pair<double, double>>> rows;  // top -> (x, width)
  for (const auto& item : page.frame.items)
    if (const auto* box = std::get_if<layout::Rectangle>(&item); box && box->stroke)
      rows[box->origin.y].emplace_back(box->origin.x, box->size.width);
  REQUIRE(!rows.empty());
  auto cells = rows.begin()->second;
  std::sort(cells.begin(), cells.end());
  std::vector<double> widths;
  for (const auto& cell : cells) widths.push_back(cell.second);
  return widths;
}

std::vector<std::string> text_lines(const layout::Page& page) {
  std::vector<std::string> lines;
  for (const auto& item : page.frame.items)
    if (const auto* line = std::get_if<layout::TextLine>(&item)) {
      std::string text;
      for (const auto& span : line->spans) text += span.text;
      lines.push_back(text);
    }
  return lines;
}

layout::ParagraphExtent measured(const std::string& text) {
  static layout::ParagraphLayouter paragraphs(shared_fonts());
  std::vector<layout::Inline> inlines{layout::TextInline{text, {}, {}, {}}};
  return paragraphs.measure(inlines, {});
}

double sum(const std::vector<double>& values) {
  double total = 0;
  for (const double v : values) total += v;
  return total;
}

bool has_line(const std::vector<std::string>& lines, const std::string& text) {
  return std::find(lines.begin(), lines.end(), text) != lines.end();
}

const std::string long_text =
    "การประชุมเชิงปฏิบัติการจัดทำแผนปฏิบัติการประจำปีงบประมาณ ของสำนักงานเขตพื้นที่การศึกษาประถมศึกษา "
    "เพื่อพัฒนาคุณภาพการศึกษาของโรงเรียนในสังกัดทุกแห่ง ให้บรรลุเป้าหมายตามตัวชี้วัดที่กำหนดไว้ในแผน";

}  // namespace

TEST_CASE("table columns: auto columns whose max-content fits get it, the room to spare shared out") {
  const auto pages = lay_out_template(
      "<table columns=\"auto auto auto\"><row><cell>ที่</cell><cell>โรงเรียนบ้านหนองบัว</cell>"
      "<cell>๑,๙๐๕</cell></row></table>");
  REQUIRE(pages.size() == 1);
  const auto widths = first_row_widths(pages[0]);
  REQUIRE(widths.size() == 3);
  CHECK(sum(widths) == doctest::Approx(content_width));
  const double max[] = {measured("ที่").max, measured("โรงเรียนบ้านหนองบัว").max, measured("๑,๙๐๕").max};
  for (int j = 0; j < 3; ++j) CHECK(widths[j] >= max[j] + padding);
  // The room to spare goes in proportion to the max-content: the widest column gets the most.
  CHECK(widths[1] > widths[2]);
  CHECK(widths[2] > widths[0]);
  const auto lines = text_lines(pages[0]);
  CHECK(lines.size() == 3);  // every cell on one line
}

TEST_CASE("table columns: auto columns that do not all fit lie between their min- and max-content") {
  // columns omitted: every column auto.
  const auto pages = lay_out_template("<table><row><cell>" + long_text + "</cell><cell>" + long_text +
                                      " ครั้งที่สอง</cell><cell>๑๒,๓๔๕.๖๗</cell></row></table>");
  REQUIRE(!pages.empty());
  const auto widths = first_row_widths(pages[0]);
  REQUIRE(widths.size() == 3);
  CHECK(sum(widths) == doctest::Approx(content_width));
  const auto a = measured(long_text), b = measured(long_text + " ครั้งที่สอง"), c = measured("๑๒,๓๔๕.๖๗");
  CHECK(widths[0] >= a.min + padding);
  CHECK(widths[0] < a.max + padding);
  CHECK(widths[1] >= b.min + padding);
  CHECK(widths[1] < b.max + padding);
  CHECK(widths[2] >= c.min + padding);  // the number: min == max
  CHECK(has_line(text_lines(pages[0]), "๑๒,๓๔๕.๖๗"));
}

TEST_CASE("table columns: a number in an auto column is never broken, however long the text beside it") {
  const auto pages = lay_out_template("<table columns=\"1fr auto\"><row><cell>" + long_text + " " +
                                      long_text + "</cell><cell>๑๒๓,๔๕๖,๗๘๙.๐๐</cell></row></table>");
  REQUIRE(!pages.empty());
  const auto widths = first_row_widths(pages[0]);
  REQUIRE(widths.size() == 2);
  CHECK(widths[1] >= measured("๑๒๓,๔๕๖,๗๘๙.๐๐").min + padding);
  CHECK(has_line(text_lines(pages[0]), "๑๒๓,๔๕๖,๗๘๙.๐๐"));
}

TEST_CASE("table columns: a fixed column too narrow for its number or header word is widened from fr") {
  const auto pages = lay_out_template(
      "<table columns=\"0.6cm 1fr 0.6cm\" header-rows=\"1\"><row><cell>ที่</cell><cell>กิจกรรม</cell>"
      "<cell>เป้าหมาย</cell></row><row><cell>๑,๙๐๕</cell><cell>อบรมครู</cell><cell>๑๒๐</cell></row></table>");
  REQUIRE(pages.size() == 1);
  const auto widths = first_row_widths(pages[0]);
  REQUIRE(widths.size() == 3);
  CHECK(sum(widths) == doctest::Approx(content_width));
  CHECK(widths[0] >= measured("๑,๙๐๕").min + padding);
  CHECK(widths[2] >= measured("เป้าหมาย").min + padding);
  const auto lines = text_lines(pages[0]);
  CHECK(has_line(lines, "๑,๙๐๕"));
  CHECK(has_line(lines, "เป้าหมาย"));
  CHECK(preflight::check_page(pages[0]).empty());
}

TEST_CASE("table columns: fixed columns stay fixed, auto columns take their content, fr columns the rest") {
  const auto pages = lay_out_template(
      "<table columns=\"2cm 1fr auto 3fr\"><row><cell>ที่</cell><cell>กิจกรรม</cell><cell>๒๕,๐๐๐</cell>"
      "<cell>หมายเหตุ</cell></row></table>");
  REQUIRE(pages.size() == 1);
  const auto widths = first_row_widths(pages[0]);
  REQUIRE(widths.size() == 4);
  CHECK(widths[0] == doctest::Approx(2 / 2.54 * 72));
  CHECK(widths[2] == doctest::Approx(measured("๒๕,๐๐๐").max + padding).epsilon(0.001));
  CHECK(widths[3] == doctest::Approx(3 * widths[1]));
  CHECK(sum(widths) == doctest::Approx(content_width));
}

TEST_CASE("table columns: columns too narrow for their numbers even at their least are reported") {
  const auto pages = lay_out_template(
      "<table columns=\"5.2cm 5.2cm 5.2cm auto\"><row><cell>ก</cell><cell>ข</cell><cell>ค</cell>"
      "<cell>๑๒๓,๔๕๖,๗๘๙.๐๐</cell></row></table>");
  REQUIRE(pages.size() == 1);
  const auto findings = preflight::check_page(pages[0]);
  const auto narrow = std::find_if(findings.begin(), findings.end(), [](const preflight::Finding& f) {
    return f.rule == preflight::Rule::narrow_column;
  });
  REQUIRE(narrow != findings.end());
  CHECK(narrow->message.find("column 4") != std::string::npos);
  CHECK(narrow->message.find("๑๒๓,๔๕๖,๗๘๙.๐๐") != std::string::npos);
}

}  // namespace raingan::test
