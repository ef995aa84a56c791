#include "layout/cell_ink.h"

#include <algorithm>
#include <optional>

#include "layout/diagram_text.h"

namespace raingan::layout {
namespace {

constexpr double no_limit = 1e9;

struct InkSpan {
  double left = 0, right = 0;
};

std::optional<InkSpan> ink_across(const Frame& line) {
  InkSpan span{no_limit, -no_limit};
  for (const auto& item : line.items)
    if (const auto* text = std::get_if<TextLine>(&item))
      for (const Rect& ink : glyph_inks(*text)) {
        span.left = std::min(span.left, ink.x);
        span.right = std::max(span.right, ink.right());
      }
  if (span.left > span.right) return std::nullopt;
  return span;
}

}  // namespace

InkLimits ink_limits(const document::TableBorders& borders, int column, int colspan, int column_count,
                     double content_width) {
  const bool all = borders.kind == document::TableBorders::Kind::all;
  const bool outer = borders.kind == document::TableBorders::Kind::outer;
  const double half_rule = borders.stroke.thickness / 2;
  const bool rule_left = all || (outer && column == 0);
  const bool rule_right = all || (outer && column + colspan == column_count);
  return {rule_left ? half_rule : -no_limit, rule_right ? content_width - half_rule : no_limit};
}

double ink_shift(const Frame& line, const InkLimits& limits) {
  if (limits.left <= -no_limit && limits.right >= no_limit) return 0;
  const auto ink = ink_across(line);
  if (!ink) return 0;
  if (ink->left < limits.left)
    return std::min(limits.left - ink->left, std::max(0.0, limits.right - ink->right));
  if (ink->right > limits.right)
    return -std::min(ink->right - limits.right, std::max(0.0, ink->left - limits.left));
  return 0;
}

double ink_excess(const std::vector<FlowLine>& lines, const InkLimits& limits) {
  double excess = 0;
  for (const auto& line : lines)
    if (const auto ink = ink_across(line.frame))
      excess = std::max(excess, (ink->right - ink->left) - (limits.right - limits.left));
  return excess;
}

}  // namespace raingan::layout
