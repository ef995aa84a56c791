#pragma once
// The Thai government fiscal year (ปีงบประมาณ): fiscal year N (Buddhist Era) runs from 1 October of N-1 to
// 30 September of N, so 2025-10-01 opens ปีงบประมาณ ๒๕๖๙. Progress is reported at 6, 9 and 12 months.

#include "format/thai_date.h"

namespace raingan::format {

// The fiscal year (Buddhist Era) a date falls in.
int fiscal_year(const Date& date);
// 1 October of the previous Gregorian year / 30 September.
Date fiscal_year_start(int fiscal_year_be);
Date fiscal_year_end(int fiscal_year_be);

// ไตรมาส 1..4: Oct-Dec, Jan-Mar, Apr-Jun, Jul-Sep.
int fiscal_quarter(const Date& date);
Date fiscal_quarter_end(int fiscal_year_be, int quarter);

// The last day of a progress-report round: 6 months -> 31 March, 9 -> 30 June, 12 -> 30 September.
// Throws ValueError for any other number of months.
Date progress_round_end(int fiscal_year_be, int months);

}  // namespace raingan::format
