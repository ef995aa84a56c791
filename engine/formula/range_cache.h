#pragma once
// What makes many formulas over the same large range cheap (a summary row per school summing the 100,000
// rows of the detail sheet, a running total down a column):
//
// - Column aggregates: the sum, count, minimum and maximum of a one-column area, kept per (sheet, column,
//   first row) and extended row by row when a later formula asks for the same area reaching further down.
//   Extending gives bit for bit what a fresh pass would, so results never depend on what was cached.
// - Match indexes: for a large area that a criterion (SUMIF, COUNTIFS, …) or an exact lookup (MATCH,
//   VLOOKUP) reads a second time, the positions of its cells grouped by the value they match as, so each
//   later formula visits only its matching cells; a COUNTIF of one criterion is the count of its positions,
//   and a SUMIF's sum over them is kept.
//
// Cells never change once evaluation reads them (the evaluator computes a range's formulas before any formula
// that reads the range), so nothing cached goes stale.

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "formula/criteria.h"
#include "formula/operand.h"
#include "formula/summation.h"

namespace raingan::formula {

class CallContext;

struct Aggregate {
  Summation sum;
  double min = 0;
  double max = 0;
  std::uint64_t numbers = 0;      // number cells
  std::uint64_t non_blank = 0;    // any value, errors and empty texts included
  std::uint64_t empty_texts = 0;  // "" (counted blank by COUNTBLANK)
  std::optional<ErrorCode> first_error;

  void add(const Value& value);
};

// How cells are grouped in a match index: as criteria see them ("12" with the number 12) or as exact
// lookups do (texts apart from numbers).
enum class MatchMode : std::uint8_t { criteria, lookup };

struct MatchKey {
  ValueKind kind = ValueKind::blank;
  double number = 0;  // number (rounded to 15 digits), boolean 0/1, ErrorCode
  std::string text;   // case-folded
  bool operator==(const MatchKey&) const = default;
};

// The key a cell is grouped under; nullopt for cells the mode never matches exactly.
std::optional<MatchKey> match_key(const Value& cell, MatchMode mode);
// The key an equality criterion matches; nullopt when it matches more than one key (wildcards, "").
std::optional<MatchKey> criterion_key(const Criterion& criterion);

// The numbers of a range at some positions, summed (SUMIF, AVERAGEIF).
struct MatchedSum {
  Summation sum;
  std::uint64_t numbers = 0;
  std::optional<ErrorCode> first_error;
};

class RangeCache {
 public:
  // Areas smaller than this are read directly.
  static constexpr std::uint64_t min_cells = 64;

  // The aggregate of a one-column area of at least min_cells cells.
  Aggregate column_aggregate(const CallContext& context, const Area& area);

  // Ascending offsets (row-major, from the top-left cell) of the area's cells grouped under `key`, or
  // nullptr when the area has no index (too small, or read only once so far): the caller then reads every
  // cell.
  const std::vector<std::uint32_t>* positions(const CallContext& context, const Area& area, MatchMode mode,
                                              const MatchKey& key);

  // The cells of `values` at `positions` (offsets from an index of this cache), summed once per pair: the
  // same SUMIF in many rows (a summary row per student's school) adds each school's amounts once.
  const MatchedSum& matched_sum(const CallContext& context, const std::vector<std::uint32_t>& positions,
                                const Area& values);

 private:
  struct AreaKey {
    Area area;
    MatchMode mode;
    bool operator==(const AreaKey&) const = default;
  };
  struct AreaHash {
    std::size_t operator()(const AreaKey& k) const;
  };
  struct MatchKeyHash {
    std::size_t operator()(const MatchKey& k) const;
  };
  using Index = std::unordered_map<MatchKey, std::vector<std::uint32_t>, MatchKeyHash>;
  struct Entry {
    unsigned requests = 0;
    std::optional<Index> index;
  };
  struct Running {
    std::uint32_t last_row = 0;
    Aggregate aggregate;
  };

  struct SumKey {
    const std::vector<std::uint32_t>* positions;
    Area values;
    bool operator==(const SumKey&) const = default;
  };
  struct SumKeyHash {
    std::size_t operator()(const SumKey& k) const;
  };

  std::unordered_map<AreaKey, Entry, AreaHash> indexes_;
  std::unordered_map<SumKey, MatchedSum, SumKeyHash> sums_;
  std::unordered_map<std::uint64_t, Running> aggregates_;  // (sheet, column, first row)
};

}  // namespace raingan::formula
