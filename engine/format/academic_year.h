#pragma once
// The school year (ปีการศึกษา): academic year N (Buddhist Era) starts in May of Gregorian N-543; semester 1
// runs from May, semester 2 from November to the following April.

#include "format/thai_date.h"

namespace raingan::format {

struct AcademicTerm {
  int year_be = 0;   // ปีการศึกษา
  int semester = 1;  // ภาคเรียนที่ 1 or 2
  auto operator<=>(const AcademicTerm&) const = default;
};

AcademicTerm academic_term(const Date& date);

// First day of a semester: 1 May of the academic year for semester 1, 1 November for semester 2.
Date semester_start(const AcademicTerm& term);

}  // namespace raingan::format
