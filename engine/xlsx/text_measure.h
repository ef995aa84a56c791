#pragma once
// How wide a line of text is set in a cell style: the text engine's shaper in production, simple rules in
// tests. Column fitting (column_fit.h, cell_widths.h) and the width unit of the sheets come from it.

#include <functional>
#include <string_view>

#include "templating/cell_style.h"

namespace raingan::xlsx {

// Width in points of one line of text in a style.
using TextMeasure = std::function<double(std::string_view text, const templating::CellStyle& style)>;

}  // namespace raingan::xlsx
