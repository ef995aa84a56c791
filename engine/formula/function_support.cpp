#include "formula/function_support.h"

#include "formula/number_text.h"

namespace raingan::formula {
namespace {

void merge(Aggregate& into, const Aggregate& part) {
  if (part.numbers > 0) {
    into.sum.add(part.sum.total());
    into.min = into.numbers == 0 ? part.min : std::min(into.min, part.min);
    into.max = into.numbers == 0 ? part.max : std::max(into.max, part.max);
    into.numbers += part.numbers;
  }
  into.non_blank += part.non_blank;
  into.empty_texts += part.empty_texts;
  if (!into.first_error) into.first_error = part.first_error;
}

void add_direct(Aggregate& aggregate, const Value& value, DirectValues direct) {
  switch (value.kind()) {
    case ValueKind::number:
      aggregate.add(value);
      return;
    case ValueKind::boolean:
      aggregate.add(Value::number(value.as_boolean() ? 1 : 0));
      return;
    case ValueKind::text:
      if (const auto n = parse_number_text(value.as_text())) {
        aggregate.add(Value::number(*n));
      } else if (direct == DirectValues::sum) {
        if (!aggregate.first_error) aggregate.first_error = ErrorCode::value;
        ++aggregate.non_blank;
      } else {
        ++aggregate.non_blank;
      }
      return;
    case ValueKind::error:
      if (direct == DirectValues::sum) {
        aggregate.add(value);
      } else {
        ++aggregate.non_blank;
      }
      return;
    case ValueKind::blank:
      return;
  }
}

}  // namespace

Aggregate collect_numbers(CallContext& context, std::span<const Operand> arguments, DirectValues direct) {
  Aggregate total;
  for (const Operand& argument : arguments) {
    if (argument.is_missing()) {
      add_direct(total, Value::number(0), direct);
    } else if (argument.is_area()) {
      const Area& area = argument.area();
      if (area.first_column == area.last_column && area.cell_count() >= RangeCache::min_cells) {
        merge(total, context.cache().column_aggregate(context, area));
      } else {
        Aggregate part;
        visit_area(context, area, [&](const Value& v, std::uint64_t) {
          part.add(v);
          return true;
        });
        merge(total, part);
      }
    } else {
      add_direct(total, argument.value(), direct);
    }
  }
  return total;
}

std::vector<double> list_numbers(CallContext& context, std::span<const Operand> arguments,
                                 std::optional<ErrorCode>& error) {
  std::vector<double> numbers;
  for (const Operand& argument : arguments) {
    if (argument.is_area()) {
      visit_area(context, argument.area(), [&](const Value& v, std::uint64_t) {
        if (v.is_number()) numbers.push_back(v.as_number());
        if (v.is_error() && !error) error = v.as_error();
        return true;
      });
      continue;
    }
    Aggregate one;
    add_direct(one, argument.is_missing() ? Value::number(0) : argument.value(), DirectValues::sum);
    if (one.first_error && !error) error = one.first_error;
    if (one.numbers > 0) numbers.push_back(one.sum.total());
  }
  return numbers;
}

}  // namespace raingan::formula
