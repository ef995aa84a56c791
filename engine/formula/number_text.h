#pragma once
// Numbers as Excel turns them into text and back, at its precision of 15 significant digits.
//
// - general_text: the "General" text of a number, as `"x"&A1` and TEXT(A1, "General") write it: the value
//   rounded to 15 significant digits, trailing zeros dropped, plain notation from 1E-9 up to below 1E+15 and
//   scientific outside (1E+15, 1.23456789012346E+17, 1E-10).
// - parse_number_text: text read as a number where arithmetic needs one (="12"+1 is 13), as Excel reads
//   typed input in an English locale: surrounding spaces, a sign, thousands separators in groups of three
//   (1,234.5), an exponent (1e3), a trailing % (50% = 0.5), a leading $ and negative parentheses ((5) = -5),
//   an ISO date (2024-01-31 = its day serial) and a time of day (12:30, 12:30:15). Anything else is not a
//   number (and arithmetic on it is #VALUE!).
// - Decimal rounding (ROUND, ROUNDUP, ROUNDDOWN, TEXT) works on the 15-significant-digit decimal form of the
//   double, so ROUND(2.675, 2) is 2.68 as in Excel and LibreOffice, although the double nearest to 2.675 is
//   2.67499999999999982236431605997495353221893310546875.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace raingan::formula {

std::string general_text(double value);
std::optional<double> parse_number_text(std::string_view text);

// The 15 significant decimal digits of a finite double, as Excel keeps them: value ≈ ±0.d₁d₂…d₁₅ ×
// 10^exponent (so 2.675 is digits "267500000000000", exponent 1). Zero has digits "000000000000000" and
// exponent 0.
struct DecimalDigits {
  bool negative = false;
  std::string digits;  // always 15 ASCII digits; the first is not 0 unless the value is 0
  int exponent = 0;
};
DecimalDigits decimal_digits(double value);

// The double nearest to value rounded to 15 significant digits (0.1+0.2 -> 0.3).
double round_to_15_digits(double value);

enum class Rounding { half_away_from_zero, away_from_zero, toward_zero };
// value rounded to `places` decimals (negative places round to tens, hundreds, …) on its 15-digit form.
double round_decimal(double value, int places, Rounding mode);

// value rounded half away from zero to `places` (0..30) decimals and written with exactly that many, on its
// 15-digit form, without sign: fixed_digits(2.675, 2) -> "2.68", fixed_digits(1234.5, 0) -> "1235".
std::string fixed_digits(double value, int places);

}  // namespace raingan::formula
