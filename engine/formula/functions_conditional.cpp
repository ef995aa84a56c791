// SUMIF, SUMIFS, COUNTIF, COUNTIFS, AVERAGEIF, AVERAGEIFS over criteria.h's criteria. A large criteria range
// read again (a summary row per school over the detail sheet) goes through the range cache's match index, so
// each formula visits only the cells its first equality criterion matches.
#include "formula/criteria.h"
#include "formula/function_support.h"
#include "formula/functions.h"

namespace raingan::formula::functions {
namespace {

struct CriteriaRange {
  Area area;
  Criterion criterion;
};

// Calls on(offset) for each cell offset (row-major) at which every criterion holds, in ascending order; cells
// beyond the extent of every sheet involved (`values`' too) are blank, and when blank cells match,
// on_blanks(n) is told how many of them there are instead.
template <class On, class OnBlanks>
void for_each_match(CallContext& context, std::span<const CriteriaRange> criteria, const Area& values,
                    On&& on, OnBlanks&& on_blanks) {
  for (std::size_t k = 0; k < criteria.size(); ++k) {
    const std::optional<MatchKey> key = criterion_key(criteria[k].criterion);
    if (!key) continue;
    const std::vector<std::uint32_t>* positions =
        context.cache().positions(context, criteria[k].area, MatchMode::criteria, *key);
    if (!positions) continue;
    // An index holds no blank cells, and a criterion with a key never matches one.
    for (const std::uint32_t offset : *positions) {
      bool all = true;
      for (std::size_t j = 0; j < criteria.size() && all; ++j)
        if (j != k) all = matches(criteria[j].criterion, area_cell(context, criteria[j].area, offset));
      if (all) on(offset);
    }
    return;
  }
  const Area& shape = criteria[0].area;
  std::uint32_t rows = stored_rows(context, values);
  for (const CriteriaRange& c : criteria) rows = std::max(rows, stored_rows(context, c.area));
  const std::uint64_t scanned = static_cast<std::uint64_t>(rows) * shape.columns();
  for (std::uint64_t offset = 0; offset < scanned; ++offset) {
    bool all = true;
    for (std::size_t j = 0; j < criteria.size() && all; ++j)
      all = matches(criteria[j].criterion, area_cell(context, criteria[j].area, offset));
    if (all) on(offset);
  }
  bool blanks_match = scanned < shape.cell_count();
  for (std::size_t j = 0; j < criteria.size() && blanks_match; ++j)
    blanks_match = matches(criteria[j].criterion, Value{});
  if (blanks_match) on_blanks(shape.cell_count() - scanned);
}

// The index positions of a single criterion that has them (see for_each_match), or nullptr.
const std::vector<std::uint32_t>* only_positions(CallContext& context,
                                                 std::span<const CriteriaRange> criteria) {
  if (criteria.size() != 1) return nullptr;
  const std::optional<MatchKey> key = criterion_key(criteria[0].criterion);
  if (!key) return nullptr;
  return context.cache().positions(context, criteria[0].area, MatchMode::criteria, *key);
}

std::uint64_t count_matches(CallContext& context, std::span<const CriteriaRange> criteria) {
  if (const auto* positions = only_positions(context, criteria)) return positions->size();
  std::uint64_t count = 0;
  for_each_match(
      context, criteria, criteria[0].area, [&](std::uint64_t) { ++count; },
      [&](std::uint64_t n) { count += n; });
  return count;
}

// Reads (range, criterion) pairs from arguments[first...]; every range must be an area shaped like `shape`
// (or like the first range when shape is null). Returns the error to give instead, if any.
std::optional<Value> read_criteria(CallContext& context, std::span<const Operand> arguments,
                                   std::size_t first, const Area* shape, std::vector<CriteriaRange>& out) {
  for (std::size_t i = first; i + 1 < arguments.size(); i += 2) {
    if (!arguments[i].is_area()) return Value::error(ErrorCode::value);
    const Area& area = arguments[i].area();
    const Area& like = shape ? *shape : (out.empty() ? area : out[0].area);
    if (area.rows() != like.rows() || area.columns() != like.columns()) return Value::error(ErrorCode::value);
    out.push_back(CriteriaRange{area, parse_criterion(context.scalar(arguments[i + 1]))});
  }
  return std::nullopt;
}

// The area of `size`'s shape from `start`'s top-left cell, as SUMIF reads its sum range.
Area resized(const Area& start, const Area& size) {
  Area area = start;
  area.last_row = std::min<std::uint32_t>(start.first_row + size.rows() - 1, max_rows - 1);
  area.last_column = std::min<std::uint32_t>(start.first_column + size.columns() - 1, max_columns - 1);
  return area;
}

struct Totals {
  Summation sum;
  std::uint64_t numbers = 0;
  std::optional<ErrorCode> error;
};

Totals sum_matches(CallContext& context, std::span<const CriteriaRange> criteria, const Area& values) {
  Totals totals;
  if (const auto* positions = only_positions(context, criteria)) {
    const MatchedSum& kept = context.cache().matched_sum(context, *positions, values);
    totals.sum = kept.sum;
    totals.numbers = kept.numbers;
    totals.error = kept.first_error;
    return totals;
  }
  for_each_match(
      context, criteria, values,
      [&](std::uint64_t offset) {
        if (offset >= values.cell_count()) return;
        const Value v = area_cell(context, values, offset);
        if (v.is_number()) {
          totals.sum.add(v.as_number());
          ++totals.numbers;
        } else if (v.is_error() && !totals.error) {
          totals.error = v.as_error();
        }
      },
      [](std::uint64_t) {});  // the values beyond every extent are blank: nothing to add
  return totals;
}

// SUMIF and AVERAGEIF: (range, criterion, [values]).
Totals single_criterion(CallContext& context, std::span<const Operand> arguments,
                        std::optional<Value>& error) {
  if (!arguments[0].is_area() ||
      (arguments.size() > 2 && !arguments[2].is_area() && !arguments[2].is_missing())) {
    error = Value::error(ErrorCode::value);
    return {};
  }
  const CriteriaRange criteria[] = {{arguments[0].area(), parse_criterion(context.scalar(arguments[1]))}};
  const Area values = arguments.size() > 2 && arguments[2].is_area()
                          ? resized(arguments[2].area(), arguments[0].area())
                          : arguments[0].area();
  return sum_matches(context, criteria, values);
}

// SUMIFS and AVERAGEIFS: (values, range1, criterion1, …).
Totals many_criteria(CallContext& context, std::span<const Operand> arguments, std::optional<Value>& error) {
  if (arguments.size() % 2 == 0 || !arguments[0].is_area()) {
    error = Value::error(ErrorCode::value);
    return {};
  }
  std::vector<CriteriaRange> criteria;
  error = read_criteria(context, arguments, 1, &arguments[0].area(), criteria);
  if (error) return {};
  return sum_matches(context, criteria, arguments[0].area());
}

}  // namespace

Operand sumif(CallContext& context, std::span<const Operand> arguments) {
  std::optional<Value> error;
  const Totals totals = single_criterion(context, arguments, error);
  if (error) return *error;
  if (totals.error) return Value::error(*totals.error);
  return Value::number(totals.sum.total());
}

Operand averageif(CallContext& context, std::span<const Operand> arguments) {
  std::optional<Value> error;
  const Totals totals = single_criterion(context, arguments, error);
  if (error) return *error;
  if (totals.error) return Value::error(*totals.error);
  if (totals.numbers == 0) return Value::error(ErrorCode::div0);
  return Value::number(totals.sum.total() / static_cast<double>(totals.numbers));
}

Operand sumifs(CallContext& context, std::span<const Operand> arguments) {
  std::optional<Value> error;
  const Totals totals = many_criteria(context, arguments, error);
  if (error) return *error;
  if (totals.error) return Value::error(*totals.error);
  return Value::number(totals.sum.total());
}

Operand averageifs(CallContext& context, std::span<const Operand> arguments) {
  std::optional<Value> error;
  const Totals totals = many_criteria(context, arguments, error);
  if (error) return *error;
  if (totals.error) return Value::error(*totals.error);
  if (totals.numbers == 0) return Value::error(ErrorCode::div0);
  return Value::number(totals.sum.total() / static_cast<double>(totals.numbers));
}

Operand countif(CallContext& context, std::span<const Operand> arguments) {
  if (!arguments[0].is_area()) return Value::error(ErrorCode::value);
  const CriteriaRange criteria[] = {{arguments[0].area(), parse_criterion(context.scalar(arguments[1]))}};
  return Value::number(static_cast<double>(count_matches(context, criteria)));
}

Operand countifs(CallContext& context, std::span<const Operand> arguments) {
  if (arguments.size() % 2 != 0) return Value::error(ErrorCode::value);
  std::vector<CriteriaRange> criteria;
  if (auto error = read_criteria(context, arguments, 0, nullptr, criteria)) return *error;
  return Value::number(static_cast<double>(count_matches(context, criteria)));
}

}  // namespace raingan::formula::functions
