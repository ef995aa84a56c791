// Formula values: Excel's coercions between kinds, comparisons across kinds, numbers as text and back at 15
// significant digits, decimal rounding, and how operators propagate errors.
#include <doctest/doctest.h>

#include <cmath>

#include "formula/coercion.h"
#include "formula/date_serial.h"
#include "formula/number_text.h"
#include "formula_test_support.h"

using namespace raingan::formula;
using raingan::test::FormulaBook;

TEST_CASE("Formula values: General text of numbers, 15 significant digits") {
  CHECK(general_text(0) == "0");
  CHECK(general_text(-0.0) == "0");
  CHECK(general_text(12) == "12");
  CHECK(general_text(-1234.5) == "-1234.5");
  CHECK(general_text(0.1 + 0.2) == "0.3");
  CHECK(general_text(1.0 / 3) == "0.333333333333333");
  CHECK(general_text(2.0 / 3) == "0.666666666666667");
  CHECK(general_text(999999999999999) == "999999999999999");
  CHECK(general_text(1e15) == "1E+15");
  CHECK(general_text(123456789012345678.0) == "1.23456789012346E+17");
  CHECK(general_text(1e-9) == "0.000000001");
  CHECK(general_text(1e-10) == "1E-10");
  CHECK(general_text(0.0001) == "0.0001");
  CHECK(general_text(-2.5e-12) == "-2.5E-12");
  CHECK(general_text(1e100) == "1E+100");
}

TEST_CASE("Formula values: texts read as numbers where arithmetic needs one") {
  CHECK(parse_number_text("12") == 12);
  CHECK(parse_number_text(" 7 ") == 7);
  CHECK(parse_number_text("-3.5") == -3.5);
  CHECK(parse_number_text("+.5") == 0.5);
  CHECK(parse_number_text("1e3") == 1000);
  CHECK(parse_number_text("50%") == 0.5);
  CHECK(parse_number_text("1,234.5") == 1234.5);
  CHECK(parse_number_text("1,234,567") == 1234567);
  CHECK(parse_number_text("(5)") == -5);
  CHECK(parse_number_text("$5") == 5);
  CHECK(parse_number_text("2024-01-31") == 45322);
  CHECK(parse_number_text("12:30") == doctest::Approx(0.5208333333));
  CHECK_FALSE(parse_number_text(""));
  CHECK_FALSE(parse_number_text("  "));
  CHECK_FALSE(parse_number_text("abc"));
  CHECK_FALSE(parse_number_text("1,23"));
  CHECK_FALSE(parse_number_text("12a"));
  CHECK_FALSE(parse_number_text("2024-02-30"));
  CHECK_FALSE(parse_number_text("."));
  CHECK_FALSE(parse_number_text("๑๒"));  // Thai digits are text, as in Excel
}

TEST_CASE("Formula values: decimal rounding on the 15-digit value") {
  CHECK(round_decimal(2.675, 2, Rounding::half_away_from_zero) == 2.68);  // the double is 2.67499999…
  CHECK(round_decimal(1.005, 2, Rounding::half_away_from_zero) == 1.01);
  CHECK(round_decimal(-2.5, 0, Rounding::half_away_from_zero) == -3);
  CHECK(round_decimal(0.5, 0, Rounding::half_away_from_zero) == 1);
  CHECK(round_decimal(0.05, 1, Rounding::half_away_from_zero) == 0.1);
  CHECK(round_decimal(1234.5678, -2, Rounding::half_away_from_zero) == 1200);
  CHECK(round_decimal(1250, -2, Rounding::half_away_from_zero) == 1300);
  CHECK(round_decimal(49, -2, Rounding::half_away_from_zero) == 0);
  CHECK(round_decimal(51, -2, Rounding::half_away_from_zero) == 100);
  CHECK(round_decimal(3.14159, 3, Rounding::away_from_zero) == 3.142);
  CHECK(round_decimal(-3.14159, 1, Rounding::away_from_zero) == -3.2);
  CHECK(round_decimal(0.1 + 0.2, 1, Rounding::away_from_zero) == 0.3);  // not 0.4: 0.30000000000000004 is 0.3
  CHECK(round_decimal(3.14159, 3, Rounding::toward_zero) == 3.141);
  CHECK(round_decimal(-3.99, 0, Rounding::toward_zero) == -3);
  CHECK(round_decimal(0.001, -1, Rounding::away_from_zero) == 10);
  CHECK(round_decimal(999.5, 0, Rounding::half_away_from_zero) == 1000);
  CHECK(fixed_digits(2.675, 2) == "2.68");
  CHECK(fixed_digits(1234.5, 0) == "1235");
  CHECK(fixed_digits(0.004, 2) == "0.00");
  CHECK(fixed_digits(0.5, 0) == "1");
  CHECK(fixed_digits(99.995, 2) == "100.00");
  CHECK(fixed_digits(1e20, 1) == "100000000000000000000.0");
  CHECK(round_to_15_digits(0.1 + 0.2) == 0.3);
}

