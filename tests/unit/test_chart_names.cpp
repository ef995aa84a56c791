// Horizontal bar charts with long Thai category names (the aspects of a satisfaction survey) and a target
// line (the disbursement a progress round expects): wrapped names never run into each other, and a value
// label is never struck through by the target line.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "document/document.h"
#include "layout/chart.h"
#include "text_test_support.h"

namespace raingan::test {
namespace {

// A line of text in a chart and the box its glyphs stand in: from the tallest ascent above the baseline
// to the deepest descent below it (Thai marks included).
struct PrintedText {
  std::string text;
  double left = 0, right = 0, baseline = 0, size = 0;
};

std::vector<PrintedText> texts_of(const layout::Frame& frame) {
  std::vector<PrintedText> out;
  for (const auto& item : frame.items) {
    const auto* line = std::get_if<layout::TextLine>(&item);
    if (!line || line->runs.empty()) continue;
    PrintedText text;
    for (const auto& span : line->spans) text.text += span.text;
    text.left = line->runs.front().origin.x;
    text.right = line->runs.back().origin.x + line->runs.back().width();
    text.baseline = line->runs.front().origin.y;
    text.size = line->runs.front().font_size;
    out.push_back(text);
  }
  return out;
}

document::Chart aspects_chart() {
  document::Chart chart;
  chart.kind = document::Chart::Kind::horizontal_bar;
  chart.font.family = "TH Sarabun PSK";
  chart.font.size = 16;
  chart.title = "ค่าเฉลี่ยความพึงพอใจรายด้าน";
  chart.categories = {"ด้านกระบวนการ/ขั้นตอนการให้บริการ", "ด้านเจ้าหน้าที่/บุคลากรผู้ให้บริการ", "ด้านสิ่งอำนวยความสะดวก",
                      "ด้านคุณภาพการให้บริการ"};
  chart.series = {{"ค่าเฉลี่ย", {31, 78, 121}, {3.99, 4.48, 3.66, 4.23}}};
  chart.axis_max = 5;
  chart.value_places = 2;
  return chart;
}

// The lines of the names (texts that contain Thai letters other than digits), top to bottom.
std::vector<PrintedText> name_lines(const layout::Frame& frame, const document::Chart& chart) {
  std::vector<PrintedText> names;
  for (const auto& text : texts_of(frame)) {
    const bool part_of_a_name = std::any_of(
        chart.categories.begin(), chart.categories.end(),
        [&](const auto& c) { return !text.text.empty() && c.find(text.text) != std::string::npos; });
    if (part_of_a_name && text.text != chart.title) names.push_back(text);
  }
  std::sort(names.begin(), names.end(), [](const auto& a, const auto& b) { return a.baseline < b.baseline; });
  return names;
}

}  // namespace

TEST_CASE("chart: names that wrap to two lines keep a line's height between every two lines") {
  const document::Chart chart = aspects_chart();
  for (double width : {453.0, 300.0}) {
    const layout::Frame frame = layout::draw_chart(chart, width, shared_fonts());
    const auto names = name_lines(frame, chart);
    // At 300 pt two of the names wrap: more lines than names.
    if (width == 300.0) CHECK(names.size() > chart.categories.size());
    REQUIRE(names.size() >= chart.categories.size());
    for (std::size_t i = 1; i < names.size(); ++i)
      CHECK_MESSAGE(names[i].baseline - names[i - 1].baseline >= names[i].size * 1.2,
                    "\"" << names[i - 1].text << "\" and \"" << names[i].text << "\" overlap at " << width);
    for (const auto& name : names) CHECK(name.baseline <= frame.size.height);
  }
}

TEST_CASE("chart: a given height shrinks wrapped names until they fit their slots") {
  document::Chart chart = aspects_chart();
  chart.height = 150;
  const layout::Frame frame = layout::draw_chart(chart, 300, shared_fonts());
  CHECK(frame.size.height == doctest::Approx(150));
  const auto names = name_lines(frame, chart);
  REQUIRE(names.size() >= chart.categories.size());
  for (std::size_t i = 1; i < names.size(); ++i)
    CHECK(names[i].baseline - names[i - 1].baseline >= names[i].size * 1.2);
}

TEST_CASE("chart: a value label the target line would cross moves past the line") {
  document::Chart chart;
  chart.kind = document::Chart::Kind::horizontal_bar;
  chart.categories = {"กลยุทธ์ที่ ๑", "กลยุทธ์ที่ ๒", "กลยุทธ์ที่ ๓"};
  chart.series = {{"ร้อยละการเบิกจ่าย", {31, 78, 121}, {43.89, 63.86, 20}}};
  chart.target = 50;
  chart.axis_max = 100;
  chart.value_places = 2;
  chart.value_suffix = "%";
  const layout::Frame frame = layout::draw_chart(chart, 453, shared_fonts());
  double target_x = -1;
  for (const auto& item : frame.items)
    if (const auto* rule = std::get_if<layout::Rule>(&item))
      if (rule->stroke.dash == layout::Stroke::Dash::dashed && rule->from.x == doctest::Approx(rule->to.x))
        target_x = rule->from.x;
  REQUIRE(target_x > 0);
  int values = 0;
  for (const auto& text : texts_of(frame)) {
    if (text.text.find('%') == std::string::npos || text.text.find("เป้าหมาย") != std::string::npos) continue;
    if (text.text == "๔๓.๘๙%" || text.text == "๖๓.๘๖%" || text.text == "๒๐.๐๐%") ++values;
    CHECK_MESSAGE(!(text.left < target_x && target_x < text.right), "the target line crosses " << text.text);
  }
  CHECK(values == 3);
}

}  // namespace raingan::test

