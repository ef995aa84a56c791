#include "templating/value.h"

namespace raingan::templating {

struct Selection {
  Value list;  // a dataset array or a computed list, never a selection
  std::vector<std::uint32_t> positions;
};

struct Extension {
  Value list;  // the items extended
  std::string name;
  List values;  // per item
};

namespace {

// The field `key` of an extended list's item `index`.
std::optional<Value> extended_member(const Extension& extension, std::size_t index, std::string_view key) {
  if (const dataset::Value* array = extension.list.data_value()) {
    if (key == extension.name) return extension.values[index];
    const dataset::Value& base = array->items()[index];
    if (const dataset::Value* found = base.is_object() ? base.find(key) : nullptr) return Value::data(*found);
    return std::nullopt;
  }
  const Value item = extension.list.at(index);
  if (item.data_value()) {
    if (key == extension.name) return extension.values[index];
    return item.member(key);
  }
  if (std::optional<Value> own = item.member(key)) return own;
  if (key == extension.name) return extension.values[index];
  return std::nullopt;
}

}  // namespace

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

Value Value::select(const Value& list, std::vector<std::uint32_t> positions) {
  Value v;
  if (const auto* selection = std::get_if<std::shared_ptr<const Selection>>(&list.storage_)) {
    // A selection of a selection: positions in the list underneath.
    for (auto& position : positions) position = (*selection)->positions[position];
    v.storage_ = std::make_shared<const Selection>(Selection{(*selection)->list, std::move(positions)});
  } else {
    v.storage_ = std::make_shared<const Selection>(Selection{list, std::move(positions)});
  }
  return v;
}

Value Value::extend(const Value& list, std::string name, List values) {
  Value v;
  v.storage_ = std::make_shared<const Extension>(Extension{list, std::move(name), std::move(values)});
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
    case 7:
    case 8:
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
  if (const auto* selection = std::get_if<std::shared_ptr<const Selection>>(&storage_))
    return (*selection)->positions.size();
  if (const auto* extension = std::get_if<std::shared_ptr<const Extension>>(&storage_))
    return (*extension)->values.size();
  return std::get<std::shared_ptr<const List>>(storage_)->size();
}

Value Value::at(std::size_t index) const {
  if (const auto* data = std::get_if<const dataset::Value*>(&storage_))
    return Value::data((*data)->items()[index]);
  if (const auto* selection = std::get_if<std::shared_ptr<const Selection>>(&storage_))
    return (*selection)->list.at((*selection)->positions[index]);
  if (const auto* extension = std::get_if<std::shared_ptr<const Extension>>(&storage_)) {
    Value item;
    item.storage_ = ExtendedItem{*extension, index};
    return item;
  }
  return (*std::get<std::shared_ptr<const List>>(storage_))[index];
}

void Value::each_item(FunctionRef<void(const Value&)> visit) const {
  // An extended list's items are visited as one value whose position moves along, rather than as a value
  // (holding the list) made for each.
  auto visit_extended = [&](const std::shared_ptr<const Extension>& extension, std::size_t count,
                            auto position_of) {
    Value item;
    item.storage_ = ExtendedItem{extension, 0};
    auto& moving = std::get<ExtendedItem>(item.storage_);
    for (std::size_t i = 0; i < count; ++i) {
      moving.index = position_of(i);
      visit(item);
    }
  };
  if (const List* items = computed_items()) {
    for (const Value& item : *items) visit(item);
  } else if (const auto* extension = std::get_if<std::shared_ptr<const Extension>>(&storage_)) {
    visit_extended(*extension, (*extension)->values.size(), [](std::size_t i) { return i; });
  } else if (const auto* selection = std::get_if<std::shared_ptr<const Selection>>(&storage_)) {
    const Value& list = (*selection)->list;
    if (const List* underneath = list.computed_items()) {
      for (const std::uint32_t position : (*selection)->positions) visit((*underneath)[position]);
    } else if (const auto* extended = std::get_if<std::shared_ptr<const Extension>>(&list.storage_)) {
      const auto& positions = (*selection)->positions;
      visit_extended(*extended, positions.size(), [&](std::size_t i) { return std::size_t{positions[i]}; });
    } else {
      for (const std::uint32_t position : (*selection)->positions) visit(list.at(position));
    }
  } else {
    const std::size_t n = size();
    for (std::size_t i = 0; i < n; ++i) visit(at(i));
  }
}

std::optional<Value> Value::member(std::string_view key) const {
  if (const auto* item = std::get_if<ExtendedItem>(&storage_))
    return extended_member(*item->list, item->index, key);
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
  if (const auto* item = std::get_if<ExtendedItem>(&storage_)) {
    const Extension& extension = *item->list;
    const Value original = extension.list.at(item->index);
    if (original.data_value()) keys.push_back(extension.name);
    for (auto& key : original.keys()) keys.push_back(std::move(key));
    if (!original.data_value()) keys.push_back(extension.name);
    return keys;
  }
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

const void* Value::identity() const noexcept {
  return std::visit(
      [](const auto& stored) -> const void* {
        using Stored = std::decay_t<decltype(stored)>;
        if constexpr (std::is_same_v<Stored, const dataset::Value*>)
          return stored;
        else if constexpr (std::is_same_v<Stored, ExtendedItem>)
          return nullptr;
        else if constexpr (requires { stored.get(); })
          return stored.get();
        else
          return nullptr;
      },
      storage_);
}

std::weak_ptr<const void> Value::watch() const noexcept {
  return std::visit(
      [](const auto& stored) -> std::weak_ptr<const void> {
        if constexpr (requires { stored.use_count(); })
          return stored;
        else
          return {};
      },
      storage_);
}

const List* Value::computed_items() const noexcept {
  const auto* list = std::get_if<std::shared_ptr<const List>>(&storage_);
  return list ? list->get() : nullptr;
}

std::optional<std::string> Value::take_plain_text() {
  if (auto* text = std::get_if<std::string>(&storage_)) {
    std::string taken = std::move(*text);
    storage_ = std::monostate{};
    return taken;
  }
  return plain_text(*this);
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

}  // namespace raingan::templating
