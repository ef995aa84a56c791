#pragma once
// Vector charts drawn as frame paths, rules and Thai text: bar charts (budget against disbursement) and
// horizontal bar charts (indicator results against their target).

#include "document/document.h"
#include "layout/frame.h"

namespace raingan::text {
class FontLibrary;
}

namespace raingan::layout {

// Draws the chart `width` wide (or chart.width when set); the frame's size is the chart's size.
Frame draw_chart(const document::Chart& chart, double width, text::FontLibrary& fonts);

}  // namespace raingan::layout
