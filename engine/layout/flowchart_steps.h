#pragma once
// A flowchart's steps and arrows checked and read the way both presentations need them: steps in reading
// order, arrows between step indices, and which arrow of a step carries the flow straight down.

#include <cstddef>
#include <string>
#include <vector>

#include "document/diagram.h"
#include "layout/diagram_geometry.h"

namespace raingan::layout {

struct FlowchartLink {
  std::size_t from = 0;
  std::size_t to = 0;
  std::string label;
  bool down = false;  // continues the flow straight down: to the next step, or the step's one way forward
};

struct FlowchartModel {
  std::vector<const document::FlowchartStep*> steps;
  std::vector<FlowchartLink> links;
};

// Checks the flowchart: ids unique and not empty, arrows between steps that exist, no arrow from a step to
// itself. Each problem is added to `problems` ("arrow 3 goes to step 'x', which is not a step"); the arrows
// with problems are left out.
FlowchartModel read_flowchart(const document::Flowchart& chart, std::vector<std::string>& problems);

ShapeKind shape_of(document::FlowchartStepKind kind);

// The ที่ of each step: the number it was given, else the next number in Thai digits for a step that is
// neither a terminal nor a connector (those are left unnumbered).
std::vector<std::string> step_numbers(const FlowchartModel& model);

// Where a decision's exit label may stand, best first: beside the start of its line — right of a line going
// down or up, else left of it; above a line going sideways, else below it — then the same further along the
// line's first stretch; always clear of the diamond. `route` starts on the diamond.
std::vector<Rect> exit_label_boxes(const std::vector<Point>& route, Size size);

}  // namespace raingan::layout
