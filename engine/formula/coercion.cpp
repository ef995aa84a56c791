#include "formula/coercion.h"

#include <cmath>

#include "formula/number_text.h"

namespace raingan::formula {
namespace {

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

int rank(ValueKind kind) {
  switch (kind) {
    case ValueKind::number:
      return 0;
    case ValueKind::text:
      return 1;
    case ValueKind::boolean:
      return 2;
    default:
      return 3;
  }
}

}  // namespace

Value to_number(const Value& value) {
  switch (value.kind()) {
    case ValueKind::blank:
      return Value::number(0);
    case ValueKind::number:
      return value;
    case ValueKind::boolean:
      return Value::number(value.as_boolean() ? 1 : 0);
    case ValueKind::error:
      return value;
    case ValueKind::text: {
      const auto number = parse_number_text(value.as_text());
      return number ? Value::number(*number) : Value::error(ErrorCode::value);
    }
  }
  return Value::error(ErrorCode::value);
}

Value to_boolean(const Value& value) {
  switch (value.kind()) {
    case ValueKind::blank:
      return Value::boolean(false);
    case ValueKind::number:
      return Value::boolean(value.as_number() != 0);
    case ValueKind::boolean:
      return value;
    case ValueKind::error:
      return value;
    case ValueKind::text:
      if (equal_text(value.as_text(), "TRUE")) return Value::boolean(true);
      if (equal_text(value.as_text(), "FALSE")) return Value::boolean(false);
      return Value::error(ErrorCode::value);
  }
  return Value::error(ErrorCode::value);
}

std::string to_text(const Value& value) {
  switch (value.kind()) {
    case ValueKind::number:
      return general_text(value.as_number());
    case ValueKind::text:
      return std::string(value.as_text());
    case ValueKind::boolean:
      return value.as_boolean() ? "TRUE" : "FALSE";
    case ValueKind::error:
      return std::string(error_text(value.as_error()));
    case ValueKind::blank:
      return {};
  }
  return {};
}

bool approx_equal(double a, double b) {
  if (a == b) return true;
  const double difference = std::fabs(a - b);
  return difference < std::fabs(a) * 0x1p-48 && difference < std::fabs(b) * 0x1p-48;
}

double approx_add(double a, double b) {
  if (((a < 0 && b > 0) || (a > 0 && b < 0)) && approx_equal(a, -b)) return 0.0;
  return a + b;
}

int compare_text(std::string_view a, std::string_view b) {
  const std::size_t common = std::min(a.size(), b.size());
  for (std::size_t i = 0; i < common; ++i) {
    const unsigned char x = static_cast<unsigned char>(lower(a[i]));
    const unsigned char y = static_cast<unsigned char>(lower(b[i]));
    if (x != y) return x < y ? -1 : 1;
  }
  return a.size() == b.size() ? 0 : (a.size() < b.size() ? -1 : 1);
}

bool equal_text(std::string_view a, std::string_view b) {
  return a.size() == b.size() && compare_text(a, b) == 0;
}

std::string fold_case(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = lower(c);
  return out;
}

int compare_values(const Value& a, const Value& b) {
  Value x = a, y = b;
  // Blank takes the kind of the other side.
  auto blank_as = [](const Value& other) {
    switch (other.kind()) {
      case ValueKind::text:
        return Value::text("");
      case ValueKind::boolean:
        return Value::boolean(false);
      default:
        return Value::number(0);
    }
  };
  if (x.is_blank() && y.is_blank()) return 0;
  if (x.is_blank()) x = blank_as(y);
  if (y.is_blank()) y = blank_as(x);
  if (x.kind() != y.kind()) return rank(x.kind()) < rank(y.kind()) ? -1 : 1;
  switch (x.kind()) {
    case ValueKind::number:
      if (approx_equal(x.as_number(), y.as_number())) return 0;
      return x.as_number() < y.as_number() ? -1 : 1;
    case ValueKind::text:
      return compare_text(x.as_text(), y.as_text());
    case ValueKind::boolean:
      return static_cast<int>(x.as_boolean()) - static_cast<int>(y.as_boolean());
    default:
      return 0;
  }
}

}  // namespace raingan::formula
