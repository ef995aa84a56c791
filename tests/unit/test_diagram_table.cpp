// The table form of a flowchart, tested on its frames: each step's shape stands inside its own row in the
// ผังกระบวนการ column, joined to the next down the column; exits that skip rows run in lanes at the column's
// side; pages repeat the header and carry the flow on through connectors labelled with the step it leads to.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "diagram_test_support.h"
#include "document/document.h"
#include "layout/flowchart_table.h"
#include "layout/paginate.h"

namespace raingan::test {
namespace {

layout::FlowchartTable table_of(const document::Flowchart& chart,
                                std::vector<std::string>* problems = nullptr) {
  layout::ParagraphLayouter paragraphs(shared_fonts());
  layout::DiagramText text(paragraphs);
  std::vector<std::string> found;
  auto table = layout::lay_out_flowchart_table(chart, 453, 0, text, found);
  if (problems) *problems = found;
  return table;
}

TEST_CASE("flowchart table: every shape stands inside its row, in the chart column") {
  const auto chart = receiving_letters();
  std::vector<std::string> problems;
  const auto table = table_of(chart, &problems);
  CHECK(problems.empty());
  REQUIRE(table.strips.size() == chart.steps.size() + 1);  // the header, then a row per step
  REQUIRE(table.row_top.size() == chart.steps.size() + 1);
  REQUIRE(table.column_x.size() == 7);
  for (std::size_t k = 0; k < chart.steps.size(); ++k) {
    const auto& box = table.chart.nodes[k].box;
    CHECK(box.y >= table.row_top[k] + 1);
    CHECK(box.bottom() <= table.row_top[k + 1] - 1);
    CHECK(box.x >= table.column_x[1]);
    CHECK(box.right() <= table.column_x[2]);
    // In the row's own frame: its shape's outline lies within the row's height.
    const auto& strip = table.strips[k + 1];
    CHECK(strip.height == doctest::Approx(table.row_top[k + 1] - table.row_top[k]));
    const auto outlines = outlines_in(strip.frame);
    REQUIRE(outlines.size() == 1);
    CHECK(path_top(*outlines.front()) >= 0);
    CHECK(path_bottom(*outlines.front()) <= strip.height);
  }
}

TEST_CASE("flowchart table: steps join down the column, other exits keep to lanes beside it, labelled") {
  const auto chart = receiving_letters();
  const auto table = table_of(chart);
  const auto& drawing = table.chart;
  const double lanes_from = drawing.nodes.front().box.center().x;
  for (const auto& edge : drawing.edges) {
    const auto& from = drawing.nodes[edge.from];
    const auto& to = drawing.nodes[edge.to];
    CHECK(layout::distance_to_outline(layout::shape_outline(from.shape, from.box), edge.route.front()) < 0.5);
    CHECK(layout::distance_to_outline(layout::shape_outline(to.shape, to.box), edge.route.back()) < 0.5);
    if (edge.to == edge.from + 1 && edge.route.size() == 2) {
      CHECK(edge.route.front().x == doctest::Approx(edge.route.back().x));  // straight down
    } else {
      REQUIRE(edge.route.size() == 4);
      CHECK(edge.route[1].x > lanes_from);  // out to the right
      CHECK(edge.route[1].x == doctest::Approx(edge.route[2].x));
      for (const auto& node : drawing.nodes) CHECK(edge.route[1].x > node.box.right());
    }
    if (edge.label) {
      CHECK(text_of(edge.label->content) == edge.label->text);
      for (const auto& node : drawing.nodes) {
        const auto& box = edge.label->box;
        const layout::Rect ink{box.x + 1, box.y + box.height * 0.2, box.width - 2, box.height * 0.6};
        if (&node != &from) CHECK_FALSE(boxes_overlap(ink, node.box));
      }
    }
  }
  std::size_t labelled = 0;
  for (const auto& edge : drawing.edges) labelled += edge.label ? 1 : 0;
  CHECK(labelled == 4);
}

TEST_CASE("flowchart table: the columns hold the step's number, text, standard, time and who does it") {
  const auto chart = receiving_letters();
  const auto table = table_of(chart);
  const std::string header = text_of(table.strips.front().frame.items);
  for (const char* title : {"ที่", "ผังกระบวนการ", "รายละเอียดงาน", "มาตรฐานคุณภาพงาน", "ระยะเวลา", "ผู้รับผิดชอบ"})
    CHECK(without_spaces(header).find(title) != std::string::npos);
  const std::string row = without_spaces(text_of(table.strips[2].frame.items));  // step "receive"
  CHECK(row.find("๑") != std::string::npos);
  for (const auto& part : {chart.steps[1].details, chart.steps[1].quality_standard, chart.steps[1].duration,
                           chart.steps[1].responsible, chart.steps[1].text})
    CHECK(row.find(without_spaces(part)) != std::string::npos);
  // Terminals and connectors are not numbered; the others count ๑, ๒, …
  const std::string start_row = text_of(table.strips[1].frame.items);
  CHECK(start_row.find("๑") == std::string::npos);
}

class CollectingSink : public layout::PageSink {
 public:
  std::vector<layout::Page> pages;
  void add_page(layout::Page&& page) override { pages.push_back(std::move(page)); }
  void insert_page(std::size_t index, layout::Page&& page) override {
    pages.insert(pages.begin() + static_cast<long>(index), std::move(page));
  }
};

// Pentagons on a page and the text in each, top to bottom.
std::vector<std::pair<double, std::string>> pentagons(const layout::Page& page) {
  std::vector<std::pair<double, std::string>> found;
  for (const auto* path : outlines_in(page.frame)) {
    if (path->commands.size() != 6) continue;
    if (std::any_of(path->commands.begin(), path->commands.end(),
                    [](const auto& c) { return c.kind == layout::PathCommand::Kind::cubic; }))
      continue;
    const double top = path_top(*path), bottom = path_bottom(*path);
    double left = 1e9, right = -1e9;
    for (const auto& c : path->commands)
      if (c.kind != layout::PathCommand::Kind::close) {
        left = std::min(left, c.p1.x);
        right = std::max(right, c.p1.x);
      }
    // A pentagon's point is its bottom corner, midway across.
    const bool pointed = std::any_of(path->commands.begin(), path->commands.end(), [&](const auto& c) {
      return std::fabs(c.p1.y - bottom) < 0.01 && std::fabs(c.p1.x - (left + right) / 2) < 0.01;
    });
    if (!pointed || right - left > 60) continue;
    std::string label;
    for (const auto& item : page.frame.items)
      if (const auto* line = std::get_if<layout::TextLine>(&item))
        if (!line->runs.empty()) {
          const auto origin = line->runs.front().origin;
          if (origin.x >= left && origin.x <= right && origin.y >= top && origin.y <= bottom)
            for (const auto& span : line->spans) label += span.text;
        }
    found.emplace_back(top, label);
  }
  std::sort(found.begin(), found.end());
  return found;
}

TEST_CASE("flowchart table: pages repeat the header and carry the flow on through labelled connectors") {
  auto chart = long_procedure(30);
  chart.form = document::Flowchart::Form::table;
  document::Document doc;
  document::Section section;
  section.body.push_back({chart});
  doc.sections.push_back(section);
  CollectingSink sink;
  layout::layout_document(doc, shared_fonts(), sink, "test");
  REQUIRE(sink.pages.size() >= 2);
  const double middle = section.page.size.height / 2;
  for (std::size_t p = 0; p < sink.pages.size(); ++p) {
    CAPTURE(p);
    const auto& page = sink.pages[p];
    CHECK(without_spaces(text_of(page.frame.items)).find("ผังกระบวนการ") != std::string::npos);
    const auto found = pentagons(page);
    std::vector<std::string> head, foot;
    for (const auto& [top, label] : found) (top < middle ? head : foot).push_back(label);
    if (p > 0) CHECK_FALSE(head.empty());
    if (p + 1 < sink.pages.size()) {
      REQUIRE_FALSE(foot.empty());
      std::vector<std::string> next_head;
      for (const auto& [top, label] : pentagons(sink.pages[p + 1]))
        if (top < middle) next_head.push_back(label);
      CHECK(next_head == foot);
      // The main flow's connector names the step it continues at (ที่ in Thai digits).
      CHECK(std::any_of(foot.begin(), foot.end(), [](const std::string& label) {
        return !label.empty() && static_cast<unsigned char>(label[0]) == 0xE0;
      }));
    }
  }
}

TEST_CASE("flowchart table: Thai text in the rows copies back exactly") {
  const auto chart = receiving_letters();
  const auto table = table_of(chart);
  std::string all;
  for (const auto& strip : table.strips) all += text_of(strip.frame.items);
  for (const auto& step : chart.steps)
    CHECK(without_spaces(all).find(without_spaces(step.text)) != std::string::npos);
}

}  // namespace
}  // namespace raingan::test
