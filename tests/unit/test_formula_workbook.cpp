// Formula evaluation over a workbook: order across sheets, circular references, references beyond a sheet or
// to a missing sheet, shared formulas, and rows in the hundreds of thousands.
#include <doctest/doctest.h>

#include <chrono>

#include "formula_test_support.h"

using namespace raingan::formula;
using raingan::test::FormulaBook;
using raingan::test::show;

namespace {

std::vector<std::string> described(const Workbook& book, const std::vector<Problem>& problems) {
  std::vector<std::string> out;
  for (const auto& p : problems) out.push_back(describe(book, p));
  return out;
}

}  // namespace

TEST_CASE("Formula workbook: formulas are computed after the cells they read, on any sheet") {
  FormulaBook b;
  const SheetId rates = b.book().add_sheet("อัตรา");
  // The summary reads the detail rows, which read the rates sheet, which is filled last.
  b.formula("A1", "=SUM(B1:B3)");
  for (int r = 1; r <= 3; ++r) b.formula("B" + std::to_string(r), "=C" + std::to_string(r) + "*'อัตรา'!$A$1");
  b.set("C1", 1).set("C2", 2).set("C3", 3);
  b.formula("A1", "=A2*10", rates);
  b.put(rates, "A2", Value::number(5));
  CHECK(b.run().empty());
  CHECK(show(b.value("A1")) == "300");
  CHECK(show(b.value("B2")) == "100");
  CHECK(show(b.book().value(rates, {0, 0})) == "50");
}

TEST_CASE("Formula workbook: one parsed formula serves every row") {
  Workbook book;
  const SheetId s = book.add_sheet("รายนักเรียน");
  for (std::uint32_t row = 4; row < 1004; ++row) {
    book.set_value(s, {row, 8}, Value::number(row));
    const std::string r = std::to_string(row + 1);
    book.set_formula(s, {row, 9}, book.add_formula("=I" + r + "*2", {row, 9}));
  }
  CHECK(book.formula_count() == 1);
  CHECK(evaluate(book).empty());
  CHECK(show(book.value(s, {1003, 9})) == "2006");
}

TEST_CASE("Formula workbook: a circular reference is a problem naming its cells") {
  FormulaBook b;
  b.formula("A1", "=B1+1").formula("B1", "=C1+1").formula("C1", "=A1+1").set("D1", 1);
  auto problems = described(b.book(), b.run());
  REQUIRE(problems.size() == 1);
  CHECK(problems[0] == "S!A1: circular reference: S!A1 -> S!B1 -> S!C1 -> S!A1");

  FormulaBook self;
  self.set("A1", 1).set("A2", 2).formula("A3", "=SUM(A1:A3)");
  problems = described(self.book(), self.run());
  REQUIRE(problems.size() == 1);
  CHECK(problems[0] == "S!A3: circular reference: S!A3 -> S!A3");

  // IF's branch not taken still counts, as in Excel.
  FormulaBook branch;
  branch.formula("A1", "=IF(FALSE,A2,1)").formula("A2", "=A1");
  CHECK(branch.run().size() == 1);
}

TEST_CASE("Formula workbook: a long column of circular formulas is reported without quadratic work") {
  Workbook book;
  const SheetId s = book.add_sheet("S");
  const std::uint32_t rows = 20000;
  for (std::uint32_t row = 0; row < rows; ++row)
    book.set_formula(s, {row, 0}, book.add_formula("=SUM($A$1:$A$20000)", {row, 0}));
  const auto start = std::chrono::steady_clock::now();
  const auto problems = evaluate(book, {.max_problems = 5});
  CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(5));
  REQUIRE(problems.size() == 5);
  CHECK(problems.back().message.ends_with("more problems)"));
}

TEST_CASE("Formula workbook: references beyond a sheet or to a missing sheet are problems") {
  FormulaBook b;
  b.set("A1", 1).set("B5", 2);  // the sheet ends at B5
  b.formula("C1", "=SUM(A1:A6)");
  b.formula("C2", "='ไม่มี'!A1+1");
  b.formula("C3", "=SUM(A:A)+SUM(1:1)");  // whole columns and rows stop at the sheet's end
  b.formula("C4", "=B5");
  const auto problems = described(b.book(), b.run());
  REQUIRE(problems.size() == 2);
  CHECK(problems[0] == "S!C1: reference A1:A6 is outside sheet 'S', which ends at C5");
  CHECK(problems[1] == "S!C2: the formula refers to sheet 'ไม่มี', which the workbook does not have");
  CHECK(show(b.value("C2")) == "#REF!");
  CHECK(show(b.value("C3")) == "3");  // A1, and A1 and C1 of row 1
}

TEST_CASE("Formula workbook: whole columns and rows reach the sheet's end, as in Excel") {
  FormulaBook b;
  b.set("A1", 1).set("A2", "x").blank("A3").set("B1", 2);
  CHECK(b.eval("=COUNTBLANK(A:A)") == "1048574");
  CHECK(b.eval("=COUNTIF(A:A,\"\")") == "1048574");
  CHECK(b.eval("=COUNTIF(A:A,\"<>x\")") == "1048575");
  CHECK(b.eval("=SUM(A:B)+COUNTA(1:1)") == "5");
  CHECK(b.eval("=INDEX(A:A,500000)") == "0");
  CHECK(b.eval("=A:A+1") == "1");  // the blank A99, by implicit intersection
  CHECK(b.eval("=COUNTBLANK(2:2)") == "16383");
  // Blank criteria cells beyond this sheet's end still meet another sheet's values.
  const SheetId other = b.book().add_sheet("Other");
  for (int r = 0; r < 200; ++r) b.put(other, "B" + std::to_string(r + 1), Value::number(1));
  CHECK(b.eval("=SUMIF(A:A,\"\",Other!B:B)") == "198");  // all but rows 1 and 2
  CHECK(b.eval("=COUNTIFS(A:A,\"\",Other!B:B,\"\")") == std::to_string(1048576 - 200));
  CHECK(b.eval("=SUMPRODUCT(Other!B:B,Other!B:B)") == "200");
}

