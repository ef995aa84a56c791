#include "layout/flowchart_table.h"

#include <algorithm>
#include <memory>

#include "layout/flowchart_steps.h"

namespace raingan::layout {
namespace {

enum Column { number, flow, details, quality, duration, responsible, column_count };

constexpr double cell_padding_x = 4;
constexpr double cell_padding_y = 3;
constexpr double lane_gap = 9;     // between lanes on the column's right side
constexpr double flow_margin = 6;  // between the shapes and the column's edges
constexpr double arrow_room = 14;  // at least this much line above and below a shape in its row

const Stroke table_stroke{0.5, {}, Stroke::Dash::solid};

// Column edges for a table `width` wide: ที่ (as wide as its widest number) and ระยะเวลา narrow, ผังกระบวนการ a
// little under a third, the rest shared.
std::vector<double> column_edges(double width, double font_size, double widest_number) {
  const double number_width = std::max({22.0, font_size * 1.7, widest_number + 2 * cell_padding_x + 1});
  const double flow_width = std::clamp(width * 0.3, 120.0, 240.0);
  const double duration_width = std::clamp(width * 0.1, 44.0, 72.0);
  const double rest = std::max(60.0, width - number_width - flow_width - duration_width);
  const double shares[] = {1.6, 1.0, 1.1};
  const double unit = rest / (shares[0] + shares[1] + shares[2]);
  const double widths[column_count] = {number_width,     flow_width,     shares[0] * unit,
                                       shares[1] * unit, duration_width, shares[2] * unit};
  std::vector<double> edges{0};
  for (double w : widths) edges.push_back(edges.back() + w);
  return edges;
}

// Cell borders of one row, `height` tall, as tables draw them.
void draw_cells(const std::vector<double>& edges, double height, double x, std::vector<FrameItem>& out) {
  for (int c = 0; c < column_count; ++c)
    out.push_back(
        Rectangle{{x + edges[c], 0}, {edges[c + 1] - edges[c], height}, std::nullopt, table_stroke});
}

// Lanes for the arrows that leave the column's run: each arrow takes the nearest lane free over the rows it
// spans (rows shared at an end count as taken).
std::vector<int> assign_lanes(const std::vector<std::pair<std::size_t, std::size_t>>& spans, int& count) {
  std::vector<std::size_t> order(spans.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    const auto la = spans[a].second - spans[a].first, lb = spans[b].second - spans[b].first;
    return la != lb ? la < lb : spans[a].first < spans[b].first;
  });
  std::vector<int> lane(spans.size(), 0);
  std::vector<std::vector<std::pair<std::size_t, std::size_t>>> taken;
  for (std::size_t i : order) {
    int chosen = 0;
    for (;; ++chosen) {
      if (chosen == static_cast<int>(taken.size())) taken.emplace_back();
      const bool clash = std::any_of(taken[chosen].begin(), taken[chosen].end(), [&](const auto& other) {
        return !(other.second < spans[i].first || spans[i].second < other.first);
      });
      if (!clash) break;
    }
    taken[chosen].push_back(spans[i]);
    lane[i] = chosen;
  }
  count = static_cast<int>(taken.size());
  return lane;
}

// A side exit's label over its line, kept left of the lane the line turns into: where the line is shorter
// than the label, the label moves left and rises until it clears the shape's shoulder.
Rect side_label_box(Rect box, double lane, const std::vector<Point>& outline) {
  if (box.right() <= lane - 2) return box;
  box.x = lane - 2 - box.width;
  for (int step = 0; step < 200; ++step) {
    // The ink of a line sits in the middle of its box: the box may overlap the outline by a little.
    const Rect ink{box.x, box.y + box.height * 0.2, box.width, box.height * 0.65};
    bool clear = true;
    for (const Point& p : outline)
      if (p.x >= ink.x && p.x <= ink.right() && p.y >= ink.y && p.y <= ink.bottom()) clear = false;
    for (std::size_t i = 0; clear && i < outline.size(); ++i) {
      const Point a = outline[i], b = outline[(i + 1) % outline.size()];
      // The outline's side crosses the ink's bottom edge.
      const double y = ink.bottom();
      if ((a.y - y) * (b.y - y) < 0) {
        const double x = a.x + (b.x - a.x) * (y - a.y) / (b.y - a.y);
        if (x >= ink.x && x <= ink.right()) clear = false;
      }
    }
    if (clear) break;
    box.y -= 1;
  }
  return box;
}

class TableBuilder {
 public:
  TableBuilder(const document::Flowchart& chart, double width, double x, DiagramText& text,
               std::vector<std::string>& problems)
      : chart_(chart),
        text_(text),
        x_(x),
        model_(read_flowchart(chart, problems)),
        numbers_(step_numbers(model_)) {
    // The shapes share a column with lanes and labels: their text is set a little smaller than the table's.
    label_style_ = {chart.style.label_font, chart.style.text_color, false};
    shape_style_ = {chart.style.font, chart.style.text_color, false};
    shape_style_.font.size = std::max(11.0, std::min(chart.style.font.size, chart.table_font.size - 2));
    label_style_.font.size = shape_style_.font.size;
    cell_style_ = {chart.table_font, chart.style.text_color, false};
    header_style_ = cell_style_;
    header_style_.font.bold = true;
    header_style_.font.size = std::max(11.0, cell_style_.font.size - 1);
    double widest_number = 0;
    for (const auto& number : numbers_)
      widest_number = std::max(widest_number, text_.line(number, cell_style_).widest_line);
    edges_ = column_edges(width, chart.table_font.size, widest_number);
  }

