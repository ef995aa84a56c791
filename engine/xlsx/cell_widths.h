#pragma once
// How wide a cell's value shows in its style, in points, for fitting its column (column_fit.h): the widest
// line of a text as the shaper sets it, a number as its number format shows it (display_text.h).
//
// A register repeats itself (school names, statuses, dates, amounts), so widths are remembered, in caches
// cleared when full so that memory stays flat however many rows are written. And where a style's digits 0-9
// share one advance (tabular figures, as in TH SarabunPSK), texts that differ only in their digits (codes,
// ids, amounts) have one width, and one measure serves them all: a 100,000-row register measures a few
// hundred texts, not 100,000.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "templating/cell_value.h"
#include "xlsx/display_text.h"
#include "xlsx/style_table.h"
#include "xlsx/text_measure.h"

namespace raingan::xlsx {

class CellWidths {
 public:
  // `max_digit_width` (pixels, column_fit.h) sizes the indent levels.
  CellWidths(TextMeasure measure, const StyleTable& styles, int max_digit_width);

  // The points the cell's value needs, its style's indent included; nullopt when it shows nothing (an
  // empty cell, a formula whose cached text is empty, a number its format hides).
  std::optional<double> width(const templating::Cell& cell);

 private:
  double measure_cached(std::string_view text, templating::StyleId style);
  bool tabular_digits(templating::StyleId style);
  const NumberDisplay& number_display(templating::StyleId style);

  TextMeasure measure_;
  const StyleTable& styles_;
  int max_digit_width_;
  static constexpr std::size_t cache_limit = 4096;
  // Widths of recent texts, keyed by style id + text.
  std::unordered_map<std::string, double> measured_;
  std::string measure_key_;  // the key being looked up, kept to reuse its room
  // Widths of recent numbers as their styles show them (style id + the number's bits); negative: shows
  // nothing.
  struct NumberKey {
    templating::StyleId style;
    std::uint64_t bits;
    bool operator==(const NumberKey&) const = default;
  };
  struct NumberKeyHash {
    std::size_t operator()(const NumberKey& key) const noexcept {
      return std::hash<std::uint64_t>{}(key.bits * 0x9E3779B97F4A7C15ULL ^ key.style);
    }
  };
  std::unordered_map<NumberKey, double, NumberKeyHash> number_widths_;
  std::vector<signed char> tabular_digits_;  // per style: 1 tabular, 0 not, -1 not yet known
  std::vector<std::optional<NumberDisplay>> number_displays_;  // per style, its number format read once
};

}  // namespace raingan::xlsx
