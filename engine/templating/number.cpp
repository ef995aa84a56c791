#include "templating/number.h"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <limits>

namespace raingan::templating {
namespace {

constexpr int max_scale = 18;

bool multiply_overflows(std::int64_t a, std::int64_t b, std::int64_t& out) {
  return __builtin_mul_overflow(a, b, &out);
}
bool add_overflows(std::int64_t a, std::int64_t b, std::int64_t& out) {
  return __builtin_add_overflow(a, b, &out);
}

std::int64_t power_of_ten(int n) {
  std::int64_t p = 1;
  for (int i = 0; i < n; ++i) p *= 10;
  return p;
}

// Brings two exact numbers to the same scale; false on overflow.
bool align(std::int64_t& a, int scale_a, std::int64_t& b, int scale_b, int& scale) {
  scale = std::max(scale_a, scale_b);
  return !multiply_overflows(a, power_of_ten(scale - scale_a), a) &&
         !multiply_overflows(b, power_of_ten(scale - scale_b), b);
}

}  // namespace

Number Number::from_double(double value) {
  Number n;
  n.exact_ = false;
  n.approx_ = value;
  return n;
}

Number Number::parse(std::string_view text) {
  // Fast path for plain decimals: [-]digits[.digits]
  std::int64_t mantissa = 0;
  int scale = 0;
  bool negative = false;
  bool seen_point = false;
  bool ok = !text.empty();
  std::size_t i = 0;
  if (ok && (text[0] == '-' || text[0] == '+')) negative = text[i++] == '-';
  std::size_t digits = 0;
  for (; ok && i < text.size(); ++i) {
    const char c = text[i];
    if (c == '.' && !seen_point) {
      seen_point = true;
    } else if (c >= '0' && c <= '9') {
      ++digits;
      if (multiply_overflows(mantissa, 10, mantissa) || add_overflows(mantissa, c - '0', mantissa))
        ok = false;
      if (seen_point && ++scale > max_scale) ok = false;
    } else {
      ok = false;
    }
  }
  if (ok && digits > 0) {
    Number n(negative ? -mantissa : mantissa, scale);
    n.normalise();
    return n;
  }
  try {
    return from_decimal(format::Decimal::parse(text));
  } catch (const std::exception&) {
    double value = 0;
    std::from_chars(text.data(), text.data() + text.size(), value);
    return from_double(value);
  }
}

Number Number::from_decimal(const format::Decimal& decimal) {
  const auto places = decimal.decimal_places();
  if (places <= max_scale)
    if (auto scaled = decimal.scaled(static_cast<int>(places))) {
      Number n(*scaled, static_cast<int>(places));
      n.normalise();
      return n;
    }
  return from_double(decimal.to_double());
}

void Number::normalise() {
  if (!exact_) return;
  while (scale_ > 0 && mantissa_ % 10 == 0) {
    mantissa_ /= 10;
    --scale_;
  }
}

double Number::to_double() const noexcept {
  if (!exact_) return approx_;
  return static_cast<double>(mantissa_) / static_cast<double>(power_of_ten(scale_));
}

bool Number::scaled(int scale, std::int64_t& out) const noexcept {
  if (!exact_ || scale < scale_ || scale > max_scale) return false;
  return !multiply_overflows(mantissa_, power_of_ten(scale - scale_), out);
}

bool Number::is_integer() const noexcept {
  if (exact_) return scale_ == 0;
  return std::isfinite(approx_) && std::floor(approx_) == approx_;
}

std::string Number::to_string() const {
  if (!exact_) {
    if (!std::isfinite(approx_)) return approx_ != approx_ ? "NaN" : (approx_ < 0 ? "-Infinity" : "Infinity");
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.10f", approx_);
    std::string text = buffer;
    while (text.back() == '0') text.pop_back();
    if (text.back() == '.') text.pop_back();
    if (text == "-0") text = "0";
    return text;
  }
  const bool negative = mantissa_ < 0;
  const auto magnitude = negative ? 0ULL - static_cast<unsigned long long>(mantissa_)
                                  : static_cast<unsigned long long>(mantissa_);
  std::string digits = std::to_string(magnitude);
  if (scale_ > 0) {
    if (static_cast<int>(digits.size()) <= scale_) digits.insert(0, scale_ - digits.size() + 1, '0');
    digits.insert(digits.size() - scale_, ".");
  }
  return negative ? "-" + digits : digits;
}

format::Decimal Number::to_decimal() const {
  if (exact_) return format::Decimal::parse(to_string());
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.15g", approx_);
  return format::Decimal::parse(buffer);
}

Number operator+(const Number& a, const Number& b) {
  if (a.exact_ && b.exact_) {
    std::int64_t x = a.mantissa_, y = b.mantissa_, sum = 0;
    int scale = 0;
    if (align(x, a.scale_, y, b.scale_, scale) && !add_overflows(x, y, sum)) {
      Number n(sum, scale);
      n.normalise();
      return n;
    }
  }
  return Number::from_double(a.to_double() + b.to_double());
}

Number Number::operator-() const {
  if (exact_ && mantissa_ != std::numeric_limits<std::int64_t>::min()) return Number(-mantissa_, scale_);
  return from_double(-to_double());
}

Number operator-(const Number& a, const Number& b) { return a + (-b); }

Number operator*(const Number& a, const Number& b) {
  if (a.exact_ && b.exact_ && a.scale_ + b.scale_ <= max_scale) {
    std::int64_t product = 0;
    if (!multiply_overflows(a.mantissa_, b.mantissa_, product)) {
      Number n(product, a.scale_ + b.scale_);
      n.normalise();
      return n;
    }
  }
  return Number::from_double(a.to_double() * b.to_double());
}

Number operator/(const Number& a, const Number& b) {
  // Exact when the quotient terminates within the scale limit (100 / 4, 1.5 / 0.5); binary otherwise.
  if (a.exact_ && b.exact_ && b.mantissa_ != 0) {
    std::int64_t x = a.mantissa_, y = b.mantissa_;
    int scale = 0;
    if (align(x, a.scale_, y, b.scale_, scale)) {
      for (int extra = 0; extra <= 6; ++extra) {
        std::int64_t numerator = 0;
        if (multiply_overflows(x, power_of_ten(extra), numerator)) break;
        if (numerator % y == 0) {
          Number n(numerator / y, extra);
          n.normalise();
          return n;
        }
      }
    }
  }
  return Number::from_double(a.to_double() / b.to_double());
}

Number operator%(const Number& a, const Number& b) {
  if (a.exact_ && b.exact_ && b.mantissa_ != 0) {
    std::int64_t x = a.mantissa_, y = b.mantissa_;
    int scale = 0;
    if (align(x, a.scale_, y, b.scale_, scale)) {
      Number n(x % y, scale);
      n.normalise();
      return n;
    }
  }
  return Number::from_double(std::fmod(a.to_double(), b.to_double()));
}

int compare(const Number& a, const Number& b) {
  if (a.exact_ && b.exact_) {
    std::int64_t x = a.mantissa_, y = b.mantissa_;
    int scale = 0;
    if (align(x, a.scale_, y, b.scale_, scale)) return x < y ? -1 : x > y ? 1 : 0;
  }
  const double x = a.to_double(), y = b.to_double();
  return x < y ? -1 : x > y ? 1 : 0;
}

}  // namespace raingan::templating