TEST_CASE("Formula values: coercions") {
  CHECK(to_number(Value{}) == Value::number(0));
  CHECK(to_number(Value::boolean(true)) == Value::number(1));
  CHECK(to_number(Value::text("12")) == Value::number(12));
  CHECK(to_number(Value::text("x")) == Value::error(ErrorCode::value));
  CHECK(to_number(Value::text("")) == Value::error(ErrorCode::value));
  CHECK(to_boolean(Value::number(-2)) == Value::boolean(true));
  CHECK(to_boolean(Value::text("false")) == Value::boolean(false));
  CHECK(to_boolean(Value::text("yes")) == Value::error(ErrorCode::value));
  CHECK(to_text(Value::boolean(true)) == "TRUE");
  CHECK(to_text(Value::number(1.5)) == "1.5");
  CHECK(to_text(Value{}) == "");
}

TEST_CASE("Formula values: comparisons across kinds: numbers < texts < booleans, texts ignoring case") {
  CHECK(compare_values(Value::number(1e300), Value::text("")) < 0);
  CHECK(compare_values(Value::text("zzz"), Value::boolean(false)) < 0);
  CHECK(compare_values(Value::text("abc"), Value::text("ABC")) == 0);
  CHECK(compare_values(Value::text("abc"), Value::text("ABD")) < 0);
  CHECK(compare_values(Value::text("Z"), Value::text("a")) > 0);
  CHECK(compare_values(Value{}, Value::number(0)) == 0);
  CHECK(compare_values(Value{}, Value::text("")) == 0);
  CHECK(compare_values(Value{}, Value::boolean(false)) == 0);
  CHECK(compare_values(Value{}, Value::number(-1)) > 0);
  CHECK(compare_values(Value::number(0.1 + 0.2), Value::number(0.3)) == 0);
  CHECK(compare_values(Value::number(1), Value::number(1 + 1e-12)) < 0);
}

