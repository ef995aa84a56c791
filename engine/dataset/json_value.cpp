#include "dataset/json_value.h"

#include <algorithm>
#include <cstring>
#include <vector>

#include "core/utf8.h"
#include "format/money.h"
#include "format/value_error.h"

namespace raingan::dataset {
namespace {

using format::ValueError;

[[noreturn]] void wrong_kind(std::string_view expected, const Value& found) {
  throw ValueError("expected " + std::string(expected) + ", found " + describe(found));
}

// Shortens a string to about `limit` code points for a message, never cutting inside a UTF-8 sequence.
std::string excerpt(std::string_view text, std::size_t limit) {
  std::size_t offset = 0;
  std::size_t count = 0;
  while (offset < text.size() && count < limit) {
    offset += std::min(utf8::sequence_length(static_cast<unsigned char>(text[offset])), text.size() - offset);
    ++count;
  }
  return std::string(text.substr(0, offset)) + (offset < text.size() ? "…" : "");
}

}  // namespace

Value Value::make_null(std::size_t offset) {
  Value v;
  v.offset_ = static_cast<std::uint32_t>(offset);
  return v;
}

Value Value::make_boolean(bool value, std::size_t offset) {
  Value v;
  v.kind_ = ValueKind::boolean;
  v.boolean_ = value;
  v.offset_ = static_cast<std::uint32_t>(offset);
  return v;
}

std::string_view Value::text() const noexcept {
  if (!stored_text_) return {inline_text_, inline_size_};
  std::uint32_t size = 0;
  std::memcpy(&size, block_, sizeof size);
  return {block_ + sizeof size, size};
}

std::size_t Value::count() const noexcept {
  return static_cast<std::size_t>(kind_ == ValueKind::array ? items_[-1].count_ : members_[-1].value.count_);
}

bool Value::as_bool() const {
  if (!is_boolean()) wrong_kind("true or false", *this);
  return boolean_;
}

std::string_view Value::as_string() const {
  if (!is_string()) wrong_kind("a string", *this);
  return text();
}

std::string_view Value::number_text() const {
  if (!is_number()) wrong_kind("a number", *this);
  return text();
}

format::Decimal Value::as_decimal() const { return format::Decimal::parse(number_text()); }

std::int64_t Value::as_int64() const {
  const format::Decimal number = as_decimal();
  if (!number.is_integer()) wrong_kind("a whole number", *this);
  const auto value = number.to_int64();
  if (!value)
    throw ValueError("expected a whole number within ±9,223,372,036,854,775,807, found " + describe(*this));
  return *value;
}

std::int64_t Value::as_satang() const { return format::parse_satang(number_text()); }

double Value::as_double() const { return as_decimal().to_double(); }

std::span<const Value> Value::items() const {
  if (!is_array()) wrong_kind("an array", *this);
  return {items_, count()};
}

std::span<const Member> Value::members() const {
  if (!is_object()) wrong_kind("an object", *this);
  return {members_, count()};
}

const Value* Value::find(std::string_view key) const {
  if (!is_object()) return nullptr;
  for (const Member& member : std::span<const Member>(members_, count()))
    if (member.key() == key) return &member.value;
  return nullptr;
}

std::string_view Member::key() const noexcept {
  std::uint32_t size = 0;
  std::memcpy(&size, key_, sizeof size);
  return {key_ + sizeof size, size};
}

std::string_view kind_name(ValueKind kind) {
  switch (kind) {
    case ValueKind::null:
      return "null";
    case ValueKind::boolean:
      return "true or false";
    case ValueKind::number:
      return "a number";
    case ValueKind::string:
      return "a string";
    case ValueKind::array:
      return "an array";
    case ValueKind::object:
      return "an object";
  }
  return "a value";
}

std::string describe(const Value& value) {
  switch (value.kind()) {
    case ValueKind::null:
      return "null";
    case ValueKind::boolean:
      return value.as_bool() ? "true" : "false";
    case ValueKind::number:
      return excerpt(value.number_text(), 40);
    case ValueKind::string:
      return "\"" + excerpt(value.as_string(), 40) + "\"";
    case ValueKind::array: {
      const std::size_t count = value.items().size();
      if (count == 0) return "an empty array";
      return "an array of " + std::to_string(count) + (count == 1 ? " item" : " items");
    }
    case ValueKind::object:
      return value.members().empty() ? "an empty object" : "an object";
  }
  return "a value";
}

bool equal_values(const Value& a, const Value& b) {
  if (a.kind() != b.kind()) return false;
  switch (a.kind()) {
    case ValueKind::null:
      return true;
    case ValueKind::boolean:
      return a.as_bool() == b.as_bool();
    case ValueKind::number:
      return a.as_decimal() == b.as_decimal();
    case ValueKind::string:
      return a.as_string() == b.as_string();
    case ValueKind::array:
      return std::equal(a.items().begin(), a.items().end(), b.items().begin(), b.items().end(), equal_values);
    case ValueKind::object: {
      if (a.members().size() != b.members().size()) return false;
      for (const auto& member : a.members()) {
        const Value* other = b.find(member.key());
        if (other == nullptr || !equal_values(member.value, *other)) return false;
      }
      return true;
    }
  }
  return false;
}

std::string canonical_key(const Value& value) {
  switch (value.kind()) {
    case ValueKind::null:
      return "z";
    case ValueKind::boolean:
      return value.as_bool() ? "t" : "f";
    case ValueKind::number:
      try {
        return "n" + value.as_decimal().canonical();
      } catch (const format::ValueError&) {
        // Beyond what a Decimal holds (1e400): such numbers are told apart by how they are written, which
        // is all a key needs; the validator reports them wherever a real number is expected.
        return "N" + std::string(value.number_text());
      }
    case ValueKind::string:
      return "s" + std::string(value.as_string());
    case ValueKind::array: {
      std::string key = "[";
      for (const auto& item : value.items()) {
        const std::string inner = canonical_key(item);
        key += std::to_string(inner.size()) + ":" + inner;
      }
      return key + "]";
    }
    case ValueKind::object: {
      std::vector<std::string> parts;
      for (const auto& member : value.members()) {
        const std::string inner = canonical_key(member.value);
        const std::string_view key = member.key();
        parts.push_back(std::to_string(key.size()) + ":" + std::string(key) + std::to_string(inner.size()) + ":" +
                        inner);
      }
      std::sort(parts.begin(), parts.end());
      std::string key = "{";
      for (const auto& part : parts) key += part;
      return key + "}";
    }
  }
  return {};
}

}  // namespace raingan::dataset
