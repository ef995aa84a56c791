// Formula functions: arithmetic, statistics, logic, text and dates, with the results Excel documents and the
// edge cases (references skip texts that direct arguments read, errors, empty arguments).
#include <doctest/doctest.h>

#include "formula_test_support.h"

using namespace raingan::formula;
using raingan::test::FormulaBook;

namespace {

// A1:A6 = 1, "2", TRUE, (blank), "x", 2.5; B1:B3 = #N/A, 4, 5
FormulaBook mixed() {
  FormulaBook b;
  b.set("A1", 1).set("A2", "2").set("A3", true).blank("A4").set("A5", "x").set("A6", 2.5);
  b.set_error("B1", ErrorCode::na).set("B2", 4).set("B3", 5);
  return b;
}

}  // namespace

TEST_CASE("Formula functions: SUM reads numbers in references and converts direct arguments") {
  FormulaBook b = mixed();
  CHECK(b.eval("=SUM(A1:A6)") == "3.5");  // the text "2" and TRUE in cells are skipped
  CHECK(b.eval("=SUM(A2)") == "0");       // a one-cell reference is still a reference
  CHECK(b.eval("=SUM(\"2\",TRUE,1)") == "4");
  CHECK(b.eval("=SUM(A2+0)") == "2");
  CHECK(b.eval("=SUM(\"x\")") == "#VALUE!");
  CHECK(b.eval("=SUM(A1:B3)") == "#N/A");
  CHECK(b.eval("=SUM(B2:B3,1,)") == "10");
  CHECK(b.eval("=SUM(0.1,0.2,0.3)") == "0.6");
  CHECK(b.eval("=SUMPRODUCT(B2:B3,B2:B3)") == "41");
  CHECK(b.eval("=SUMPRODUCT(A1:A3,A1:A3)") == "1");  // non-numbers are 0
  CHECK(b.eval("=SUMPRODUCT(B2:B3,A1:A3)") == "#VALUE!");
}

TEST_CASE("Formula functions: ROUND, ROUNDUP, ROUNDDOWN, INT, ABS, MOD") {
  FormulaBook b;
  CHECK(b.eval("=ROUND(2.675,2)") == "2.68");
  CHECK(b.eval("=ROUND(2.15,1)") == "2.2");
  CHECK(b.eval("=ROUND(-1.475,2)") == "-1.48");
  CHECK(b.eval("=ROUND(21.5,-1)") == "20");
  CHECK(b.eval("=ROUND(626.3,-3)") == "1000");
  CHECK(b.eval("=ROUND(1.98,-1)") == "0");
  CHECK(b.eval("=ROUND(-50.55,-2)") == "-100");
  CHECK(b.eval("=ROUND(2.5,0.9)") == "3");  // places are truncated
  CHECK(b.eval("=ROUNDUP(3.2,0)") == "4");
  CHECK(b.eval("=ROUNDUP(76.9,0)") == "77");
  CHECK(b.eval("=ROUNDUP(3.14159,3)") == "3.142");
  CHECK(b.eval("=ROUNDUP(-3.14159,1)") == "-3.2");
  CHECK(b.eval("=ROUNDUP(31415.92654,-2)") == "31500");
  CHECK(b.eval("=ROUNDDOWN(3.2,0)") == "3");
  CHECK(b.eval("=ROUNDDOWN(76.9,0)") == "76");
  CHECK(b.eval("=ROUNDDOWN(3.14159,3)") == "3.141");
  CHECK(b.eval("=ROUNDDOWN(-3.14159,1)") == "-3.1");
  CHECK(b.eval("=ROUNDDOWN(31415.92654,-2)") == "31400");
  CHECK(b.eval("=INT(8.9)") == "8");
  CHECK(b.eval("=INT(-8.9)") == "-9");
  CHECK(b.eval("=INT(0.1*3*10)") == "3");
  CHECK(b.eval("=ABS(-4)") == "4");
  CHECK(b.eval("=MOD(3,2)") == "1");
  CHECK(b.eval("=MOD(-3,2)") == "1");
  CHECK(b.eval("=MOD(3,-2)") == "-1");
  CHECK(b.eval("=MOD(-3,-2)") == "-1");
  CHECK(b.eval("=MOD(5.5,-2)") == "-0.5");
  CHECK(b.eval("=MOD(1,0)") == "#DIV/0!");
  CHECK(b.eval("=ROUND(\"x\",1)") == "#VALUE!");
}

