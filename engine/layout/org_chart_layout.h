#pragma once
// An organisation chart: a box per unit or post (photo, name, post), top down. raingan measures and wraps
// each box's Thai text, Graphviz's dot places the boxes (ranks, order of siblings kept), and the tree is
// drawn with the orthogonal lines org charts use: down from a unit, along a bar, down into each unit under
// it. Units whose children are all single posts may list them in a column, a line down their left side.
//
// Fit: a chart wider than its space first wraps long names to its boxes' width, then is scaled down, to no
// less than org_chart_min_scale (and never so that its text falls under org_chart_min_text pt), then drawn
// with narrower boxes; a chart wider still, or taller than a page, is split: the top unit and the units
// directly under it first, then each of those units' own chart, an off-page connector pair (ก, ข, …) linking
// each to its place in the first. Nothing is ever clipped.

#include <string>
#include <vector>

#include "document/diagram.h"
#include "layout/diagram_drawing.h"

namespace raingan::layout {

inline constexpr double org_chart_min_scale = 0.7;
// pt: 70 % of the 14 pt charts of the manuals and reports; smaller chart text may not shrink as far.
inline constexpr double org_chart_min_text = 9.8;

// The chart, or its parts in reading order when it had to be split, each at most `width` wide and, when
// `height` is given (a page's), no taller than that where scaling within the floor or splitting can make it
// so. Only a part that cannot be split further — a unit with too many units directly under it — is scaled
// below the floor to fit the width; one still too tall is left for pagination to cut.
std::vector<DiagramDrawing> draw_org_chart(const document::OrgChart& chart, double width, double height,
                                           DiagramText& text);

// The smallest scale the chart's text allows: org_chart_min_scale, or more for small text.
double org_chart_scale_floor(const document::DiagramStyle& style);

}  // namespace raingan::layout
