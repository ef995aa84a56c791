#include "layout/flowchart_layout.h"

#include <algorithm>
#include <cmath>

#include "layout/flowchart_steps.h"
#include "layout/graph_layout.h"

namespace raingan::layout {
namespace {

constexpr double helper_size = 0.5;  // pt: the point a side exit turns at

struct StepBox {
  ShapeKind shape = ShapeKind::process;
  BoxText text;
  Rect area;  // the text with its padding (padded_area)
  Size size;
};

// The widest a step's text may be set, for a box at most `max_box` wide.
double text_limit(ShapeKind shape, double max_box, double padding) {
  switch (shape) {
    case ShapeKind::decision:
      return std::max(40.0, max_box * 0.62 - padding);  // a diamond is twice its text: let it be wider
    case ShapeKind::connector:
      return 40;
    case ShapeKind::data:
      return std::max(40.0, max_box - 2 * padding - 24);
    case ShapeKind::terminal:
      return std::max(40.0, max_box - 2 * padding - 30);
    default:
      return std::max(40.0, max_box - 2 * padding);
  }
}

// Moves the ends of a route onto the outlines of the shapes they meet (Graphviz ends lines on boxes; a
// diamond or a stadium is smaller than its box).
void meet_outlines(std::vector<Point>& route, const DiagramNode& tail, const DiagramNode& head) {
  if (route.size() < 2) return;
  if (auto hit = first_hit(shape_outline(tail.shape, tail.box), route[1], route[0])) route[0] = *hit;
  const std::size_t n = route.size();
  if (auto hit = first_hit(shape_outline(head.shape, head.box), route[n - 2], route[n - 1]))
    route[n - 1] = *hit;
}

bool overlaps(const Rect& a, const Rect& b) {
  return a.x < b.right() && b.x < a.right() && a.y < b.bottom() && b.y < a.bottom();
}

// Whether the segment a-b passes through the rectangle `r` (Liang-Barsky clipping).
bool crosses(Point a, Point b, const Rect& r) {
  double t0 = 0, t1 = 1;
  const double dx = b.x - a.x, dy = b.y - a.y;
  const double p[] = {-dx, dx, -dy, dy};
  const double q[] = {a.x - r.x, r.right() - a.x, a.y - r.y, r.bottom() - a.y};
  for (int k = 0; k < 4; ++k) {
    if (std::fabs(p[k]) < 1e-12) {
      if (q[k] < 0) return false;
      continue;
    }
    const double t = q[k] / p[k];
    if (p[k] < 0)
      t0 = std::max(t0, t);
    else
      t1 = std::min(t1, t);
    if (t0 > t1) return false;
  }
  return true;
}

// Whether the ink of a label for edge `own`, at `ink`, touches no line but its own first stretch (which it
// stands beside), no box, and not the outline of its own decision (whose box it may enter at a corner).
bool clear_of_lines(const DiagramDrawing& drawing, std::size_t own, const Rect& ink) {
  for (std::size_t n = 0; n < drawing.nodes.size(); ++n) {
    const DiagramNode& node = drawing.nodes[n];
    if (n != drawing.edges[own].from) {
      if (overlaps(ink, node.box)) return false;
      continue;
    }
    const auto outline = shape_outline(node.shape, node.box);
    if (inside_outline(outline, ink.center())) return false;
    for (std::size_t i = 0; i < outline.size(); ++i)
      if (crosses(outline[i], outline[(i + 1) % outline.size()], ink)) return false;
  }
  for (std::size_t e = 0; e < drawing.edges.size(); ++e) {
    const auto& route = drawing.edges[e].route;
    for (std::size_t i = e == own ? 1 : 0; i + 1 < route.size(); ++i)
      if (crosses(route[i], route[i + 1], ink)) return false;
  }
  return true;
}

// Appends `rest` to `route` where both meet at a turning point (Graphviz ends and starts them on its border,
// a fraction of a point apart), keeping every stretch horizontal or vertical.
void join_square(std::vector<Point>& route, std::vector<Point> rest) {
  if (route.size() < 2 || rest.size() < 2) {
    route.insert(route.end(), rest.begin(), rest.end());
    return;
  }
  const Point a = route.back(), before = route[route.size() - 2];
  const bool level_in = std::fabs(before.y - a.y) < std::fabs(before.x - a.x);
  const bool level_out = std::fabs(rest[1].y - rest[0].y) < std::fabs(rest[1].x - rest[0].x);
  if (level_in && !level_out) {
    rest[0] = {rest[0].x, a.y};
  } else if (!level_in && level_out) {
    rest[0] = {a.x, rest[0].y};
  } else if (level_in) {
    rest[0].y = rest[1].y = a.y;
  } else {
    rest[0].x = rest[1].x = a.x;
  }
  route.insert(route.end(), rest.begin(), rest.end());
}

class FlowchartDrawer {
 public:
  FlowchartDrawer(const document::Flowchart& chart, DiagramText& text, std::vector<std::string>& problems)
      : chart_(chart), text_(text), model_(read_flowchart(chart, problems)), numbers_(step_numbers(model_)) {
    style_ = {chart.style.font, chart.style.text_color, false};
    label_style_ = {chart.style.label_font, chart.style.text_color, false};
    padding_ = std::max(3.0, chart.style.font.size * 0.36);
  }

