#include "layout/org_chart_layout.h"

#include <algorithm>
#include <cmath>
#include <map>

#include "layout/graph_layout.h"

namespace raingan::layout {
namespace {

constexpr double stack_indent = 16;   // room left of a column of posts for the line down to them
constexpr double narrowest_box = 80;  // pt: boxes are made no narrower to fit a chart
constexpr double stack_gap = 6;       // between posts in a column
constexpr double photo_gap = 3;
constexpr double connector_padding = 4.5;
// pt: the least padding a box keeps around its text once the chart is drawn, scaled down as far as it may be.
constexpr double least_drawn_padding = 4.5;

struct OrgNode {
  const document::OrgChartUnit* unit = nullptr;
  std::size_t parent = no_node;
  std::vector<std::size_t> children;
  int depth = 0;
  bool stacked = false;           // stands in a column under its parent
  bool children_stacked = false;  // its children stand in a column
  std::string connector;          // its children are drawn elsewhere: an off-page connector below it
  BoxText name, position;
  Size photo;
  // The photo, name and position stacked, each with its padding, from the photo's top and the stack's
  // middle line: the box holds this area, centred.
  Rect area;
  Size box;
};

bool has_grandchildren(const document::OrgChartUnit& unit) {
  return std::any_of(unit.children.begin(), unit.children.end(),
                     [](const document::OrgChartUnit& child) { return !child.children.empty(); });
}

class OrgChartDrawer {
 public:
  OrgChartDrawer(const document::OrgChart& chart, double width, DiagramText& text)
      : chart_(chart), text_(text) {
    const auto& style = chart.style;
    name_style_ = {style.font, style.text_color, false};
    name_style_.font.bold = true;
    position_style_ = {style.font, style.text_color, false};
    label_style_ = {style.label_font, style.text_color, false};
    // Scaling the chart to fit scales its padding too: enough is given for the smallest scale allowed.
    padding_ = std::max({3.0, style.font.size * 0.4, least_drawn_padding / org_chart_scale_floor(style)});
    max_box_ = style.max_box_width > 0 ? style.max_box_width : std::clamp(width * 0.26, 96.0, 160.0);
  }

  // A drawer whose boxes are narrower, by `step`: 1 keeps long names to the box width, 2 and 3 narrow the
  // boxes too (unless the style fixes their width).
  OrgChartDrawer narrowed(int step) const {
    OrgChartDrawer copy = *this;
    copy.widen_names_ = false;
    if (chart_.style.max_box_width <= 0 && step > 1)
      copy.max_box_ = std::max(narrowest_box, max_box_ * (step == 2 ? 0.85 : 0.72));
    return copy;
  }
  bool narrower_than(const OrgChartDrawer& other) const { return max_box_ < other.max_box_ - 0.5; }

