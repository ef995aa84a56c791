#include "format/academic_year.h"

#include <string>

#include "format/value_error.h"

namespace raingan::format {

AcademicTerm academic_term(const Date& date) {
  const int first_gregorian_year = date.month >= 5 ? date.year : date.year - 1;
  const int semester = (date.month >= 5 && date.month <= 10) ? 1 : 2;
  return AcademicTerm{buddhist_year(first_gregorian_year), semester};
}

Date semester_start(const AcademicTerm& term) {
  if (term.semester != 1 && term.semester != 2)
    throw ValueError("expected semester 1 or 2, found " + std::to_string(term.semester));
  return Date{gregorian_year(term.year_be), term.semester == 1 ? 5U : 11U, 1};
}

}  // namespace raingan::format
