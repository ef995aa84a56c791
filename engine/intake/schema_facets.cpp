#include "intake/schema_facets.h"

#include <unordered_set>

namespace raingan::intake {

Facets facets_of(const dataset::SchemaNode& node) {
  Facets facets;
  std::unordered_set<const dataset::SchemaNode*> seen;
  for (const dataset::SchemaNode* at = &node; at != nullptr && seen.insert(at).second; at = at->ref) {
    if (facets.types == 0) facets.types = at->types;
    if (facets.enum_values == nullptr && !at->enum_values.empty()) facets.enum_values = &at->enum_values;
    if (facets.const_value == nullptr && at->const_value) facets.const_value = &*at->const_value;
    facets.date = facets.date || at->date_format;
    facets.money = facets.money || at->money;
    if (!facets.minimum) facets.minimum = at->minimum;
    if (!facets.maximum) facets.maximum = at->maximum;
    if (!facets.exclusive_minimum) facets.exclusive_minimum = at->exclusive_minimum;
    if (!facets.exclusive_maximum) facets.exclusive_maximum = at->exclusive_maximum;
    if (facets.object == nullptr && !at->properties.empty()) facets.object = at;
    if (facets.items == nullptr) facets.items = at->items;
    if (facets.unique_field.empty()) facets.unique_field = at->unique_field;
    if (facets.title.empty()) facets.title = at->title;
    if (facets.default_value == nullptr && at->default_value) facets.default_value = &*at->default_value;
    const dataset::SheetHints& hints = at->sheet;
    if (facets.hints.sheet_names.empty()) facets.hints.sheet_names = hints.sheet_names;
    facets.hints.sheet_from_title = facets.hints.sheet_from_title || hints.sheet_from_title;
    if (facets.hints.column_titles.empty()) facets.hints.column_titles = hints.column_titles;
    if (facets.hints.spread_titles.empty()) facets.hints.spread_titles = hints.spread_titles;
    if (!facets.hints.spread_from) facets.hints.spread_from = hints.spread_from;
    if (facets.hints.parent_column.empty()) facets.hints.parent_column = hints.parent_column;
    if (facets.hints.aliases.empty()) facets.hints.aliases = hints.aliases;
  }
  return facets;
}

namespace {

std::string listed(const Facets& facets) {
  std::string text;
  const auto& values = *facets.enum_values;
  constexpr std::size_t shown = 12;
  for (std::size_t i = 0; i < values.size() && i < shown; ++i) {
    const dataset::Value& value = values[i];
    text += (i == 0 ? "" : ", ") +
            (value.is_string() ? std::string(value.as_string()) : dataset::describe(value));
  }
  if (values.size() > shown) text += ", …";
  return text;
}

std::string bounds(const Facets& facets) {
  std::string text;
  const auto add = [&text](std::string_view relation, const format::Decimal& bound) {
    // Decimal has no plain text form of its own; to_fixed with its own places writes it exactly.
    text += std::string(text.empty() ? " " : " and ") + std::string(relation) + " " +
            bound.to_fixed(static_cast<int>(bound.decimal_places()));
  };
  if (facets.minimum) add(">=", *facets.minimum);
  if (facets.exclusive_minimum) add(">", *facets.exclusive_minimum);
  if (facets.maximum) add("<=", *facets.maximum);
  if (facets.exclusive_maximum) add("<", *facets.exclusive_maximum);
  return text;
}

}  // namespace

std::string expectation(const Facets& facets) {
  using namespace dataset;
  if (facets.enum_values != nullptr) return "one of " + listed(facets);
  if (facets.const_value != nullptr) return describe(*facets.const_value);
  if (facets.date) return "a date such as 20/11/2569, 20 พ.ย. 2569 or 2026-11-20";
  const unsigned types = facets.types;
  if ((types & (type_number | type_integer)) != 0) {
    const bool integer = (types & type_number) == 0;
    return std::string(integer        ? "a whole number"
                       : facets.money ? "an amount in baht"
                                      : "a number") +
           bounds(facets);
  }
  if (types == type_boolean || types == (type_boolean | type_null)) return "ใช่ or ไม่ใช่ (yes or no)";
  if (types == 0) return "a value";
  return type_phrase(types & ~type_null);
}

}  // namespace raingan::intake
