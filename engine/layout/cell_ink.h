#pragma once
// The ink of a table cell's lines beside its rules. A glyph's ink may reach out of its advance (the head of
// โ or ใ, a tone mark at a line's end), so a line set to the cell's width by advances can come nearer a rule
// than the padding. The ink is kept off the rule's inner edge: a line moves across into its own slack, and a
// cell whose ink is wider than the room between its rules is set again narrower.

#include <vector>

#include "document/document.h"
#include "layout/flow_item.h"

namespace raingan::layout {

// Where the ink of a cell's lines may reach across, from the left of its content box: the padding from the
// inner edge of each rule beside it; no limit on a side without a rule.
struct InkLimits {
  double left = 0, right = 0;
};
InkLimits ink_limits(const document::TableBorders& borders, int column, int colspan, int column_count,
                     double content_width);

// How far `line` moves across so that its ink stays within `limits`, moving only into its own slack.
double ink_shift(const Frame& line, const InkLimits& limits);

// How much wider the ink of the widest of `lines` is than the room within `limits` (0 when all fit).
double ink_excess(const std::vector<FlowLine>& lines, const InkLimits& limits);

}  // namespace raingan::layout
