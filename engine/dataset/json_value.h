#pragma once
// One JSON value of a dataset as read from its file. Numbers keep the text they were written with, so money
// (1250000.00) and decimals (0.1) are read exactly; objects keep their keys in file order. offset() is the
// byte where the value starts in the file, for messages that give a line.
//
// A Value is 16 bytes and copies cheaply: texts and numbers of up to 8 bytes are held in the value itself,
// longer ones and the items and members of arrays and objects in the ValueStore of its document
// (value_store.h), which must outlive every copy. Texts are views into the value or that store.

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "format/decimal.h"

namespace raingan::dataset {

enum class ValueKind : std::uint8_t { null, boolean, number, string, array, object };

class Member;
class ValueStore;

class Value {
 public:
  Value() noexcept : block_(nullptr) {}

  static Value make_null(std::size_t offset = 0);
  static Value make_boolean(bool value, std::size_t offset = 0);
  // Numbers, strings, arrays and objects are made by a ValueStore.

  ValueKind kind() const noexcept { return kind_; }
  bool is_null() const noexcept { return kind() == ValueKind::null; }
  bool is_boolean() const noexcept { return kind() == ValueKind::boolean; }
  bool is_number() const noexcept { return kind() == ValueKind::number; }
  bool is_string() const noexcept { return kind() == ValueKind::string; }
  bool is_array() const noexcept { return kind() == ValueKind::array; }
  bool is_object() const noexcept { return kind() == ValueKind::object; }
  std::size_t offset() const noexcept { return offset_; }

  // Typed access. Each throws format::ValueError ("expected a string, found 12") on the wrong kind of value;
  // the caller adds the file and the JSON path.
  bool as_bool() const;
  std::string_view as_string() const;
  std::string_view number_text() const;  // the number exactly as written in the file
  format::Decimal as_decimal() const;
  std::int64_t as_int64() const;   // an integral number within int64 (12, 12.0, 1.2e1)
  std::int64_t as_satang() const;  // baht with at most two decimals, as integer satang
  double as_double() const;        // for statistics only (mean, S.D.), never for money
  std::span<const Value> items() const;
  std::span<const Member> members() const;

  // The member's value, or nullptr when absent or when this is not an object. The first one wins if a key
  // repeats (the reader reports repeated keys).
  const Value* find(std::string_view key) const;

 private:
  friend class ValueStore;
  static constexpr std::size_t inline_capacity = 8;

  // Strings and numbers: the text, inline or in the store.
  std::string_view text() const noexcept;
  // Arrays and objects: the number of items or members, kept in the slot before the first one.
  std::size_t count() const noexcept;

  ValueKind kind_ = ValueKind::null;
  std::uint8_t inline_size_ = 0;  // texts of up to inline_capacity bytes
  bool stored_text_ = false;      // the text is in the store, at block_
  std::uint32_t offset_ = 0;      // files are at most 4 GiB (--max-dataset-mb)
  union {
    const char* block_;        // a stored text: its 4-byte size, then its bytes
    bool boolean_;             // boolean
    char inline_text_[8];      // short strings and numbers
    const Value* items_;       // array: items_[-1] holds the count
    const Member* members_;    // object: members_[-1] holds the count
    std::uint64_t count_;      // the count slot of an array or object
  };
};

class Member {
 public:
  Member() = default;
  std::string_view key() const noexcept;
  Value value;

 private:
  friend class ValueStore;
  friend class Value;
  Member(const char* key, Value member_value) : value(member_value), key_(key) {}
  const char* key_ = nullptr;  // a stored key: its 4-byte size, then its bytes
};

// "a string", "a number", "an object" …: the kind as messages name it.
std::string_view kind_name(ValueKind kind);

// The value as a message shows it after "found": "\"abc\"" (shortened when long), 12.50, true, null,
// "an object", "an array of 3 items".
std::string describe(const Value& value);

// Deep equality: numbers by exact decimal value (1.0 == 1), objects by their members whatever the order.
bool equal_values(const Value& a, const Value& b);

// A text that is equal for equal values (in the sense of equal_values), for sets of values.
std::string canonical_key(const Value& value);

}  // namespace raingan::dataset
