// Formula parsing: Excel's precedence and associativity, every kind of token, references relative and
// absolute, sheet names, and parse errors with their position and what was expected and found.
#include <doctest/doctest.h>

#include <string>

#include "formula/formula.h"
#include "formula/function_table.h"

using namespace raingan::formula;

namespace {

const CellAddress b2{1, 1};

// The formula as parsed, every operation in parentheses.
std::string tree(std::string_view text, CellAddress at = b2) {
  return Formula::parse(text, at).to_text(at, Formula::Parentheses::all);
}

ParseError error_of(std::string_view text) {
  try {
    Formula::parse(text, b2);
  } catch (const ParseError& e) {
    return e;
  }
  FAIL("no ParseError for " << text);
  return ParseError(0, "");
}

}  // namespace

TEST_CASE("Formula parsing: Excel's precedence, tightest first") {
  CHECK(tree("=-2^2") == "=((-2)^2)");  // unary minus binds tighter than ^: 4 in Excel
  CHECK(tree("=2^-2") == "=(2^(-2))");
  CHECK(tree("=-2%") == "=(-(2%))");
  CHECK(tree("=2^3%") == "=(2^(3%))");
  CHECK(tree("=2*3^2") == "=(2*(3^2))");
  CHECK(tree("=1+2*3") == "=(1+(2*3))");
  CHECK(tree("=1-2/4") == "=(1-(2/4))");
  CHECK(tree("=\"a\"&1+2") == "=(\"a\"&(1+2))");
  CHECK(tree("=1+2&3") == "=((1+2)&3)");
  CHECK(tree("=1&2=\"12\"") == "=((1&2)=\"12\")");
  CHECK(tree("=1<2=TRUE") == "=((1<2)=TRUE)");
  CHECK(tree("=2*-3^2") == "=(2*((-3)^2))");
  CHECK(tree("=(1+2)*3") == "=((1+2)*3)");
  CHECK(tree("=+A1") == "=(+A1)");
  CHECK(tree("=--A1") == "=(-(-A1))");
}

TEST_CASE("Formula parsing: binary operators are left-associative, ^ included") {
  CHECK(tree("=2^3^2") == "=((2^3)^2)");  // 64 in Excel
  CHECK(tree("=8/4/2") == "=((8/4)/2)");
  CHECK(tree("=1-2-3") == "=((1-2)-3)");
  CHECK(tree("=1=1=TRUE") == "=((1=1)=TRUE)");
  CHECK(tree("=\"a\"&\"b\"&\"c\"") == "=((\"a\"&\"b\")&\"c\")");
}

TEST_CASE("Formula parsing: every comparison operator") {
  CHECK(tree("=A1<>B1") == "=(A1<>B1)");
  CHECK(tree("=A1<=B1") == "=(A1<=B1)");
  CHECK(tree("=A1>=B1") == "=(A1>=B1)");
  CHECK(tree("=A1<B1") == "=(A1<B1)");
  CHECK(tree("=A1>B1") == "=(A1>B1)");
  CHECK(tree("=A1=B1") == "=(A1=B1)");
}

TEST_CASE("Formula parsing: literals") {
  CHECK(tree("=1.5") == "=1.5");
  CHECK(tree("=.5") == "=0.5");
  CHECK(tree("=1e3") == "=1000");
  CHECK(tree("=2.5E-3") == "=0.0025");
  CHECK(tree("=\"say \"\"hi\"\"\"") == "=\"say \"\"hi\"\"\"");
  CHECK(Formula::parse("=\"say \"\"hi\"\"\"", b2).texts()[0] == "say \"hi\"");
  CHECK(tree("=\"ภาษาไทย\"") == "=\"ภาษาไทย\"");
  CHECK(tree("=true") == "=TRUE");
  CHECK(tree("=FALSE") == "=FALSE");
  for (const char* e : {"#DIV/0!", "#N/A", "#REF!", "#VALUE!", "#NAME?", "#NUM!", "#NULL!"})
    CHECK(tree(std::string("=") + e) == std::string("=") + e);
  CHECK(tree("=#n/a") == "=#N/A");
  CHECK(tree("SUM(1,2)") == "=SUM(1,2)");  // the '=' is optional
  CHECK(tree(" = 1 + 2 ") == "=(1+2)");
}

