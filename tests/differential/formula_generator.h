#pragma once
// Random cells and formulas for the differential test against LibreOffice (tests/formula_differential.cpp):
// from a seed, three sheets with Thai names, each with columns of data cells and a few hundred formulas over
// them using every supported function and operator, with references across sheets. Reproducible: the same
// seed gives the same workbook on any machine (its own random numbers, no std:: distributions).
//
// Data columns, rows 1..80 of every sheet (long enough for the range cache: 64 cells and more):
//   A numbers (integers, satang-exact amounts, negative, zero, blanks)   F codes ("S01", "1034560001")
//   B numbers in ascending order (approximate lookups)                    G TRUE / FALSE / blank
//   C English words, mixed case                                           H dates (day serials 2020–2030)
//   D Thai words                                                          I formulas giving errors or numbers
//   E numbers written as text (" 7 ", "1,234.5", "50%", "2024-01-31")
// Formulas go in K..T; a formula reads data cells and formulas made before it (so there are no cycles).
//
// Where LibreOffice is known to compute something else than Excel, the generator either never writes that
// case (each such rule is commented where it applies) or writes it and marks it not compared, with why.

#include <cstdint>
#include <set>
#include <string>
#include <vector>

namespace raingan::test {

inline constexpr int data_rows = 80;
inline constexpr int first_formula_column = 10;  // K
inline constexpr int formula_columns = 10;       // K..T

struct GeneratedConstant {
  int sheet = 0, row = 0, column = 0;
  enum class Kind { number, text, boolean } kind = Kind::number;
  double number = 0;
  std::string text;
  bool boolean = false;
};

struct GeneratedFormula {
  int sheet = 0, row = 0, column = 0;
  std::string text;          // with the leading '='
  std::string not_compared;  // why LibreOffice's value is not compared; empty when it is
};

struct GeneratedWorkbook {
  std::vector<std::string> sheets;
  std::vector<GeneratedConstant> constants;
  std::vector<GeneratedFormula> formulas;
  std::set<std::string> functions;  // every function some formula calls
};

GeneratedWorkbook generate_workbook(std::uint64_t seed, int formulas_per_sheet);

}  // namespace raingan::test
