// Lists: aggregates (sum, count, mean, stdev, min, max), selection (filter, sort, group_by, band, lookup) and
// derived fields (with_field, running_sum). What a register or report computes is said with these.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <map>
#include <unordered_map>

#include "templating/builtins.h"

namespace raingan::templating {
namespace {

// Calls visit(item) for each item of a list, in order: a computed list's items where they are (no copies),
// a dataset array's as views.
template <class Visit>
void each_item(const Value& list, Visit&& visit) {
  if (const List* items = list.computed_items()) {
    for (const Value& item : *items) visit(item);
    return;
  }
  list.each_item(visit);
}

// The values an aggregate works on: the list's items, or f(item) when a function or field is given.
std::vector<Value> mapped(Call& call) {
  const Value list = call.list(0);
  std::vector<Value> values;
  call.evaluator().spend_items(list.size());
  values.reserve(list.size());
  each_item(list, [&](const Value& item) { values.push_back(call.has(1) ? call.apply(1, item) : item); });
  return values;
}

Number as_number(Call& call, const Value& value) {
  if (value.kind() != Value::Kind::number) call.fail("expected numbers, found " + describe(value));
  return value.number();
}

// Added up item by item: the values are not gathered first (a register sums 100,000 of them).
Value sum(Call& call) {
  call.expect_count(1, 2);
  const Value list = call.list(0);
  Number total;
  each_item(list, [&](const Value& item) {
    if (!call.has(1)) {
      if (!item.is_null()) total = total + as_number(call, item);
      return;
    }
    const Value v = call.apply(1, item);
    if (!v.is_null()) total = total + as_number(call, v);
  });
  return number_value(total);
}

// count(list) or count(list, x => condition)
Value count(Call& call) {
  call.expect_count(1, 2);
  const Value list = call.list(0);
  if (!call.has(1)) return number_value(Number::from_int(static_cast<std::int64_t>(list.size())));
  std::int64_t n = 0;
  each_item(list, [&](const Value& item) { n += call.apply(1, item).truthy() ? 1 : 0; });
  return number_value(Number::from_int(n));
}

Value mean(Call& call) {
  call.expect_count(1, 2);
  const auto values = mapped(call);
  if (values.empty()) call.fail("the list is empty, so it has no mean");
  Number total;
  for (const auto& v : values) total = total + as_number(call, v);
  return number_value(total / Number::from_int(static_cast<std::int64_t>(values.size())));
}

// Sample standard deviation (n - 1), as Excel's STDEV.
Value stdev(Call& call) {
  call.expect_count(1, 2);
  const auto values = mapped(call);
  if (values.size() < 2) call.fail("a standard deviation needs at least two values");
  double m = 0;
  for (const auto& v : values) m += as_number(call, v).to_double();
  m /= static_cast<double>(values.size());
  double squares = 0;
  for (const auto& v : values) {
    const double d = v.number().to_double() - m;
    squares += d * d;
  }
  return number_value(Number::from_double(std::sqrt(squares / static_cast<double>(values.size() - 1))));
}

// Population standard deviation (n), as Excel's STDEVP.
Value stdevp(Call& call) {
  call.expect_count(1, 2);
  const auto values = mapped(call);
  if (values.empty()) call.fail("the list is empty");
  double m = 0;
  for (const auto& v : values) m += as_number(call, v).to_double();
  m /= static_cast<double>(values.size());
  double squares = 0;
  for (const auto& v : values) squares += (v.number().to_double() - m) * (v.number().to_double() - m);
  return number_value(Number::from_double(std::sqrt(squares / static_cast<double>(values.size()))));
}

int order(Call& call, const Value& a, const Value& b) {
  if (a.kind() == Value::Kind::number && b.kind() == Value::Kind::number)
    return compare(a.number(), b.number());
  if (a.kind() == Value::Kind::text && b.kind() == Value::Kind::text)
    return a.text().compare(b.text()) < 0 ? -1 : a.text() == b.text() ? 0 : 1;
  if (a.is_null() || b.is_null())
    return a.is_null() == b.is_null() ? 0 : (a.is_null() ? 1 : -1);  // nulls last
  call.fail("cannot order " + describe(a) + " against " + describe(b));
}

// min(list, f?) / max(list, f?), or min(a, b, …) / max(a, b, …) of numbers.
Value extreme(Call& call, int sign) {
  std::vector<Value> values;
  if (call.count() >= 1 && call.arg(0).kind() == Value::Kind::list && call.count() <= 2) {
    values = mapped(call);
  } else {
    for (std::size_t i = 0; i < call.count(); ++i) values.push_back(call.arg(i));
  }
  if (values.empty()) call.fail("nothing to compare");
  Value best = values.front();
  for (const auto& v : values)
    if (order(call, v, best) * sign > 0) best = v;
  return best;
}
Value min_value(Call& call) { return extreme(call, -1); }
Value max_value(Call& call) { return extreme(call, 1); }

Value filter(Call& call) {
  call.expect_count(2, 2);
  const Value list = call.list(0);
  List out;
  each_item(list, [&](const Value& item) {
    if (call.apply(1, item).truthy()) out.push_back(item);
  });
  return Value::of(std::move(out));
}

Value map(Call& call) {
  call.expect_count(2, 2);
  List out;
  for (auto& v : mapped(call)) out.push_back(std::move(v));
  return Value::of(std::move(out));
}

// sort(list, key?, 'desc'?): stable.
Value sort(Call& call) {
  call.expect_count(1, 3);
  const Value list = call.list(0);
  std::vector<std::pair<Value, Value>> keyed;
  for (std::size_t i = 0; i < list.size(); ++i)
    keyed.emplace_back(call.has(1) ? call.apply(1, list.at(i)) : list.at(i), list.at(i));
  const bool descending = call.has(2) && call.text(2) == "desc";
  std::stable_sort(keyed.begin(), keyed.end(), [&](const auto& a, const auto& b) {
    const int o = order(call, a.first, b.first);
    return descending ? o > 0 : o < 0;
  });
  List out;
  for (auto& [key, item] : keyed) out.push_back(std::move(item));
  return Value::of(std::move(out));
}

Value reverse(Call& call) {
  call.expect_count(1, 1);
  const Value list = call.list(0);
  List out;
  for (std::size_t i = list.size(); i-- > 0;) out.push_back(list.at(i));
  return Value::of(std::move(out));
}

Value take(Call& call) {
  call.expect_count(2, 2);
  const Value list = call.list(0);
  std::int64_t n = 0;
  if (!call.number(1).scaled(0, n) || n < 0) call.fail("expected a whole number of items");
  List out;
  for (std::size_t i = 0; i < list.size() && static_cast<std::int64_t>(i) < n; ++i) out.push_back(list.at(i));
  return Value::of(std::move(out));
}

// slice(list, start, end?): items start … end - 1, counted from 0 as list[0] is; a negative position counts
// from the end (-1 is the last item). Positions past either end are clamped, as a part of a list may be
// empty.
Value slice(Call& call) {
  call.expect_count(2, 3);
  const Value list = call.list(0);
  const auto size = static_cast<std::int64_t>(list.size());
  auto position = [&](std::size_t index) {
    std::int64_t p = 0;
    if (!call.number(index).scaled(0, p)) call.fail("positions should be whole numbers");
    if (p < 0) p += size;
    return std::clamp<std::int64_t>(p, 0, size);
  };
  const std::int64_t from = position(1);
  const std::int64_t to = call.has(2) ? position(2) : size;
  List out;
  for (std::int64_t i = from; i < to; ++i) out.push_back(list.at(static_cast<std::size_t>(i)));
  return Value::of(std::move(out));
}

// flatten(list, f?): the items of the lists in the list (or of f(item) for each item), in order, one level
// deep: all the items of all the aspects of a questionnaire, all the students of all the schools.
Value flatten(Call& call) {
  call.expect_count(1, 2);
  List out;
  for (const auto& part : mapped(call)) {
    if (part.kind() != Value::Kind::list) call.fail("expected a list of lists, found " + describe(part));
    call.evaluator().spend_items(part.size());  // before they are made: lists of one shared list multiply
    for (std::size_t i = 0; i < part.size(); ++i) out.push_back(part.at(i));
  }
  return Value::of(std::move(out));
}

Value first(Call& call) {
  call.expect_count(1, 1);
  const Value list = call.list(0);
  return list.size() ? list.at(0) : Value();
}
Value last(Call& call) {
  call.expect_count(1, 1);
  const Value list = call.list(0);
  return list.size() ? list.at(list.size() - 1) : Value();
}

// type_of(x): 'text', 'number', 'boolean', 'list', 'object' or 'null', for dataset fields that may hold one
// of several kinds (a table cell written as a text or as an object with spans).
Value type_of(Call& call) {
  call.expect_count(1, 1);
  switch (call.arg(0).kind()) {
    case Value::Kind::null:
      return text_value("null");
    case Value::Kind::boolean:
      return text_value("boolean");
    case Value::Kind::number:
      return text_value("number");
    case Value::Kind::text:
      return text_value("text");
    case Value::Kind::list:
      return text_value("list");
    case Value::Kind::object:
      return text_value("object");
  }
  return text_value("null");
}

// len(list or text): items, or characters (code points).
Value len(Call& call) {
  call.expect_count(1, 1);
  const Value v = call.arg(0);
  if (v.kind() == Value::Kind::list)
    return number_value(Number::from_int(static_cast<std::int64_t>(v.size())));
  if (v.kind() == Value::Kind::text) {
    std::int64_t n = 0;
    for (unsigned char c : v.text()) n += (c & 0xC0) != 0x80;
    return number_value(Number::from_int(n));
  }
  call.fail("expected a list or a text, found " + describe(v));
}

// group_by(list, key): [{key, items, count}, …] in order of first appearance. Each group's items are a
// selection of the list's (their positions in it), placed once the group's size is known.
Value group_by(Call& call) {
  call.expect_count(2, 2);
  const Value list = call.list(0);
  std::vector<Value> keys;
  std::vector<std::size_t> sizes;
  std::vector<std::uint32_t> group_of;  // per item
  group_of.reserve(list.size());
  std::unordered_map<std::string, std::uint32_t> index;
  std::string id;  // the key's kind and text: 1 and '1' are different groups
  each_item(list, [&](const Value& item) {
    Value key = call.apply(1, item);
    id.assign(1, static_cast<char>('0' + static_cast<int>(key.kind()))).push_back(':');
    if (key.kind() == Value::Kind::text) {
      id.append(key.text());
    } else {
      const auto text = plain_text(key);
      if (!text) call.fail("a group key must be a text or a number, found " + describe(key));
      id.append(*text);
    }
    auto found = index.find(id);
    if (found == index.end()) {
      found = index.emplace(id, static_cast<std::uint32_t>(keys.size())).first;
      keys.push_back(std::move(key));
      sizes.push_back(0);
    }
    ++sizes[found->second];
    group_of.push_back(found->second);
  });
  std::vector<std::vector<std::uint32_t>> items(keys.size());
  for (std::size_t g = 0; g < keys.size(); ++g) items[g].reserve(sizes[g]);
  for (std::size_t position = 0; position < group_of.size(); ++position)
    items[group_of[position]].push_back(static_cast<std::uint32_t>(position));
  List out;
  out.reserve(keys.size());
  for (std::size_t g = 0; g < keys.size(); ++g) {
    Object group;
    group.fields.reserve(3);
    group.fields.emplace_back("key", std::move(keys[g]));
    group.fields.emplace_back("items", Value::select(list, std::move(items[g])));
    group.fields.emplace_back("count", number_value(Number::from_int(static_cast<std::int64_t>(sizes[g]))));
    out.push_back(Value::of(std::move(group)));
  }
  return Value::of(std::move(out));
}

// distinct(list, key?): the different values, in order of first appearance.
Value distinct(Call& call) {
  call.expect_count(1, 2);
  std::vector<Value> seen;
  List out;
  for (auto& v : mapped(call)) {
    bool found = false;
    for (const auto& s : seen) found = found || equal(s, v);
    if (!found) {
      seen.push_back(v);
      out.push_back(v);
    }
  }
  return Value::of(std::move(out));
}

// lookup(list, key, value): the first item whose key equals value, or null.
Value lookup(Call& call) {
  call.expect_count(3, 3);
  const Value list = call.list(0);
  const Value wanted = call.arg(2);
  const std::string* field = call.field_name(1);
  const FieldIndex* index =
      field && wanted.kind() == Value::Kind::text && list.size() >= FieldIndexes::min_items
          ? call.evaluator().field_indexes().of(list, *field)
          : nullptr;
  if (index) {
    // Texts are found in the list's index; past the items it covers the search goes on one by one.
    if (const auto found = index->first.find(wanted.text()); found != index->first.end())
      return list.at(found->second);
    for (std::size_t i = index->indexed; i < list.size(); ++i)
      if (equal(call.apply(1, list.at(i)), wanted)) return list.at(i);
    return Value();
  }
  if (const List* items = list.computed_items()) {
    for (const Value& item : *items)
      if (equal(call.apply(1, item), wanted)) return item;
    return Value();
  }
  for (std::size_t i = 0; i < list.size(); ++i)
    if (equal(call.apply(1, list.at(i)), wanted)) return list.at(i);
  return Value();
}

// band(value, bands, 'max_field'): the first band whose upper bound (inclusive) is at least value; a band
// with a null bound is open-ended. bands must be in ascending order (the schema says so).
Value band(Call& call) {
  call.expect_count(3, 3);
  const Number value = call.number(0);
  const Value bands = call.list(1);
  for (std::size_t i = 0; i < bands.size(); ++i) {
    const Value bound = call.apply(2, bands.at(i));
    if (bound.is_null()) return bands.at(i);
    if (compare(value, as_number(call, bound)) <= 0) return bands.at(i);
  }
  call.fail("no band covers " + value.to_string() + " (the last band should have no upper bound)");
}

// band_index(value, bands, 'max_field'): the 1-based position of that band.
Value band_index(Call& call) {
  call.expect_count(3, 3);
  const Number value = call.number(0);
  const Value bands = call.list(1);
  for (std::size_t i = 0; i < bands.size(); ++i) {
    const Value bound = call.apply(2, bands.at(i));
    if (bound.is_null() || compare(value, as_number(call, bound)) <= 0)
      return number_value(Number::from_int(static_cast<std::int64_t>(i + 1)));
  }
  call.fail("no band covers " + value.to_string());
}

// with_field(list, 'name', x => value): each item with one more field.
Value with_field(Call& call) {
  call.expect_count(3, 3);
  const Value list = call.list(0);
  const std::string name = call.text(1);
  List values;
  values.reserve(list.size());
  each_item(list, [&](const Value& item) {
    if (item.kind() != Value::Kind::object) call.fail("items should be objects, found " + describe(item));
    values.push_back(call.apply(2, item));
  });
  return Value::extend(list, name, std::move(values));
}

// running_sum(list, f?): the cumulative totals, one per item (running balances).
Value running_sum(Call& call) {
  call.expect_count(1, 2);
  Number total;
  List out;
  for (const auto& v : mapped(call)) {
    if (!v.is_null()) total = total + as_number(call, v);
    out.push_back(number_value(total));
  }
  return Value::of(std::move(out));
}

// range(from, to): from, from + 1, …, to - 1
Value range(Call& call) {
  call.expect_count(2, 2);
  std::int64_t from = 0, to = 0;
  if (!call.number(0).scaled(0, from) || !call.number(1).scaled(0, to)) call.fail("expected whole numbers");
  // Compared without subtracting, which could overflow for numbers near the int64 limits.
  if (to > from && (from < 0 ? to > 1'000'000 + from : to - from > 1'000'000))
    call.fail("the range is longer than 1,000,000");
  if (to > from) {
    call.evaluator().spend_steps(static_cast<std::uint64_t>(to - from));
    call.evaluator().spend_items(static_cast<std::uint64_t>(to - from));
  }
  List out;
  for (std::int64_t i = from; i < to; ++i) out.push_back(number_value(Number::from_int(i)));
  return Value::of(std::move(out));
}

// contains(list or text, value)
Value contains(Call& call) {
  call.expect_count(2, 2);
  const Value where = call.arg(0);
  const Value what = call.arg(1);
  if (where.kind() == Value::Kind::text) {
    const auto needle = plain_text(what);
    return Value::of(needle && where.text().find(*needle) != std::string_view::npos);
  }
  if (where.kind() != Value::Kind::list) call.fail("expected a list or a text, found " + describe(where));
  for (std::size_t i = 0; i < where.size(); ++i)
    if (equal(where.at(i), what)) return Value::of(true);
  return Value::of(false);
}

// join(list, separator, f?)
Value join(Call& call) {
  call.expect_count(2, 3);
  const Value list = call.list(0);
  const std::string separator = call.text(1);
  std::string out;
  for (std::size_t i = 0; i < list.size(); ++i) {
    const Value v = call.has(2) ? call.apply(2, list.at(i)) : list.at(i);
    const auto text = plain_text(v);
    if (!text) call.fail("cannot join " + describe(v) + " as text");
    if (i) out += separator;
    out += *text;
  }
  return text_value(out);
}

}  // namespace

void add_list_builtins(BuiltinTable& table) {
  table["sum"] = sum;
  table["count"] = count;
  table["mean"] = mean;
  table["stdev"] = stdev;
  table["stdevp"] = stdevp;
  table["min"] = min_value;
  table["max"] = max_value;
  table["filter"] = filter;
  table["map"] = map;
  table["sort"] = sort;
  table["reverse"] = reverse;
  table["take"] = take;
  table["slice"] = slice;
  table["flatten"] = flatten;
  table["first"] = first;
  table["last"] = last;
  table["len"] = len;
  table["type_of"] = type_of;
  table["group_by"] = group_by;
  table["distinct"] = distinct;
  table["lookup"] = lookup;
  table["band"] = band;
  table["band_index"] = band_index;
  table["with_field"] = with_field;
  table["running_sum"] = running_sum;
  table["range"] = range;
  table["contains"] = contains;
  table["join"] = join;
}

}  // namespace raingan::templating