TEST_CASE("Formula parsing: references, relative to the formula's cell or absolute") {
  CHECK(tree("=A1") == "=A1");
  CHECK(tree("=$A$1+A$1+$A1") == "=(($A$1+A$1)+$A1)");
  CHECK(tree("=a1:b9") == "=A1:B9");
  CHECK(tree("=B9:A1") == "=B9:A1");
  CHECK(tree("=A:A") == "=A:A");
  CHECK(tree("=$A:C") == "=$A:C");
  CHECK(tree("=1:1") == "=1:1");
  CHECK(tree("=$2:5") == "=$2:5");
  CHECK(tree("=XFD1048576") == "=XFD1048576");
  // A relative reference is kept as an offset: the same formula one row down reads one row down.
  const Formula f = Formula::parse("=I5*'อัตรา'!$E$9", {4, 9});
  CHECK(f.to_text({5, 9}) == "=I6*'อัตรา'!$E$9");
  CHECK(f == Formula::parse("=I6*'อัตรา'!$E$9", {5, 9}));
  CHECK(f.hash() == Formula::parse("=I100004*'อัตรา'!$E$9", {100003, 9}).hash());
  CHECK_FALSE(f == Formula::parse("=I6*'อัตรา'!$E$9", {4, 9}));
  CHECK(f.references()[0].first_column.value == -1);
  CHECK_FALSE(f.references()[0].first_column.absolute);
  CHECK(f.references()[1].first_row.value == 8);
  CHECK(f.references()[1].first_row.absolute);
  // Moved above row 1, a relative reference is #REF!.
  CHECK(Formula::parse("=A1", {4, 0}).to_text({0, 0}) == "=#REF!");
}

TEST_CASE("Formula parsing: sheet names, quoted and bare") {
  CHECK(tree("='อัตรา'!$E$5") == "='อัตรา'!$E$5");
  CHECK(tree("=อัตรา!E5") == "='อัตรา'!E5");
  CHECK(tree("='it''s'!A1") == "='it''s'!A1");
  CHECK(Formula::parse("='it''s'!A1", b2).sheet_names()[0] == "it's");
  CHECK(tree("=Data!A1:B2") == "=Data!A1:B2");
  CHECK(tree("='My Sheet'!A:A") == "='My Sheet'!A:A");
  CHECK(tree("='2024'!A1") == "='2024'!A1");
  const Formula f = Formula::parse("=SUMIF('สรุป'!$G$6:$G$9,\"x\",'สรุป'!H$6:H$9)+'อัตรา'!A1", b2);
  REQUIRE(f.sheet_names().size() == 2);
  CHECK(f.sheet_names()[0] == "สรุป");
  CHECK(f.sheet_names()[1] == "อัตรา");
  CHECK(f.references()[0].sheet == 0);
  CHECK(f.references()[1].sheet == 0);
  CHECK(f.references()[2].sheet == 1);
}

TEST_CASE("Formula parsing: function calls") {
  CHECK(tree("=sum(A1:A3)") == "=SUM(A1:A3)");
  CHECK(tree("=IF(A1,,)") == "=IF(A1,,)");
  CHECK(tree("=SUM(1,)") == "=SUM(1,)");
  CHECK(tree("=TODAY()") == "=TODAY()");
  CHECK(tree("=_xlfn.STDEV.S(A1:A3)") == "=STDEV.S(A1:A3)");
  CHECK(tree("=_xlfn.BAHTTEXT(1)") == "=BAHTTEXT(1)");
  CHECK(tree("=INDEX('อัตรา'!$E$5:$E$7,COUNTIF('อัตรา'!$C$5:$C$6,\"<\"&H5)+1)", {4, 8}) ==
        "=INDEX('อัตรา'!$E$5:$E$7,(COUNTIF('อัตรา'!$C$5:$C$6,(\"<\"&H5))+1))");
}

TEST_CASE("Formula parsing: printed with the parentheses the structure needs") {
  auto minimal = [](std::string_view text) { return Formula::parse(text, b2).to_text(b2); };
  CHECK(minimal("=-2^2") == "=-2^2");
  CHECK(minimal("=-(2^2)") == "=-(2^2)");
  CHECK(minimal("=(1+2)*3") == "=(1+2)*3");
  CHECK(minimal("=((1+2))+3") == "=1+2+3");
  CHECK(minimal("=1-(2-3)") == "=1-(2-3)");
  CHECK(minimal("=1-2-3") == "=1-2-3");
  CHECK(minimal("=2^(3^2)") == "=2^(3^2)");
  CHECK(minimal("=(-2)%") == "=(-2)%");
  CHECK(minimal("=-2%") == "=-2%");
  CHECK(minimal("=---A1") == "=---A1");
  CHECK(minimal("=(1+2)%") == "=(1+2)%");
  CHECK(minimal("=\"a\"&(1=1)") == "=\"a\"&(1=1)");
  CHECK(minimal("=SUM((1+2),3)") == "=SUM(1+2,3)");
}