  DiagramDrawing draw(double max_box) {
    std::vector<StepBox> boxes;
    for (const auto* step : model_.steps) {
      StepBox box;
      box.shape = shape_of(step->kind);
      box.text = text_.fit(step->text, style_, text_limit(box.shape, max_box, padding_));
      box.area = padded_area(box.text, padding_);
      box.size = shape_size(box.shape, {box.area.width, box.area.height});
      box.size.width = std::max(box.size.width, chart_.style.font.size * 2);
      box.size.height = std::max(box.size.height, chart_.style.font.size * 1.2);
      boxes.push_back(std::move(box));
    }
    std::vector<std::optional<BoxText>> labels;
    double widest_label = 0, tallest_label = 0;
    for (const auto& link : model_.links) {
      labels.emplace_back();
      if (link.label.empty()) continue;
      labels.back() = text_.line(link.label, label_style_);
      widest_label = std::max(widest_label, labels.back()->widest_line);
      tallest_label = std::max(tallest_label, labels.back()->height);
    }

    const double size = chart_.style.font.size;
    double rank_separation = std::max(size * 1.6, tallest_label + 8);
    const double node_separation = std::max(size * 1.4, widest_label + 14);
    // A label with no place beside its line clear of every other line (one passing close under its exit) is
    // given room: the ranks move apart by the label's height and the chart is laid out again, twice at most.
    for (int attempt = 0;; ++attempt) {
      DiagramDrawing drawing = lay_out(boxes, rank_separation, node_separation);
      if (place_labels(drawing, labels) || attempt == 2) {
        grow_to_hold_labels(drawing);
        return drawing;
      }
      rank_separation += tallest_label;
    }
  }

 private:
  // Graphviz's orthogonal router fails on some drawings (graph_layout_child.h), sometimes not on the same
  // drawing with its ranks and boxes a little further apart; failing that, the lines are routed as polylines
  // (some then run at a slant): a chart drawn less neatly, rather than none.
  static GraphLayout layout_nudged(Graph& graph) {
    for (int attempt = 0;; ++attempt) {
      try {
        return layout_graph(graph);
      } catch (const GraphLayoutError&) {
        if (graph.routing != EdgeRouting::ortho) throw;
        if (attempt == 1) graph.routing = EdgeRouting::polyline;
        graph.rank_separation += 2;
        graph.node_separation += 2;
      }
    }
  }

  // The steps placed and their lines routed by Graphviz, without labels.
  DiagramDrawing lay_out(const std::vector<StepBox>& boxes, double rank_separation, double node_separation) {
    Graph graph;
    graph.routing = EdgeRouting::ortho;
    graph.rank_separation = rank_separation;
    graph.node_separation = node_separation;
    for (const auto& box : boxes) graph.nodes.push_back({box.size, "flow"});
    // Arrows that do not carry the flow down turn at a point beside their step, on its rank.
    std::vector<std::size_t> helper_of(model_.links.size(), no_node);
    for (std::size_t l = 0; l < model_.links.size(); ++l) {
      const FlowchartLink& link = model_.links[l];
      const bool sideways = !link.down && (link.to < link.from || model_.steps[link.from]->kind ==
                                                                      document::FlowchartStepKind::decision);
      if (!sideways) {
        graph.edges.push_back({link.from, link.to, {}, true, link.down ? 4 : 1, 1, true});
        continue;
      }
      const std::size_t helper = graph.nodes.size();
      helper_of[l] = helper;
      graph.nodes.push_back({{helper_size, helper_size}, ""});
      graph.same_rank.push_back({link.from, helper});
      graph.edges.push_back({link.from, helper, {}, true, 2, 0, false});
      graph.edges.push_back({helper, link.to, {}, link.to > link.from, 1, 1, true});
    }
    const GraphLayout laid = layout_nudged(graph);

    DiagramDrawing drawing;
    drawing.size = laid.size;
    drawing.look = {chart_.style.outline, chart_.style.line, chart_.style.fill, 7, 2.8};
    for (std::size_t s = 0; s < boxes.size(); ++s) {
      DiagramNode node;
      node.id = model_.steps[s]->id;
      node.shape = boxes[s].shape;
      const Point center = laid.centers[s];
      node.box = {center.x - boxes[s].size.width / 2, center.y - boxes[s].size.height / 2,
                  boxes[s].size.width, boxes[s].size.height};
      DiagramText::draw_centred(boxes[s].text, boxes[s].area, text_center(node.shape, node.box),
                                node.content);
      drawing.nodes.push_back(std::move(node));
    }
    std::size_t edge_index = 0;
    for (std::size_t l = 0; l < model_.links.size(); ++l) {
      const FlowchartLink& link = model_.links[l];
      DiagramEdge edge;
      edge.from = link.from;
      edge.to = link.to;
      edge.route = flatten_bezier_chain(laid.edges[edge_index].points);
      if (helper_of[l] != no_node) {
        join_square(edge.route, flatten_bezier_chain(laid.edges[edge_index + 1].points));
        edge_index += 2;
      } else {
        edge_index += 1;
      }
      simplify_polyline(edge.route);
      meet_outlines(edge.route, drawing.nodes[link.from], drawing.nodes[link.to]);
      edge.continues_to = numbers_[link.to];
      drawing.edges.push_back(std::move(edge));
    }
    return drawing;
  }

