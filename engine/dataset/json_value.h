#pragma once
// One JSON value of a dataset as read from its file. Numbers keep the text they were written with, so money
// (1250000.00) and decimals (0.1) are read exactly; objects keep their keys in file order. offset() is the
// byte where the value starts in the file, for messages that give a line.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "format/decimal.h"

namespace raingan::dataset {

enum class ValueKind { null, boolean, number, string, array, object };

struct Member;

class Value {
 public:
  Value();
  Value(const Value&);
  Value(Value&&) noexcept;
  Value& operator=(const Value&);
  Value& operator=(Value&&) noexcept;
  ~Value();

  static Value make_null(std::size_t offset = 0);
  static Value make_boolean(bool value, std::size_t offset = 0);
  // `text` must be a JSON number ("12", "-0.5", "1.25e3").
  static Value make_number(std::string text, std::size_t offset = 0);
  static Value make_string(std::string text, std::size_t offset = 0);
  static Value make_array(std::size_t offset = 0);
  static Value make_object(std::size_t offset = 0);

  ValueKind kind() const noexcept { return static_cast<ValueKind>(data_.index()); }
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
  const std::string& as_string() const;
  const std::string& number_text() const;  // the number exactly as written in the file
  format::Decimal as_decimal() const;
  std::int64_t as_int64() const;   // an integral number within int64 (12, 12.0, 1.2e1)
  std::int64_t as_satang() const;  // baht with at most two decimals, as integer satang
  double as_double() const;        // for statistics only (mean, S.D.), never for money
  const std::vector<Value>& items() const;
  const std::vector<Member>& members() const;

  // The member's value, or nullptr when absent or when this is not an object. The first one wins if a key
  // repeats (the reader reports repeated keys).
  const Value* find(std::string_view key) const;

  // Building (used by the reader and by tests).
  std::vector<Value>& mutable_items();
  std::vector<Member>& mutable_members();

 private:
  struct NumberText {
    std::string text;
  };
  std::variant<std::monostate, bool, NumberText, std::string, std::vector<Value>, std::vector<Member>> data_;
  std::size_t offset_ = 0;
};

struct Member {
  std::string key;
  Value value;
  std::size_t key_offset = 0;  // byte of the key's opening quote
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
