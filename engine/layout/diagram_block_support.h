#pragma once
// What the flowchart and organisation-chart blocks (layout/blocks/) share: their problems reported to the
// environment, named by the diagram and its template line, and their strips handed to pagination.

#include <string>
#include <vector>

#include "document/diagram.h"
#include "layout/block_layout.h"
#include "layout/diagram_drawing.h"
#include "layout/flow_item.h"

namespace raingan::layout {

// Reports what went wrong with one diagram (an arrow to a step that does not exist, a character no font has).
class DiagramProblems {
 public:
  DiagramProblems(LayoutEnvironment& environment, const std::string& kind, const std::string& title,
                  int line);
  void add(const std::string& message);
  void add_all(const std::vector<std::string>& messages);
  void add_missing(const DiagramText& text);

 private:
  LayoutEnvironment& environment_;
  int line_;
  std::string name_;
};

ConnectorStyle connector_style(const document::DiagramStyle& style, const DiagramLook& look);

// Appends `strips` to `out`, the first `space_before` below what comes before.
void append_strips(std::vector<FlowLine>&& strips, double space_before, std::vector<FlowItem>& out);

}  // namespace raingan::layout
