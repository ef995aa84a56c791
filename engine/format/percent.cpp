#include "format/percent.h"

#include <algorithm>

#include "format/value_error.h"

namespace raingan::format {
namespace {

__extension__ using Int128 = __int128;
__extension__ using UInt128 = unsigned __int128;

constexpr int max_places = 18;

std::string int128_text(Int128 value) {
  if (value == 0) return "0";
  std::string text;
  const bool negative = value < 0;
  auto magnitude = static_cast<UInt128>(negative ? -value : value);
  while (magnitude > 0) {
    text += static_cast<char>('0' + static_cast<int>(magnitude % 10));
    magnitude /= 10;
  }
  if (negative) text += '-';
  std::reverse(text.begin(), text.end());
  return text;
}

}  // namespace

std::string format_fixed(const Decimal& value, int places, Digits digits) {
  return with_digits(value.to_fixed(std::clamp(places, 0, max_places)), digits);
}

std::string format_percent(std::int64_t part, std::int64_t whole, int places, Digits digits) {
  if (whole == 0) throw ValueError("expected a non-zero total to take a percentage of, found 0");
  places = std::clamp(places, 0, 16);  // part × 100 × 10^16 still fits in 128 bits
  Int128 scale = 100;
  for (int i = 0; i < places; ++i) scale *= 10;
  const Int128 numerator = static_cast<Int128>(part) * scale;
  const Int128 denominator = whole;
  Int128 quotient = numerator / denominator;
  const Int128 remainder = numerator % denominator;
  const Int128 abs_remainder = remainder < 0 ? -remainder : remainder;
  const Int128 abs_denominator = denominator < 0 ? -denominator : denominator;
  if (2 * abs_remainder >= abs_denominator) quotient += ((numerator < 0) != (denominator < 0)) ? -1 : 1;
  // quotient holds the percentage × 10^places; Decimal places the point and writes the digits.
  const Decimal exact = Decimal::parse(int128_text(quotient) + "e-" + std::to_string(places));
  return format_fixed(exact, places, digits);
}

}  // namespace raingan::format
