// Dates: Buddhist Era in print, ISO yyyy-mm-dd in datasets, and the fiscal and academic calendars.
#include "format/academic_year.h"
#include "format/fiscal_year.h"
#include "format/thai_date.h"
#include "format/thai_digits.h"
#include "format/value_error.h"
#include "templating/builtins.h"

namespace raingan::templating {
namespace {

int whole(Call& call, std::size_t index, const char* what) {
  std::int64_t n = 0;
  if (!call.number(index).scaled(0, n) || n < -1000000 || n > 1000000)
    call.fail(std::string("expected a whole number for ") + what);
  return static_cast<int>(n);
}

Value iso(const format::Date& date) { return text_value(format::to_iso(date)); }

// date(iso, digits = 'thai'): 2026-11-22 -> ๒๒ พฤศจิกายน ๒๕๖๙
Value date_long(Call& call) {
  call.expect_count(1, 2);
  return text_value(format::format_thai_date(call.date(0), digits_arg(call, 1)));
}
// date_short(iso): ๒๒ พ.ย. ๖๙
Value date_short(Call& call) {
  call.expect_count(1, 2);
  return text_value(format::format_thai_date_short(call.date(0), digits_arg(call, 1)));
}
// month_year(iso): พฤศจิกายน ๒๕๖๙
Value month_year(Call& call) {
  call.expect_count(1, 2);
  return text_value(format::format_thai_month_year(call.date(0), digits_arg(call, 1)));
}
// month_name(iso or 1..12)
Value month_name(Call& call) {
  call.expect_count(1, 1);
  const Value v = call.arg(0);
  unsigned month = 0;
  if (v.kind() == Value::Kind::number) {
    month = static_cast<unsigned>(whole(call, 0, "the month"));
    if (month < 1 || month > 12) call.fail("expected a month from 1 to 12");
  } else {
    month = call.date(0).month;
  }
  return text_value(std::string(format::thai_month_name(month)));
}
// year_be(iso): 2569 (a number; write | thai to print it)
Value year_be(Call& call) {
  call.expect_count(1, 1);
  return number_value(Number::from_int(format::buddhist_year(call.date(0).year)));
}
// today(): the build date, ISO
Value today(Call& call) {
  call.expect_count(0, 0);
  return iso(call.evaluator().today());
}
Value add_days(Call& call) {
  call.expect_count(2, 2);
  return iso(format::add_days(call.date(0), whole(call, 1, "the days")));
}
Value add_months(Call& call) {
  call.expect_count(2, 2);
  return iso(format::add_months(call.date(0), whole(call, 1, "the months")));
}
Value days_between(Call& call) {
  call.expect_count(2, 2);
  return number_value(Number::from_int(format::days_between(call.date(0), call.date(1))));
}
// fiscal_year(iso): 2025-10-01 -> 2569
Value fiscal_year(Call& call) {
  call.expect_count(1, 1);
  return number_value(Number::from_int(format::fiscal_year(call.date(0))));
}
Value fiscal_quarter(Call& call) {
  call.expect_count(1, 1);
  return number_value(Number::from_int(format::fiscal_quarter(call.date(0))));
}
Value fiscal_year_start(Call& call) {
  call.expect_count(1, 1);
  return iso(format::fiscal_year_start(whole(call, 0, "the fiscal year")));
}
Value fiscal_year_end(Call& call) {
  call.expect_count(1, 1);
  return iso(format::fiscal_year_end(whole(call, 0, "the fiscal year")));
}
// round_end(fiscal_year_be, 6|9|12): the last day of a progress round
Value round_end(Call& call) {
  call.expect_count(2, 2);
  return iso(format::progress_round_end(whole(call, 0, "the fiscal year"), whole(call, 1, "the months")));
}
Value academic_year(Call& call) {
  call.expect_count(1, 1);
  return number_value(Number::from_int(format::academic_term(call.date(0)).year_be));
}
Value semester(Call& call) {
  call.expect_count(1, 1);
  return number_value(Number::from_int(format::academic_term(call.date(0)).semester));
}

}  // namespace

void add_date_builtins(BuiltinTable& table) {
  table["date"] = date_long;
  table["date_short"] = date_short;
  table["month_year"] = month_year;
  table["month_name"] = month_name;
  table["year_be"] = year_be;
  table["today"] = today;
  table["add_days"] = add_days;
  table["add_months"] = add_months;
  table["days_between"] = days_between;
  table["fiscal_year"] = fiscal_year;
  table["fiscal_quarter"] = fiscal_quarter;
  table["fiscal_year_start"] = fiscal_year_start;
  table["fiscal_year_end"] = fiscal_year_end;
  table["round_end"] = round_end;
  table["academic_year"] = academic_year;
  table["semester"] = semester;
}

}  // namespace raingan::templating