TEST_CASE("Formula workbook: huge areas read only what a sheet holds") {
  FormulaBook b;
  b.set("B2", "aP").set("C3", 4);
  const auto start = std::chrono::steady_clock::now();
  CHECK(b.eval("=SUMIF(B:ZZ,\"ap\")+COUNTIF(B:ZZ,\"ap\")+SUM(A:ZZ)+MATCH(4,C:C,0)", "AAA1") == "8");
  CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(2));
}

TEST_CASE("Formula workbook: a reference into an empty sheet says so") {
  FormulaBook b;
  b.book().add_sheet("Empty");
  b.formula("A1", "=Empty!B2");
  const auto problems = described(b.book(), b.run());
  REQUIRE(problems.size() == 1);
  CHECK(problems[0] == "S!A1: reference Empty!B2 is outside sheet 'Empty', which is empty");
}

TEST_CASE("Formula workbook: sheets and cells") {
  Workbook book;
  const SheetId s = book.add_sheet("สรุป");
  CHECK(book.find_sheet("สรุป") == s);
  CHECK(book.find_sheet("Other") == std::nullopt);
  book.add_sheet("Data");
  CHECK(book.find_sheet("DATA").has_value());
  CHECK_THROWS_WITH_AS(book.add_sheet("data"), "there is already a sheet named 'data'",
                       std::invalid_argument);
  CHECK_THROWS_AS(book.add_sheet(""), std::invalid_argument);
  CHECK_THROWS_AS(book.add_sheet("a/b"), std::invalid_argument);
  CHECK_THROWS_AS(book.add_sheet("ทะเบียนจัดสรรงบประมาณรายการค่าพาหนะ"), std::invalid_argument);
  CHECK_THROWS_AS(book.set_value(s, {max_rows, 0}, Value::number(1)), std::out_of_range);
  CHECK_THROWS_AS(book.add_formula("=SUMM(1)", {0, 0}), ParseError);
  // A value set over a formula replaces it.
  book.set_formula(s, {0, 0}, book.add_formula("=1+1", {0, 0}));
  book.set_value(s, {0, 0}, Value::text("ข้อความ"));
  book.set_formula(s, {1, 0}, book.add_formula("=A1&\"!\"", {1, 0}));
  CHECK(evaluate(book).empty());
  CHECK(show(book.value(s, {0, 0})) == "\"ข้อความ\"");
  CHECK(show(book.value(s, {1, 0})) == "\"ข้อความ!\"");
  CHECK(book.extent(s) == CellAddress{2, 1});
}

TEST_CASE("Formula workbook: SUMIF's grown sum range is computed before the SUMIF") {
  FormulaBook b;
  for (int r = 1; r <= 5; ++r) {
    b.set("A" + std::to_string(r), r % 2 == 0 ? "x" : "y");
    b.formula("B" + std::to_string(r), "=" + std::to_string(r) + "*10");
  }
  b.formula("D1", "=SUMIF(A1:A5,\"x\",B1)");  // reads B1:B5, though only B1 is written
  CHECK(b.run().empty());
  CHECK(show(b.value("D1")) == "60");
}

TEST_CASE("Formula workbook: 200,000 chained formulas need no deep recursion") {
  Workbook book;
  const SheetId s = book.add_sheet("S");
  const std::uint32_t rows = 200000;
  book.set_value(s, {0, 0}, Value::number(1));
  for (std::uint32_t row = 1; row < rows; ++row) {
    const std::string above = std::to_string(row);
    book.set_formula(s, {row, 0}, book.add_formula("=A" + above + "+1", {row, 0}));
  }
  // The last row first, so every formula waits for the one above it.
  Workbook reversed;
  const SheetId t = reversed.add_sheet("S");
  for (std::uint32_t row = rows - 1; row >= 1; --row)
    reversed.set_formula(t, {row, 0}, reversed.add_formula("=A" + std::to_string(row) + "+1", {row, 0}));
  reversed.set_value(t, {0, 0}, Value::number(1));
  CHECK(evaluate(book).empty());
  CHECK(evaluate(reversed).empty());
  CHECK(show(book.value(s, {rows - 1, 0})) == "200000");
  CHECK(show(reversed.value(t, {rows - 1, 0})) == "200000");
}

TEST_CASE("Formula workbook: running totals down 100,000 rows are not quadratic") {
  Workbook book;
  const SheetId s = book.add_sheet("S");
  const std::uint32_t rows = 100000;
  for (std::uint32_t row = 0; row < rows; ++row) {
    book.set_value(s, {row, 0}, Value::number(0.25 * (row % 7)));
    const std::string r = std::to_string(row + 1);
    book.set_formula(s, {row, 1}, book.add_formula("=SUM($A$1:A" + r + ")", {row, 1}));
    book.set_formula(s, {row, 2}, book.add_formula("=COUNTIF($A$1:$A$100000,A" + r + ")", {row, 2}));
  }
  const auto start = std::chrono::steady_clock::now();
  CHECK(evaluate(book).empty());
  CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(5));
  double total = 0;
  for (std::uint32_t row = 0; row < rows; ++row) total += 0.25 * (row % 7);
  CHECK(book.value(s, {rows - 1, 1}).as_number() == total);
  CHECK(show(book.value(s, {0, 2})) == std::to_string((rows + 6) / 7));
}
