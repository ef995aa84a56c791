#pragma once
// Excel's date serial (1900 date system): the number of days since 1899-12-31, counting the fictitious
// 1900-02-29 that Excel keeps for Lotus 1-2-3 compatibility. LibreOffice counts from 1899-12-30 without
// that day, so the two agree only from 1900-03-01 (serial 61) on: LibreOffice shows serial 1 as
// 31 Dec 1899 where Excel shows 1 Jan 1900. Registers never need earlier dates, so they are refused
// rather than written with a value the two programs would show differently.

#include <string>

#include "templating/cell_value.h"

namespace raingan::xlsx {

inline constexpr int excel_serial_first_shared = 61;  // 1900-03-01

// Serial of a date from 1900-03-01 to 9999-12-31. Throws std::invalid_argument naming the date when it is
// not a real calendar date or lies outside that range.
int excel_serial(const templating::CellDate& date);

// "2024-01-31", for messages.
std::string to_iso(const templating::CellDate& date);

}  // namespace raingan::xlsx
