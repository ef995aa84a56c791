// The Graphviz bridge: boxes of the sizes given come back placed top to bottom without overlapping, routes
// run from border to border, labels get room, Graphviz's messages never reach stderr, and layouts from
// several threads at once come out as they do one at a time.
#include <doctest/doctest.h>
#include <fcntl.h>
#include <unistd.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <future>
#include <stdexcept>
#include <string>
#include <vector>

#include "layout/diagram_geometry.h"
#include "layout/graph_layout.h"
#include "layout/graph_layout_child.h"

namespace raingan::test {
namespace {

using layout::EdgeRouting;
using layout::Graph;
using layout::GraphLayout;
using layout::Point;
using layout::Rect;

Rect box_of(const Graph& graph, const GraphLayout& laid, std::size_t node) {
  const auto size = graph.nodes[node].size;
  const Point c = laid.centers[node];
  return {c.x - size.width / 2, c.y - size.height / 2, size.width, size.height};
}

// A decision-like fan: 0 -> 1 -> {2, 3} -> 4, and 4 back to 1.
Graph fan(EdgeRouting routing) {
  Graph graph;
  graph.routing = routing;
  for (double width : {80.0, 120.0, 60.0, 90.0, 100.0}) graph.nodes.push_back({{width, 30}, ""});
  graph.edges = {{0, 1, {}, true, 1, 1, true}, {1, 2, {}, true, 1, 1, true}, {1, 3, {}, true, 1, 1, true},
                 {2, 4, {}, true, 1, 1, true}, {3, 4, {}, true, 1, 1, true}, {4, 1, {}, false, 1, 1, true}};
  return graph;
}

double distance_to_box(const Rect& box, Point p) {
  return layout::distance_to_outline(layout::shape_outline(layout::ShapeKind::process, box), p);
}

TEST_CASE("graph layout: boxes keep their sizes, do not overlap and go down the page along the edges") {
  for (auto routing : {EdgeRouting::ortho, EdgeRouting::polyline, EdgeRouting::spline, EdgeRouting::none}) {
    const Graph graph = fan(routing);
    const GraphLayout laid = layout::layout_graph(graph);
    REQUIRE(laid.centers.size() == graph.nodes.size());
    for (std::size_t a = 0; a < graph.nodes.size(); ++a) {
      const Rect box = box_of(graph, laid, a);
      CHECK(box.x >= -0.01);
      CHECK(box.y >= -0.01);
      CHECK(box.right() <= laid.size.width + 0.01);
      CHECK(box.bottom() <= laid.size.height + 0.01);
      for (std::size_t b = a + 1; b < graph.nodes.size(); ++b) {
        const Rect other = box_of(graph, laid, b);
        const bool apart = box.right() <= other.x + 0.01 || other.right() <= box.x + 0.01 ||
                           box.bottom() <= other.y + 0.01 || other.bottom() <= box.y + 0.01;
        CHECK(apart);
      }
    }
    // Ranked edges point down the page (y grows downward in frames).
    CHECK(laid.centers[0].y < laid.centers[1].y);
    CHECK(laid.centers[1].y < laid.centers[2].y);
    CHECK(laid.centers[2].y < laid.centers[4].y);
    CHECK(std::fabs(laid.centers[2].y - laid.centers[3].y) < 0.01);
  }
}

TEST_CASE("graph layout: routes run from the tail's border to the arrow's tip on the head's border") {
  for (auto routing : {EdgeRouting::ortho, EdgeRouting::polyline, EdgeRouting::spline}) {
    const Graph graph = fan(routing);
    const GraphLayout laid = layout::layout_graph(graph);
    REQUIRE(laid.edges.size() == graph.edges.size());
    for (std::size_t e = 0; e < graph.edges.size(); ++e) {
      const auto& route = laid.edges[e];
      REQUIRE(route.points.size() >= 4);
      CHECK((route.points.size() - 1) % 3 == 0);
      CHECK(route.arrow);
      CHECK(distance_to_box(box_of(graph, laid, graph.edges[e].from), route.points.front()) < 0.5);
      CHECK(distance_to_box(box_of(graph, laid, graph.edges[e].to), route.points.back()) < 0.5);
    }
  }
  const GraphLayout unrouted = layout::layout_graph(fan(EdgeRouting::none));
  for (const auto& route : unrouted.edges) CHECK(route.points.empty());
}

TEST_CASE("graph layout: an edge label gets room of its size beside the edge, clear of the boxes") {
  Graph graph;
  graph.routing = EdgeRouting::spline;
  graph.nodes = {{{100, 30}, ""}, {{100, 30}, ""}, {{100, 30}, ""}};
  graph.edges = {{0, 1, {40, 18}, true, 1, 1, true}, {0, 2, {60, 18}, true, 1, 1, true}};
  const GraphLayout laid = layout::layout_graph(graph);
  for (std::size_t e = 0; e < 2; ++e) {
    REQUIRE(laid.edges[e].label_center);
    const Point c = *laid.edges[e].label_center;
    const auto size = graph.edges[e].label;
    const Rect label{c.x - size.width / 2, c.y - size.height / 2, size.width, size.height};
    for (std::size_t n = 0; n < 3; ++n) {
      const Rect box = box_of(graph, laid, n);
      const bool apart = label.right() <= box.x + 0.5 || box.right() <= label.x + 0.5 ||
                         label.bottom() <= box.y + 0.5 || box.bottom() <= label.y + 0.5;
      CHECK(apart);
    }
  }
}

TEST_CASE("graph layout: same-rank nodes share a rank, edges naming missing nodes are refused") {
  Graph graph;
  graph.nodes = {{{50, 20}, ""}, {{50, 20}, ""}, {{10, 10}, ""}};
  graph.edges = {{0, 1, {}, true, 1, 1, true}, {0, 2, {}, true, 1, 0, false}};
  graph.same_rank = {{0, 2}};
  const GraphLayout laid = layout::layout_graph(graph);
  CHECK(std::fabs(laid.centers[0].y - laid.centers[2].y) < 0.01);
  CHECK(laid.centers[1].y > laid.centers[0].y);

  graph.edges.push_back({0, 7, {}, true, 1, 1, true});
  CHECK_THROWS_AS(layout::layout_graph(graph), std::invalid_argument);
  graph.edges.pop_back();
  graph.same_rank = {{0, 9}};
  CHECK_THROWS_AS(layout::layout_graph(graph), std::invalid_argument);
}

// Everything written to file descriptor 2 while `work` runs.
template <typename Work>
std::string stderr_during(Work work) {
  std::fflush(stderr);
  char name[] = "/tmp/raingan-stderr-XXXXXX";
  const int capture = mkstemp(name);
  REQUIRE(capture >= 0);
  unlink(name);
  const int saved = dup(2);
  dup2(capture, 2);
  work();
  std::fflush(stderr);
  dup2(saved, 2);
  close(saved);
  std::string text;
  lseek(capture, 0, SEEK_SET);
  char buffer[512];
  ssize_t n = 0;
  while ((n = read(capture, buffer, sizeof buffer)) > 0) text.append(buffer, static_cast<std::size_t>(n));
  close(capture);
  return text;
}

TEST_CASE("graph layout: Graphviz's warnings are returned, never printed") {
  // Orthogonal routing warns that it cannot place edge labels.
  Graph graph = fan(EdgeRouting::ortho);
  graph.edges[1].label = {30, 15};
  GraphLayout laid;
  const std::string printed = stderr_during([&] { laid = layout::layout_graph(graph); });
  CHECK(printed.empty());
  REQUIRE_FALSE(laid.warnings.empty());
  CHECK(laid.warnings.front().find("label") != std::string::npos);
}

TEST_CASE("graph layout: layouts from several threads come out as one at a time") {
  const Graph graph = fan(EdgeRouting::ortho);
  const GraphLayout alone = layout::layout_graph(graph);
  std::vector<std::future<GraphLayout>> runs;
  for (int i = 0; i < 4; ++i)
    runs.push_back(std::async(std::launch::async, [&] {
      GraphLayout last;
      for (int k = 0; k < 5; ++k) last = layout::layout_graph(graph);
      return last;
    }));
  for (auto& run : runs) {
    const GraphLayout laid = run.get();
    REQUIRE(laid.centers.size() == alone.centers.size());
    for (std::size_t n = 0; n < laid.centers.size(); ++n) {
      CHECK(laid.centers[n].x == doctest::Approx(alone.centers[n].x));
      CHECK(laid.centers[n].y == doctest::Approx(alone.centers[n].y));
    }
    for (std::size_t e = 0; e < laid.edges.size(); ++e)
      CHECK(laid.edges[e].points.size() == alone.edges[e].points.size());
  }
}

// The message of the GraphLayoutError `run` throws, or "" when it throws none.
template <typename Run>
std::string layout_error(Run run) {
  try {
    run();
  } catch (const layout::GraphLayoutError& error) {
    return error.what();
  }
  return "";
}

TEST_CASE("graph layout: a layout that stops its process or never ends is an error of that drawing only" *
          doctest::skip(!layout::graph_layouts_isolated)) {
  // Graphviz's orthogonal router aborts on some drawings; the layout runs in a child process, so this
  // process goes on and says why.
  CHECK(layout_error([] { layout::run_isolated([]() -> GraphLayout { std::abort(); }); }).find("stopped") !=
        std::string::npos);
  CHECK(layout_error([] {
          layout::run_isolated(
              []() -> GraphLayout {
                for (;;) ::pause();
              },
              1);
        }) == "Graphviz took longer than 1 s");
  CHECK_THROWS_AS(layout::run_isolated([]() -> GraphLayout { throw std::invalid_argument("no such node"); }),
                  std::invalid_argument);
  CHECK(layout_error([] {
          layout::run_isolated([]() -> GraphLayout { throw layout::GraphLayoutError("could not"); });
        }) == "could not");
  // What the child laid out comes back whole.
  const Graph graph = fan(EdgeRouting::ortho);
  const GraphLayout laid = layout::layout_graph(graph);
  REQUIRE(laid.centers.size() == graph.nodes.size());
  REQUIRE(laid.edges.size() == graph.edges.size());
  for (const auto& edge : laid.edges) CHECK(edge.points.size() >= 2);
  CHECK(laid.size.width > 0);
}

}  // namespace
}  // namespace raingan::test