namespace raingan::test {

TEST_CASE("chart: a grid line under a value label does not strike through its digits") {
  // Means of ๔.๕๖ and ๔.๕๔ printed past their bars on a scale ending at ๕: the last grid line runs through
  // the labels' place. Each value label stands on a patch of white drawn after the grid lines, as wide as
  // the label and as tall as its digits.
  document::Chart chart = aspects_chart();
  chart.series = {{"ค่าเฉลี่ย", {31, 78, 121}, {4.56, 4.38, 4.54, 4.43}}};
  for (const auto kind : {document::Chart::Kind::horizontal_bar, document::Chart::Kind::bar}) {
    chart.kind = kind;
    const layout::Frame frame = layout::draw_chart(chart, 340, shared_fonts());
    int labels = 0, crossed = 0;
    for (std::size_t i = 0; i < frame.items.size(); ++i) {
      const auto* line = std::get_if<layout::TextLine>(&frame.items[i]);
      if (!line || line->runs.empty()) continue;
      std::string text;
      for (const auto& span : line->spans) text += span.text;
      if (text != "๔.๕๖" && text != "๔.๕๔" && text != "๔.๓๘" && text != "๔.๔๓") continue;
      ++labels;
      const double left = line->runs.front().origin.x,
                   right = line->runs.back().origin.x + line->runs.back().width();
      const double baseline = line->runs.front().origin.y, size = line->runs.front().font_size;
      // Grid lines drawn before the label that pass through its digits.
      for (std::size_t k = 0; k < i; ++k) {
        const auto* rule = std::get_if<layout::Rule>(&frame.items[k]);
        if (!rule) continue;
        const bool vertical = std::abs(rule->from.x - rule->to.x) < 0.01;
        const bool through = vertical ? (left < rule->from.x && rule->from.x < right &&
                                         std::min(rule->from.y, rule->to.y) < baseline - size * 0.3 &&
                                         std::max(rule->from.y, rule->to.y) > baseline - size * 0.3)
                                      : (baseline - size * 0.55 < rule->from.y && rule->from.y < baseline &&
                                         std::min(rule->from.x, rule->to.x) < right &&
                                         std::max(rule->from.x, rule->to.x) > left);
        if (!through) continue;
        // Covered: a white rectangle drawn after the rule and before the label spans the crossing.
        bool covered = false;
        for (std::size_t m = k + 1; m < i; ++m)
          if (const auto* patch = std::get_if<layout::Rectangle>(&frame.items[m]);
              patch && patch->fill == geometry::Color{255, 255, 255} && patch->origin.x <= left &&
              patch->origin.x + patch->size.width >= right && patch->origin.y <= baseline - size * 0.55 &&
              patch->origin.y + patch->size.height >= baseline)
            covered = true;
        if (!covered) ++crossed;
        CHECK_MESSAGE(covered, text << ": a grid line runs through it");
      }
    }
    CHECK(labels == 4);
    CHECK(crossed == 0);
  }
}

}  // namespace raingan::test
