#include "format/fiscal_year.h"

#include <string>

#include "format/value_error.h"

namespace raingan::format {

int fiscal_year(const Date& date) { return buddhist_year(date.month >= 10 ? date.year + 1 : date.year); }

Date fiscal_year_start(int fiscal_year_be) { return Date{gregorian_year(fiscal_year_be) - 1, 10, 1}; }

Date fiscal_year_end(int fiscal_year_be) { return Date{gregorian_year(fiscal_year_be), 9, 30}; }

int fiscal_quarter(const Date& date) {
  // October is month 1 of the fiscal year.
  const unsigned fiscal_month = (date.month + 2) % 12 + 1;
  return static_cast<int>((fiscal_month - 1) / 3 + 1);
}

Date fiscal_quarter_end(int fiscal_year_be, int quarter) {
  if (quarter < 1 || quarter > 4)
    throw ValueError("expected a fiscal quarter from 1 to 4, found " + std::to_string(quarter));
  return add_days(add_months(fiscal_year_start(fiscal_year_be), 3 * quarter), -1);
}

Date progress_round_end(int fiscal_year_be, int months) {
  if (months != 6 && months != 9 && months != 12)
    throw ValueError("expected a progress round of 6, 9 or 12 months, found " + std::to_string(months));
  return fiscal_quarter_end(fiscal_year_be, months / 3);
}

}  // namespace raingan::format