  // The chart under `root`: all of it (depth_limit < 0), or `root` and the units directly under it, those
  // with units of their own ending in an off-page connector (listed in `cut` with its label). `incoming`,
  // when set, is the label of a connector drawn above `root`.
  DiagramDrawing draw(const document::OrgChartUnit& root, int depth_limit,
                      std::vector<std::pair<const document::OrgChartUnit*, std::string>>& cut,
                      const std::string& incoming, std::size_t& next_label) {
    nodes_.clear();
    collect(root, no_node, 0, depth_limit, cut, next_label);
    for (auto& node : nodes_) measure(node);
    even_out();

    Graph graph;
    graph.routing = EdgeRouting::none;
    graph.keep_edge_order = true;
    graph.rank_separation = std::max(18.0, chart_.style.font.size * 1.4);
    graph.node_separation = std::max(8.0, chart_.style.font.size * 0.7);
    // Every unit is a node, except posts in a column: a column is one node, under its unit and in line with
    // it.
    std::vector<std::size_t> graph_node(nodes_.size(), no_node);
    for (std::size_t i = 0; i < nodes_.size(); ++i) {
      if (nodes_[i].stacked) continue;
      graph_node[i] = graph.nodes.size();
      graph.nodes.push_back({nodes_[i].box, nodes_[i].children_stacked ? "s" + std::to_string(i) : ""});
    }
    std::map<std::size_t, std::size_t> column_of;  // unit -> graph node of its column
    for (std::size_t i = 0; i < nodes_.size(); ++i) {
      const OrgNode& node = nodes_[i];
      if (!node.children_stacked) {
        for (std::size_t child : node.children)
          graph.edges.push_back({graph_node[i], graph_node[child], {}, true, 1, 1, false});
        continue;
      }
      Size column{0, 0};
      for (std::size_t child : node.children) {
        column.width = std::max(column.width, nodes_[child].box.width + stack_indent);
        column.height += nodes_[child].box.height;
      }
      column.height += stack_gap * static_cast<double>(node.children.size() - 1);
      column_of[i] = graph.nodes.size();
      graph.nodes.push_back({column, "s" + std::to_string(i)});
      graph.edges.push_back({graph_node[i], column_of[i], {}, true, 10, 1, false});
    }
    // Off-page connectors: under each unit whose units are drawn elsewhere, and above the root.
    std::vector<std::pair<std::size_t, BoxText>> connectors;  // graph node, label
    std::map<std::size_t, std::size_t> connector_under;       // unit -> graph node
    const auto add_connector = [&](const std::string& label) {
      BoxText laid = text_.line(label, label_style_);
      const Rect area = padded_area(laid, connector_padding, false);
      const Size size = shape_size(ShapeKind::off_page, {area.width, area.height});
      graph.nodes.push_back({size, ""});
      connectors.emplace_back(graph.nodes.size() - 1, std::move(laid));
      return graph.nodes.size() - 1;
    };
    for (std::size_t i = 0; i < nodes_.size(); ++i)
      if (!nodes_[i].connector.empty()) {
        const std::size_t connector = add_connector(nodes_[i].connector);
        graph.nodes[connector].group = graph.nodes[graph_node[i]].group = "c" + std::to_string(i);
        graph.edges.push_back({graph_node[i], connector, {}, true, 10, 1, false});
        connector_under[i] = connector;
      }
    std::size_t incoming_node = no_node;
    if (!incoming.empty()) {
      incoming_node = add_connector(incoming);
      graph.nodes[incoming_node].group = graph.nodes[0].group.empty() ? "root" : graph.nodes[0].group;
      if (graph.nodes[0].group.empty()) graph.nodes[0].group = "root";
      graph.edges.push_back({incoming_node, graph_node[0], {}, true, 10, 1, false});
    }
    const GraphLayout laid = layout_graph(graph);

    DiagramDrawing drawing;
    drawing.size = laid.size;
    drawing.look = {chart_.style.outline, chart_.style.line, chart_.style.fill, 7, 2.8};
    drawing.number_cut_connectors = true;
    drawing.nodes.resize(nodes_.size());
    for (std::size_t i = 0; i < nodes_.size(); ++i) {
      if (nodes_[i].stacked) {  // placed with its column below
        continue;
      }
      const Point center = laid.centers[graph_node[i]];
      const Size size = nodes_[i].box;
      drawing.nodes[i] =
          unit_node(i, {center.x - size.width / 2, center.y - size.height / 2, size.width, size.height});
    }
    for (const auto& [parent, column] : column_of) {
      const Size size = graph.nodes[column].size;
      const Point center = laid.centers[column];
      // dot centres a node on its rank; a column reads as hanging from its unit, so it starts at the rank's
      // top.
      double y = center.y - size.height / 2;
      for (std::size_t g = 0; g < graph.nodes.size(); ++g)
        if (std::fabs(laid.centers[g].y - center.y) < 0.5)
          y = std::min(y, center.y - graph.nodes[g].size.height / 2);
      for (std::size_t child : nodes_[parent].children) {
        const Size box = nodes_[child].box;
        drawing.nodes[child] =
            unit_node(child, {center.x - size.width / 2 + stack_indent, y, box.width, box.height});
        y += box.height + stack_gap;
      }
    }
    // Graphviz rounds its positions: a box a hair outside the drawing moves everything back in.
    double left = 0, top = 0;
    for (const auto& node : drawing.nodes) {
      left = std::min(left, node.box.x);
      top = std::min(top, node.box.y);
    }
    for (auto& node : drawing.nodes) {
      node.box.x -= left;
      node.box.y -= top;
      for (auto& item : node.content) translate(item, {-left, -top});
    }
    std::map<std::size_t, std::size_t> drawn_connector;  // graph node -> drawing node
    for (const auto& [connector, label] : connectors) {
      DiagramNode node;
      node.shape = ShapeKind::off_page;
      node.id = "connector";
      const Size size = graph.nodes[connector].size;
      const Point center = laid.centers[connector];
      node.box = {center.x - size.width / 2 - left, center.y - size.height / 2 - top, size.width,
                  size.height};
      DiagramText::draw_centred(label, padded_area(label, connector_padding, false),
                                text_center(ShapeKind::off_page, node.box), node.content);
      drawn_connector[connector] = drawing.nodes.size();
      drawing.nodes.push_back(std::move(node));
    }
    for (std::size_t i = 0; i < nodes_.size(); ++i) connect_children(i, drawing);
    // The drawing is as big as its boxes (columns moved up may leave room at the bottom; Graphviz rounds).
    double right = 0, bottom = 0;
    for (const auto& node : drawing.nodes) {
      right = std::max(right, node.box.right());
      bottom = std::max(bottom, node.box.bottom());
    }
    drawing.size = {std::max(drawing.size.width, right), bottom};
    for (const auto& [unit, connector] : connector_under) {
      const Rect& from = drawing.nodes[unit].box;
      const std::size_t to = drawn_connector[connector];
      const Rect& box = drawing.nodes[to].box;
      drawing.edges.push_back(
          {unit, to, {{from.center().x, from.bottom()}, {box.center().x, box.y}}, false, {}, {}});
    }
    if (incoming_node != no_node) {
      const std::size_t from = drawn_connector[incoming_node];
      const Rect& box = drawing.nodes[from].box;
      const Rect& root_box = drawing.nodes[0].box;
      drawing.edges.push_back(
          {from, 0, {{box.center().x, box.bottom()}, {root_box.center().x, root_box.y}}, false, {}, {}});
    }
    return drawing;
  }

