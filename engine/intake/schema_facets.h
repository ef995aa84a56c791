#pragma once
// What a schema node says about one value once its $ref chain is followed: the node's own keywords first,
// then those of what it refers to (both apply when a dataset is validated).

#include <optional>
#include <string>
#include <vector>

#include "dataset/schema.h"
#include "format/decimal.h"

namespace raingan::intake {

struct Facets {
  unsigned types = 0;  // 0: any
  const std::vector<dataset::Value>* enum_values = nullptr;
  const dataset::Value* const_value = nullptr;
  bool date = false;
  bool money = false;
  std::optional<format::Decimal> minimum, maximum, exclusive_minimum, exclusive_maximum;
  const dataset::SchemaNode* object = nullptr;  // the node with the properties, when there is one
  const dataset::SchemaNode* items = nullptr;   // arrays: the items' schema
  std::string unique_field;                     // arrays: x-unique
  std::string title;
  const dataset::Value* default_value = nullptr;
  dataset::SheetHints hints;  // the first node of the chain that gives each keyword

  bool allows(unsigned type_bits) const { return types == 0 || (types & type_bits) != 0; }
  bool is_object() const { return object != nullptr; }
  bool is_array() const { return items != nullptr || (types & dataset::type_array) != 0; }
};

Facets facets_of(const dataset::SchemaNode& node);

// What a cell must hold to become such a value, after "expected": "a number >= 0", "one of อ.1, อ.2, …",
// "a date such as 20/11/2569".
std::string expectation(const Facets& facets);

}  // namespace raingan::intake