TEST_CASE("Formula functions: COUNT, COUNTA, COUNTBLANK, AVERAGE, MIN, MAX, STDEV") {
  FormulaBook b = mixed();
  b.formula("C1", "=\"\"");
  CHECK(b.eval("=COUNT(A1:A6)") == "2");
  CHECK(b.eval("=COUNT(A1:B3)") == "3");  // errors are not counted, and do not stop COUNT
  CHECK(b.eval("=COUNT(\"2\",TRUE,\"x\",1)") == "3");
  CHECK(b.eval("=COUNTA(A1:A6)") == "5");
  CHECK(b.eval("=COUNTA(A1:C1)") == "3");  // the error and the formula's "" count
  CHECK(b.eval("=COUNTBLANK(A1:A6)") == "1");
  CHECK(b.eval("=COUNTBLANK(C1:C3)") == "3");  // "" is blank to COUNTBLANK
  CHECK(b.eval("=AVERAGE(A1:A6)") == "1.75");
  CHECK(b.eval("=AVERAGE(1,)") == "0.5");
  CHECK(b.eval("=AVERAGE(A3:A5)") == "#DIV/0!");
  CHECK(b.eval("=AVERAGE(B1:B3)") == "#N/A");
  CHECK(b.eval("=MIN(A1:A6)") == "1");
  CHECK(b.eval("=MAX(A1:A6,-1)") == "2.5");
  CHECK(b.eval("=MAX(A3:A5)") == "0");
  CHECK(b.eval("=MIN(TRUE,5)") == "1");
  CHECK(b.eval("=STDEV(B2:B3,6)") == "1");
  CHECK(b.eval("=STDEV(1,2,3,4)") == "1.29099444873581");
  CHECK(b.eval("=STDEV.S(1,2,3,4)") == "1.29099444873581");
  CHECK(b.eval("=STDEV(5)") == "#DIV/0!");
}

TEST_CASE("Formula functions: IF, IFERROR, IFNA evaluate only what they return") {
  FormulaBook b = mixed();
  CHECK(b.eval("=IF(A1,\"yes\",\"no\")") == "\"yes\"");
  CHECK(b.eval("=IF(A4,\"yes\",\"no\")") == "\"no\"");
  CHECK(b.eval("=IF(\"true\",1,2)") == "1");
  CHECK(b.eval("=IF(A5,1,2)") == "#VALUE!");
  CHECK(b.eval("=IF(FALSE,1)") == "FALSE");
  CHECK(b.eval("=IF(TRUE,)") == "0");
  CHECK(b.eval("=IF(TRUE,1,1/0)") == "1");
  CHECK(b.eval("=IF(FALSE,NA(),2)") == "2");
  CHECK(b.eval("=SUM(IF(TRUE,A1:A6))") == "3.5");  // IF passes a reference through
  CHECK(b.eval("=IFERROR(1/0,\"none\")") == "\"none\"");
  CHECK(b.eval("=IFERROR(B1,0)") == "0");
  CHECK(b.eval("=IFERROR(5,1/0)") == "5");
  CHECK(b.eval("=IFERROR(A4,1)") == "0");
  CHECK(b.eval("=IFNA(B1,\"n/a\")") == "\"n/a\"");
  CHECK(b.eval("=IFNA(1/0,0)") == "#DIV/0!");
}