 private:
  void collect(const document::OrgChartUnit& unit, std::size_t parent, int depth, int depth_limit,
               std::vector<std::pair<const document::OrgChartUnit*, std::string>>& cut,
               std::size_t& next_label) {
    const std::size_t index = nodes_.size();
    OrgNode node;
    node.unit = &unit;
    node.parent = parent;
    node.depth = depth;
    nodes_.push_back(node);
    if (parent != no_node) nodes_[parent].children.push_back(index);
    if (unit.children.empty()) return;
    if (depth_limit >= 0 && depth >= depth_limit) {
      nodes_[index].connector = connector_label(next_label++);
      cut.emplace_back(&unit, nodes_[index].connector);
      return;
    }
    const bool all_leaves =
        std::all_of(unit.children.begin(), unit.children.end(),
                    [](const document::OrgChartUnit& child) { return child.children.empty(); });
    const bool stack = chart_.stack_leaves_over > 0 && all_leaves &&
                       unit.children.size() > static_cast<std::size_t>(chart_.stack_leaves_over);
    nodes_[index].children_stacked = stack;
    for (const auto& child : unit.children) {
      const std::size_t child_index = nodes_.size();
      collect(child, index, depth + 1, depth_limit, cut, next_label);
      nodes_[child_index].stacked = stack;
    }
  }

