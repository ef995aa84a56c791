#pragma once
// Numbers inside template expressions. Sums, differences and products of dataset numbers (money, counts,
// rates × days) stay exact: an integer mantissa with a decimal scale. Division, square roots and statistics
// give a binary approximation, marked inexact, which formatters round for display only.

#include <cstdint>
#include <string>
#include <string_view>

#include "format/decimal.h"

namespace raingan::templating {

class Number {
 public:
  Number() = default;
  static Number from_int(std::int64_t value) { return Number(value, 0); }
  static Number from_double(double value);
  // A JSON or template number as written ("12.50", "-3", "1.25e3"); inexact only when it cannot be held.
  static Number parse(std::string_view text);
  static Number from_decimal(const format::Decimal& decimal);

  bool exact() const noexcept { return exact_; }
  double to_double() const noexcept;
  // The value × 10^scale as an integer when exact and representable (money: scale 2 gives satang).
  bool scaled(int scale, std::int64_t& out) const noexcept;
  bool is_integer() const noexcept;
  bool is_zero() const noexcept { return exact_ ? mantissa_ == 0 : approx_ == 0; }
  bool negative() const noexcept { return exact_ ? mantissa_ < 0 : approx_ < 0; }

  // Plain text: exact values with their decimals ("12.5", "3"), others with up to 10 significant decimals.
  std::string to_string() const;
  // The exact decimal, for formatters that round half away from zero (inexact values go through text).
  format::Decimal to_decimal() const;

  friend Number operator+(const Number& a, const Number& b);
  friend Number operator-(const Number& a, const Number& b);
  friend Number operator*(const Number& a, const Number& b);
  friend Number operator/(const Number& a, const Number& b);  // caller rejects division by zero
  friend Number operator%(const Number& a, const Number& b);
  Number operator-() const;
  friend int compare(const Number& a, const Number& b);  // -1, 0, 1

 private:
  Number(std::int64_t mantissa, int scale) : mantissa_(mantissa), scale_(scale) {}
  void normalise();

  bool exact_ = true;
  std::int64_t mantissa_ = 0;  // value = mantissa × 10^-scale when exact
  int scale_ = 0;              // 0..18
  double approx_ = 0;          // value when inexact
};

}  // namespace raingan::templating
