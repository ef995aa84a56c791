// Buddhist-Era dates, fiscal years, academic terms.
#include <doctest/doctest.h>

#include <string>

#include "format/academic_year.h"
#include "format/fiscal_year.h"
#include "format/thai_date.h"
#include "format/value_error.h"

using namespace raingan::format;

namespace {

Date d(const char* iso) { return parse_iso_date(iso); }

std::string error_of(const char* iso) {
  try {
    parse_iso_date(iso);
  } catch (const ValueError& error) {
    return error.what();
  }
  return "";
}

}  // namespace

TEST_CASE("ISO dates are real calendar dates") {
  CHECK(d("2026-11-22") == Date{2026, 11, 22});
  CHECK(d("2024-02-29") == Date{2024, 2, 29});  // leap year
  CHECK(d("2000-02-29") == Date{2000, 2, 29});  // divisible by 400
  CHECK(error_of("2026-02-29").find("2026-02 has no day 29") != std::string::npos);
  CHECK(error_of("1900-02-29").find("has no day 29") != std::string::npos);  // divisible by 100 only
  CHECK(error_of("2026-04-31").find("has no day 31") != std::string::npos);
  CHECK(error_of("2026-13-01").find("there is no month 13") != std::string::npos);
  CHECK(error_of("2026-00-10").find("there is no month 0") != std::string::npos);
  CHECK(error_of("2026-11-00").find("has no day 0") != std::string::npos);
  for (const char* bad : {"", "2026-1-22", "22/11/2026", "2026-11-22T00:00", "๒๕๖๙-11-22", "0000-01-01"})
    CHECK_MESSAGE(error_of(bad).find("expected a date as yyyy-mm-dd") == 0, bad);
  CHECK(to_iso(Date{2026, 1, 5}) == "2026-01-05");
}

TEST_CASE("Thai date forms") {
  CHECK(format_thai_date(d("2026-11-22")) == "๒๒ พฤศจิกายน ๒๕๖๙");
  CHECK(format_thai_date_short(d("2026-11-22")) == "๒๒ พ.ย. ๖๙");
  CHECK(format_thai_month_year(d("2026-11-22")) == "พฤศจิกายน ๒๕๖๙");
  CHECK(format_thai_date(d("2020-01-31")) == "๓๑ มกราคม ๒๕๖๓");
  CHECK(format_thai_date(d("2026-11-22"), Digits::arabic) == "22 พฤศจิกายน 2569");
  CHECK(format_thai_date_short(d("1962-03-01"), Digits::arabic) == "1 มี.ค. 05");  // BE 2505
  CHECK(buddhist_year(2026) == 2569);
  CHECK(gregorian_year(2569) == 2026);
  const char* names[] = {"มกราคม",  "กุมภาพันธ์", "มีนาคม",  "เมษายน", "พฤษภาคม",  "มิถุนายน",
                         "กรกฎาคม", "สิงหาคม",  "กันยายน", "ตุลาคม",  "พฤศจิกายน", "ธันวาคม"};
  const char* abbreviations[] = {"ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.",
                                 "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.",  "พ.ย.", "ธ.ค."};
  for (unsigned month = 1; month <= 12; ++month) {
    CHECK(thai_month_name(month) == names[month - 1]);
    CHECK(thai_month_abbreviation(month) == abbreviations[month - 1]);
  }
  CHECK_THROWS_AS(thai_month_name(13), ValueError);
}

TEST_CASE("Day arithmetic across month ends, year ends and leap days") {
  CHECK(add_days(d("2026-01-31"), 1) == d("2026-02-01"));
  CHECK(add_days(d("2026-12-31"), 1) == d("2027-01-01"));
  CHECK(add_days(d("2024-02-28"), 1) == d("2024-02-29"));
  CHECK(add_days(d("2023-02-28"), 1) == d("2023-03-01"));
  CHECK(add_days(d("2024-03-01"), -1) == d("2024-02-29"));
  CHECK(add_days(d("2026-11-22"), 200) == d("2027-06-10"));
  CHECK(days_between(d("2024-01-01"), d("2025-01-01")) == 366);
  CHECK(days_between(d("2025-01-01"), d("2026-01-01")) == 365);
  CHECK(days_between(d("2026-11-22"), d("2026-11-01")) == -21);
  CHECK(add_months(d("2026-01-31"), 1) == d("2026-02-28"));
  CHECK(add_months(d("2024-01-31"), 1) == d("2024-02-29"));
  CHECK(add_months(d("2026-11-30"), 3) == d("2027-02-28"));
  CHECK(add_months(d("2026-03-15"), -3) == d("2025-12-15"));
  CHECK(add_months(d("2026-05-16"), 12) == d("2027-05-16"));
  CHECK(last_day_of_month(2024, 2) == d("2024-02-29"));
  CHECK_THROWS_AS(add_days(d("9999-12-31"), 1), ValueError);
}

TEST_CASE("Fiscal year N runs from 1 October N-1 to 30 September N") {
  CHECK(fiscal_year(d("2025-09-30")) == 2568);
  CHECK(fiscal_year(d("2025-10-01")) == 2569);
  CHECK(fiscal_year(d("2026-09-30")) == 2569);
  CHECK(fiscal_year(d("2026-10-01")) == 2570);
  CHECK(fiscal_year(d("2026-01-01")) == 2569);
  CHECK(fiscal_year_start(2569) == d("2025-10-01"));
  CHECK(fiscal_year_end(2569) == d("2026-09-30"));
  CHECK(fiscal_quarter(d("2025-10-01")) == 1);
  CHECK(fiscal_quarter(d("2025-12-31")) == 1);
  CHECK(fiscal_quarter(d("2026-01-01")) == 2);
  CHECK(fiscal_quarter(d("2026-03-31")) == 2);
  CHECK(fiscal_quarter(d("2026-04-01")) == 3);
  CHECK(fiscal_quarter(d("2026-07-01")) == 4);
  CHECK(fiscal_quarter(d("2026-09-30")) == 4);
  CHECK(fiscal_quarter_end(2569, 1) == d("2025-12-31"));
  CHECK(progress_round_end(2569, 6) == d("2026-03-31"));
  CHECK(progress_round_end(2569, 9) == d("2026-06-30"));
  CHECK(progress_round_end(2569, 12) == d("2026-09-30"));
  CHECK_THROWS_AS(progress_round_end(2569, 3), ValueError);
}

TEST_CASE("Academic year: semester 1 from May, semester 2 from November to April") {
  CHECK(academic_term(d("2026-05-01")) == AcademicTerm{2569, 1});
  CHECK(academic_term(d("2026-10-31")) == AcademicTerm{2569, 1});
  CHECK(academic_term(d("2026-11-01")) == AcademicTerm{2569, 2});
  CHECK(academic_term(d("2027-04-30")) == AcademicTerm{2569, 2});
  CHECK(academic_term(d("2026-04-30")) == AcademicTerm{2568, 2});
  CHECK(semester_start(AcademicTerm{2569, 1}) == d("2026-05-01"));
  CHECK(semester_start(AcademicTerm{2569, 2}) == d("2026-11-01"));
}