  FlowchartTable build() {
    FlowchartTable table;
    table.column_x = edges_;
    plan_lanes();
    measure_shapes();
    measure_rows();
    draw_chart(table.chart);
    table.row_top = row_top_;

    Frame header;
    const double header_height = draw_header(header);
    const ConnectorStyle connectors{label_style_, table.chart.look};
    std::vector<PageCues> boundaries;  // between row k and row k + 1
    for (std::size_t k = 0; k + 1 < model_.steps.size(); ++k)
      boundaries.push_back(boundary_cues(table.chart, row_top_[k + 1], connectors, header, header_height));

    FlowLine header_strip;
    header_strip.frame = header;
    header_strip.height = header_height;
    header_strip.baseline = header_height;
    table.strips.push_back(std::move(header_strip));
    for (std::size_t k = 0; k < model_.steps.size(); ++k) {
      FlowLine row;
      row.height = row_top_[k + 1] - row_top_[k];
      row.baseline = row.height;
      row.frame.size = {x_ + edges_.back(), row.height};
      draw_cells(edges_, row.height, x_, row.frame.items);
      draw_band(table.chart, row_top_[k], row_top_[k + 1], {x_, -row_top_[k]}, row.frame.items);
      draw_row_text(k, row.frame.items);
      row.break_before = k > 0;  // the first row stays with the header
      auto cues = std::make_shared<PageCues>();
      if (k > 0) {
        cues->head = boundaries[k - 1].head;
        cues->head_height = boundaries[k - 1].head_height;
      }
      if (k < boundaries.size()) {
        cues->foot = boundaries[k].foot;
        cues->foot_height = boundaries[k].foot_height;
      }
      row.cues = std::move(cues);
      table.strips.push_back(std::move(row));
    }
    return table;
  }

 private:
  struct Lane {
    std::size_t link = 0;
    int lane = 0;
  };

  // Which arrows run in lanes, and in which lane.
  void plan_lanes() {
    std::vector<std::pair<std::size_t, std::size_t>> spans;
    std::vector<std::size_t> links;
    for (std::size_t l = 0; l < model_.links.size(); ++l) {
      const auto& link = model_.links[l];
      if (link.down && link.to == link.from + 1) continue;
      spans.emplace_back(std::min(link.from, link.to), std::max(link.from, link.to));
      links.push_back(l);
    }
    const auto lanes = assign_lanes(spans, lane_count_);
    for (std::size_t i = 0; i < links.size(); ++i) lanes_.push_back({links[i], lanes[i]});
    // A side exit's label stands over its line between the shape and the first lane: keep room for it.
    double label_room = 0;
    for (std::size_t l : links)
      if (!model_.links[l].label.empty())
        label_room = std::max(label_room, text_.line(model_.links[l].label, label_style_).widest_line + 6);
    label_room_ = label_room;
    const double lanes_width = lane_count_ > 0 ? 8 + lane_count_ * lane_gap : 0;
    area_left_ = edges_[flow] + flow_margin;
    area_right_ = edges_[flow + 1] - flow_margin - lanes_width;
    axis_ = (area_left_ + area_right_) / 2;
  }

  double lane_x(int lane) const {
    return edges_[flow + 1] - flow_margin - (lane_count_ - 1 - lane) * lane_gap;
  }

