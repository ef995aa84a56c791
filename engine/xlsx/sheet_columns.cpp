#include "xlsx/sheet_columns.h"

#include <bit>
#include <string>
#include <string_view>
#include <utility>

namespace raingan::xlsx {
using templating::Cell;
using templating::CellDate;
using templating::Formula;
using templating::StyleId;

// What the last cell measured in a column shows, before its number format: its text, or its number's bits
// (so that -0 and 0 differ), with the kind of value and the style.
struct SheetColumns::LastObserved {
  enum class Kind { none, text, number, boolean, date, formula_number, formula_text, formula_boolean };
  Kind kind = Kind::none;
  StyleId style = 0;
  std::string text;
  std::uint64_t bits = 0;

  // Whether `cell` shows what the last one did; remembers it when not.
  bool repeats(const Cell& cell) {
    Kind now = Kind::none;
    std::string_view now_text;
    std::uint64_t now_bits = 0;
    if (const auto* t = std::get_if<std::string>(&cell.value)) {
      now = Kind::text, now_text = *t;
    } else if (const auto* number = std::get_if<double>(&cell.value)) {
      now = Kind::number, now_bits = std::bit_cast<std::uint64_t>(*number);
    } else if (const auto* flag = std::get_if<bool>(&cell.value)) {
      now = Kind::boolean, now_bits = *flag ? 1 : 0;
    } else if (const auto* date = std::get_if<CellDate>(&cell.value)) {
      now = Kind::date;
      now_bits = (static_cast<std::uint64_t>(static_cast<std::uint32_t>(date->year)) << 16) |
                 (static_cast<std::uint64_t>(date->month & 0xFF) << 8) |
                 static_cast<std::uint64_t>(date->day & 0xFF);
    } else if (const auto* formula = std::get_if<Formula>(&cell.value)) {
      if (const auto* cached = std::get_if<double>(&formula->cached))
        now = Kind::formula_number, now_bits = std::bit_cast<std::uint64_t>(*cached);
      else if (const auto* cached_text = std::get_if<std::string>(&formula->cached))
        now = Kind::formula_text, now_text = *cached_text;
      else
        now = Kind::formula_boolean, now_bits = std::get<bool>(formula->cached) ? 1 : 0;
    }
    if (now == Kind::none) return false;
    if (now == kind && cell.style == style && now_bits == bits && now_text == text) return true;
    kind = now, style = cell.style, bits = now_bits;
    text.assign(now_text);
    return false;
  }
};

SheetColumns::SheetColumns(std::vector<double> explicit_characters, double max_characters,
                           int max_digit_width)
    : fit_(std::move(explicit_characters), max_characters, max_digit_width) {}
SheetColumns::SheetColumns(SheetColumns&&) noexcept = default;
SheetColumns& SheetColumns::operator=(SheetColumns&&) noexcept = default;
SheetColumns::~SheetColumns() = default;

void SheetColumns::observe(const Cell& cell, CellWidths& widths) {
  if (cell.colspan != 1 || !fit_.wants(cell.col)) return;
  // A column repeats itself from row to row (a school's name and code for each of its students, the same
  // rate): what was measured last in the column widens nothing when it comes again.
  if (cell.col >= last_observed_.size()) last_observed_.resize(cell.col + 1U);
  if (last_observed_[cell.col].repeats(cell)) return;
  if (const auto points = widths.width(cell)) fit_.observe(cell.col, *points);
}

}  // namespace raingan::xlsx
