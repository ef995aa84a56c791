// INDEX, MATCH, VLOOKUP, HLOOKUP, LOOKUP.
//
// Exact matching: numbers equal at 15 digits, texts equal ignoring case (with * ? ~ wildcards), booleans;
// a large range searched again is searched through the range cache's index. Approximate matching (MATCH 1 and
// -1, VLOOKUP/HLOOKUP TRUE, LOOKUP) expects the range sorted, as Excel does, and reads only cells of the
// looked-up value's kind: the last one not above the value (not below for MATCH -1), stopping at the first
// past it. On sorted ranges this is what Excel's binary search finds; on unsorted ones Excel's answer depends
// on its search order and may differ.
#include <cmath>

#include "formula/criteria.h"
#include "formula/function_support.h"
#include "formula/functions.h"
#include "formula/number_text.h"

namespace raingan::formula::functions {
namespace {

bool is_line(const Area& area) { return area.rows() == 1 || area.columns() == 1; }

bool same_kind(const Value& a, const Value& b) { return a.kind() == b.kind(); }

std::optional<std::uint64_t> exact_position(CallContext& context, const Area& area, const Value& lookup) {
  const bool wildcard = lookup.is_text() && lookup.as_text().find_first_of("*?~") != std::string_view::npos;
  if (!wildcard) {
    if (const auto key = match_key(lookup, MatchMode::lookup)) {
      if (const auto* positions = context.cache().positions(context, area, MatchMode::lookup, *key))
        return positions->empty() ? std::nullopt : std::optional<std::uint64_t>(positions->front());
    }
  }
  const std::string pattern = wildcard ? fold_case(lookup.as_text()) : std::string();
  std::optional<std::uint64_t> found;
  visit_area(context, area, [&](const Value& cell, std::uint64_t offset) {
    if (!same_kind(cell, lookup)) return true;
    const bool equal = wildcard ? wildcard_match(pattern, cell.as_text()) : compare_values(cell, lookup) == 0;
    if (equal && (!cell.is_number() ||
                  round_to_15_digits(cell.as_number()) == round_to_15_digits(lookup.as_number()))) {
      found = offset;
      return false;
    }
    return true;
  });
  return found;
}

// direction 1: the last cell <= lookup (ascending order); -1: the last cell >= lookup (descending order).
std::optional<std::uint64_t> approximate_position(CallContext& context, const Area& area, const Value& lookup,
                                                  int direction) {
  std::optional<std::uint64_t> found;
  visit_area(context, area, [&](const Value& cell, std::uint64_t offset) {
    if (!same_kind(cell, lookup)) return true;
    const int order = compare_values(cell, lookup) * direction;
    if (order > 0) return false;
    found = offset;
    return true;
  });
  return found;
}

Area sub_area(const Area& area, std::uint32_t row, std::uint32_t column) {
  // row / column 1-based; 0 keeps them all.
  Area sub = area;
  if (row > 0) sub.first_row = sub.last_row = area.first_row + row - 1;
  if (column > 0) sub.first_column = sub.last_column = area.first_column + column - 1;
  return sub;
}

// VLOOKUP (by_rows) and HLOOKUP.
Operand table_lookup(CallContext& context, std::span<const Operand> arguments, bool by_rows) {
  const Value lookup = context.scalar(arguments[0]);
  if (lookup.is_error()) return lookup;
  if (!arguments[1].is_area()) return Value::error(ErrorCode::value);
  const Value index = number_argument(context, arguments[2]);
  if (index.is_error()) return index;
  bool approximate = true;
  if (arguments.size() > 3) {
    const Value range_lookup = boolean_argument(context, arguments[3]);
    if (range_lookup.is_error()) return range_lookup;
    approximate = range_lookup.as_boolean();
  }
  const Area& table = arguments[1].area();
  const double n = std::trunc(index.as_number());
  if (n < 1) return Value::error(ErrorCode::value);
  if (n > (by_rows ? table.columns() : table.rows())) return Value::error(ErrorCode::ref);
  if (lookup.is_blank()) return Value::error(ErrorCode::na);
  const Area keys = by_rows ? sub_area(table, 0, 1) : sub_area(table, 1, 0);
  const auto position =
      approximate ? approximate_position(context, keys, lookup, 1) : exact_position(context, keys, lookup);
  if (!position) return Value::error(ErrorCode::na);
  const auto p = static_cast<std::uint32_t>(*position);
  const auto k = static_cast<std::uint32_t>(n) - 1;
  const Value result = by_rows ? context.cell(table.sheet, table.first_row + p, table.first_column + k)
                               : context.cell(table.sheet, table.first_row + k, table.first_column + p);
  return result.is_blank() ? Value::number(0) : result;
}

}  // namespace

Operand index(CallContext& context, std::span<const Operand> arguments) {
  const Value row = arguments.size() > 1 ? number_argument(context, arguments[1]) : Value::number(0);
  if (row.is_error()) return row;
  const Value column = arguments.size() > 2 ? number_argument(context, arguments[2]) : Value::number(0);
  if (column.is_error()) return column;
  double r = std::trunc(row.as_number());
  double c = std::trunc(column.as_number());
  if (!arguments[0].is_area()) {
    if (arguments[0].is_error()) return arguments[0];
    return r <= 1 && c <= 1 && r >= 0 && c >= 0 ? arguments[0] : Operand(Value::error(ErrorCode::ref));
  }
  const Area& area = arguments[0].area();
  // A one-row area with one index: the index counts columns.
  if (area.rows() == 1 && arguments.size() <= 2) {
    c = r;
    r = 0;
  }
  if (r < 0 || c < 0) return Value::error(ErrorCode::value);
  if (r > area.rows() || c > area.columns()) return Value::error(ErrorCode::ref);
  return Operand::of(sub_area(area, static_cast<std::uint32_t>(r), static_cast<std::uint32_t>(c)));
}

Operand match(CallContext& context, std::span<const Operand> arguments) {
  const Value lookup = context.scalar(arguments[0]);
  if (lookup.is_error()) return lookup;
  int type = 1;
  if (arguments.size() > 2) {
    const Value t = number_argument(context, arguments[2]);
    if (t.is_error()) return t;
    type = t.as_number() > 0 ? 1 : (t.as_number() < 0 ? -1 : 0);
    if (arguments[2].is_missing()) type = 0;
  }
  if (!arguments[1].is_area() || !is_line(arguments[1].area()) || lookup.is_blank())
    return Value::error(ErrorCode::na);
  const Area& area = arguments[1].area();
  const auto position =
      type == 0 ? exact_position(context, area, lookup) : approximate_position(context, area, lookup, type);
  if (!position) return Value::error(ErrorCode::na);
  return Value::number(static_cast<double>(*position + 1));
}

Operand vlookup(CallContext& context, std::span<const Operand> arguments) {
  return table_lookup(context, arguments, true);
}

Operand hlookup(CallContext& context, std::span<const Operand> arguments) {
  return table_lookup(context, arguments, false);
}

Operand lookup(CallContext& context, std::span<const Operand> arguments) {
  const Value value = context.scalar(arguments[0]);
  if (value.is_error()) return value;
  if (!arguments[1].is_area()) return Value::error(ErrorCode::na);
  const Area& vector = arguments[1].area();
  Area keys = vector;
  Area results = vector;
  if (arguments.size() > 2) {
    if (!arguments[2].is_area() || !is_line(arguments[2].area())) return Value::error(ErrorCode::na);
    results = arguments[2].area();
    if (!is_line(vector)) return Value::error(ErrorCode::na);
  } else if (vector.columns() > vector.rows()) {
    keys = sub_area(vector, 1, 0);
    results = sub_area(vector, vector.rows(), 0);
  } else {
    keys = sub_area(vector, 0, 1);
    results = sub_area(vector, 0, vector.columns());
  }
  if (value.is_blank()) return Value::error(ErrorCode::na);
  const auto position = approximate_position(context, keys, value, 1);
  if (!position || *position >= results.cell_count()) return Value::error(ErrorCode::na);
  const Value result = area_cell(context, results, *position);
  return result.is_blank() ? Value::number(0) : result;
}

}  // namespace raingan::formula::functions