TEST_CASE("Formula functions: AND, OR, NOT, IS functions") {
  FormulaBook b = mixed();
  CHECK(b.eval("=AND(TRUE,1,\"TRUE\")") == "TRUE");
  CHECK(b.eval("=AND(A1:A6)") == "TRUE");     // texts and blanks in references are skipped
  CHECK(b.eval("=AND(A4:A5)") == "#VALUE!");  // nothing logical at all
  CHECK(b.eval("=AND(1,0)") == "FALSE");
  CHECK(b.eval("=AND(\"x\")") == "#VALUE!");
  CHECK(b.eval("=AND(B1:B3)") == "#N/A");
  CHECK(b.eval("=OR(FALSE,0,A3)") == "TRUE");
  CHECK(b.eval("=OR(0,FALSE)") == "FALSE");
  CHECK(b.eval("=NOT(0)") == "TRUE");
  CHECK(b.eval("=NOT(\"a\")") == "#VALUE!");
  CHECK(b.eval("=ISBLANK(A4)") == "TRUE");
  CHECK(b.eval("=ISBLANK(\"\")") == "FALSE");
  CHECK(b.eval("=ISNUMBER(A2)") == "FALSE");
  CHECK(b.eval("=ISNUMBER(A6)") == "TRUE");
  CHECK(b.eval("=ISTEXT(A2)") == "TRUE");
  CHECK(b.eval("=ISERROR(B1)") == "TRUE");
  CHECK(b.eval("=ISNA(1/0)") == "FALSE");
  CHECK(b.eval("=ISNA(NA())") == "TRUE");
  CHECK(b.eval("=TRUE()") == "TRUE");
}

TEST_CASE("Formula functions: texts") {
  FormulaBook b;
  b.set("A1", "ภาษาไทย").set("A2", 1234.5);
  CHECK(b.eval("=LEN(A1)") == "7");
  CHECK(b.eval("=LEFT(A1,3)") == "\"ภาษ\"");
  CHECK(b.eval("=RIGHT(A1,3)") == "\"ไทย\"");
  CHECK(b.eval("=LEFT(\"abc\")") == "\"a\"");
  CHECK(b.eval("=RIGHT(\"abc\",10)") == "\"abc\"");
  CHECK(b.eval("=LEFT(\"abc\",-1)") == "#VALUE!");
  CHECK(b.eval("=LEN(A2)") == "6");
  CHECK(b.eval("=CONCATENATE(\"a\",1,TRUE,A2)") == "\"a1TRUE1234.5\"");
  CHECK(b.eval("=VALUE(\"1,234.5\")") == "1234.5");
  CHECK(b.eval("=VALUE(\"x\")") == "#VALUE!");
  CHECK(b.eval("=BAHTTEXT(101.25)") == "\"หนึ่งร้อยเอ็ดบาทยี่สิบห้าสตางค์\"");
  CHECK(b.eval("=BAHTTEXT(21)") == "\"ยี่สิบเอ็ดบาทถ้วน\"");
  CHECK(b.eval("=BAHTTEXT(0.505)") == "\"ห้าสิบเอ็ดสตางค์\"");  // rounded to satang first
  CHECK(b.eval("=_xlfn.BAHTTEXT(-5)") == "\"ลบห้าบาทถ้วน\"");
}

