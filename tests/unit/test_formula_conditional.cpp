// Formula criteria: SUMIF, SUMIFS, COUNTIF, COUNTIFS, AVERAGEIF, AVERAGEIFS with Excel's criteria strings.
#include <doctest/doctest.h>

#include "formula/criteria.h"
#include "formula_test_support.h"

using namespace raingan::formula;
using raingan::test::FormulaBook;

namespace {

// A1:A8 = 1, "1", 3, "abc", "ABC", (blank), TRUE, 5;  B1:B8 = 10 … 80;  C1:C8 school codes.
FormulaBook data() {
  FormulaBook b;
  b.set("A1", 1)
      .set("A2", "1")
      .set("A3", 3)
      .set("A4", "abc")
      .set("A5", "ABC")
      .blank("A6")
      .set("A7", true)
      .set("A8", 5);
  for (int i = 1; i <= 8; ++i) b.set("B" + std::to_string(i), 10 * i);
  const char* codes[] = {"1034560001", "1034560002", "1034560001", "S01", "S02", "S01", "1034560002", "S01"};
  for (int i = 1; i <= 8; ++i) b.set("C" + std::to_string(i), codes[i - 1]);
  return b;
}

}  // namespace

TEST_CASE("Formula criteria: how a criterion matches cells") {
  auto match = [](const Value& criterion, const Value& cell) {
    return matches(parse_criterion(criterion), cell);
  };
  CHECK(match(Value::number(1), Value::number(1)));
  CHECK(match(Value::number(1), Value::text("1")));  // "=" also matches the text of the number
  CHECK_FALSE(match(Value::number(1), Value::boolean(true)));
  CHECK(match(Value::text(">=3"), Value::number(3)));
  CHECK_FALSE(match(Value::text(">=3"), Value::text("5")));  // comparisons read numbers only
  CHECK(match(Value::text("<>x"), Value{}));
  CHECK(match(Value::text("<>x"), Value::number(1)));
  CHECK_FALSE(match(Value::text("<>x"), Value::text("X")));
  CHECK(match(Value::text("a*c"), Value::text("ABBC")));
  CHECK(match(Value::text("a?c"), Value::text("aขc")));
  CHECK_FALSE(match(Value::text("a?c"), Value::text("ac")));
  CHECK(match(Value::text("a~*"), Value::text("a*")));
  CHECK_FALSE(match(Value::text("a~*"), Value::text("ab")));
  CHECK(match(Value::text("*"), Value::text("")));
  CHECK_FALSE(match(Value::text("*"), Value::number(1)));
  CHECK(match(Value::text(""), Value{}));
  CHECK(match(Value::text(""), Value::text("")));
  CHECK(match(Value::text("="), Value{}));
  CHECK_FALSE(match(Value::text("="), Value::text("")));
  CHECK_FALSE(match(Value::text("<>"), Value{}));
  CHECK(match(Value::text("<>"), Value::text("")));
  CHECK(match(Value::text("TRUE"), Value::boolean(true)));
  CHECK(match(Value{}, Value::number(0)));  // an empty criterion cell is 0
  CHECK(match(Value::text("<b"), Value::text("A")));
  CHECK_FALSE(match(Value::text("<b"), Value::number(1)));
  CHECK(match(Value::text("#N/A"), Value::error(ErrorCode::na)));
  CHECK(match(Value::text("=0.3"), Value::number(0.1 + 0.2)));
}

