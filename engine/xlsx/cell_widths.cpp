#include "xlsx/cell_widths.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <utility>

#include "xlsx/excel_date.h"

namespace raingan::xlsx {
using templating::Cell;
using templating::CellDate;
using templating::CellStyle;
using templating::Formula;
using templating::StyleId;

namespace {

// The next line of a text from `start` (which moves past it).
std::string_view next_line(std::string_view text, std::size_t& start) {
  const std::size_t end = text.find('\n', start);
  const std::string_view line = text.substr(start, end == std::string_view::npos ? text.npos : end - start);
  start = end == std::string_view::npos ? text.size() : end + 1;
  return line;
}

}  // namespace

CellWidths::CellWidths(TextMeasure measure, const StyleTable& styles, int max_digit_width)
    : measure_(std::move(measure)), styles_(styles), max_digit_width_(max_digit_width) {}

std::optional<double> CellWidths::width(const Cell& cell) {
  const CellStyle& style = styles_.style(cell.style);
  const double indent = style.indent * 3.0 * max_digit_width_ * 72.0 / 96.0;
  if (const auto* text = std::get_if<std::string>(&cell.value)) {
    double widest = 0;
    for (std::size_t start = 0; start < text->size();) {
      const std::string_view line = next_line(*text, start);
      if (!line.empty()) widest = std::max(widest, measure_cached(line, cell.style));
    }
    return widest + indent;
  }
  std::optional<double> number;
  if (const auto* value = std::get_if<double>(&cell.value))
    number = *value;
  else if (const auto* date = std::get_if<CellDate>(&cell.value))
    number = excel_serial(*date);
  else if (const auto* formula = std::get_if<Formula>(&cell.value); formula && formula->cached.index() == 0)
    number = std::get<double>(formula->cached);
  if (number) {
    const NumberKey key{cell.style, std::bit_cast<std::uint64_t>(*number)};
    auto known = number_widths_.find(key);
    if (known == number_widths_.end()) {
      const std::string shown = number_display(cell.style).text(*number);
      if (number_widths_.size() >= cache_limit) number_widths_.clear();
      known = number_widths_.emplace(key, shown.empty() ? -1.0 : measure_cached(shown, cell.style)).first;
    }
    if (known->second < 0) return std::nullopt;
    return known->second + indent;
  }
  std::string shown;
  if (const auto* flag = std::get_if<bool>(&cell.value)) {
    shown = *flag ? "TRUE" : "FALSE";
  } else if (const auto* formula = std::get_if<Formula>(&cell.value)) {
    if (const auto* cached_text = std::get_if<std::string>(&formula->cached))
      shown = *cached_text;
    else
      shown = std::get<bool>(formula->cached) ? "TRUE" : "FALSE";
  }
  if (shown.empty()) return std::nullopt;
  return measure_cached(shown, cell.style) + indent;
}

bool CellWidths::tabular_digits(StyleId style) {
  if (style >= tabular_digits_.size()) tabular_digits_.resize(styles_.size(), -1);
  if (tabular_digits_[style] < 0) {
    const double zero = measure_("0", styles_.style(style));
    bool same = true;
    for (char digit = '1'; digit <= '9' && same; ++digit)
      same = std::abs(measure_(std::string_view(&digit, 1), styles_.style(style)) - zero) < 1e-9;
    tabular_digits_[style] = same ? 1 : 0;
  }
  return tabular_digits_[style] == 1;
}

const NumberDisplay& CellWidths::number_display(StyleId style) {
  if (style >= number_displays_.size()) number_displays_.resize(styles_.size());
  if (!number_displays_[style]) number_displays_[style].emplace(styles_.style(style).number_format);
  return *number_displays_[style];
}

double CellWidths::measure_cached(std::string_view text, StyleId style) {
  std::string& key = measure_key_;  // its room is kept from text to text
  key.clear();
  key.append(reinterpret_cast<const char*>(&style), sizeof style).append(text);
  const std::size_t prefix = sizeof style;
  bool has_digits = false;
  for (std::size_t i = prefix; i < key.size() && !has_digits; ++i)
    has_digits = key[i] >= '1' && key[i] <= '9';
  // With tabular digits every digit measures as 0 does: S001234 and S000000 are one width.
  if (has_digits && tabular_digits(style))
    for (std::size_t i = prefix; i < key.size(); ++i)
      if (key[i] >= '1' && key[i] <= '9') key[i] = '0';
  if (const auto known = measured_.find(key); known != measured_.end()) return known->second;
  if (measured_.size() >= cache_limit) measured_.clear();
  const double points = measure_(std::string_view(key).substr(prefix), styles_.style(style));
  measured_.emplace(key, points);
  return points;
}

}  // namespace raingan::xlsx
