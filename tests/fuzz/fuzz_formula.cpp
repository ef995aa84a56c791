// Fuzz target: a formula as a template might write it, parsed and evaluated in a small workbook of two sheets
// (numbers, texts, a Thai sheet name, a few formulas of its own). Every outcome must be a value or a ParseError
// naming the character, never a crash or a hang; what parses must print back to an equal formula.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "formula/evaluate.h"
#include "formula/formula.h"
#include "formula/workbook.h"

namespace {

using namespace raingan::formula;

Workbook fixed_workbook(SheetId& data) {
  Workbook book;
  data = book.add_sheet("ข้อมูล");
  const SheetId other = book.add_sheet("it's");
  const char* texts[] = {"apple", "ครู", "12", "", "1,234.5", "S01"};
  for (std::uint32_t row = 0; row < 12; ++row) {
    book.set_value(data, {row, 0}, Value::number(row * 1.25 - 3));
    book.set_value(data, {row, 1}, Value::text(texts[row % 6]));
    book.set_value(data, {row, 2}, row % 3 ? Value::boolean(row % 2) : Value{});
    book.set_value(other, {row, 0}, Value::number(45322 + row));
  }
  book.set_value(data, {12, 5}, Value::error(ErrorCode::na));
  book.set_formula(data, {0, 3}, book.add_formula("=SUM(A1:A12)", {0, 3}));
  book.set_formula(data, {1, 3}, book.add_formula("=D1/0", {1, 3}));
  return book;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  Formula formula;
  const CellAddress anchor{5, 4};  // E6, among the data
  try {
    formula = Formula::parse(text, anchor);
  } catch (const ParseError& e) {
    if (e.position() == 0 || e.position() > size + 1) std::abort();
    return 0;
  }
  if (!(Formula::parse(formula.to_text(anchor), anchor) == formula)) std::abort();
  SheetId sheet = 0;
  Workbook book = fixed_workbook(sheet);
  book.set_formula(sheet, anchor, book.add_formula(formula));
  evaluate(book, {.today = {2026, 11, 22}, .max_problems = 10});
  return 0;
}