  void measure(OrgNode& node) {
    // The top unit stands alone on its row: it may be wider.
    const double limit = std::max(40.0, max_box_ * (node.depth == 0 ? 1.8 : 1.0) - 2 * padding_);
    // A person's title, name and surname read best on one line: the box widens for a name a little too long.
    const double name_width = text_.line(node.unit->name, name_style_).widest_line;
    const bool widen = widen_names_ && name_width <= limit * 1.3;
    node.name = text_.fit(node.unit->name, name_style_, widen ? std::max(limit, name_width) : limit);
    node.position = text_.fit(node.unit->position, position_style_, limit);
    if (const auto& photo = node.unit->photo; photo && photo->pixel_width > 0 && photo->pixel_height > 0) {
      const double height = chart_.style.font.size * 3.4;
      const double width = std::min(limit, height * photo->pixel_width / photo->pixel_height);
      node.photo = {width, width * photo->pixel_height / photo->pixel_width};
    }
    const double name_top = node.photo.height + (node.photo.height > 0 ? photo_gap : 0);
    Rect area;
    if (node.photo.height > 0)
      area = {-node.photo.width / 2 - padding_, -padding_, node.photo.width + 2 * padding_,
              node.photo.height + 2 * padding_};
    const auto add = [&](const BoxText& text, double top) {
      if (text.lines.empty()) return;
      const Rect padded = padded_area(text, padding_);
      area = united(area, {padded.x - text.width / 2, padded.y + top, padded.width, padded.height});
    };
    add(node.name, name_top);
    add(node.position, name_top + node.name.height);
    node.area = area;
    node.box = shape_size(ShapeKind::unit, {area.width, area.height});
    node.box.width = std::max(node.box.width, chart_.style.font.size * 3);
  }

  // Boxes of one level are as tall as each other and boxes of one family as wide: the rows read as rows.
  void even_out() {
    std::map<int, double> tallest;
    for (const auto& node : nodes_)
      if (!node.stacked) tallest[node.depth] = std::max(tallest[node.depth], node.box.height);
    for (auto& node : nodes_)
      if (!node.stacked) node.box.height = tallest[node.depth];
    for (auto& parent : nodes_) {
      double widest = 0;
      for (std::size_t child : parent.children) widest = std::max(widest, nodes_[child].box.width);
      for (std::size_t child : parent.children) nodes_[child].box.width = widest;
    }
  }

  DiagramNode unit_node(std::size_t index, const Rect& box) {
    const OrgNode& unit = nodes_[index];
    DiagramNode node;
    node.id = unit.unit->name;
    node.shape = ShapeKind::unit;
    node.box = box;
    // The stack's area centred in the box (boxes of a row are evened out to the largest).
    const double middle = node.box.center().x - unit.area.center().x;
    double y = node.box.center().y - unit.area.center().y;
    if (unit.photo.height > 0) {
      node.content.push_back(Image{unit.unit->photo, {middle - unit.photo.width / 2, y}, unit.photo});
      y += unit.photo.height + photo_gap;
    }
    DiagramText::draw(unit.name, middle, y, node.content);
    DiagramText::draw(unit.position, middle, y + unit.name.height, node.content);
    return node;
  }

  // The lines from a unit to the units under it: down, along a bar, down into each; or, for a column of
  // posts, down its left side and across into each.
  void connect_children(std::size_t index, DiagramDrawing& drawing) const {
    const OrgNode& node = nodes_[index];
    if (node.children.empty()) return;
    const Rect parent = drawing.nodes[index].box;
    const Point from{parent.center().x, parent.bottom()};
    if (node.children_stacked) {
      const Rect first = drawing.nodes[node.children.front()].box;
      const double trunk = first.x - stack_indent / 2;
      const bool straight = trunk >= parent.x + 4 && trunk <= parent.right() - 4;
      const double elbow = parent.bottom() + (first.y - parent.bottom()) / 2;
      for (std::size_t child : node.children) {
        const Rect box = drawing.nodes[child].box;
        std::vector<Point> route;
        if (straight) {
          route = {{trunk, parent.bottom()}};
        } else {
          route = {from, {from.x, elbow}, {trunk, elbow}};
        }
        route.push_back({trunk, box.center().y});
        route.push_back({box.x, box.center().y});
        simplify_polyline(route);
        drawing.edges.push_back({index, child, std::move(route), false, {}, {}});
      }
      return;
    }
    double top = 1e9;
    for (std::size_t child : node.children) top = std::min(top, drawing.nodes[child].box.y);
    const double bar = parent.bottom() + (top - parent.bottom()) / 2;
    for (std::size_t child : node.children) {
      const Rect box = drawing.nodes[child].box;
      std::vector<Point> route{from, {from.x, bar}, {box.center().x, bar}, {box.center().x, box.y}};
      simplify_polyline(route);
      drawing.edges.push_back({index, child, std::move(route), false, {}, {}});
    }
  }