  void measure_shapes() {
    const double padding = std::max(3.0, chart_.style.font.size * 0.4);
    const double area = area_right_ - area_left_;
    for (const auto* step : model_.steps) {
      const ShapeKind shape = shape_of(step->kind);
      double limit = area - 2 * padding;
      if (shape == ShapeKind::decision) {
        // A diamond leaves some room between its right corner and the lanes for its side exit's label (which
        // rises over the diamond's shoulder where it needs more).
        limit = std::max(30.0, (area - 0.6 * label_room_) / 2 - padding);
      } else if (shape == ShapeKind::data) {
        limit -= 24;
      } else if (shape == ShapeKind::terminal) {
        limit -= 20;
      }
      BoxText laid = text_.fit(step->text, shape_style_, std::max(30.0, limit));
      const Rect padded = padded_area(laid, padding);
      Size size = shape_size(shape, {padded.width, padded.height});
      size.width = std::min(std::max(size.width, chart_.style.font.size * 2), area);
      shapes_.push_back({shape, std::move(laid), padded, size});
    }
  }

  void measure_rows() {
    const double inner = [&] {
      double tallest = 0;
      for (const auto& link : model_.links)
        if (!link.label.empty()) tallest = std::max(tallest, text_.line(link.label, label_style_).height);
      return tallest;
    }();
    row_top_ = {0};
    for (std::size_t k = 0; k < model_.steps.size(); ++k) {
      cells_.push_back(row_cells(k));
      double height = shapes_[k].size.height + 2 * arrow_room;
      if (shapes_[k].shape == ShapeKind::decision)
        height = shapes_[k].size.height + 2 * std::max(arrow_room, inner + 4);
      for (const auto& cell : cells_.back()) height = std::max(height, cell.height + 2 * cell_padding_y);
      row_top_.push_back(row_top_.back() + height);
    }
  }

  std::vector<BoxText> row_cells(std::size_t k) {
    const auto* step = model_.steps[k];
    const auto width = [&](Column c) { return edges_[c + 1] - edges_[c] - 2 * cell_padding_x; };
    std::vector<BoxText> cells(column_count);
    cells[number] = text_.paragraph(numbers_[k], cell_style_, width(number), Align::center);
    // A terminal's row says nothing the shape does not; other steps are described by their text unless they
    // have details of their own. Narrow columns are set flush left: spreading them leaves gaps.
    const bool terminal =
        step->kind == document::FlowchartStepKind::start || step->kind == document::FlowchartStepKind::end;
    const std::string& described = step->details.empty() && !terminal ? step->text : step->details;
    cells[details] = text_.paragraph(described, cell_style_, width(details), Align::left);
    cells[quality] = text_.paragraph(step->quality_standard, cell_style_, width(quality), Align::left);
    cells[duration] = text_.paragraph(step->duration, cell_style_, width(duration), Align::center);
    cells[responsible] = text_.paragraph(step->responsible, cell_style_, width(responsible), Align::center);
    return cells;
  }

  void draw_row_text(std::size_t k, std::vector<FrameItem>& out) const {
    for (int c = 0; c < column_count; ++c) {
      if (c == flow) continue;
      const double middle = x_ + (edges_[c] + edges_[c + 1]) / 2;
      DiagramText::draw(cells_[k][c], middle, cell_padding_y, out);
    }
  }

  double draw_header(Frame& header) {
    const auto& h = chart_.headings;
    const std::string titles[column_count] = {h.number,           h.chart,    h.details,
                                              h.quality_standard, h.duration, h.responsible};
    std::vector<BoxText> laid;
    double height = 0;
    for (int c = 0; c < column_count; ++c) {
      laid.push_back(text_.paragraph(titles[c], header_style_, edges_[c + 1] - edges_[c] - 2 * cell_padding_x,
                                     Align::center));
      height = std::max(height, laid.back().height + 2 * cell_padding_y);
    }
    draw_cells(edges_, height, x_, header.items);
    for (int c = 0; c < column_count; ++c)
      DiagramText::draw(laid[c], x_ + (edges_[c] + edges_[c + 1]) / 2, (height - laid[c].height) / 2,
                        header.items);
    header.size = {x_ + edges_.back(), height};
    return height;
  }

