#pragma once
// Values seen by template expressions: either views into the dataset (no copies of 100,000 records) or
// values the template computed (numbers, texts, lists from filter/sort/group_by, objects with added fields).

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "dataset/json_value.h"
#include "template/number.h"

namespace raingan::tmpl {

class Value;
using List = std::vector<Value>;

// An object made by the template: fields of its own, over an optional dataset object they extend.
struct Object {
  const dataset::Value* base = nullptr;
  std::vector<std::pair<std::string, Value>> fields;
};

class Value {
 public:
  enum class Kind { null, boolean, number, text, list, object };

  Value() = default;
  static Value of(bool value);
  static Value of(Number value);
  static Value of(std::string value);
  static Value of(List value);
  static Value of(Object value);
  static Value data(const dataset::Value& value);

  Kind kind() const noexcept;
  bool is_null() const noexcept { return kind() == Kind::null; }

  // Typed access; the caller checks kind() first (the evaluator turns mismatches into template errors).
  bool boolean() const;
  Number number() const;
  std::string_view text() const;

  // Lists: size and items (items of a dataset array are views).
  std::size_t size() const;
  Value at(std::size_t index) const;

  // Objects: the member, or nullopt when absent. Keys in order, for messages ("it has: no, activity").
  std::optional<Value> member(std::string_view key) const;
  std::vector<std::string> keys() const;

  // The dataset value behind a view, or nullptr for computed values.
  const dataset::Value* data_value() const noexcept;

  // if/and/or: false, null, 0, "" and [] are false; everything else is true.
  bool truthy() const;

 private:
  using Storage = std::variant<std::monostate, bool, Number, std::string, const dataset::Value*,
                               std::shared_ptr<const List>, std::shared_ptr<const Object>>;
  Storage storage_;
};

// "a number", "a text", "a list of 3", … for messages.
std::string describe(const Value& value);

// Equality as templates compare: numbers by value, texts by bytes, null equals null; lists and objects are
// never equal to anything (compare their fields).
bool equal(const Value& a, const Value& b);

// Plain text of a value written into a document: texts as they are, numbers exactly (12.5), true/false,
// nothing for null. Lists and objects have no text (the caller reports it).
std::optional<std::string> plain_text(const Value& value);

}  // namespace raingan::tmpl