  // Puts each line's label beside the start of its line, where it is clear of every other line and box;
  // false when some label found no such place (it then stands on a white ground that breaks the line).
  bool place_labels(DiagramDrawing& drawing, const std::vector<std::optional<BoxText>>& labels) const {
    bool all_clear = true;
    for (std::size_t l = 0; l < model_.links.size(); ++l) {
      DiagramEdge& edge = drawing.edges[l];
      if (!labels[l] || edge.route.size() < 2) continue;
      DiagramLabel label;
      label.text = model_.links[l].label;
      const auto places = exit_label_boxes(edge.route, {labels[l]->widest_line, labels[l]->height});
      label.box = places.front();
      bool clear = false;
      for (const Rect& place : places)
        if (clear_of_lines(drawing, l, ink_at(*labels[l], place))) {
          label.box = place;
          clear = true;
          break;
        }
      // No place beside its line is free of other lines: the label stands on a white ground that breaks the
      // line passing under it, as drawing programs set labels.
      all_clear = all_clear && clear;
      if (!clear)
        label.content.push_back(Rectangle{{label.box.x - 1, label.box.y + label.box.height * 0.12},
                                          {label.box.width + 2, label.box.height * 0.76},
                                          Color{255, 255, 255},
                                          std::nullopt});
      DiagramText::draw(*labels[l], label.box.center().x, label.box.y, label.content);
      edge.label = std::move(label);
    }
    return all_clear;
  }

  // Where the ink of `label` is when its box is `place`, with a little room around it.
  static Rect ink_at(const BoxText& label, const Rect& place) {
    constexpr double margin = 1.5;
    const Rect& ink = label.ink.width > 0 ? label.ink : label.advances;
    return {place.x + ink.x - margin, place.y + ink.y - margin, ink.width + 2 * margin,
            ink.height + 2 * margin};
  }

  // A label standing out past the drawing's edge widens the drawing (everything moves right if it is left);
  // so does a box Graphviz's rounding put a hair outside it (everything moves down if it is above).
  static void grow_to_hold_labels(DiagramDrawing& drawing) {
    double left = 0, right = drawing.size.width, top = 0;
    for (const auto& node : drawing.nodes) top = std::min(top, node.box.y);
    if (top < 0) {
      for (auto& node : drawing.nodes) {
        node.box.y -= top;
        for (auto& item : node.content) translate(item, {0, -top});
      }
      for (auto& edge : drawing.edges) {
        for (auto& p : edge.route) p.y -= top;
        if (edge.label) {
          edge.label->box.y -= top;
          for (auto& item : edge.label->content) translate(item, {0, -top});
        }
      }
      drawing.size.height -= top;
    }
    for (const auto& node : drawing.nodes) {
      left = std::min(left, node.box.x);
      right = std::max(right, node.box.right());
      drawing.size.height = std::max(drawing.size.height, node.box.bottom());
    }
    for (const auto& edge : drawing.edges)
      if (edge.label) {
        left = std::min(left, edge.label->box.x);
        right = std::max(right, edge.label->box.right());
      }
    if (left < 0) {
      const double shift = -left;
      for (auto& node : drawing.nodes) {
        node.box.x += shift;
        for (auto& item : node.content) translate(item, {shift, 0});
      }
      for (auto& edge : drawing.edges) {
        for (auto& p : edge.route) p.x += shift;
        if (edge.label) {
          edge.label->box.x += shift;
          for (auto& item : edge.label->content) translate(item, {shift, 0});
        }
      }
    }
    drawing.size.width = right - left;
  }

  const document::Flowchart& chart_;
  DiagramText& text_;
  FlowchartModel model_;
  std::vector<std::string> numbers_;
  InlineStyle style_;
  InlineStyle label_style_;
  double padding_ = 6;
};

}  // namespace

DiagramDrawing draw_flowchart(const document::Flowchart& chart, double width, DiagramText& text,
                              std::vector<std::string>& problems) {
  FlowchartDrawer drawer(chart, text, problems);
  double max_box = chart.style.max_box_width > 0 ? chart.style.max_box_width
                                                 : std::clamp(width * flowchart_box_share, 120.0, 220.0);
  DiagramDrawing drawing = drawer.draw(max_box);
  if (drawing.size.width > width && chart.style.max_box_width <= 0) {
    // Too wide: narrower boxes first (their text wraps), then scale what is still too wide.
    max_box = std::max(90.0, max_box * width / drawing.size.width);
    drawing = drawer.draw(max_box);
  }
  if (drawing.size.width > width) scale(drawing, width / drawing.size.width);
  return drawing;
}

}  // namespace raingan::layout
