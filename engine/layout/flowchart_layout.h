#pragma once
// A flowchart as a free diagram: every step's text measured and wrapped by raingan, the shapes placed and
// the arrows routed by Graphviz's dot (top to bottom, orthogonal lines), and drawn by raingan.
//
// The flow runs straight down the page. An arrow that does not continue the flow downward — a decision's
// other exit, or a loop back to an earlier step — leaves its step from the side and runs around the steps
// between (Graphviz routes it through a point beside the step, on the step's rank). A decision's exit labels
// (ใช่ / ไม่ใช่) stand where the arrows leave the diamond, as manuals print them; the gaps between ranks and
// columns are made wide enough to hold them.

#include <string>
#include <vector>

#include "document/diagram.h"
#include "layout/diagram_drawing.h"

namespace raingan::layout {

// Boxes are at most this share of the available width (and 120–220 pt), unless the style sets a width.
inline constexpr double flowchart_box_share = 0.42;

// Lays `chart` out to fit `width` points: boxes narrow first, then the whole drawing scales down. Problems
// with the steps and arrows (unknown ids, …) are added to `problems`; the drawing leaves those arrows out.
// Throws GraphLayoutError when Graphviz fails.
DiagramDrawing draw_flowchart(const document::Flowchart& chart, double width, DiagramText& text,
                              std::vector<std::string>& problems);

}  // namespace raingan::layout
