#pragma once
// What a function receives as an argument: a value, a reference to an area of a sheet (A1:B9 stays a
// reference, so SUM can skip the texts in it while SUM("3") reads the text), or an argument left empty.

#include <cstdint>

#include "formula/value.h"

namespace raingan::formula {

using SheetId = std::uint32_t;

struct Area {
  SheetId sheet = 0;
  std::uint32_t first_row = 0, first_column = 0, last_row = 0, last_column = 0;  // inclusive
  std::uint32_t rows() const { return last_row - first_row + 1; }
  std::uint32_t columns() const { return last_column - first_column + 1; }
  std::uint64_t cell_count() const { return static_cast<std::uint64_t>(rows()) * columns(); }
  bool operator==(const Area&) const = default;
};

class Operand {
 public:
  enum class Kind : std::uint8_t { value, area, missing };
  Operand() = default;                     // blank value
  Operand(Value value) : value_(value) {}  // NOLINT: a value is an operand
  static Operand of(const Area& area) {
    Operand o;
    o.kind_ = Kind::area;
    o.area_ = area;
    return o;
  }
  static Operand missing() {
    Operand o;
    o.kind_ = Kind::missing;
    return o;
  }

  Kind kind() const { return kind_; }
  bool is_area() const { return kind_ == Kind::area; }
  bool is_missing() const { return kind_ == Kind::missing; }
  bool is_value() const { return kind_ == Kind::value; }
  const Value& value() const { return value_; }
  const Area& area() const { return area_; }
  bool is_error() const { return kind_ == Kind::value && value_.is_error(); }

 private:
  Kind kind_ = Kind::value;
  Value value_{};
  Area area_{};
};

}  // namespace raingan::formula