TEST_CASE("Formula criteria: COUNTIF and SUMIF") {
  FormulaBook b = data();
  CHECK(b.eval("=COUNTIF(A1:A8,1)") == "2");
  CHECK(b.eval("=COUNTIF(A1:A8,\"1\")") == "2");
  CHECK(b.eval("=COUNTIF(A1:A8,\">=3\")") == "2");
  CHECK(b.eval("=COUNTIF(A1:A8,\"abc\")") == "2");
  CHECK(b.eval("=COUNTIF(A1:A8,\"<>abc\")") == "6");
  CHECK(b.eval("=COUNTIF(A1:A8,\"\")") == "1");
  CHECK(b.eval("=COUNTIF(A1:A8,\"<>\")") == "7");
  CHECK(b.eval("=COUNTIF(A1:A8,TRUE)") == "1");
  CHECK(b.eval("=COUNTIF(A1:A8,\"a*\")") == "2");
  CHECK(b.eval("=COUNTIF(A1:A8,\">\"&A1)") == "2");
  CHECK(b.eval("=SUMIF(A1:A8,\">=3\",B1:B8)") == "110");
  CHECK(b.eval("=SUMIF(A1:A8,\">=3\")") == "8");
  CHECK(b.eval("=SUMIF(A1:A8,\"abc\",B1)") == "90");  // the sum range grows to the criteria range's size
  CHECK(b.eval("=SUMIF(C1:C8,\"1034560001\",B1:B8)") == "40");
  CHECK(b.eval("=SUMIF(C1:C8,C4,B1:B8)") == "180");
  CHECK(b.eval("=AVERAGEIF(C1:C8,\"S01\",B1:B8)") == "60");
  CHECK(b.eval("=AVERAGEIF(B1:B8,\">=30\")") == "55");
  CHECK(b.eval("=AVERAGEIF(C1:C8,\"none\",B1:B8)") == "#DIV/0!");
  CHECK(b.eval("=COUNTIF(1,1)") == "#VALUE!");
}

TEST_CASE("Formula criteria: COUNTIFS, SUMIFS and AVERAGEIFS need ranges of one shape") {
  FormulaBook b = data();
  CHECK(b.eval("=COUNTIFS(C1:C8,\"S01\",B1:B8,\">40\")") == "2");
  CHECK(b.eval("=COUNTIFS(C1:C8,\"S0*\",B1:B8,\">40\",B1:B8,\"<=60\")") == "2");
  CHECK(b.eval("=SUMIFS(B1:B8,C1:C8,\"S01\",A1:A8,\"<>abc\")") == "140");
  CHECK(b.eval("=AVERAGEIFS(B1:B8,C1:C8,\"10*\")") == "32.5");  // wildcards read the codes as texts
  CHECK(b.eval("=COUNTIFS(C1:C8,\"S01\",B1:B7,\">40\")") == "#VALUE!");
  CHECK(b.eval("=SUMIFS(B1:B8,C1:C7,\"S01\")") == "#VALUE!");
}

TEST_CASE("Formula criteria: an error in the summed cells that match is the result") {
  FormulaBook b = data();
  b.set_error("B4", ErrorCode::div0);
  CHECK(b.eval("=SUMIF(A1:A8,\"abc\",B1:B8)") == "#DIV/0!");
  CHECK(b.eval("=SUMIF(A1:A8,\">=3\",B1:B8)") == "110");  // B4 is not summed
}

TEST_CASE("Formula criteria: a summary row per key over a large range gives what a scan gives") {
  // The transport register's shape: per merged school, COUNTIFS over the detail rows with a band criterion,
  // and SUMIF of the amounts; the range is read many times, so later formulas go through the index.
  FormulaBook b;
  const int rows = 3000;
  for (int i = 0; i < rows; ++i) {
    const std::string r = std::to_string(i + 1);
    b.set("A" + r, "10345" + std::to_string(i % 7));
    b.set("B" + r, (i * 37 % 160) / 10.0);
    b.set("C" + r, i % 5 == 0 ? 600.5 : 400);
  }
  for (int k = 0; k < 7; ++k) {
    const std::string code = "10345" + std::to_string(k);
    double sum = 0;
    int near = 0, far = 0;
    for (int i = k; i < rows; i += 7) {
      sum += i % 5 == 0 ? 600.5 : 400;
      const double km = (i * 37 % 160) / 10.0;
      near += km <= 3 ? 1 : 0;
      far += km > 3 && km <= 10 ? 1 : 0;
    }
    const std::string row = std::to_string(k + 1);
    CHECK(b.eval("=SUMIF(A1:A3000,\"" + code + "\",C1:C3000)", "E" + row) ==
          raingan::test::show(Value::number(sum)));
    CHECK(b.eval("=COUNTIFS(A1:A3000,\"" + code + "\",B1:B3000,\"<=3\")", "F" + row) == std::to_string(near));
    CHECK(b.eval("=COUNTIFS(A1:A3000,\"" + code + "\",B1:B3000,\">3\",B1:B3000,\"<=\"&10)", "G" + row) ==
          std::to_string(far));
  }
}
