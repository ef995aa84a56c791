// The diagrams of the shipped manuals, read on their pages as a reader sees them: in every box the ink of its
// text (Thai marks above and below included) keeps a clear margin from the outline on all four sides, and no
// label of a line stands on a line or on a box.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "diagram_test_support.h"
#include "layout/diagram_geometry.h"
#include "layout/diagram_text.h"
#include "sample_test_support.h"

namespace raingan::test {
namespace {

// Less than this between a box's text and its outline reads as touching at a manual's sizes.
constexpr double least_padding = 4;
// A line's label keeps at least this from every line and box (its own line's start included).
constexpr double least_label_gap = 1;

layout::Rect united(const std::vector<layout::Rect>& boxes) {
  layout::Rect whole;
  for (const auto& box : boxes) whole = layout::united(whole, box);
  return whole;
}

// A path's points, its curves flattened.
std::vector<layout::Point> path_points(const layout::Path& path) {
  std::vector<layout::Point> points;
  layout::Point current;
  for (const auto& c : path.commands) {
    if (c.kind == layout::PathCommand::Kind::cubic) {
      for (int k = 1; k <= 12; ++k) {
        const double t = k / 12.0, u = 1 - t;
        points.push_back(
            {u * u * u * current.x + 3 * u * u * t * c.p1.x + 3 * u * t * t * c.p2.x + t * t * t * c.p3.x,
             u * u * u * current.y + 3 * u * u * t * c.p1.y + 3 * u * t * t * c.p2.y + t * t * t * c.p3.y});
      }
      current = c.p3;
    } else if (c.kind != layout::PathCommand::Kind::close) {
      current = c.p1;
      points.push_back(current);
    }
  }
  return points;
}

double segment_to_rect(layout::Point a, layout::Point b, const layout::Rect& r) {
  // Sampled: lines here are short straight stretches; a tenth of a point is close enough.
  const double length = std::hypot(b.x - a.x, b.y - a.y);
  const int steps = std::max(1, static_cast<int>(length / 0.1));
  double nearest = 1e9;
  for (int k = 0; k <= steps; ++k) {
    const double t = static_cast<double>(k) / steps;
    const double x = a.x + (b.x - a.x) * t, y = a.y + (b.y - a.y) * t;
    const double dx = std::max({0.0, r.x - x, x - r.right()});
    const double dy = std::max({0.0, r.y - y, y - r.bottom()});
    nearest = std::min(nearest, std::hypot(dx, dy));
  }
  return nearest;
}

// How far a rectangle is from a polyline (0 where they meet).
double polyline_to_rect(const std::vector<layout::Point>& points, const layout::Rect& r, bool closed) {
  double nearest = 1e9;
  for (std::size_t i = 0; i + 1 < points.size(); ++i)
    nearest = std::min(nearest, segment_to_rect(points[i], points[i + 1], r));
  if (closed && points.size() > 2) nearest = std::min(nearest, segment_to_rect(points.back(), points[0], r));
  return nearest;
}

struct PageDiagram {
  std::vector<std::vector<layout::Point>> outlines;  // closed stroked paths: boxes
  std::vector<std::vector<layout::Point>> lines;     // open stroked paths and arrowheads
  std::vector<const layout::TextLine*> texts;
};

PageDiagram read_page(const layout::Page& page) {
  PageDiagram diagram;
  for (const auto& item : page.frame.items) {
    if (const auto* path = std::get_if<layout::Path>(&item)) {
      if (path->commands.empty()) continue;
      const bool closed = path->commands.back().kind == layout::PathCommand::Kind::close;
      if (closed && path->stroke)
        diagram.outlines.push_back(path_points(*path));
      else
        diagram.lines.push_back(path_points(*path));
    } else if (const auto* line = std::get_if<layout::TextLine>(&item)) {
      diagram.texts.push_back(line);
    }
  }
  return diagram;
}

struct Measured {
  double least_clearance = 1e9;
  std::string tightest;
  std::size_t boxes_with_text = 0;
  double least_label_gap = 1e9;
  std::string closest_label;
  std::size_t labels = 0;
};

// The smallest outline holding `point`, or none.
const std::vector<layout::Point>* holder(const PageDiagram& diagram, layout::Point point) {
  const std::vector<layout::Point>* found = nullptr;
  double area = 1e18;
  for (const auto& outline : diagram.outlines) {
    if (!layout::inside_outline(outline, point)) continue;
    double left = 1e9, right = -1e9, top = 1e9, bottom = -1e9;
    for (const auto& p : outline) {
      left = std::min(left, p.x);
      right = std::max(right, p.x);
      top = std::min(top, p.y);
      bottom = std::max(bottom, p.y);
    }
    if ((right - left) * (bottom - top) < area) {
      area = (right - left) * (bottom - top);
      found = &outline;
    }
  }
  return found;
}

void measure(const LaidOutSample& sample, const std::string& name, Measured& m) {
  for (std::size_t p = 0; p < sample.pages.size(); ++p) {
    const PageDiagram diagram = read_page(sample.pages[p]);
    if (diagram.outlines.empty()) continue;
    const std::string where = name + " page " + std::to_string(p + 1) + ": ";
    // Each box's text: its least clearance and its words.
    std::vector<std::pair<const std::vector<layout::Point>*, std::pair<double, std::string>>> filled;
    for (const auto* text : diagram.texts) {
      const auto inks = layout::glyph_inks(*text);
      if (inks.empty()) continue;
      const layout::Rect whole = united(inks);
      const std::string words = text_of({layout::FrameItem{*text}});
      if (const auto* outline = holder(diagram, whole.center())) {
        auto box =
            std::find_if(filled.begin(), filled.end(), [&](const auto& f) { return f.first == outline; });
        if (box == filled.end()) box = filled.insert(filled.end(), {outline, {1e9, ""}});
        box->second.second += words;
        for (const auto& ink : inks)
          for (const layout::Point corner :
               {layout::Point{ink.x, ink.y}, layout::Point{ink.right(), ink.y},
                layout::Point{ink.x, ink.bottom()}, layout::Point{ink.right(), ink.bottom()}}) {
            const double d = layout::distance_to_outline(*outline, corner);
            const double clearance = layout::inside_outline(*outline, corner) ? d : -d;
            box->second.first = std::min(box->second.first, clearance);
            if (clearance < m.least_clearance) {
              m.least_clearance = clearance;
              m.tightest = where + words;
            }
          }
        continue;
      }
      // Outside every box: a line's label, or the page's own text (which stands clear of the diagram).
      double gap = 1e9;
      for (const auto& line : diagram.lines) gap = std::min(gap, polyline_to_rect(line, whole, false));
      for (const auto& outline : diagram.outlines) {
        gap = std::min(gap, polyline_to_rect(outline, whole, true));
        if (layout::inside_outline(outline, whole.center())) gap = 0;
      }
      if (gap > 40) continue;  // far from the drawing: not a label
      ++m.labels;
      if (gap < m.least_label_gap) {
        m.least_label_gap = gap;
        m.closest_label = where + words;
      }
      if (gap < least_label_gap) MESSAGE(where, words, " stands ", gap, " pt from a line or box");
    }
    m.boxes_with_text += filled.size();
    for (const auto& [outline, box] : filled)
      if (box.first < least_padding) MESSAGE(where, box.second, ": ", box.first, " pt");
  }
}

const Measured& manuals() {
  static const Measured measured = [] {
    Measured m;
    measure(lay_out_sample("manual.xml", "operations-manual-2567.json"), "operations manual", m);
    measure(lay_out_sample("manual.xml", "monitoring-manual.json"), "monitoring manual", m);
    measure(lay_out_sample("annual-report.xml", "annual-report-2569.json"), "annual report", m);
    return m;
  }();
  return measured;
}

TEST_CASE("sample diagrams: the text of every box keeps its padding from the outline on all sides") {
  const Measured& m = manuals();
  MESSAGE(m.boxes_with_text, " boxes; least clearance ", m.least_clearance, " pt: ", m.tightest);
  CHECK(m.boxes_with_text > 100);
  CHECK(m.least_clearance >= least_padding);
}

TEST_CASE("sample diagrams: no label of a line stands on a line or a box") {
  const Measured& m = manuals();
  MESSAGE(m.labels, " labels; least gap ", m.least_label_gap, " pt: ", m.closest_label);
  CHECK(m.labels > 20);
  CHECK(m.least_label_gap >= least_label_gap);
}

}  // namespace
}  // namespace raingan::test
