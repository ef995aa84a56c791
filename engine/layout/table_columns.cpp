#include "layout/table_columns.h"

#include <algorithm>
#include <numeric>

namespace raingan::layout {
namespace {

using Unit = document::TableColumn::Unit;

// Adds `excess` to `values` over the columns [first, last) that `takes`, in proportion to `weights` (evenly
// when they are all zero).
template <typename Takes>
void spread(std::vector<double>& values, const std::vector<double>& weights, int first, int last,
            double excess, Takes takes) {
  double total = 0;
  int count = 0;
  for (int j = first; j < last; ++j)
    if (takes(j)) total += weights[j], ++count;
  if (count == 0 || excess <= 0) return;
  for (int j = first; j < last; ++j)
    if (takes(j)) values[j] += total > 0 ? excess * weights[j] / total : excess / count;
}

}  // namespace

ColumnSizes size_columns(const std::vector<document::TableColumn>& columns,
                         const std::vector<CellNeeds>& cells, double width) {
  const int n = static_cast<int>(columns.size());
  auto is = [&](int j, Unit unit) { return columns[j].unit == unit; };
  std::vector<double> min(n, 0), max(n, 0), keep(n, 0);
  std::vector<std::string> min_text(n), keep_text(n);
  for (const auto& cell : cells) {
    if (cell.colspan != 1 || cell.column < 0 || cell.column >= n) continue;
    const int j = cell.column;
    if (cell.min > min[j]) min[j] = cell.min, min_text[j] = cell.min_text;
    max[j] = std::max(max[j], cell.max);
    if (cell.keep > keep[j]) keep[j] = cell.keep, keep_text[j] = cell.keep_text;
  }
  std::vector<const CellNeeds*> spanning;
  for (const auto& cell : cells)
    if (cell.colspan > 1 && cell.column >= 0 && cell.column + cell.colspan <= n) spanning.push_back(&cell);
  std::stable_sort(spanning.begin(), spanning.end(),
                   [](const auto* a, const auto* b) { return a->colspan < b->colspan; });
  auto floor_of = [&](int j) {
    return is(j, Unit::points)      ? std::max(columns[j].value, keep[j])
           : is(j, Unit::automatic) ? std::max(min[j], keep[j])
                                    : keep[j];
  };
  for (const CellNeeds* cell : spanning) {
    const int first = cell->column, last = cell->column + cell->colspan;
    auto fixed_or = [&](const std::vector<double>& own) {
      double sum = 0;
      for (int j = first; j < last; ++j) sum += is(j, Unit::points) ? columns[j].value : own[j];
      return sum;
    };
    auto automatic = [&](int j) { return is(j, Unit::automatic); };
    spread(min, max, first, last, cell->min - fixed_or(min), automatic);
    spread(max, max, first, last, cell->max - fixed_or(max), automatic);
    // What must stay whole goes to the flexible columns it spans, or to the fixed ones when it spans no
    // other.
    double floors = 0;
    bool flexible = false;
    for (int j = first; j < last; ++j) floors += floor_of(j), flexible = flexible || !is(j, Unit::points);
    std::vector<double> none(n, 0);
    const double excess = cell->keep - floors;
    if (excess > 0) {
      spread(keep, none, first, last, excess, [&](int j) { return !flexible || !is(j, Unit::points); });
      for (int j = first; j < last; ++j)
        if (!flexible || !is(j, Unit::points))
          keep[j] = std::max(keep[j], floor_of(j)), keep_text[j] = cell->keep_text;
    }
  }
  for (int j = 0; j < n; ++j) max[j] = std::max(max[j], min[j]);

  ColumnSizes sizes;
  sizes.widths.assign(n, 0);
  for (int j = 0; j < n; ++j) {
    sizes.floors.push_back(floor_of(j));
    const bool kept = keep[j] >= floor_of(j) && (keep[j] > 0 || !is(j, Unit::automatic));
    sizes.floor_text.push_back(kept ? keep_text[j] : min_text[j]);
  }
  const double floor_sum = std::accumulate(sizes.floors.begin(), sizes.floors.end(), 0.0);
  if (floor_sum > width + 1e-6) {
    // Not even the floors fit: the widths as written, auto columns as 1fr; the caller reports what breaks.
    sizes.fallback = true;
    double fixed = 0, fractions = 0;
    for (int j = 0; j < n; ++j) {
      if (is(j, Unit::points))
        fixed += columns[j].value;
      else
        fractions += is(j, Unit::automatic) ? 1 : columns[j].value;
    }
    const double share = fractions > 0 ? std::max(0.0, width - fixed) / fractions : 0;
    for (int j = 0; j < n; ++j)
      sizes.widths[j] = is(j, Unit::points)      ? columns[j].value
                        : is(j, Unit::automatic) ? share
                                                 : columns[j].value * share;
    return sizes;
  }

  std::vector<double>& w = sizes.widths;
  for (int j = 0; j < n; ++j) w[j] = sizes.floors[j];
  double rest = width - floor_sum;
  double fractions = 0, fraction_reserve = 0, demand = 0, auto_max = 0;
  int autos = 0;
  for (int j = 0; j < n; ++j) {
    if (is(j, Unit::fraction)) {
      fractions += columns[j].value;
      fraction_reserve += std::max(0.0, min[j] - w[j]);
    } else if (is(j, Unit::automatic)) {
      demand += max[j] - w[j];
      auto_max += max[j];
      ++autos;
    }
  }
  // Auto columns grow towards their max-content: beside fr columns only from what those do not need.
  const double growth = fractions > 0 ? std::max(0.0, rest - fraction_reserve) : rest;
  if (demand > 0) {
    const double given = std::min(growth, demand);
    for (int j = 0; j < n; ++j)
      if (is(j, Unit::automatic)) w[j] += (max[j] - sizes.floors[j]) * given / demand;
    rest -= given;
  }
  if (fractions > 0) {
    // fr columns share what is left, none under its floor: those that would be are held at it.
    std::vector<bool> held(n, false);
    for (bool changed = true; changed;) {
      changed = false;
      double pool = rest, shares = 0;
      for (int j = 0; j < n; ++j)
        if (is(j, Unit::fraction)) {
          if (held[j]) continue;
          pool += sizes.floors[j];
          shares += columns[j].value;
        }
      for (int j = 0; j < n; ++j)
        if (is(j, Unit::fraction) && !held[j]) {
          const double share = shares > 0 ? pool * columns[j].value / shares : 0;
          if (share < sizes.floors[j]) held[j] = true, changed = true;
        }
      if (!changed)
        for (int j = 0; j < n; ++j)
          if (is(j, Unit::fraction)) w[j] = held[j] ? sizes.floors[j] : pool * columns[j].value / shares;
    }
  } else if (autos > 0 && rest > 0) {
    // Every auto column at its max-content and room to spare: shared in proportion to the max-content.
    for (int j = 0; j < n; ++j)
      if (is(j, Unit::automatic)) w[j] += auto_max > 0 ? rest * max[j] / auto_max : rest / autos;
  }
  return sizes;
}

}  // namespace raingan::layout
