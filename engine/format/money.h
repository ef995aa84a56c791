#pragma once
// Money is integer satang (1 baht = 100 satang), never binary floating point. These read amounts written in
// baht and write them back the way registers and documents print them.

#include <cstdint>
#include <string>
#include <string_view>

#include "format/thai_digits.h"

namespace raingan::format {

// Reads an amount in baht exactly: "1250000.00", "-0.50", "0.1", "1.25e3", "1,234,567.50" (commas only as
// thousands separators). Throws ValueError when the text is not a decimal number, has a non-zero digit past
// the second decimal (1.005), or does not fit in int64 satang.
std::int64_t parse_satang(std::string_view baht_text);

// "1,234,567.50"; "-1,234.50" for a negative amount.
std::string format_money(std::int64_t satang, Digits digits = Digits::arabic);

// An integer with thousands separators: 1234567 -> "1,234,567".
std::string group_thousands(std::int64_t value, Digits digits = Digits::arabic);

}  // namespace raingan::format
