// Formula lookups: INDEX, MATCH (0, 1, -1), VLOOKUP and HLOOKUP (exact and approximate), LOOKUP.
#include <doctest/doctest.h>

#include "formula_test_support.h"

using namespace raingan::formula;
using raingan::test::FormulaBook;

namespace {

// A1:C4: a table sorted by its first column.
//   10 ten    สิบ
//   20 twenty ยี่สิบ
//   30 thirty สามสิบ
//   40 forty  (blank)
FormulaBook table() {
  FormulaBook b;
  const char* names[] = {"ten", "twenty", "thirty", "forty"};
  const char* thai[] = {"สิบ", "ยี่สิบ", "สามสิบ"};
  for (int i = 0; i < 4; ++i) {
    const std::string row = std::to_string(i + 1);
    b.set("A" + row, 10 * (i + 1));
    b.set("B" + row, names[i]);
    if (i < 3) b.set("C" + row, thai[i]);
  }
  b.set("E1", 40).set("E2", 30).set("E3", 20).set("E4", 10);  // descending
  return b;
}

}  // namespace

TEST_CASE("Formula lookups: INDEX returns a reference into its area") {
  FormulaBook b = table();
  CHECK(b.eval("=INDEX(A1:C4,2,2)") == "\"twenty\"");
  CHECK(b.eval("=INDEX(B1:B4,3)") == "\"thirty\"");
  CHECK(b.eval("=INDEX(A1:C1,3)") == "\"สิบ\"");      // one row: the index counts columns
  CHECK(b.eval("=INDEX(A1:C4,4,3)") == "0");         // a blank cell shown by a formula
  CHECK(b.eval("=SUM(INDEX(A1:C4,0,1))") == "100");  // 0: the whole column
  CHECK(b.eval("=INDEX(A1:C4,5,1)") == "#REF!");
  CHECK(b.eval("=INDEX(A1:C4,1,4)") == "#REF!");
  CHECK(b.eval("=INDEX(A1:C4,-1,1)") == "#VALUE!");
}

TEST_CASE("Formula lookups: MATCH") {
  FormulaBook b = table();
  CHECK(b.eval("=MATCH(30,A1:A4,0)") == "3");
  CHECK(b.eval("=MATCH(35,A1:A4,0)") == "#N/A");
  CHECK(b.eval("=MATCH(\"TWENTY\",B1:B4,0)") == "2");
  CHECK(b.eval("=MATCH(\"t*y\",B1:B4,0)") == "2");
  CHECK(b.eval("=MATCH(\"?????\",B1:B4,0)") == "4");
  CHECK(b.eval("=MATCH(\"ยี่*\",C1:C4,0)") == "2");
  CHECK(b.eval("=MATCH(35,A1:A4)") == "3");  // type 1 by default
  CHECK(b.eval("=MATCH(35,A1:A4,1)") == "3");
  CHECK(b.eval("=MATCH(5,A1:A4,1)") == "#N/A");
  CHECK(b.eval("=MATCH(99,A1:A4,1)") == "4");
  CHECK(b.eval("=MATCH(25,E1:E4,-1)") == "2");
  CHECK(b.eval("=MATCH(45,E1:E4,-1)") == "#N/A");
  CHECK(b.eval("=MATCH(\"20\",A1:A4,0)") == "#N/A");  // a text is not the number
  CHECK(b.eval("=MATCH(30,A1:B4,0)") == "#N/A");      // two columns
  CHECK(b.eval("=MATCH(1/0,A1:A4,0)") == "#DIV/0!");
}

TEST_CASE("Formula lookups: VLOOKUP and HLOOKUP") {
  FormulaBook b = table();
  CHECK(b.eval("=VLOOKUP(20,A1:C4,2,FALSE)") == "\"twenty\"");
  CHECK(b.eval("=VLOOKUP(20,A1:C4,3,0)") == "\"ยี่สิบ\"");
  CHECK(b.eval("=VLOOKUP(25,A1:C4,2,FALSE)") == "#N/A");
  CHECK(b.eval("=VLOOKUP(25,A1:C4,2,TRUE)") == "\"twenty\"");
  CHECK(b.eval("=VLOOKUP(25,A1:C4,2)") == "\"twenty\"");
  CHECK(b.eval("=VLOOKUP(5,A1:C4,2)") == "#N/A");
  CHECK(b.eval("=VLOOKUP(40,A1:C4,3,FALSE)") == "0");
  CHECK(b.eval("=VLOOKUP(20,A1:C4,4,FALSE)") == "#REF!");
  CHECK(b.eval("=VLOOKUP(20,A1:C4,0,FALSE)") == "#VALUE!");
  CHECK(b.eval("=HLOOKUP(\"thirty\",B3:C3,2,FALSE)") == "#REF!");
  CHECK(b.eval("=HLOOKUP(30,A3:C3,1,FALSE)") == "30");
  CHECK(b.eval("=HLOOKUP(30,A3:C4,2,FALSE)") == "40");
}

TEST_CASE("Formula lookups: LOOKUP, vector and array forms") {
  FormulaBook b = table();
  CHECK(b.eval("=LOOKUP(25,A1:A4,B1:B4)") == "\"twenty\"");
  CHECK(b.eval("=LOOKUP(40,A1:A4,B1:B4)") == "\"forty\"");
  CHECK(b.eval("=LOOKUP(1,A1:A4,B1:B4)") == "#N/A");
  CHECK(b.eval("=LOOKUP(31,A1:B4)") == "\"thirty\"");  // taller than wide: first column, last column
  CHECK(b.eval("=LOOKUP(15,A1:C1)") == "10");          // wider than tall: first row, last row
  // The survey register's level lookup: a mean rounded to 2 places against ascending lower bounds.
  b.set("G1", 1).set("G2", 1.51).set("G3", 2.51).set("G4", 3.51).set("G5", 4.51);
  b.set("H1", "น้อยที่สุด").set("H2", "น้อย").set("H3", "ปานกลาง").set("H4", "มาก").set("H5", "มากที่สุด");
  CHECK(b.eval("=LOOKUP(ROUND(3.5049,2),G1:G5,H1:H5)") == "\"ปานกลาง\"");
  CHECK(b.eval("=LOOKUP(ROUND(3.505,2),G1:G5,H1:H5)") == "\"มาก\"");
}

TEST_CASE("Formula lookups: an exact lookup repeated over a large range gives what a scan gives") {
  FormulaBook b;
  for (int i = 0; i < 500; ++i) {
    const std::string row = std::to_string(i + 1);
    b.set("A" + row, i % 2 == 0 ? std::to_string(i / 2) : "k" + std::to_string(i));
    b.set("B" + row, i);
  }
  b.set("A77", 7);                // a number among texts; "7" (text) is in A15
  b.set("A90", "K89");            // was k89
  for (int r = 1; r <= 4; ++r) {  // the same range read again goes through the index
    CHECK(b.eval("=MATCH(7,A1:A500,0)", "D" + std::to_string(r)) == "77");
    CHECK(b.eval("=MATCH(\"7\",A1:A500,0)", "E" + std::to_string(r)) == "15");
    CHECK(b.eval("=VLOOKUP(\"k89\",A1:B500,2,FALSE)", "F" + std::to_string(r)) == "89");
    CHECK(b.eval("=MATCH(\"zz\",A1:A500,0)", "G" + std::to_string(r)) == "#N/A");
  }
}
