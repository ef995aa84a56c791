// The data cells of the differential test's sheets (see formula_generator.h for the columns).
#include "differential/generator_support.h"

namespace raingan::test {
namespace {

void constant(GeneratedWorkbook& out_, int sheet, int row, int column, double n) {
  out_.constants.push_back({sheet, row, column, GeneratedConstant::Kind::number, n, {}, false});
}
void constant(GeneratedWorkbook& out_, int sheet, int row, int column, const std::string& t) {
  out_.constants.push_back({sheet, row, column, GeneratedConstant::Kind::text, 0, t, false});
}

void fill_sheet(GeneratedWorkbook& out_, Random& random_, double (&amount_)[3][data_rows], int sheet) {
  double ascending = random_.between(0, 5);
  for (int row = 0; row < data_rows; ++row) {
    // A: amounts and counts; blanks are 0 to arithmetic in both programs.
    double amount = 0;
    const int a = random_.below(100);
    if (a < 12) {
      amount_[sheet][row] = 0;
    } else {
      amount = a < 45 ? random_.between(-50, 200) : a < 92 ? random_.between(-999999, 999999) / 100.0 : 0;
      amount_[sheet][row] = amount;
      constant(out_, sheet, row, numbers, amount);
    }
    ascending += random_.between(1, 20) / 2.0;
    constant(out_, sheet, row, sorted, ascending);
    constant(out_, sheet, row, words, random_.pick(english_words));
    constant(out_, sheet, row, thai, random_.pick(thai_words));
    constant(out_, sheet, row, numeric_text, random_.pick(numeric_texts));
    constant(out_, sheet, row, codes, random_.pick(code_values));
    const int g = random_.below(3);
    if (g < 2) out_.constants.push_back({sheet, row, flags, GeneratedConstant::Kind::boolean, 0, {}, g == 0});
    constant(out_, sheet, row, dates, 43831 + random_.below(4000));
    static const std::vector<std::string> error_formulas = {"=1/0",  "=NA()", "=\"x\"+1", "=(-8)^0.5",
                                                            "=A1*2", "=B2-1", "=\"\"",    "=LEFT(\"x\",0)"};
    out_.formulas.push_back({sheet, row, errors, random_.pick(error_formulas), {}});
  }
}

}  // namespace

void fill_data(GeneratedWorkbook& out, Random& random, double (&amounts)[3][data_rows]) {
  for (int sheet = 0; sheet < 3; ++sheet) fill_sheet(out, random, amounts, sheet);
}

}  // namespace raingan::test
