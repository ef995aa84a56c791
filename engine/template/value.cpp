#include "template/value.h"

namespace raingan::tmpl {

Value Value::of(bool value) {
  Value v;
  v.storage_ = value;
  return v;
}
Value Value::of(Number value) {
  Value v;
  v.storage_ = value;
  return v;
}
Value Value::of(std::string value) {
  Value v;
  v.storage_ = std::move(value);
  return v;
}
Value Value::of(List value) {
  Value v;
  v.storage_ = std::make_shared<const List>(std::move(value));
  return v;
}
Value Value::of(Object value) {
  Value v;
  v.storage_ = std::make_shared<const Object>(std::move(value));
  return v;
}
Value Value::data(const dataset::Value& value) {
  Value v;
  v.storage_ = &value;
  return v;
}

Value::Kind Value::kind() const noexcept {
  switch (storage_.index()) {
    case 0:
      return Kind::null;
    case 1:
      return Kind::boolean;
    case 2:
      return Kind::number;
    case 3:
      return Kind::text;
    case 4:
      switch (std::get<4>(storage_)->kind()) {
        case dataset::ValueKind::null:
          return Kind::null;
        case dataset::ValueKind::boolean:
          return Kind::boolean;
        case dataset::ValueKind::number:
          return Kind::number;
        case dataset::ValueKind::string:
          return Kind::text;
        case dataset::ValueKind::array:
          return Kind::list;
        case dataset::ValueKind::object:
          return Kind::object;
      }
      return Kind::null;
    case 5:
      return Kind::list;
    default:
      return Kind::object;
  }
}

bool Value::boolean() const {
  if (const auto* data = std::get_if<const dataset::Value*>(&storage_)) return (*data)->as_bool();
  return std::get<bool>(storage_);
}

Number Value::number() const {
  if (const auto* data = std::get_if<const dataset::Value*>(&storage_))
    return Number::parse((*data)->number_text());
  return std::get<Number>(storage_);
}

std::string_view Value::text() const {
  if (const auto* data = std::get_if<const dataset::Value*>(&storage_)) return (*data)->as_string();
  return std::get<std::string>(storage_);
}

std::size_t Value::size() const {
  if (const auto* data = std::get_if<const dataset::Value*>(&storage_)) return (*data)->items().size();
  return std::get<std::shared_ptr<const List>>(storage_)->size();
}

Value Value::at(std::size_t index) const {
  if (const auto* data = std::get_if<const dataset::Value*>(&storage_))
    return Value::data((*data)->items()[index]);
  return (*std::get<std::shared_ptr<const List>>(storage_))[index];
}

std::optional<Value> Value::member(std::string_view key) const {
  const dataset::Value* base = nullptr;
  if (const auto* data = std::get_if<const dataset::Value*>(&storage_)) {
    base = *data;
  } else if (const auto* object = std::get_if<std::shared_ptr<const Object>>(&storage_)) {
    for (const auto& [name, value] : (*object)->fields)
      if (name == key) return value;
    base = (*object)->base;
  }
  if (base && base->is_object())
    if (const dataset::Value* found = base->find(key)) return Value::data(*found);
  return std::nullopt;
}

std::vector<std::string> Value::keys() const {
  std::vector<std::string> keys;
  const dataset::Value* base = nullptr;
  if (const auto* data = std::get_if<const dataset::Value*>(&storage_)) {
    base = *data;
  } else if (const auto* object = std::get_if<std::shared_ptr<const Object>>(&storage_)) {
    for (const auto& field : (*object)->fields) keys.push_back(field.first);
    base = (*object)->base;
  }
  if (base && base->is_object())
    for (const auto& m : base->members()) keys.emplace_back(m.key());
  return keys;
}

const dataset::Value* Value::data_value() const noexcept {
  const auto* data = std::get_if<const dataset::Value*>(&storage_);
  return data ? *data : nullptr;
}

bool Value::truthy() const {
  switch (kind()) {
    case Kind::null:
      return false;
    case Kind::boolean:
      return boolean();
    case Kind::number:
      return !number().is_zero();
    case Kind::text:
      return !text().empty();
    case Kind::list:
      return size() > 0;
    case Kind::object:
      return true;
  }
  return false;
}

std::string describe(const Value& value) {
  switch (value.kind()) {
    case Value::Kind::null:
      return "null";
    case Value::Kind::boolean:
      return value.boolean() ? "true" : "false";
    case Value::Kind::number:
      return "the number " + value.number().to_string();
    case Value::Kind::text: {
      std::string text(value.text().substr(0, 60));
      return "the text \"" + text + (value.text().size() > 60 ? "…" : "") + "\"";
    }
    case Value::Kind::list:
      return "a list of " + std::to_string(value.size());
    case Value::Kind::object:
      return "an object";
  }
  return {};
}

bool equal(const Value& a, const Value& b) {
  if (a.kind() != b.kind()) return false;
  switch (a.kind()) {
    case Value::Kind::null:
      return true;
    case Value::Kind::boolean:
      return a.boolean() == b.boolean();
    case Value::Kind::number:
      return compare(a.number(), b.number()) == 0;
    case Value::Kind::text:
      return a.text() == b.text();
    default:
      return false;
  }
}

std::optional<std::string> plain_text(const Value& value) {
  switch (value.kind()) {
    case Value::Kind::null:
      return std::string();
    case Value::Kind::boolean:
      return std::string(value.boolean() ? "true" : "false");
    case Value::Kind::number:
      return value.number().to_string();
    case Value::Kind::text:
      return std::string(value.text());
    default:
      return std::nullopt;
  }
}

}  // namespace raingan::tmpl
