// Recomputes the formulas of a workbook read from an XLSX file by raingan::formula, for
// tests/integration/test_formula_registers.py (the shipped registers' formulas against their cached values).
//
//   formula_recompute IN.json OUT.json
//
// IN is [[sheet, cell, kind, value, formula-or-null], …] in workbook order of sheets, kind one of "number",
// "text", "boolean", "error", "blank"; OUT is [[sheet, cell, kind, value], …] for every formula cell.
// Problems are printed on stderr, and the exit status is then 1.
#include <exception>
#include <fstream>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "formula/evaluate.h"
#include "formula/workbook.h"

namespace {

using namespace raingan::formula;
using nlohmann::json;

Value value_of(const std::string& kind, const json& value, std::vector<std::string>& texts) {
  if (kind == "number") return Value::number(value.get<double>());
  if (kind == "boolean") return Value::boolean(value.get<bool>());
  if (kind == "error")
    return Value::error(parse_error_text(value.get<std::string>()).value_or(ErrorCode::value));
  if (kind == "text") return Value::text(texts.emplace_back(value.get<std::string>()));
  return Value{};
}

json json_of(const Value& v) {
  switch (v.kind()) {
    case ValueKind::number:
      return json::array({"number", v.as_number()});
    case ValueKind::text:
      return json::array({"text", std::string(v.as_text())});
    case ValueKind::boolean:
      return json::array({"boolean", v.as_boolean()});
    case ValueKind::error:
      return json::array({"error", std::string(error_text(v.as_error()))});
    case ValueKind::blank:
      return json::array({"blank", nullptr});
  }
  return json();
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: formula_recompute IN.json OUT.json\n";
    return 2;
  }
  try {
    std::ifstream in(argv[1]);
    const json cells = json::parse(in);
    Workbook book;
    std::map<std::string, SheetId> sheets;
    std::map<SheetId, CellAddress> extents;
    std::vector<std::pair<SheetId, CellAddress>> formulas;
    std::vector<std::string> texts;
    texts.reserve(cells.size());
    for (const json& c : cells) {
      const std::string sheet_name = c[0].get<std::string>();
      if (!sheets.count(sheet_name)) sheets[sheet_name] = book.add_sheet(sheet_name);
      const SheetId sheet = sheets[sheet_name];
      const auto at = parse_cell_name(c[1].get<std::string>());
      if (!at) throw std::runtime_error("bad cell name " + c[1].get<std::string>());
      CellAddress& extent = extents[sheet];
      extent = {std::max(extent.row, at->row), std::max(extent.column, at->column)};
      if (!c[4].is_null()) {
        book.set_formula(sheet, *at, book.add_formula(c[4].get<std::string>(), *at));
        formulas.emplace_back(sheet, *at);
      } else {
        book.set_value(sheet, *at, value_of(c[2].get<std::string>(), c[3], texts));
      }
    }
    // Styled empty cells are not in the file's cell list: the sheets reach a little beyond their last value.
    for (const auto& [sheet, extent] : extents)
      book.set_value(sheet, {extent.row + 20, extent.column + 5}, Value{});
    const auto problems = evaluate(book, {.today = {2026, 1, 15}});
    for (const auto& p : problems) std::cerr << describe(book, p) << "\n";
    json out = json::array();
    for (const auto& [sheet, at] : formulas) {
      json row = json::array({std::string(book.sheet_name(sheet)), cell_name(at)});
      for (const json& part : json_of(book.value(sheet, at))) row.push_back(part);
      out.push_back(row);
    }
    std::ofstream(argv[2]) << out.dump();
    return problems.empty() ? 0 : 1;
  } catch (const std::exception& e) {
    std::cerr << "formula_recompute: " << e.what() << "\n";
    return 1;
  }
}