TEST_CASE("Formula parsing: what is printed parses back to the same formula") {
  // Nested as deep as a formula may be: printing adds no depth (found by fuzzing: a chain of 200 unary +
  // printed with a parenthesis each nested 400 deep).
  const std::string deep =
      "=" + std::string(199, '+') + "1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1";
  CHECK(Formula::parse(Formula::parse(deep, b2).to_text(b2), b2) == Formula::parse(deep, b2));
  for (const char* text : {"=-2^2%", "=IF(A1>=0,\"a\"\"b\",#N/A)", "=SUM($A$1:B7,'อัตรา'!C:C,2:3)",
                           "=1E+300*1E-300", "=A1&\"\"&TRUE", "=MATCH(\"x*\",A1:A9,0)"}) {
    const Formula f = Formula::parse(text, {6, 3});
    CHECK(Formula::parse(f.to_text({6, 3}), {6, 3}) == f);
    CHECK(Formula::parse(f.to_text({50, 30}), {50, 30}) == f);
    CHECK(Formula::parse(f.to_text({6, 3}, Formula::Parentheses::all), {6, 3}) == f);
  }
}

TEST_CASE("Formula parsing: errors say where, what was expected and what was found") {
  auto check = [](std::string_view text, std::size_t position, std::string_view message) {
    const ParseError e = error_of(text);
    CHECK_MESSAGE(e.position() == position, text);
    CHECK_MESSAGE(e.message() == message, text);
  };
  check("=SUMM(E5:J5", 2, "unknown function SUMM (did you mean SUM?)");
  check("=SUM(E5:J5", 11, "expected ')' to close SUM(, found the end of the formula");
  check("=SUM(E5 J5)", 9, "expected ',' or ')' after argument 1 of SUM, found 'J5'");
  check("=1+", 4, "expected a value, a cell reference or a function call, found the end of the formula");
  check("=", 2, "expected a value, a cell reference or a function call, found the end of the formula");
  check("=(1+2", 6, "expected ')' to close the '(' at character 2, found the end of the formula");
  check("=1+2)", 5, "expected the end of the formula, found ')' without its '('");
  check("=1 2", 4, "expected an operator or the end of the formula, found '2'");
  check("=\"abc", 2,
        "unterminated text: expected '\"' to end the text started here, found the end of the formula");
  check("='อัตรา!E5", 2,
        "unterminated sheet name: expected ' to end the name started here, found the end of the formula");
  check("='อัตรา'E5", 9, "expected '!' after the sheet name 'อัตรา', found 'E'");  // positions count characters
  check("='อัตรา'!", 10, "expected a cell reference after 'อัตรา'!");
  check("=Data!X", 7, "expected a cell reference after 'Data!'");
  check("=#BAD!", 2,
        "expected an error value (#DIV/0!, #N/A, #NAME?, #NULL!, #NUM!, #REF!, #VALUE!), found '#BAD!'");
  check("={1,2}", 2, "array constants {…} are not supported");
  check("=rate*2", 2,
        "expected a value, a cell reference or a function call, found the name 'rate' (names other than "
        "functions are not supported)");
  check("=A1048577", 2,
        "expected a value, a cell reference or a function call, found the name 'A1048577' (names other than "
        "functions are not supported)");
  check("=ROUND(1)", 2, "ROUND takes 2 arguments, found 1");
  check("=SUM()", 2, "SUM takes at least 1 argument, found 0");
  check("=IF(1,2,3,4)", 2, "IF takes 1 to 3 arguments, found 4");
  check("=1@2", 3, "unexpected character '@'");
  check("=ฟังก์ชัน(1)", 2, "unknown function ฟังก์ชัน");
  check("=$", 2, "expected a cell reference after '$'");
}

TEST_CASE("Formula parsing: nesting is bounded") {
  std::string deep = "=";
  for (int i = 0; i < 300; ++i) deep += "(";
  deep += "1";
  for (int i = 0; i < 300; ++i) deep += ")";
  CHECK(error_of(deep).message() == "the formula nests deeper than 200 levels");
  std::string negations = "=" + std::string(300, '-') + "1";
  CHECK(error_of(negations).message() == "the formula nests deeper than 200 levels");
  std::string chain = "=1";
  for (int i = 0; i < 4096; ++i) chain += "+1";
  CHECK(error_of(chain).message() == "the formula is longer than 8192 characters, Excel's limit");
  chain.resize(8192);
  CHECK(Formula::parse(chain, b2).nodes().size() == 8191);
  std::string shallow = "=" + std::string(100, '(') + "1" + std::string(100, ')');
  CHECK(tree(shallow) == "=1");
}

TEST_CASE("Formula parsing: every function the shipped templates call is known") {
  for (const char* name : {"SUM", "SUMIF", "SUMIFS", "COUNT", "COUNTIF", "COUNTIFS", "AVERAGE", "STDEV", "IF",
                           "MAX", "AND", "INDEX", "LOOKUP", "ROUND"})
    CHECK_MESSAGE(find_function(name).has_value(), name);
  CHECK(nearest_function_name("VLOKUP") == "VLOOKUP");
  CHECK(nearest_function_name("COUNTIFF") == "COUNTIF");
  CHECK(nearest_function_name("XYZZY") == "");
}
