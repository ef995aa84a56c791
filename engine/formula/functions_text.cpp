// TEXT, BAHTTEXT, CONCATENATE, LEN, LEFT, RIGHT, VALUE. Lengths count characters (code points; Excel counts
// UTF-16 units, the same for Thai and every other text in the Basic Multilingual Plane).
#include <cmath>

#include "format/baht_text.h"
#include "formula/function_support.h"
#include "formula/functions.h"
#include "formula/number_format.h"
#include "formula/number_text.h"

namespace raingan::formula::functions {
namespace {

std::size_t character_count(std::string_view text) {
  std::size_t n = 0;
  for (const char c : text)
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
  return n;
}

// Byte offset of the character `count` characters into the text (or its size).
std::size_t byte_offset(std::string_view text, std::size_t count) {
  std::size_t i = 0;
  while (i < text.size() && count > 0) {
    ++i;
    while (i < text.size() && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) ++i;
    --count;
  }
  return i;
}

// (text, [count = 1]) of LEFT and RIGHT: the text, and the count or the error to return.
Value text_and_count(CallContext& context, std::span<const Operand> arguments, std::string_view& text) {
  const Value v = context.scalar(arguments[0]);
  if (v.is_error()) return v;
  const Value count = arguments.size() > 1 ? number_argument(context, arguments[1]) : Value::number(1);
  if (count.is_error()) return count;
  if (count.as_number() < 0) return Value::error(ErrorCode::value);
  text = v.is_text() ? v.as_text() : context.keep(to_text(v));
  return Value::number(std::trunc(count.as_number()));
}

}  // namespace

Operand text(CallContext& context, std::span<const Operand> arguments) {
  const Value value = context.scalar(arguments[0]);
  if (value.is_error()) return value;
  const Value format_value = context.scalar(arguments[1]);
  if (format_value.is_error()) return format_value;
  const std::string format = to_text(format_value);
  Value number = value;
  if (value.is_text()) {
    // A text that reads as a number is formatted as that number; other text comes back unchanged.
    const auto n = parse_number_text(value.as_text());
    if (!n) return value;
    number = Value::number(*n);
  } else if (value.is_boolean()) {
    return Value::text(value.as_boolean() ? "TRUE" : "FALSE");
  }
  const auto formatted = format_number(to_number(number).as_number(), format);
  if (!formatted) {
    context.report("TEXT cannot use the number format \"" + format + "\" (not supported)");
    return Value::error(ErrorCode::value);
  }
  return Value::text(context.keep(*formatted));
}

Operand bahttext(CallContext& context, std::span<const Operand> arguments) {
  const Value number = number_argument(context, arguments[0]);
  if (number.is_error()) return number;
  const double baht = round_decimal(number.as_number(), 2, Rounding::half_away_from_zero);
  if (std::fabs(baht) >= 9e15) return Value::error(ErrorCode::num);
  const auto satang = static_cast<std::int64_t>(std::llround(baht * 100));
  return Value::text(context.keep(format::baht_text(satang)));
}

Operand concatenate(CallContext& context, std::span<const Operand> arguments) {
  std::string out;
  for (const Operand& argument : arguments) {
    const Value v = context.scalar(argument);
    if (v.is_error()) return v;
    out += to_text(v);
  }
  return Value::text(context.keep(std::move(out)));
}

Operand len(CallContext& context, std::span<const Operand> arguments) {
  const Value v = context.scalar(arguments[0]);
  if (v.is_error()) return v;
  return Value::number(static_cast<double>(character_count(v.is_text() ? v.as_text() : to_text(v))));
}

Operand left(CallContext& context, std::span<const Operand> arguments) {
  std::string_view text;
  const Value count = text_and_count(context, arguments, text);
  if (count.is_error()) return count;
  return Value::text(
      text.substr(0, byte_offset(text, static_cast<std::size_t>(std::min(count.as_number(), 1e9)))));
}

Operand right(CallContext& context, std::span<const Operand> arguments) {
  std::string_view text;
  const Value count = text_and_count(context, arguments, text);
  if (count.is_error()) return count;
  const std::size_t total = character_count(text);
  const auto n = static_cast<std::size_t>(std::min(count.as_number(), 1e9));
  return Value::text(n >= total ? text : text.substr(byte_offset(text, total - n)));
}

Operand value(CallContext& context, std::span<const Operand> arguments) {
  const Value v = context.scalar(arguments[0]);
  if (v.is_error() || v.is_number()) return v;
  if (v.is_blank()) return Value::number(0);
  if (v.is_boolean()) return Value::error(ErrorCode::value);
  const auto n = parse_number_text(v.as_text());
  return n ? Value::number(*n) : Value::error(ErrorCode::value);
}

}  // namespace raingan::formula::functions