TEST_CASE("Formula functions: TEXT with the registers' formats") {
  FormulaBook b;
  b.set("A1", 45322).set("A2", 2.675).set("A3", 1234.5);
  CHECK(b.eval("=TEXT(A2,\"#,##0.00\")") == "\"2.68\"");
  CHECK(b.eval("=TEXT(A3,\"#,##0.00\")") == "\"1,234.50\"");
  CHECK(b.eval("=TEXT(1234567.891,\"#,##0.00\")") == "\"1,234,567.89\"");
  CHECK(b.eval("=TEXT(-1234.5,\"#,##0.00\")") == "\"-1,234.50\"");
  CHECK(b.eval("=TEXT(1234.567,\"0.00\")") == "\"1234.57\"");
  CHECK(b.eval("=TEXT(2.5,\"0\")") == "\"3\"");
  CHECK(b.eval("=TEXT(0.125,\"0%\")") == "\"13%\"");
  CHECK(b.eval("=TEXT(0.5,\"0.0%\")") == "\"50.0%\"");
  CHECK(b.eval("=TEXT(1234.5,\"#,##0\")") == "\"1,235\"");
  CHECK(b.eval("=TEXT(-1234.5,\"#,##0.00;[Red]-#,##0.00\")") == "\"-1,234.50\"");
  CHECK(b.eval("=TEXT(0,\"#,##0;-#,##0;\"\"-\"\"\")") == "\"-\"");
  CHECK(b.eval("=TEXT(-0.001,\"0.00\")") == "\"0.00\"");
  CHECK(b.eval("=TEXT(0.5,\"#.##\")") == "\".5\"");
  CHECK(b.eval("=TEXT(1234.5,\"#,##0.0,\")") == "\"1.2\"");
  CHECK(b.eval("=TEXT(1234.5,\"General\")") == "\"1234.5\"");
  CHECK(b.eval("=TEXT(\"12\",\"0.00\")") == "\"12.00\"");
  CHECK(b.eval("=TEXT(\"abc\",\"0.00\")") == "\"abc\"");
  CHECK(b.eval("=TEXT(A1,\"[$-D07041E]d mmmm yyyy\")") == "\"๓๑ มกราคม ๒๕๖๗\"");
  CHECK(b.eval("=TEXT(A1,\"[$-D07041E]d mmm yy\")") == "\"๓๑ ม.ค. ๖๗\"");
  CHECK(b.eval("=TEXT(A1,\"[$-D07041E]d/m/yyyy\")") == "\"๓๑/๑/๒๕๖๗\"");
  CHECK(b.eval("=TEXT(A1,\"[$-107041E]d mmmm yyyy\")") == "\"31 มกราคม 2567\"");
  CHECK(b.eval("=TEXT(A1,\"[$-D07041E]dddd d mmmm yyyy\")") == "\"พุธ ๓๑ มกราคม ๒๕๖๗\"");
  CHECK(b.eval("=TEXT(A1,\"[$-D00041E]#,##0.00\")") == "\"๔๕,๓๒๒.๐๐\"");
  CHECK(b.eval("=TEXT(A1,\"d/m/yyyy\")") == "\"31/1/2024\"");
  CHECK(b.eval("=TEXT(A1,\"yyyy-mm-dd\")") == "\"2024-01-31\"");
  CHECK(b.eval("=TEXT(A1,\"dddd, mmmm d\")") == "\"Wednesday, January 31\"");
  CHECK(b.eval("=TEXT(A1+0.75,\"h:mm AM/PM\")") == "\"6:00 PM\"");
  CHECK(b.eval("=TEXT(A1+0.5+1/1440,\"hh:mm:ss\")") == "\"12:01:00\"");
}

TEST_CASE("Formula functions: a TEXT format not supported is a problem, not a guess") {
  FormulaBook b;
  b.formula("A1", "=TEXT(1234,\"0.00E+00\")");
  const auto problems = b.run();
  REQUIRE(problems.size() == 1);
  CHECK(describe(b.book(), problems[0]) ==
        "S!A1: TEXT cannot use the number format \"0.00E+00\" (not supported)");
  CHECK(raingan::test::show(b.value("A1")) == "#VALUE!");
}

TEST_CASE("Formula functions: dates") {
  FormulaBook b;
  b.options_.today = {2026, 11, 22};
  CHECK(b.eval("=DATE(2024,1,31)") == "45322");
  CHECK(b.eval("=DATE(2024,14,35)") == "45723");  // months and days beyond roll over
  CHECK(b.eval("=DATE(2024,0,0)") == "45260");
  CHECK(b.eval("=DATE(24,1,1)") == "8767");  // years below 1900 count from 1900
  CHECK(b.eval("=DATE(10000,1,1)") == "#NUM!");
  CHECK(b.eval("=YEAR(45322)") == "2024");
  CHECK(b.eval("=MONTH(45322)") == "1");
  CHECK(b.eval("=DAY(45322.9)") == "31");
  CHECK(b.eval("=YEAR(\"2024-01-31\")") == "2024");
  CHECK(b.eval("=YEAR(-1)") == "#NUM!");
  CHECK(b.eval("=TODAY()") == "46348");
  CHECK(b.eval("=YEAR(TODAY())+543") == "2569");
}
