// Organisation charts on frames: boxes apart, lines from a unit's border to each unit under it, Thai names
// wrapped inside their boxes and copying back, lists of posts in a column, photos inside their boxes, and a
// chart too wide for its space scaled within its limit or split into parts joined by connectors.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <memory>
#include <string>
#include <vector>

#include "diagram_test_support.h"
#include "layout/org_chart_layout.h"

namespace raingan::test {
namespace {

std::vector<layout::DiagramDrawing> draw(const document::OrgChart& chart, double width = 453,
                                         double height = 0) {
  layout::ParagraphLayouter paragraphs(shared_fonts());
  layout::DiagramText text(paragraphs);
  return layout::draw_org_chart(chart, width, height, text);
}

void check_drawing(const layout::DiagramDrawing& drawing) {
  const auto& nodes = drawing.nodes;
  for (std::size_t a = 0; a < nodes.size(); ++a) {
    CAPTURE(nodes[a].id);
    CHECK(nodes[a].box.x >= -0.01);
    CHECK(nodes[a].box.right() <= drawing.size.width + 0.01);
    CHECK(nodes[a].box.bottom() <= drawing.size.height + 0.01);
    for (std::size_t b = a + 1; b < nodes.size(); ++b) CHECK_FALSE(boxes_overlap(nodes[a].box, nodes[b].box));
    const auto outline = layout::shape_outline(nodes[a].shape, nodes[a].box);
    for (const auto& item : nodes[a].content) {
      if (const auto* line = std::get_if<layout::TextLine>(&item))
        for (const auto& corner : ink_corners(*line)) CHECK(layout::inside_outline(outline, corner));
      if (const auto* image = std::get_if<layout::Image>(&item)) {
        CHECK(image->origin.x >= nodes[a].box.x);
        CHECK(image->origin.x + image->size.width <= nodes[a].box.right());
        CHECK(image->origin.y >= nodes[a].box.y);
        CHECK(image->origin.y + image->size.height <= nodes[a].box.bottom());
      }
    }
  }
  for (const auto& edge : drawing.edges) {
    const auto& from = nodes[edge.from];
    const auto& to = nodes[edge.to];
    CHECK(layout::distance_to_outline(layout::shape_outline(from.shape, from.box), edge.route.front()) < 0.5);
    CHECK(layout::distance_to_outline(layout::shape_outline(to.shape, to.box), edge.route.back()) < 0.5);
    for (std::size_t i = 0; i + 1 < edge.route.size(); ++i) {
      const bool square = std::fabs(edge.route[i].x - edge.route[i + 1].x) < 0.01 ||
                          std::fabs(edge.route[i].y - edge.route[i + 1].y) < 0.01;
      CHECK(square);
    }
    CHECK_FALSE(edge.arrow);
  }
}

TEST_CASE("org chart: boxes apart, square lines from border to border, text inside and as typed") {
  const auto chart = policy_group();
  const auto parts = draw(chart);
  REQUIRE(parts.size() == 1);
  const auto& drawing = parts.front();
  check_drawing(drawing);
  // One box per unit, in the tree's order, and a line to every unit under another.
  REQUIRE(drawing.nodes.size() == 11);
  CHECK(drawing.edges.size() == 10);
  CHECK(without_spaces(text_of(drawing.nodes[0].content)) ==
        without_spaces(chart.root.name + chart.root.position));
  CHECK(without_spaces(text_of(drawing.nodes[1].content)) == without_spaces("งานธุรการนักจัดการงานทั่วไป"));
  // The top unit stands above the rest; units of one level share a row.
  for (std::size_t n = 1; n < drawing.nodes.size(); ++n)
    CHECK(drawing.nodes[n].box.y > drawing.nodes[0].box.bottom());
  const double row = drawing.nodes[1].box.y;
  CHECK(drawing.nodes[4].box.y == doctest::Approx(row));  // งานนโยบายและแผน
  CHECK(drawing.nodes[9].box.y == doctest::Approx(row));  // งานวิเคราะห์งบประมาณ
}

TEST_CASE("org chart: more posts than the limit stand in a column, the line down their left side") {
  const auto parts = draw(policy_group());
  const auto& nodes = parts.front().nodes;
  // งานนโยบายและแผน (node 4) has four posts: a column, one under another, left edges aligned.
  for (std::size_t n = 6; n <= 8; ++n) {
    CHECK(nodes[n].box.y > nodes[n - 1].box.bottom());
    CHECK(nodes[n].box.x == doctest::Approx(nodes[5].box.x));
  }
  for (const auto& edge : parts.front().edges)
    if (edge.from == 4)
      CHECK(edge.route.back().x == doctest::Approx(nodes[edge.to].box.x));  // in from the left
  // งานธุรการ (node 1) has two: a row under it, lines in from the top.
  CHECK(nodes[2].box.y == doctest::Approx(nodes[3].box.y));
  for (const auto& edge : parts.front().edges)
    if (edge.from == 1) CHECK(edge.route.back().y == doctest::Approx(nodes[edge.to].box.y));
}

TEST_CASE("org chart: long Thai names wrap inside boxes no wider than the chart allows") {
  auto chart = policy_group();
  chart.root.children[1].name = "งานบริหารยุทธศาสตร์และบูรณาการการศึกษาจังหวัดและกลุ่มจังหวัดของสำนักงานเขตพื้นที่การศึกษา";
  const auto parts = draw(chart);
  check_drawing(parts.front());
  const auto& node = parts.front().nodes[4];
  std::size_t lines = 0;
  for (const auto& item : node.content) lines += std::holds_alternative<layout::TextLine>(item) ? 1 : 0;
  CHECK(lines >= 3);
  CHECK(node.box.width < 200);
  CHECK(without_spaces(text_of(node.content)) == without_spaces(chart.root.children[1].name));
}

TEST_CASE("org chart: a photo stands in its box above the name") {
  auto chart = policy_group();
  auto photo = std::make_shared<layout::ImageData>();
  photo->pixel_width = 300;
  photo->pixel_height = 400;
  photo->source_path = "director.jpg";
  photo->format = layout::ImageData::Format::jpeg;
  chart.root.photo = photo;
  const auto parts = draw(chart);
  check_drawing(parts.front());
  const auto& root = parts.front().nodes[0];
  const layout::Image* image = nullptr;
  double first_baseline = 1e9;
  for (const auto& item : root.content) {
    if (const auto* found = std::get_if<layout::Image>(&item)) image = found;
    if (const auto* line = std::get_if<layout::TextLine>(&item))
      first_baseline = std::min(first_baseline, line->runs.front().origin.y);
  }
  REQUIRE(image);
  CHECK(image->size.width / image->size.height == doctest::Approx(0.75));
  CHECK(image->origin.y + image->size.height < first_baseline);
}

// A unit with `count` units under it, each with posts of its own.
document::OrgChart wide_chart(int count, bool long_names = true) {
  document::OrgChart chart;
  chart.root = org_unit("สำนักงานเขตพื้นที่การศึกษา", "ผู้อำนวยการสำนักงาน");
  for (int i = 0; i < count; ++i) {
    auto group = org_unit("กลุ่มงานที่ " + std::to_string(i + 1), "ผู้อำนวยการกลุ่ม");
    group.children = {org_unit(long_names ? "นางสาวสมศรี รักงาน" : "นางสาวเอ", "นักวิเคราะห์นโยบายและแผน"),
                      org_unit(long_names ? "นายสมชาย ใจดี" : "นายบี", "นักจัดการงานทั่วไป")};
    chart.root.children.push_back(std::move(group));
  }
  return chart;
}

TEST_CASE("org chart: a little too wide, names wrap before the chart shrinks, never below its floor") {
  const auto chart = wide_chart(3);
  const auto natural = draw(chart, 2000);
  const double floor = layout::org_chart_scale_floor(chart.style);
  for (double share : {0.95, 0.85}) {
    const double width = natural.front().size.width * share;
    const auto fitted = draw(chart, width);
    REQUIRE(fitted.size() == 1);
    CHECK(fitted.front().size.width <= width + 0.01);
    check_drawing(fitted.front());
    double smallest = 1e9;
    for (const auto& node : fitted.front().nodes)
      for (const auto& item : node.content)
        if (const auto* line = std::get_if<layout::TextLine>(&item))
          smallest = std::min(smallest, line->runs.front().font_size);
    CHECK(smallest >= chart.style.font.size * floor - 0.01);
    // Scaled no more than fitting needed: the drawing fills its space, or kept its text size.
    const bool full = fitted.front().size.width >= width - 0.5;
    CHECK((full || smallest == doctest::Approx(chart.style.font.size)));
  }
}

TEST_CASE("org chart: too wide with boxes of a set width, it scales down, never below its floor") {
  auto chart = wide_chart(3, false);
  chart.style.max_box_width = 110;
  const auto natural = draw(chart, 2000);
  REQUIRE(natural.size() == 1);
  const double width = natural.front().size.width * 0.85;
  const auto fitted = draw(chart, width);
  REQUIRE(fitted.size() == 1);
  CHECK(fitted.front().size.width <= width + 0.01);
  CHECK(fitted.front().size.width >= width - 0.5);
  check_drawing(fitted.front());
  const double floor = layout::org_chart_scale_floor(chart.style);
  CHECK(floor == doctest::Approx(std::max(0.7, 9.8 / 14)));
  // Text shrank with it, to no less than the floor allows.
  for (const auto& item : fitted.front().nodes[0].content)
    if (const auto* line = std::get_if<layout::TextLine>(&item))
      CHECK(line->runs.front().font_size >= chart.style.font.size * floor - 0.01);
}

TEST_CASE("org chart: far too wide, it splits: the top and each unit's chart, joined by connectors") {
  const auto chart = wide_chart(9);
  const double width = 453;
  const auto parts = draw(chart, width);
  REQUIRE(parts.size() == 10);  // the top, then each group's own chart
  const double floor = layout::org_chart_scale_floor(chart.style);
  std::vector<std::string> below, above;
  for (std::size_t p = 0; p < parts.size(); ++p) {
    CAPTURE(p);
    CHECK(parts[p].size.width <= width + 0.01);
    check_drawing(parts[p]);
    for (const auto& node : parts[p].nodes) {
      if (node.shape != layout::ShapeKind::off_page) continue;
      (p == 0 ? below : above).push_back(text_of(node.content));
    }
  }
  // The top part: the director and nine groups, a connector under each group; each group's chart starts
  // from the connector with the same letter.
  CHECK(below == std::vector<std::string>{"ก", "ข", "ค", "ง", "จ", "ฉ", "ช", "ซ", "ฌ"});
  CHECK(above == below);
  // Split parts keep text at least at the floor's size unless a part cannot split further.
  for (std::size_t p = 1; p < parts.size(); ++p)
    for (const auto& item : parts[p].nodes[0].content)
      if (const auto* line = std::get_if<layout::TextLine>(&item))
        CHECK(line->runs.front().font_size >= chart.style.font.size * floor - 0.01);
}

TEST_CASE("org chart: taller than a page, it splits into parts a page holds, joined by connectors") {
  auto chart = policy_group();
  for (auto& area : chart.root.children)
    for (int i = 0; i < 3; ++i)
      area.children.push_back(org_unit("งานจัดทำรายงานผลการจัดการศึกษาประจำปีของสำนักงานเขตพื้นที่"));
  const double height = 420;
  const auto whole = draw(chart, 453);
  REQUIRE(whole.size() == 1);
  REQUIRE(whole.front().size.height > height / layout::org_chart_scale_floor(chart.style));
  const auto parts = draw(chart, 453, height);
  REQUIRE(parts.size() == 4);  // the group and its three areas, then each area's column
  // The top part fits; an area's own part is a column that cannot split further, so it may not, but it is
  // shorter than the whole was.
  CHECK(parts.front().size.height <= height + 0.01);
  for (const auto& part : parts) {
    check_drawing(part);
    CHECK(part.size.width <= 453 + 0.01);
    CHECK(part.size.height < whole.front().size.height);
  }
  std::size_t units = 0;
  for (const auto& part : parts)
    for (const auto& node : part.nodes) units += node.shape == layout::ShapeKind::unit ? 1 : 0;
  CHECK(units == 11 + 9 + 3);  // every unit once, the three areas again atop their own parts
}

}  // namespace
}  // namespace raingan::test