  void draw_chart(DiagramDrawing& drawing) {
    drawing.size = {edges_.back(), row_top_.back()};
    drawing.look = {chart_.style.outline, chart_.style.line, chart_.style.fill, 7, 2.8};
    std::vector<bool> exits_sideways(model_.steps.size(), false);
    for (const auto& lane : lanes_) exits_sideways[model_.links[lane.link].from] = true;
    for (std::size_t k = 0; k < model_.steps.size(); ++k) {
      DiagramNode node;
      node.id = model_.steps[k]->id;
      node.shape = shapes_[k].shape;
      const double middle = (row_top_[k] + row_top_[k + 1]) / 2;
      const Size size = shapes_[k].size;
      node.box = {axis_ - size.width / 2, middle - size.height / 2, size.width, size.height};
      DiagramText::draw_centred(shapes_[k].text, shapes_[k].area, text_center(node.shape, node.box),
                                node.content);
      drawing.nodes.push_back(std::move(node));
    }
    std::vector<int> lane_of(model_.links.size(), -1);
    for (const auto& lane : lanes_) lane_of[lane.link] = lane.lane;
    for (std::size_t l = 0; l < model_.links.size(); ++l) {
      const auto& link = model_.links[l];
      const DiagramNode& from = drawing.nodes[link.from];
      const DiagramNode& to = drawing.nodes[link.to];
      const auto tail = shape_outline(from.shape, from.box);
      const auto head = shape_outline(to.shape, to.box);
      DiagramEdge edge;
      edge.from = link.from;
      edge.to = link.to;
      edge.continues_to = numbers_[link.to];
      if (lane_of[l] < 0) {
        const Point start = first_hit(tail, {axis_, from.box.bottom() + 50}, {axis_, from.box.center().y})
                                .value_or(Point{axis_, from.box.bottom()});
        const Point end = first_hit(head, {axis_, to.box.y - 50}, {axis_, to.box.center().y})
                              .value_or(Point{axis_, to.box.y});
        edge.route = {start, end};
      } else {
        const double lane = lane_x(lane_of[l]);
        const double exit_y = from.box.center().y;
        // An arrow coming in beside a shape that also sends one out to the side comes in higher up.
        const double entry_y = to.box.center().y - (exits_sideways[link.to] ? to.box.height / 4 : 0);
        const Point start = first_hit(tail, {lane, exit_y}, {from.box.center().x, exit_y})
                                .value_or(Point{from.box.right(), exit_y});
        const Point end = first_hit(head, {lane, entry_y}, {to.box.center().x, entry_y})
                              .value_or(Point{to.box.right(), entry_y});
        edge.route = {start, {lane, exit_y}, {lane, entry_y}, end};
      }
      if (!link.label.empty()) {
        BoxText laid = text_.line(link.label, label_style_);
        DiagramLabel label;
        label.text = link.label;
        label.box = exit_label_boxes(edge.route, {laid.widest_line, laid.height}).front();
        if (lane_of[l] >= 0) label.box = side_label_box(label.box, lane_x(lane_of[l]), tail);
        DiagramText::draw(laid, label.box.center().x, label.box.y, label.content);
        edge.label = std::move(label);
      }
      drawing.edges.push_back(std::move(edge));
    }
  }

  // The cues of a page end between two rows: a closing row with connectors under the upper row, the header
  // and a row with the matching connectors above the lower one.
  PageCues boundary_cues(const DiagramDrawing& drawing, double y, const ConnectorStyle& style,
                         const Frame& header, double header_height) {
    const auto crossings = crossings_at(drawing, y, x_);
    PageCues cues = crossing_cues(crossings, style, text_, header, header_height);
    if (cues.foot_height > 0) {
      cues.foot_height += 3;
      std::vector<FrameItem> items;
      draw_cells(edges_, cues.foot_height, x_, items);
      items.insert(items.end(), cues.foot.items.begin(), cues.foot.items.end());
      cues.foot.items = std::move(items);
    }
    if (cues.head_height > header_height) {
      Frame cells;
      draw_cells(edges_, cues.head_height - header_height, x_, cells.items);
      std::vector<FrameItem> items(cues.head.items.begin(),
                                   cues.head.items.begin() + static_cast<long>(header.items.size()));
      for (auto& item : cells.items) {
        translate(item, {0, header_height});
        items.push_back(std::move(item));
      }
      items.insert(items.end(), cues.head.items.begin() + static_cast<long>(header.items.size()),
                   cues.head.items.end());
      cues.head.items = std::move(items);
    }
    return cues;
  }

  struct Shape {
    ShapeKind shape;
    BoxText text;
    Rect area;  // the text with its padding (padded_area)
    Size size;
  };

  const document::Flowchart& chart_;
  DiagramText& text_;
  double x_;
  FlowchartModel model_;
  std::vector<std::string> numbers_;
  InlineStyle shape_style_, label_style_, cell_style_, header_style_;
  std::vector<double> edges_;
  std::vector<Lane> lanes_;
  int lane_count_ = 0;
  double area_left_ = 0, area_right_ = 0, axis_ = 0;
  double label_room_ = 0;
  std::vector<Shape> shapes_;
  std::vector<std::vector<BoxText>> cells_;
  std::vector<double> row_top_;
};

}  // namespace

FlowchartTable lay_out_flowchart_table(const document::Flowchart& chart, double width, double x,
                                       DiagramText& text, std::vector<std::string>& problems) {
  return TableBuilder(chart, width, x, text, problems).build();
}

}  // namespace raingan::layout
