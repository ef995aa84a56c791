#pragma once
// What a spreadsheet cell or a formula's operand holds: blank, a number (an IEEE double, as in Excel), text,
// a boolean or an error value (#DIV/0!, #N/A, #REF!, #VALUE!, #NAME?, #NUM!, #NULL!).
//
// A Value is small and trivially copyable: its text is a view. Texts read from a Workbook stay valid as long
// as the workbook; texts computed while a formula is evaluated are copied into the workbook when the
// formula's result is stored.

#include <cstdint>
#include <optional>
#include <string_view>

namespace raingan::formula {

enum class ErrorCode : std::uint8_t { null, div0, value, ref, name, num, na };

// "#DIV/0!", "#N/A", … as Excel writes them (and as OOXML stores a cell of type "e").
std::string_view error_text(ErrorCode code);
// The error a literal such as "#N/A" names (exact spelling, case-insensitive), or nullopt.
std::optional<ErrorCode> parse_error_text(std::string_view text);

enum class ValueKind : std::uint8_t { blank, number, text, boolean, error };

class Value {
 public:
  constexpr Value() = default;  // blank
  static constexpr Value number(double n) {
    Value v;
    v.kind_ = ValueKind::number;
    v.number_ = n;
    return v;
  }
  static constexpr Value text(std::string_view t) {
    Value v;
    v.kind_ = ValueKind::text;
    v.text_ = t;
    return v;
  }
  static constexpr Value boolean(bool b) {
    Value v;
    v.kind_ = ValueKind::boolean;
    v.number_ = b ? 1 : 0;
    return v;
  }
  static constexpr Value error(ErrorCode code) {
    Value v;
    v.kind_ = ValueKind::error;
    v.error_ = code;
    return v;
  }

  constexpr ValueKind kind() const noexcept { return kind_; }
  constexpr bool is_blank() const noexcept { return kind_ == ValueKind::blank; }
  constexpr bool is_number() const noexcept { return kind_ == ValueKind::number; }
  constexpr bool is_text() const noexcept { return kind_ == ValueKind::text; }
  constexpr bool is_boolean() const noexcept { return kind_ == ValueKind::boolean; }
  constexpr bool is_error() const noexcept { return kind_ == ValueKind::error; }

  // Each accessor is meaningful only for its kind.
  constexpr double as_number() const noexcept { return number_; }
  constexpr std::string_view as_text() const noexcept { return text_; }
  constexpr bool as_boolean() const noexcept { return number_ != 0; }
  constexpr ErrorCode as_error() const noexcept { return error_; }

  // Same kind and same content (numbers bit for bit apart from -0 == 0, texts byte for byte).
  friend bool operator==(const Value& a, const Value& b) noexcept;

 private:
  ValueKind kind_ = ValueKind::blank;
  ErrorCode error_ = ErrorCode::value;
  double number_ = 0;
  std::string_view text_{};
};

}  // namespace raingan::formula
