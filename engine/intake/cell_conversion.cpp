#include "intake/cell_conversion.h"

#include "dataset/json_value.h"
#include "intake/cell_text.h"

namespace raingan::intake {
namespace {

using dataset::type_boolean;
using dataset::type_integer;
using dataset::type_null;
using dataset::type_number;
using dataset::type_string;

Converted failed(const Facets& facets, const CellInput& cell) {
  return {std::nullopt, "expected " + expectation(facets) + ", found " + found_text(cell)};
}

// The cell as a number's text: a stored number (to 15 digits) or a typed one.
std::optional<std::string> number_of(const CellInput& cell) {
  if (cell.type == CellType::number) return plain_number(cell.text, cell.stored_double ? 15 : 0);
  if (cell.type == CellType::text) return typed_number(cell.text);
  return std::nullopt;
}

std::optional<format::Date> date_of(const CellInput& cell, bool date1904) {
  if (cell.type == CellType::number) return serial_date(cell.text, date1904);
  if (cell.type == CellType::text) return typed_date(cell.text);
  return std::nullopt;
}

// The key an enum value is matched by: its text with Thai digits as ASCII and no white space; numbers in
// their plain form (6 and 6.0 are the same).
std::string enum_key(const dataset::Value& value) {
  if (value.is_number()) return plain_number(value.number_text()).value_or(std::string(value.number_text()));
  if (value.is_string()) {
    const std::string key = compact_key(value.as_string());
    return plain_number(key).value_or(key);
  }
  if (value.is_boolean()) return value.as_bool() ? "true" : "false";
  return "null";
}

std::string cell_key(const CellInput& cell) {
  if (cell.type == CellType::number) return plain_number(cell.text, cell.stored_double ? 15 : 0).value_or("");
  if (cell.type == CellType::boolean) return cell.text == "1" ? "true" : "false";
  const std::string key = compact_key(cell.text);
  // "6" typed as text still matches the number 6; "๖" too.
  if (const auto number = plain_number(key)) return *number;
  return key;
}

}  // namespace

std::string found_text(const CellInput& cell) {
  switch (cell.type) {
    case CellType::number:
      return plain_number(cell.text, cell.stored_double ? 15 : 0).value_or(std::string(cell.text));
    case CellType::boolean:
      return cell.text == "1" ? "TRUE" : "FALSE";
    case CellType::error:
      return "the error " + std::string(cell.text);
    case CellType::text:
      break;
  }
  constexpr std::size_t limit = 60;
  std::string_view text = cell.text;
  std::string shown(text.substr(0, limit));
  // Never cut inside a UTF-8 sequence.
  while (!shown.empty() && shown.size() < text.size() &&
         (static_cast<unsigned char>(text[shown.size()]) & 0xC0) == 0x80)
    shown.pop_back();
  return "\"" + shown + (shown.size() < text.size() ? "…" : "") + "\"";
}

Converted convert_cell(const CellInput& cell, const Facets& facets, bool date1904) {
  if (cell.type == CellType::text && trim(cell.text).empty()) return {};
  if (cell.type == CellType::error) return failed(facets, cell);
  if (!facets.hints.aliases.empty() && cell.type == CellType::text) {
    const std::string key = compact_key(cell.text);
    for (const auto& [alias, value] : facets.hints.aliases)
      if (compact_key(alias) == key) return {Node::from_value(value), {}};
  }

  if (facets.enum_values != nullptr || facets.const_value != nullptr) {
    const std::string key = cell_key(cell);
    if (facets.const_value != nullptr && enum_key(*facets.const_value) == key)
      return {Node::from_value(*facets.const_value), {}};
    if (facets.enum_values != nullptr)
      for (const auto& value : *facets.enum_values)
        if (enum_key(value) == key) return {Node::from_value(value), {}};
    return failed(facets, cell);
  }

  if (facets.date) {
    // A date-styled number, a serial in a plain cell, or a date typed as text.
    if (const auto date = date_of(cell, date1904)) return {Node::string(format::to_iso(*date)), {}};
    return failed(facets, cell);
  }

  const unsigned types = facets.types == 0 ? (type_string | type_number | type_boolean) : facets.types;
  if ((types & type_boolean) != 0) {
    if (cell.type == CellType::boolean) return {Node::boolean(cell.text == "1"), {}};
    if (cell.type == CellType::text && (types & type_string) == 0)
      if (const auto flag = typed_boolean(cell.text)) return {Node::boolean(*flag), {}};
  }
  if ((types & (type_number | type_integer)) != 0) {
    if (cell.type == CellType::number || (types & type_string) == 0) {
      if (const auto number = number_of(cell)) return {Node::number(*number), {}};
      return failed(facets, cell);
    }
  }
  if ((types & type_string) != 0) {
    if (cell.type == CellType::number) {
      if (cell.date_style)
        if (const auto date = serial_date(cell.text, date1904))
          return {Node::string(format::to_iso(*date)), {}};
      return {Node::string(found_text(cell)), {}};
    }
    if (cell.type == CellType::boolean) return {Node::string(cell.text == "1" ? "TRUE" : "FALSE"), {}};
    return {Node::string(std::string(trim(cell.text))), {}};
  }
  if ((types & type_boolean) != 0 && cell.type == CellType::text)
    if (const auto flag = typed_boolean(cell.text)) return {Node::boolean(*flag), {}};
  if (types == type_null) return {Node::null(), {}};
  return failed(facets, cell);
}

}  // namespace raingan::intake
