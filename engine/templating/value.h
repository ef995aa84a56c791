#pragma once
// Values seen by template expressions: either views into the dataset (no copies of 100,000 records) or
// values the template computed (numbers, texts, lists from filter/sort/group_by, objects with added fields).

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "dataset/json_value.h"
#include "templating/function_ref.h"
#include "templating/number.h"

namespace raingan::templating {

class Value;
using List = std::vector<Value>;
struct Selection;  // some items of a list, by position
struct Extension;  // the items of a list with one more field each

// One item of an extended list (Value::extend): an object.
struct ExtendedItem {
  std::shared_ptr<const Extension> list;
  std::size_t index = 0;
};

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
  // A list of some items of `list`, by their positions in it: the items are not copied (a register's
  // groups of 100,000 students between them cost 4 bytes per student). `list` must be a list.
  static Value select(const Value& list, std::vector<std::uint32_t> positions);
  // The items of `list` (objects), item i with one more field `name` whose value is values[i]: no object is
  // made per item (with_field on 100,000 students costs one value each). On an item of a dataset array the
  // new field hides one of the same name; an object the template made keeps its own.
  static Value extend(const Value& list, std::string name, List values);

  Kind kind() const noexcept;
  bool is_null() const noexcept { return kind() == Kind::null; }

  // Typed access; the caller checks kind() first (the evaluator turns mismatches into template errors).
  bool boolean() const;
  Number number() const;
  std::string_view text() const;

  // Lists: size and items (items of a dataset array are views).
  std::size_t size() const;
  Value at(std::size_t index) const;
  // Calls visit(item) for each item in order, without copying the items of a computed list. The item is
  // only valid during the call.
  void each_item(FunctionRef<void(const Value&)> visit) const;
  // What a list or object is stored in, the same for every copy of the value (nullptr for other values):
  // tells whether two values are the same list.
  const void* identity() const noexcept;
  // Tells, without keeping it, whether a list or object the template computed still exists; empty for
  // dataset values (which live as long as the dataset) and plain values.
  std::weak_ptr<const void> watch() const noexcept;

  // Objects: the member, or nullopt when absent. Keys in order, for messages ("it has: no, activity").
  std::optional<Value> member(std::string_view key) const;
  std::vector<std::string> keys() const;

  // The dataset value behind a view, or nullptr for computed values.
  const dataset::Value* data_value() const noexcept;
  // The items of a list the template computed, to walk without copying each; nullptr for other values
  // (a dataset array's items are views that at() makes).
  const List* computed_items() const noexcept;

  // plain_text(), moving a computed text out instead of copying it; the value is left null.
  std::optional<std::string> take_plain_text();

  // if/and/or: false, null, 0, "" and [] are false; everything else is true.
  bool truthy() const;

 private:
  using Storage =
      std::variant<std::monostate, bool, Number, std::string, const dataset::Value*,
                   std::shared_ptr<const List>, std::shared_ptr<const Object>,
                   std::shared_ptr<const Selection>, std::shared_ptr<const Extension>, ExtendedItem>;
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

}  // namespace raingan::templating