  const document::OrgChart& chart_;
  DiagramText& text_;
  InlineStyle name_style_, position_style_, label_style_;
  double padding_ = 6;
  double max_box_ = 120;
  bool widen_names_ = true;
  std::vector<OrgNode> nodes_;
};

void fit_width(DiagramDrawing& drawing, double width) {
  if (drawing.size.width > width) scale(drawing, width / drawing.size.width);
}

// The scale at which a drawing fits `width` and, when given, `height`.
double fitting_scale(const DiagramDrawing& drawing, double width, double height) {
  double factor = std::min(1.0, width / std::max(1.0, drawing.size.width));
  if (height > 0) factor = std::min(factor, height / std::max(1.0, drawing.size.height));
  return factor;
}

// The chart under `root` (to `depth_limit`, see OrgChartDrawer::draw) as narrow as it needs to be: boxes as
// wide as names want first, then names wrapped to the box width; still too wide and more than its floor's
// scale would mend, with narrower boxes (more lines in each).
DiagramDrawing draw_narrow_enough(OrgChartDrawer& drawer, const document::OrgChartUnit& root, int depth_limit,
                                  std::vector<std::pair<const document::OrgChartUnit*, std::string>>& cut,
                                  const std::string& incoming, double width, double floor,
                                  std::size_t& next_label) {
  const std::size_t first_label = next_label;
  DiagramDrawing drawing = drawer.draw(root, depth_limit, cut, incoming, next_label);
  for (int step = 1; drawing.size.width > width && step <= 3; ++step) {
    if (step > 1 && drawing.size.width * floor <= width) break;
    OrgChartDrawer narrow = drawer.narrowed(step);
    if (step > 1 && !narrow.narrower_than(drawer)) break;
    std::vector<std::pair<const document::OrgChartUnit*, std::string>> narrow_cut;
    std::size_t label = first_label;
    DiagramDrawing narrower = narrow.draw(root, depth_limit, narrow_cut, incoming, label);
    if (narrower.size.width < drawing.size.width) {
      drawing = std::move(narrower);
      cut = std::move(narrow_cut);
      next_label = label;
    }
  }
  return drawing;
}

void draw_parts(OrgChartDrawer& drawer, const document::OrgChartUnit& root, const std::string& incoming,
                double width, double height, double floor, std::size_t& next_label,
                std::vector<DiagramDrawing>& out) {
  std::vector<std::pair<const document::OrgChartUnit*, std::string>> cut;
  DiagramDrawing whole = draw_narrow_enough(drawer, root, -1, cut, incoming, width, floor, next_label);
  const double factor = fitting_scale(whole, width, height);
  if (factor >= floor - 1e-9 || !has_grandchildren(root)) {
    if (factor >= floor - 1e-9) {
      if (factor < 1) scale(whole, factor);
    } else {
      fit_width(whole,
                width);  // cannot split: narrow enough, whatever its text; pagination cuts what is tall
    }
    out.push_back(std::move(whole));
    return;
  }
  // Too wide or too tall: the top and the units under it, then each of those units' own chart.
  cut.clear();
  DiagramDrawing top = draw_narrow_enough(drawer, root, 1, cut, incoming, width, floor, next_label);
  fit_width(top, width);
  out.push_back(std::move(top));
  for (const auto& [unit, label] : cut)
    draw_parts(drawer, *unit, label, width, height, floor, next_label, out);
}

}  // namespace

double org_chart_scale_floor(const document::DiagramStyle& style) {
  return std::min(1.0, std::max(org_chart_min_scale, org_chart_min_text / std::max(1.0, style.font.size)));
}

std::vector<DiagramDrawing> draw_org_chart(const document::OrgChart& chart, double width, double height,
                                           DiagramText& text) {
  OrgChartDrawer drawer(chart, width, text);
  std::vector<DiagramDrawing> parts;
  std::size_t next_label = 0;
  draw_parts(drawer, chart.root, {}, width, height, org_chart_scale_floor(chart.style), next_label, parts);
  return parts;
}

}  // namespace raingan::layout
