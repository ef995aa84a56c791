#include "format/decimal.h"

#include <charconv>
#include <cmath>
#include <limits>

#include "format/value_error.h"

namespace raingan::format {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

std::string quoted_excerpt(std::string_view text) {
  constexpr std::size_t limit = 40;
  if (text.size() <= limit) return "\"" + std::string(text) + "\"";
  return "\"" + std::string(text.substr(0, limit)) + "…\"";
}

[[noreturn]] void reject(std::string_view text, std::string_view why) {
  throw ValueError("expected a decimal number such as 1250000.00 or -0.5" +
                   (why.empty() ? std::string() : " (" + std::string(why) + ")") + ", found " +
                   quoted_excerpt(text));
}

// Compares magnitudes of two normalised non-zero digit strings with their exponents.
std::strong_ordering compare_magnitude(const std::string& a, std::int64_t a_exp, const std::string& b,
                                       std::int64_t b_exp) {
  if (a.empty() || b.empty()) return a.size() <=> b.size();
  const std::int64_t a_top = static_cast<std::int64_t>(a.size()) + a_exp;
  const std::int64_t b_top = static_cast<std::int64_t>(b.size()) + b_exp;
  if (a_top != b_top) return a_top <=> b_top;
  const std::size_t common = std::min(a.size(), b.size());
  for (std::size_t i = 0; i < common; ++i)
    if (a[i] != b[i]) return a[i] <=> b[i];
  return a.size() <=> b.size();  // no trailing zeros, so the longer one has more non-zero digits
}

// Adds one to a string of decimal digits.
void increment(std::string& digits) {
  for (auto it = digits.rbegin(); it != digits.rend(); ++it) {
    if (*it != '9') {
      ++*it;
      return;
    }
    *it = '0';
  }
  digits.insert(digits.begin(), '1');
}

}  // namespace

Decimal Decimal::parse(std::string_view text) {
  std::size_t i = 0;
  Decimal result;
  if (i < text.size() && (text[i] == '+' || text[i] == '-')) result.negative_ = text[i++] == '-';
  std::string mantissa;
  const std::size_t integer_start = i;
  while (i < text.size() && is_digit(text[i])) mantissa += text[i++];
  if (i == integer_start) reject(text, text.empty() ? "" : "a digit must come first");
  std::int64_t fraction_length = 0;
  if (i < text.size() && text[i] == '.') {
    ++i;
    const std::size_t fraction_start = i;
    while (i < text.size() && is_digit(text[i])) mantissa += text[i++];
    fraction_length = static_cast<std::int64_t>(i - fraction_start);
    if (fraction_length == 0) reject(text, "a digit must follow the decimal point");
  }
  std::int64_t exponent = 0;
  if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
    ++i;
    bool exponent_negative = false;
    if (i < text.size() && (text[i] == '+' || text[i] == '-')) exponent_negative = text[i++] == '-';
    const std::size_t exponent_start = i;
    constexpr std::int64_t exponent_limit = 1'000'000'000;
    while (i < text.size() && is_digit(text[i])) {
      exponent = exponent * 10 + (text[i++] - '0');
      if (exponent > exponent_limit) reject(text, "the exponent is too large");
    }
    if (i == exponent_start) reject(text, "digits must follow the exponent");
    if (exponent_negative) exponent = -exponent;
  }
  if (i != text.size()) reject(text, "");

  const std::size_t first = mantissa.find_first_not_of('0');
  if (first == std::string::npos) return Decimal{};  // zero, also "-0.00"
  const std::size_t last = mantissa.find_last_not_of('0');
  result.exponent_ = exponent - fraction_length + static_cast<std::int64_t>(mantissa.size() - 1 - last);
  result.digits_ = mantissa.substr(first, last - first + 1);
  return result;
}

Decimal Decimal::from_int(std::int64_t value) { return parse(std::to_string(value)); }

std::optional<std::int64_t> Decimal::scaled(int scale) const {
  if (is_zero()) return 0;
  const std::int64_t zeros = exponent_ + scale;
  if (zeros < 0) return std::nullopt;
  if (static_cast<std::int64_t>(digits_.size()) + zeros > 19) return std::nullopt;
  std::uint64_t magnitude = 0;
  const auto push = [&magnitude](unsigned digit) {
    return !__builtin_mul_overflow(magnitude, 10U, &magnitude) &&
           !__builtin_add_overflow(magnitude, digit, &magnitude);
  };
  for (const char c : digits_)
    if (!push(static_cast<unsigned>(c - '0'))) return std::nullopt;
  for (std::int64_t k = 0; k < zeros; ++k)
    if (!push(0)) return std::nullopt;
  constexpr std::uint64_t max_positive = static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max());
  if (!negative_) {
    if (magnitude > max_positive) return std::nullopt;
    return static_cast<std::int64_t>(magnitude);
  }
  if (magnitude > max_positive + 1) return std::nullopt;
  if (magnitude == max_positive + 1) return std::numeric_limits<std::int64_t>::min();
  return -static_cast<std::int64_t>(magnitude);
}

std::string Decimal::to_fixed(int places) const {
  if (places < 0) places = 0;
  // The value × 10^places rounded half away from zero, as a digit string.
  std::string scaled_digits;
  const std::int64_t shift = exponent_ + places;
  const auto length = static_cast<std::int64_t>(digits_.size());
  if (is_zero()) {
    scaled_digits = "0";
  } else if (shift >= 0) {
    scaled_digits = digits_ + std::string(static_cast<std::size_t>(shift), '0');
  } else if (-shift > length) {
    scaled_digits = "0";
  } else {
    const auto kept = static_cast<std::size_t>(length + shift);
    scaled_digits = kept == 0 ? "0" : digits_.substr(0, kept);
    if (digits_[kept] >= '5') increment(scaled_digits);
  }
  const auto width = static_cast<std::size_t>(places) + 1;
  if (scaled_digits.size() < width) scaled_digits.insert(0, width - scaled_digits.size(), '0');
  std::string out;
  if (negative_ && scaled_digits.find_first_not_of('0') != std::string::npos) out += '-';
  out.append(scaled_digits, 0, scaled_digits.size() - static_cast<std::size_t>(places));
  if (places > 0) {
    out += '.';
    out.append(scaled_digits, scaled_digits.size() - static_cast<std::size_t>(places));
  }
  return out;
}

double Decimal::to_double() const {
  if (is_zero()) return 0.0;
  const std::string text = canonical();
  double value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error == std::errc::result_out_of_range) {
    if (static_cast<std::int64_t>(digits_.size()) + exponent_ < 0) return negative_ ? -0.0 : 0.0;
    return negative_ ? -HUGE_VAL : HUGE_VAL;
  }
  return value;
}

std::string Decimal::canonical() const {
  if (is_zero()) return "0";
  return (negative_ ? "-" : "") + digits_ + "e" + std::to_string(exponent_);
}

std::strong_ordering Decimal::operator<=>(const Decimal& other) const {
  if (is_zero() || other.is_zero()) {
    const int a = is_zero() ? 0 : (negative_ ? -1 : 1);
    const int b = other.is_zero() ? 0 : (other.negative_ ? -1 : 1);
    return a <=> b;
  }
  if (negative_ != other.negative_)
    return negative_ ? std::strong_ordering::less : std::strong_ordering::greater;
  const auto magnitude = compare_magnitude(digits_, exponent_, other.digits_, other.exponent_);
  return negative_ ? 0 <=> magnitude : magnitude;
}

}  // namespace raingan::format
