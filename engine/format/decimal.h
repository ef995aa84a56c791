#pragma once
// An exact decimal number: the significant digits and a power of ten, so that text such as 1250000.00, 0.1 or
// 1.25e3 is held without binary rounding. Money, comparisons in schemas and rounding of percentages go
// through it.

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace raingan::format {

class Decimal {
 public:
  Decimal() = default;  // zero

  // Parses "-12.50", "+7", "0.1", "1.25e3", "125E-2" (JSON numbers and the same with a leading '+').
  // Throws ValueError "expected a decimal number …, found …".
  static Decimal parse(std::string_view text);
  static Decimal from_int(std::int64_t value);

  bool negative() const noexcept { return negative_; }
  bool is_zero() const noexcept { return digits_.empty(); }
  // Zero fractional part (1.0 and 1e3 are integers).
  bool is_integer() const noexcept { return exponent_ >= 0; }
  // Decimal places needed to write the value exactly: 0 for 12 and 12.0, 2 for 12.50, 3 for 1.005.
  std::int64_t decimal_places() const noexcept { return exponent_ < 0 ? -exponent_ : 0; }

  // The value × 10^scale when that is an integer within int64, otherwise nullopt (too many decimals or too
  // large). scaled(2) of 12.5 is 1250.
  std::optional<std::int64_t> scaled(int scale) const;
  std::optional<std::int64_t> to_int64() const { return scaled(0); }

  // Rounded half away from zero to `places` decimals and written with exactly that many: 2.675 -> "2.68",
  // -0.125 -> "-0.13", 0.004 -> "0.00" (no "-0.00").
  std::string to_fixed(int places) const;

  // Nearest double, for statistics only (mean, S.D.), never for money.
  double to_double() const;

  // Equal values give equal text ("125e-2" for 1.25, 1.250 and 0.125e1), for sets and uniqueness.
  std::string canonical() const;

  std::strong_ordering operator<=>(const Decimal& other) const;
  bool operator==(const Decimal& other) const = default;

 private:
  // value = (negative ? -1 : 1) × digits × 10^exponent; digits has no leading or trailing zeros, empty for
  // zero.
  bool negative_ = false;
  std::string digits_;
  std::int64_t exponent_ = 0;
};

}  // namespace raingan::format
