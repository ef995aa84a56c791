#include "layout/flowchart_steps.h"

#include <cmath>
#include <map>

#include "format/thai_digits.h"

namespace raingan::layout {

FlowchartModel read_flowchart(const document::Flowchart& chart, std::vector<std::string>& problems) {
  FlowchartModel model;
  std::map<std::string, std::size_t> index;
  for (std::size_t i = 0; i < chart.steps.size(); ++i) {
    const auto& step = chart.steps[i];
    model.steps.push_back(&step);
    if (step.id.empty()) {
      problems.push_back("step " + std::to_string(i + 1) + " has no id");
      continue;
    }
    if (!index.emplace(step.id, i).second)
      problems.push_back("step " + std::to_string(i + 1) + ": the id '" + step.id +
                         "' is used by an earlier step");
  }
  for (std::size_t e = 0; e < chart.edges.size(); ++e) {
    const auto& edge = chart.edges[e];
    const auto from = index.find(edge.from);
    const auto to = index.find(edge.to);
    const std::string name = "arrow " + std::to_string(e + 1);
    if (from == index.end()) {
      problems.push_back(name + " starts at '" + edge.from + "', which is not the id of a step");
      continue;
    }
    if (to == index.end()) {
      problems.push_back(name + " goes to '" + edge.to + "', which is not the id of a step");
      continue;
    }
    if (from->second == to->second) {
      problems.push_back(name + " goes from step '" + edge.from + "' to itself");
      continue;
    }
    model.links.push_back({from->second, to->second, edge.label, false});
  }
  // The flow goes straight down to the next step; a step that does not go to the next step goes down along
  // its first arrow forward.
  for (std::size_t s = 0; s < model.steps.size(); ++s) {
    FlowchartLink* down = nullptr;
    for (auto& link : model.links)
      if (link.from == s && link.to == s + 1) {
        down = &link;
        break;
      }
    if (!down)
      for (auto& link : model.links)
        if (link.from == s && link.to > s) {
          down = &link;
          break;
        }
    if (down) down->down = true;
  }
  return model;
}

ShapeKind shape_of(document::FlowchartStepKind kind) {
  switch (kind) {
    case document::FlowchartStepKind::start:
    case document::FlowchartStepKind::end:
      return ShapeKind::terminal;
    case document::FlowchartStepKind::process:
      return ShapeKind::process;
    case document::FlowchartStepKind::decision:
      return ShapeKind::decision;
    case document::FlowchartStepKind::document:
      return ShapeKind::document;
    case document::FlowchartStepKind::data:
      return ShapeKind::data;
    case document::FlowchartStepKind::connector:
      return ShapeKind::connector;
  }
  return ShapeKind::process;
}

std::vector<std::string> step_numbers(const FlowchartModel& model) {
  std::vector<std::string> numbers;
  std::int64_t next = 1;
  for (const auto* step : model.steps) {
    const auto kind = step->kind;
    const bool counted = kind != document::FlowchartStepKind::start &&
                         kind != document::FlowchartStepKind::end &&
                         kind != document::FlowchartStepKind::connector;
    if (!step->number.empty())
      numbers.push_back(step->number);
    else
      numbers.push_back(counted ? format::thai_digits(next) : std::string());
    if (counted) ++next;
  }
  return numbers;
}

std::vector<Rect> exit_label_boxes(const std::vector<Point>& route, Size size) {
  const Point start = route.front();
  const Point next = route.size() > 1 ? route[1] : start;
  const double dx = next.x - start.x, dy = next.y - start.y;
  constexpr double gap = 3;
  const double w = size.width, h = size.height;
  std::vector<Rect> places;
  if (std::fabs(dy) >= std::fabs(dx)) {
    // Beside the line, nearest the diamond first, then further along it (past a line crossing it).
    const double room = std::max(0.0, std::fabs(dy) - h - 2);
    for (double along = 0; along <= room + 1e-9; along += 2) {
      const double top = dy >= 0 ? start.y + 1 + along : start.y - 1 - h - along;
      places.push_back({start.x + gap, top, w, h});
      places.push_back({start.x - gap - w, top, w, h});
    }
    return places;
  }
  const double room = std::max(0.0, std::fabs(dx) - w - 2 * gap);
  for (double along = 0; along <= room + 1e-9; along += 2) {
    const double x = dx > 0 ? start.x + gap + along : start.x - gap - w - along;
    places.push_back({x, start.y - h, w, h});
    places.push_back({x, start.y, w, h});
  }
  return places;
}

}  // namespace raingan::layout
