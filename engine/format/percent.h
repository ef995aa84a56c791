#pragma once
// Percentages and other rounded decimals as reports print them: rounded half away from zero on the exact
// decimal value (2.675 -> 2.68, which binary floating point would round to 2.67).

#include <cstdint>
#include <string>

#include "format/decimal.h"
#include "format/thai_digits.h"

namespace raingan::format {

// The value rounded to `places` decimals (0..18): format_fixed(Decimal::parse("85.125"), 2) -> "85.13".
std::string format_fixed(const Decimal& value, int places, Digits digits = Digits::arabic);

// part / whole × 100 rounded to `places` decimals (0..18): 1 of 3 with 2 places -> "33.33" (no % sign).
// Throws ValueError when whole is 0.
std::string format_percent(std::int64_t part, std::int64_t whole, int places, Digits digits = Digits::arabic);

}  // namespace raingan::format