TEST_CASE("Formula values: operators") {
  FormulaBook b;
  b.set("A1", "12").set("A2", " 7 ").set("A3", true).set("A4", "x").blank("A5").set("A6", "ABC");
  CHECK(b.eval("=-2^2") == "4");
  CHECK(b.eval("=2^3^2") == "64");
  CHECK(b.eval("=A1+1") == "13");
  CHECK(b.eval("=A2*2") == "14");
  CHECK(b.eval("=A3+1") == "2");
  CHECK(b.eval("=A4+1") == "#VALUE!");
  CHECK(b.eval("=A5+1") == "1");
  CHECK(b.eval("=\"\"+1") == "#VALUE!");
  CHECK(b.eval("=5%") == "0.05");
  CHECK(b.eval("=1/0") == "#DIV/0!");
  CHECK(b.eval("=0^0") == "#NUM!");
  CHECK(b.eval("=0^-1") == "#DIV/0!");
  CHECK(b.eval("=(-8)^(1/3)") == "#NUM!");
  CHECK(b.eval("=10^400") == "#NUM!");
  CHECK(b.eval("=0.3-0.2-0.1") == "0");
  CHECK(b.eval("=0.1+0.2=0.3") == "TRUE");
  CHECK(b.eval("=\"a\"&1.5&TRUE&A5") == "\"a1.5TRUE\"");
  CHECK(b.eval("=\"x\"&1/3") == "\"x0.333333333333333\"");
  CHECK(b.eval("=\"a\"<1") == "FALSE");
  CHECK(b.eval("=TRUE>\"z\"") == "TRUE");
  CHECK(b.eval("=A6=\"abc\"") == "TRUE");
  CHECK(b.eval("=A5=\"\"") == "TRUE");
  CHECK(b.eval("=A5=0") == "TRUE");
  CHECK(b.eval("=A5=FALSE") == "TRUE");
  CHECK(b.eval("=+A4") == "\"x\"");
  CHECK(b.eval("=-A4") == "#VALUE!");
  CHECK(b.eval("=A5") == "0");  // a formula showing a blank cell shows 0
}

TEST_CASE("Formula values: the longest chain of operators a formula can hold") {
  std::string chain = "=1";
  while (chain.size() + 2 <= 8192) chain += "+1";
  FormulaBook b;
  CHECK(b.eval(chain) == "4096");
}

TEST_CASE("Formula values: errors propagate, the left operand's first") {
  FormulaBook b;
  b.set_error("A1", ErrorCode::na).set_error("A2", ErrorCode::div0);
  CHECK(b.eval("=A1+A2") == "#N/A");
  CHECK(b.eval("=A2+A1") == "#DIV/0!");
  CHECK(b.eval("=A1&\"x\"") == "#N/A");
  CHECK(b.eval("=A2=A2") == "#DIV/0!");
  CHECK(b.eval("=-A1") == "#N/A");
  CHECK(b.eval("=\"x\"+A1") == "#N/A");  // errors first, then conversions (LibreOffice agrees)
  CHECK(b.eval("=SUM(1,A2,A1)") == "#DIV/0!");
  CHECK(b.eval("=IF(A1,1,2)") == "#N/A");
  CHECK(b.eval("=ROUND(A2,1)") == "#DIV/0!");
}

TEST_CASE("Formula values: a range where one value is wanted is the cell in the formula's row or column") {
  FormulaBook b;
  b.set("A1", 1).set("A2", 2).set("A3", 3).set("B5", 10).set("C5", 20);
  b.formula("C2", "=A1:A3*10");
  b.formula("C9", "=A1:A3*10");
  b.formula("C7", "=B5:C5+1");
  b.formula("D7", "=A1:B2");
  b.run();
  CHECK(raingan::test::show(b.value("C2")) == "20");
  CHECK(raingan::test::show(b.value("C9")) == "#VALUE!");
  CHECK(raingan::test::show(b.value("C7")) == "21");
  CHECK(raingan::test::show(b.value("D7")) == "#VALUE!");
}

TEST_CASE("Formula values: day serials of the 1900 date system") {
  CHECK(date_serial(1900, 1, 1) == 1);
  CHECK(date_serial(1900, 2, 28) == 59);
  CHECK(date_serial(1900, 3, 1) == 61);
  CHECK(date_serial(2024, 1, 31) == 45322);
  CHECK(date_serial(9999, 12, 31) == last_date_serial);
  const auto d = serial_date(45322.75);
  REQUIRE(d);
  CHECK(d->year == 2024);
  CHECK(d->month == 1);
  CHECK(d->day == 31);
  CHECK(d->weekday == 3);  // Wednesday
  CHECK(serial_date(60)->day == 29);
  CHECK(serial_date(60)->month == 2);
  CHECK(serial_date(0)->day == 0);
  CHECK(serial_date(61)->month == 3);
  CHECK_FALSE(serial_date(-1));
  CHECK_FALSE(serial_date(last_date_serial + 1));
}
