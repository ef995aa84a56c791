#include "layout/diagram_drawing.h"

#include <algorithm>
#include <cmath>
#include <memory>

#include "format/thai_digits.h"

namespace raingan::layout {
namespace {

// Thai consonants in dictionary order, without the obsolete ฃ and ฅ.
constexpr const char* connector_letters[] = {
    "ก", "ข", "ค", "ง", "จ", "ฉ", "ช", "ซ", "ฌ", "ญ", "ฎ", "ฏ", "ฐ", "ฑ", "ฒ", "ณ", "ด", "ต", "ถ", "ท", "ธ",
    "น", "บ", "ป", "ผ", "ฝ", "พ", "ฟ", "ภ", "ม", "ย", "ร", "ล", "ว", "ศ", "ษ", "ส", "ห", "ฬ", "อ", "ฮ"};

constexpr double connector_padding = 4.5;
constexpr double connector_lead = 9;   // line between a connector and the page end it stands for
constexpr double line_hop_radius = 3;  // pt: the half circle a line draws over another it crosses

void move_items(const std::vector<FrameItem>& items, Point offset, std::vector<FrameItem>& out) {
  for (const auto& item : items) {
    FrameItem moved = item;
    translate(moved, offset);
    out.push_back(std::move(moved));
  }
}

Point shifted(Point p, Point offset) { return {p.x + offset.x, p.y + offset.y}; }

// The polyline shortened by `length` at its end (so that a line stops under its arrowhead's base).
void shorten_end(std::vector<Point>& points, double length) {
  if (points.size() < 2) return;
  Point& end = points.back();
  const Point before = points[points.size() - 2];
  const double dx = end.x - before.x, dy = end.y - before.y;
  const double norm = std::hypot(dx, dy);
  if (norm <= length) return;
  end = {end.x - dx / norm * length, end.y - dy / norm * length};
}

}  // namespace

void draw_band(const DiagramDrawing& drawing, double top, double bottom, Point offset,
               std::vector<FrameItem>& out) {
  const auto within = [&](double y) { return y >= top - 1e-6 && y <= bottom + 1e-6; };
  const DiagramLook& look = drawing.look;
  for (const auto& node : drawing.nodes) {
    if (!within(node.box.center().y)) continue;
    Rect box = node.box;
    box.x += offset.x;
    box.y += offset.y;
    out.push_back(shape_path(node.shape, box, look.fill, look.outline));
  }
  // Where lines cross without meeting, the level one hops over the upright one.
  std::vector<Upright> uprights;
  for (std::size_t e = 0; e < drawing.edges.size(); ++e) {
    const auto& route = drawing.edges[e].route;
    for (std::size_t i = 0; i + 1 < route.size(); ++i)
      if (std::fabs(route[i].x - route[i + 1].x) <= 1e-6)
        uprights.push_back({route[i].x + offset.x, std::min(route[i].y, route[i + 1].y) + offset.y,
                            std::max(route[i].y, route[i + 1].y) + offset.y, e});
  }
  std::vector<FrameItem> arrows;
  for (std::size_t e = 0; e < drawing.edges.size(); ++e) {
    const DiagramEdge& edge = drawing.edges[e];
    if (edge.route.size() < 2) continue;
    const Point tip = edge.route.back();
    const bool arrow_here = edge.arrow && within(tip.y);
    auto parts = clip_polyline(edge.route, top, bottom);
    for (std::size_t p = 0; p < parts.size(); ++p) {
      auto& part = parts[p];
      const bool last = p + 1 == parts.size();
      if (arrow_here && last) shorten_end(part, look.arrow_length * 0.8);
      for (auto& point : part) point = shifted(point, offset);
      out.push_back(hopping_polyline_path(part, e, uprights, line_hop_radius, look.line));
    }
    if (arrow_here)
      arrows.push_back(arrowhead(shifted(edge.route[edge.route.size() - 2], offset), shifted(tip, offset),
                                 look.arrow_length, look.arrow_half_width, look.line.color));
  }
  for (auto& arrow : arrows) out.push_back(std::move(arrow));
  for (const auto& edge : drawing.edges)
    if (edge.label && within(edge.label->box.center().y)) move_items(edge.label->content, offset, out);
  for (const auto& node : drawing.nodes)
    if (within(node.box.center().y)) move_items(node.content, offset, out);
}

namespace {

// Heights where the drawing may be cut: in each gap between rows of boxes and labels, the height farthest
// from any horizontal stretch of line (so that lines cross a cut, never run along it).
std::vector<double> cut_heights(const DiagramDrawing& drawing) {
  std::vector<std::pair<double, double>> spans;
  for (const auto& node : drawing.nodes) spans.emplace_back(node.box.y, node.box.bottom());
  for (const auto& edge : drawing.edges)
    if (edge.label) spans.emplace_back(edge.label->box.y, edge.label->box.bottom());
  std::sort(spans.begin(), spans.end());
  std::vector<double> level_lines;
  for (const auto& edge : drawing.edges)
    for (std::size_t i = 0; i + 1 < edge.route.size(); ++i)
      if (std::fabs(edge.route[i].y - edge.route[i + 1].y) < 1e-6) level_lines.push_back(edge.route[i].y);

  std::vector<double> cuts;
  double reach = spans.empty() ? 0 : spans.front().second;
  for (std::size_t i = 1; i < spans.size(); ++i) {
    const auto [start, end] = spans[i];
    if (start > reach + 2) {
      double best = (reach + start) / 2, best_clearance = -1;
      for (int k = 1; k < 16; ++k) {
        const double y = reach + (start - reach) * k / 16;
        double clearance = std::min(y - reach, start - y);
        for (double level : level_lines) clearance = std::min(clearance, std::fabs(level - y));
        if (clearance > best_clearance) {
          best_clearance = clearance;
          best = y;
        }
      }
      if (best_clearance > 0.25) cuts.push_back(best);
    }
    reach = std::max(reach, end);
  }
  return cuts;
}

}  // namespace

std::vector<Crossing> crossings_at(const DiagramDrawing& drawing, double y, double x) {
  std::vector<Crossing> found;
  for (const auto& edge : drawing.edges)
    for (std::size_t i = 0; i + 1 < edge.route.size(); ++i) {
      const Point a = edge.route[i], b = edge.route[i + 1];
      if ((a.y < y) == (b.y < y) || std::fabs(b.y - a.y) < 1e-9) continue;
      const double t = (y - a.y) / (b.y - a.y);
      found.push_back({x + a.x + (b.x - a.x) * t, b.y > a.y, edge.continues_to});
    }
  std::stable_sort(found.begin(), found.end(),
                   [](const Crossing& p, const Crossing& q) { return p.x < q.x; });
  // Lines that run together (an organisation chart's lines to the posts of one column share its trunk) cross
  // as one, with one pair of connectors.
  std::vector<Crossing> distinct;
  for (auto& crossing : found)
    if (distinct.empty() || std::fabs(distinct.back().x - crossing.x) > 0.5 ||
        distinct.back().downward != crossing.downward)
      distinct.push_back(std::move(crossing));
  std::size_t count = 0;
  for (auto& crossing : distinct)
    if (crossing.label.empty())
      crossing.label = drawing.number_cut_connectors ? format::thai_digits(static_cast<std::int64_t>(++count))
                                                     : connector_label(count++);
  return distinct;
}

Frame compose(const DiagramDrawing& drawing) {
  Frame frame;
  frame.size = drawing.size;
  draw_band(drawing, -1e9, 1e9, {0, 0}, frame.items);
  return frame;
}

void scale(DiagramDrawing& drawing, double factor) {
  const auto point = [factor](Point& p) {
    p.x *= factor;
    p.y *= factor;
  };
  const auto rect = [factor](Rect& r) {
    r.x *= factor;
    r.y *= factor;
    r.width *= factor;
    r.height *= factor;
  };
  drawing.size.width *= factor;
  drawing.size.height *= factor;
  for (auto& node : drawing.nodes) {
    rect(node.box);
    for (auto& item : node.content) scale_item(item, factor);
  }
  for (auto& edge : drawing.edges) {
    for (auto& p : edge.route) point(p);
    if (edge.label) {
      rect(edge.label->box);
      for (auto& item : edge.label->content) scale_item(item, factor);
    }
  }
  DiagramLook& look = drawing.look;
  look.outline.thickness = std::max(0.5, look.outline.thickness * factor);
  look.line.thickness = std::max(0.5, look.line.thickness * factor);
  look.arrow_length *= factor;
  look.arrow_half_width *= factor;
}

std::string connector_label(std::size_t index) {
  constexpr std::size_t count = std::size(connector_letters);
  std::string label;
  for (std::size_t k = 0; k <= index / count; ++k) label += connector_letters[index % count];
  return label;
}

Size off_page_connector_size(const std::string& label, const ConnectorStyle& style, DiagramText& text) {
  const Rect area = padded_area(text.line(label, style.label), connector_padding, false);
  return shape_size(ShapeKind::off_page, {area.width, area.height});
}

Rect draw_off_page_connector(const std::string& label, Point top_left, const ConnectorStyle& style,
                             DiagramText& text, std::vector<FrameItem>& out) {
  const BoxText laid = text.line(label, style.label);
  const Rect area = padded_area(laid, connector_padding, false);
  const Size size = shape_size(ShapeKind::off_page, {area.width, area.height});
  const Rect box{top_left.x, top_left.y, size.width, size.height};
  out.push_back(shape_path(ShapeKind::off_page, box, style.look.fill.value_or(Color{255, 255, 255}),
                           style.look.outline));
  DiagramText::draw_centred(laid, area, text_center(ShapeKind::off_page, box), out);
  return box;
}

namespace {

// Where the connectors of lines crossing a page end stand: under their lines, unless they would touch; then
// each group of touching connectors is spread evenly about its lines' middle.
std::vector<double> connector_centers(const std::vector<Crossing>& crossings,
                                      const std::vector<Size>& sizes) {
  struct Group {
    std::size_t first, last;
    double center;
  };
  constexpr double spacing = 3;
  std::vector<Group> groups;
  const auto width = [&](const Group& g) {
    double w = 0;
    for (std::size_t i = g.first; i <= g.last; ++i) w += sizes[i].width + (i > g.first ? spacing : 0);
    return w;
  };
  for (std::size_t i = 0; i < crossings.size(); ++i) {
    groups.push_back({i, i, crossings[i].x});
    // Merge with the group before while they touch.
    while (groups.size() > 1) {
      Group& previous = groups[groups.size() - 2];
      Group& current = groups.back();
      if (previous.center + width(previous) / 2 + spacing <= current.center - width(current) / 2) break;
      const double mean = [&] {
        double sum = 0;
        for (std::size_t k = previous.first; k <= current.last; ++k) sum += crossings[k].x;
        return sum / static_cast<double>(current.last - previous.first + 1);
      }();
      previous = {previous.first, current.last, mean};
      groups.pop_back();
    }
  }
  std::vector<double> centers(crossings.size());
  for (const auto& group : groups) {
    double x = group.center - width(group) / 2;
    for (std::size_t i = group.first; i <= group.last; ++i) {
      centers[i] = x + sizes[i].width / 2;
      x += sizes[i].width + spacing;
    }
  }
  return centers;
}

// A line from a crossing's x at `edge_y` to a connector's centre at `connector_y`, with a jog halfway when
// the connector had to move aside.
std::vector<Point> lead_line(double x, double edge_y, double center, double connector_y) {
  if (std::fabs(x - center) < 0.01) return {{x, edge_y}, {x, connector_y}};
  const double middle = (edge_y + connector_y) / 2;
  return {{x, edge_y}, {x, middle}, {center, middle}, {center, connector_y}};
}

}  // namespace

PageCues crossing_cues(const std::vector<Crossing>& crossings, const ConnectorStyle& style, DiagramText& text,
                       const Frame& head_above, double head_above_height) {
  PageCues cues;
  double tallest = 0;
  std::vector<Size> sizes;
  for (const auto& crossing : crossings) {
    sizes.push_back(off_page_connector_size(crossing.label, style, text));
    tallest = std::max(tallest, sizes.back().height);
  }
  const std::vector<double> centers = connector_centers(crossings, sizes);
  const DiagramLook& look = style.look;

  // Foot: under the last strip of a page, the lines run down into connectors.
  cues.foot_height = crossings.empty() ? 0 : connector_lead + tallest + 2;
  for (std::size_t i = 0; i < crossings.size(); ++i) {
    const Crossing& crossing = crossings[i];
    const Rect box = draw_off_page_connector(
        crossing.label, {centers[i] - sizes[i].width / 2, connector_lead}, style, text, cues.foot.items);
    auto line = lead_line(crossing.x, 0, centers[i], box.y);
    if (crossing.downward) {
      const Point before = line[line.size() - 2];
      line.back().y -= look.arrow_length * 0.8;
      cues.foot.items.push_back(polyline_path(line, look.line));
      cues.foot.items.push_back(
          arrowhead(before, {centers[i], box.y}, look.arrow_length, look.arrow_half_width, look.line.color));
    } else {
      cues.foot.items.push_back(polyline_path(line, look.line));
    }
  }
  cues.foot.size = {0, cues.foot_height};

  // Head: above the first strip of the next page, the lines start again from connectors.
  cues.head.append(head_above, {0, 0});
  const double top = head_above_height + (crossings.empty() ? 0 : 3);
  cues.head_height = head_above_height + (crossings.empty() ? 0 : 3 + tallest + connector_lead);
  for (std::size_t i = 0; i < crossings.size(); ++i) {
    const Crossing& crossing = crossings[i];
    const Rect box = draw_off_page_connector(crossing.label, {centers[i] - sizes[i].width / 2, top}, style,
                                             text, cues.head.items);
    auto line = lead_line(crossing.x, cues.head_height, centers[i], box.bottom());
    if (crossing.downward) {
      cues.head.items.push_back(polyline_path(line, look.line));
    } else {
      const Point before = line[line.size() - 2];
      line.back().y += look.arrow_length * 0.8;
      cues.head.items.push_back(polyline_path(line, look.line));
      cues.head.items.push_back(arrowhead(before, {centers[i], box.bottom()}, look.arrow_length,
                                          look.arrow_half_width, look.line.color));
    }
  }
  cues.head.size = {0, cues.head_height};
  return cues;
}

std::vector<FlowLine> diagram_strips(const DiagramDrawing& drawing, double x, const ConnectorStyle& style,
                                     DiagramText& text) {
  std::vector<double> edges_of_bands{0};
  for (double cut : cut_heights(drawing)) edges_of_bands.push_back(cut);
  edges_of_bands.push_back(drawing.size.height);

  std::vector<PageCues> boundaries;  // boundary k lies between band k and band k + 1
  for (std::size_t k = 1; k + 1 < edges_of_bands.size(); ++k)
    boundaries.push_back(crossing_cues(crossings_at(drawing, edges_of_bands[k], x), style, text));

  std::vector<FlowLine> strips;
  for (std::size_t b = 0; b + 1 < edges_of_bands.size(); ++b) {
    const double top = edges_of_bands[b], bottom = edges_of_bands[b + 1];
    FlowLine strip;
    strip.height = bottom - top;
    strip.baseline = strip.height;
    strip.frame.size = {x + drawing.size.width, strip.height};
    draw_band(drawing, top, bottom, {x, -top}, strip.frame.items);
    strip.break_before = b == 0;
    if (!boundaries.empty()) {
      auto cues = std::make_shared<PageCues>();
      if (b > 0) {
        cues->head = boundaries[b - 1].head;
        cues->head_height = boundaries[b - 1].head_height;
      }
      if (b < boundaries.size()) {
        cues->foot = boundaries[b].foot;
        cues->foot_height = boundaries[b].foot_height;
      }
      strip.cues = std::move(cues);
    }
    strips.push_back(std::move(strip));
  }
  return strips;
}

}  // namespace raingan::layout
