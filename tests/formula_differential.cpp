// The differential test's workbook (tests/integration/test_formula_differential.py): random cells and
// formulas from a seed (tests/differential/formula_generator.h), evaluated by raingan::formula, written with
// libxlsxwriter with every formula's cached value of its own type (number, text, boolean, error), and a
// manifest of the formulas for the comparison with LibreOffice's recalculation.
//
//   formula_differential SEED OUT.xlsx MANIFEST.tsv [FORMULAS_PER_SHEET]
//   formula_differential --functions      the names of the functions raingan::formula supports
//
// The manifest has one line per formula: sheet, cell, formula, and why it is not compared (empty when it is);
// a first line "# functions: ABS,AND,…" lists the functions the formulas call.
#include <xlsxwriter.h>

#include <cmath>
#include <cstdio>
#include <exception>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <string>

#include "differential/formula_generator.h"
#include "formula/cell_address.h"
#include "formula/evaluate.h"
#include "formula/function_table.h"
#include "formula/machine.h"
#include "formula/number_text.h"
#include "formula/workbook.h"
#include "xlsx/handles.h"
#include "xlsx/zip_rewrite.h"

namespace {

using namespace raingan;
using raingan::test::GeneratedWorkbook;

formula::Workbook evaluate_plan(const GeneratedWorkbook& plan) {
  formula::Workbook book;
  for (const std::string& name : plan.sheets) book.add_sheet(name);
  for (const auto& c : plan.constants) {
    const formula::CellAddress at{static_cast<std::uint32_t>(c.row), static_cast<std::uint32_t>(c.column)};
    switch (c.kind) {
      case test::GeneratedConstant::Kind::number:
        book.set_value(c.sheet, at, formula::Value::number(c.number));
        break;
      case test::GeneratedConstant::Kind::text:
        book.set_value(c.sheet, at, formula::Value::text(c.text));
        break;
      case test::GeneratedConstant::Kind::boolean:
        book.set_value(c.sheet, at, formula::Value::boolean(c.boolean));
        break;
    }
  }
  for (std::size_t sheet = 0; sheet < plan.sheets.size(); ++sheet)
    book.set_value(static_cast<formula::SheetId>(sheet),
                   {test::data_rows - 1, test::first_formula_column + test::formula_columns - 1},
                   formula::Value{});
  for (const auto& f : plan.formulas) {
    const formula::CellAddress at{static_cast<std::uint32_t>(f.row), static_cast<std::uint32_t>(f.column)};
    try {
      book.set_formula(f.sheet, at, book.add_formula(f.text, at));
    } catch (const formula::ParseError& e) {
      throw std::runtime_error(formula::qualified_cell_name(plan.sheets[f.sheet], at) + " " + f.text + ": " +
                               e.what());
    }
  }
  const auto problems = formula::evaluate(book, {.today = {2026, 1, 15}});
  if (!problems.empty()) {
    std::string message = "raingan::formula reported problems:";
    for (const auto& p : problems) message += "\n  " + formula::describe(book, p);
    throw std::runtime_error(message);
  }
  return book;
}

void check(lxw_error error, const char* what) {
  if (error != LXW_NO_ERROR) throw std::runtime_error(std::string(what) + ": " + lxw_strerror(error));
}

// Sets t="e" (errors) or t="b" (booleans) on the cells libxlsxwriter wrote as text or number results.
std::string fix_types(std::string xml, const std::map<std::string, char>& types) {
  for (const auto& [ref, type] : types) {
    const std::size_t start = xml.find("<c r=\"" + ref + "\"");
    if (start == std::string::npos) throw std::runtime_error("cell " + ref + " not found in the sheet");
    const std::size_t end = xml.find('>', start);
    std::string tag = xml.substr(start, end - start);
    const std::size_t t = tag.find(" t=\"");
    if (t != std::string::npos) tag.erase(t, tag.find('"', t + 4) - t + 1);
    tag += std::string(" t=\"") + type + "\"";
    xml.replace(start, end - start, tag);
  }
  return xml;
}

void write_workbook(const GeneratedWorkbook& plan, const formula::Workbook& book,
                    const std::filesystem::path& out) {
  const std::filesystem::path raw = out.string() + ".raw.xlsx";
  xlsx::LxwWorkbook workbook(workbook_new(raw.c_str()));
  if (!workbook) throw std::runtime_error("cannot create " + raw.string());
  std::vector<lxw_worksheet*> sheets;
  for (const std::string& name : plan.sheets)
    sheets.push_back(workbook_add_worksheet(workbook.get(), name.c_str()));
  for (const auto& c : plan.constants) {
    lxw_worksheet* sheet = sheets[static_cast<std::size_t>(c.sheet)];
    const auto row = static_cast<lxw_row_t>(c.row);
    const auto column = static_cast<lxw_col_t>(c.column);
    switch (c.kind) {
      case test::GeneratedConstant::Kind::number:
        check(worksheet_write_number(sheet, row, column, c.number, nullptr), "number");
        break;
      case test::GeneratedConstant::Kind::text:
        check(worksheet_write_string(sheet, row, column, c.text.c_str(), nullptr), "text");
        break;
      case test::GeneratedConstant::Kind::boolean:
        check(worksheet_write_boolean(sheet, row, column, c.boolean, nullptr), "boolean");
        break;
    }
  }
  std::vector<std::map<std::string, char>> types(plan.sheets.size());
  for (const auto& f : plan.formulas) {
    lxw_worksheet* sheet = sheets[static_cast<std::size_t>(f.sheet)];
    const formula::CellAddress at{static_cast<std::uint32_t>(f.row), static_cast<std::uint32_t>(f.column)};
    const formula::Value v = book.value(static_cast<formula::SheetId>(f.sheet), at);
    const auto row = static_cast<lxw_row_t>(f.row);
    const auto column = static_cast<lxw_col_t>(f.column);
    const char* text = f.text.c_str();
    switch (v.kind()) {
      case formula::ValueKind::number:
        check(worksheet_write_formula_num(sheet, row, column, text, nullptr, v.as_number()), "formula");
        break;
      case formula::ValueKind::text:
        check(
            worksheet_write_formula_str(sheet, row, column, text, nullptr, std::string(v.as_text()).c_str()),
            "formula");
        break;
      case formula::ValueKind::boolean:
        check(worksheet_write_formula_num(sheet, row, column, text, nullptr, v.as_boolean() ? 1 : 0),
              "formula");
        types[static_cast<std::size_t>(f.sheet)][formula::cell_name(at)] = 'b';
        break;
      case formula::ValueKind::error:
        check(worksheet_write_formula_str(sheet, row, column, text, nullptr,
                                          std::string(formula::error_text(v.as_error())).c_str()),
              "formula");
        types[static_cast<std::size_t>(f.sheet)][formula::cell_name(at)] = 'e';
        break;
      case formula::ValueKind::blank:
        throw std::runtime_error("a formula without a value at " + formula::cell_name(at));
    }
  }
  check(workbook_close(workbook.release()), "closing the workbook");
  xlsx::MemberChanges changes;
  for (std::size_t i = 0; i < plan.sheets.size(); ++i)
    changes.transform["xl/worksheets/sheet" + std::to_string(i + 1) + ".xml"] = [&types, i](std::string xml) {
      return fix_types(std::move(xml), types[i]);
    };
  xlsx::rewrite_zip(raw, out, changes);
  std::filesystem::remove(raw);
}

// Formulas whose value LibreOffice 7.4 is known to compute otherwise than Excel, found by evaluating each
// operation's operands on their own, in the formula's cell: the reason it is not compared, or empty.
//   - Two different errors meet (the operands of an operator, the arguments of a function): Excel returns the
//     first; LibreOffice sometimes another (=A1&A2 with #N/A in A1 and #DIV/0! in A2 is #DIV/0! there,
//     while =A1+A2 is #N/A).
//   - A number from 1E+15 on, or below 1E-9, joined to text: LibreOffice writes its exponent with three
//     digits (1.5E+018), Excel with two.
//   - A lookup (MATCH, VLOOKUP, HLOOKUP, LOOKUP) of an error value in a formula that also tests for errors
//     (ISERROR, ISNA, IFERROR, IFNA): LibreOffice gives #VALUE! (=MATCH(1/0,B1:B2)-IFERROR(1,8)), Excel the
//     error looked up.
//   - TEXT of a value whose 15-digit form lies halfway between two roundings (-521443.20499999996, which
//     Excel holds as -521443.205000000, with "0.00"): Excel rounds the 15-digit form (.21), LibreOffice the
//     binary value (.20).
//   - Rounding (ROUND, ROUNDUP, ROUNDDOWN, INT, TEXT) of a value within a millionth of a unit of the last
//     place kept from where the rounding turns, without being on it (-235.3149999998 to 3 places down), or
//     MOD of a quotient as near a whole number: an ulp of difference in the sums before, where the two
//     programs add in different orders, turns the result (here to -235.315 in LibreOffice).
//   - MOD of a dividend from 2^53 on, which has no digits left below the units: the two programs' remainders
//     differ.
// Whether the value's 15-digit form is within a millionth of a unit of the last place kept from where
// rounding to `places` decimals turns (half: at 5; otherwise at every whole unit), without being exactly on
// it.
bool near_boundary(double value, int places, bool half) {
  const formula::DecimalDigits d = formula::decimal_digits(value);
  const long kept = static_cast<long>(d.exponent) + places;
  if (kept < 0 || kept > 9) return false;  // at least six digits below the last place kept
  const std::string rest = d.digits.substr(static_cast<std::size_t>(kept));
  const bool exact_tie = half && rest.find_first_not_of('0', 1) == std::string::npos && rest[0] == '5';
  const bool exact_whole = !half && rest.find_first_not_of('0') == std::string::npos;
  if (exact_tie || exact_whole) return false;
  const std::string below = half ? "499999" : "999999";
  const std::string above = half ? "500000" : "000000";
  return rest.compare(0, 6, below) == 0 || rest.compare(0, 6, above) == 0;
}

// The decimals a number format of the first section shows and the scaling it applies ("0.0%": 1, ×100).
bool format_places(std::string_view format, int& places, double& scale) {
  format = format.substr(0, format.find(';'));
  if (format.find_first_of("dmyhs") != std::string_view::npos) return false;
  const std::size_t point = format.find('.');
  places = 0;
  for (std::size_t k = point == std::string_view::npos ? format.size() : point + 1; k < format.size(); ++k)
    places += format[k] == '0' || format[k] == '#' ? 1 : 0;
  scale = format.find('%') != std::string_view::npos ? 100 : format.ends_with(",") ? 0.001 : 1;
  return true;
}

// Whether a number format of the first section's kind ("#,##0.00", "0.0%", "#,##0.0,") rounds the value
// differently from its 15-digit form than from its binary value.
bool halfway(double value, std::string_view format) {
  int places = 0;
  double scale = 1;
  if (!format_places(format, places, scale)) return false;
  const double scaled = std::fabs(value) * scale;
  // The binary value's exact decimal digits (glibc prints them all), rounded half away from zero.
  char exact[800];
  std::snprintf(exact, sizeof exact, "%.400f", scaled);
  std::string digits(exact);
  const std::size_t dot = digits.find('.');
  const bool up = digits[dot + 1 + static_cast<std::size_t>(places)] >= '5';
  digits.erase(dot + 1 + static_cast<std::size_t>(places));
  if (places == 0) digits.pop_back();
  for (std::size_t k = digits.size(); up && k-- > 0;) {
    if (digits[k] == '.') continue;
    if (digits[k] != '9') {
      ++digits[k];
      break;
    }
    digits[k] = '0';
    if (k == 0) digits.insert(digits.begin(), '1');
  }
  return formula::fixed_digits(scaled, places) != digits;
}

std::string known_difference(const formula::Formula& parsed, formula::Workbook& book, formula::SheetId sheet,
                             formula::CellAddress at, const std::string& text) {
  const auto& nodes = parsed.nodes();
  const bool tests_errors =
      text.find("ISERROR(") != std::string::npos || text.find("ISNA(") != std::string::npos ||
      text.find("IFERROR(") != std::string::npos || text.find("IFNA(") != std::string::npos;
  for (std::size_t i = 0; i < nodes.size(); ++i) {
    const bool binary = nodes[i].kind == formula::NodeKind::binary;
    const formula::FunctionInfo* function =
        nodes[i].kind == formula::NodeKind::call
            ? &formula::function_info(static_cast<formula::FunctionId>(nodes[i].operand))
            : nullptr;
    if (!binary && !(function && function->code && (nodes[i].argument_count >= 2 || function->name == "INT")))
      continue;
    std::vector<std::size_t> roots(binary ? 2 : nodes[i].argument_count);
    if (binary) {
      roots[1] = i - 1;
      roots[0] = i - 1 - nodes[i - 1].size;
    } else {
      formula::argument_roots(parsed, i, roots);
    }
    std::vector<formula::Value> values;
    for (const std::size_t root : roots) {
      const auto& node = nodes[root];
      const bool range = node.kind == formula::NodeKind::reference &&
                         parsed.references()[node.operand].shape != formula::Reference::Shape::cell;
      if (node.kind == formula::NodeKind::missing ||
          range) {  // errors inside a range are met in order by both
        values.emplace_back();
        continue;
      }
      book.set_formula(sheet, at, book.add_formula("=" + parsed.expression_text(root, at), at));
      formula::evaluate(book);
      values.push_back(book.value(sheet, at));
    }
    const std::string part = parsed.expression_text(i, at);
    std::set<formula::ErrorCode> errors;
    for (const auto& v : values)
      if (v.is_error()) errors.insert(v.as_error());
    if (errors.size() > 1)
      return "different errors meet in " + part +
             ": Excel returns the first, LibreOffice 7.4 sometimes another";
    const std::string_view name = function ? function->name : "";
    const bool joins = (binary && nodes[i].op == formula::Operator::concat) || name == "CONCATENATE";
    for (const auto& v : values)
      if (joins && v.is_number() && v.as_number() != 0 &&
          (std::fabs(v.as_number()) >= 1e15 || std::fabs(v.as_number()) < 1e-9))
        return "a number from 1E+15 or below 1E-9 joined to text in " + part +
               ": LibreOffice writes its exponent with three digits (E+018), Excel with two";
    const bool lookup = name == "MATCH" || name == "VLOOKUP" || name == "HLOOKUP" || name == "LOOKUP";
    if (lookup && tests_errors && values[0].is_error())
      return "a lookup of an error value in a formula that tests for errors (" + part +
             "): #VALUE! in LibreOffice 7.4, the error in Excel";
    if (name == "TEXT" && values[0].is_number() && values[1].is_text() &&
        halfway(values[0].as_number(), values[1].as_text()))
      return "TEXT of a value halfway between two roundings in its 15-digit form (" + part +
             "): Excel rounds the 15-digit form, LibreOffice the binary value";
    int places = 0;
    double scale = 1;
    const bool rounds = name == "ROUND" || name == "ROUNDUP" || name == "ROUNDDOWN";
    if (rounds && values[0].is_number() && values[1].is_number() &&
        near_boundary(values[0].as_number(), static_cast<int>(values[1].as_number()), name == "ROUND"))
      return "rounding near where it turns (" + part + "): an ulp from the sums before decides";
    if (name == "INT" && values[0].is_number() && near_boundary(values[0].as_number(), 0, false))
      return "rounding near where it turns (" + part + "): an ulp from the sums before decides";
    if (name == "TEXT" && values[0].is_number() && values[1].is_text() &&
        format_places(values[1].as_text(), places, scale) &&
        near_boundary(values[0].as_number() * scale, places, true))
      return "rounding near where it turns (" + part + "): an ulp from the sums before decides";
    if (name == "MOD" && values[0].is_number() && values[1].is_number() && values[1].as_number() != 0 &&
        near_boundary(values[0].as_number() / values[1].as_number(), 0, false))
      return "MOD of a quotient near a whole number (" + part + "): an ulp from the sums before decides";
    if (name == "MOD" && values[0].is_number() && std::fabs(values[0].as_number()) >= 9007199254740992.0)
      return "MOD of a dividend from 2^53 on (" + part +
             "): no digits left below the units, the programs differ";
  }
  return {};
}

// Marks the formulas known_difference finds, and every formula reading one of them.
void mark_known_differences(GeneratedWorkbook& plan, formula::Workbook& book) {
  std::set<std::string> excluded;  // qualified cell names
  for (auto& f : plan.formulas) {
    const formula::CellAddress at{static_cast<std::uint32_t>(f.row), static_cast<std::uint32_t>(f.column)};
    const auto sheet = static_cast<formula::SheetId>(f.sheet);
    const formula::Formula parsed = formula::Formula::parse(f.text, at);
    if (!(formula::Formula::parse(parsed.to_text(at), at) == parsed))
      throw std::runtime_error(f.text + " printed as " + parsed.to_text(at) + " parses to another formula");
    for (std::size_t r = 0; r < parsed.references().size() && f.not_compared.empty(); ++r) {
      const formula::Reference& ref = parsed.references()[r];
      if (ref.shape != formula::Reference::Shape::cell) continue;
      const std::string& target = ref.sheet == formula::Reference::own_sheet
                                      ? plan.sheets[static_cast<std::size_t>(f.sheet)]
                                      : parsed.sheet_names()[static_cast<std::size_t>(ref.sheet)];
      const formula::CellAddress cell{ref.first_row.absolute ? static_cast<std::uint32_t>(ref.first_row.value)
                                                             : at.row + ref.first_row.value,
                                      ref.first_column.absolute
                                          ? static_cast<std::uint32_t>(ref.first_column.value)
                                          : at.column + ref.first_column.value};
      const std::string name = formula::qualified_cell_name(target, cell);
      if (excluded.count(name)) f.not_compared = "reads " + name + ", which is not compared";
    }
    if (f.not_compared.empty()) {
      const formula::Value original = book.value(sheet, at);
      f.not_compared = known_difference(parsed, book, sheet, at, f.text);
      book.set_value(sheet, at, original);
    }
    if (!f.not_compared.empty())
      excluded.insert(formula::qualified_cell_name(plan.sheets[static_cast<std::size_t>(f.sheet)], at));
  }
}

void write_manifest(const GeneratedWorkbook& plan, const std::filesystem::path& path) {
  std::ofstream out(path);
  out << "# functions:";
  bool first = true;
  for (const std::string& name : plan.functions) {
    out << (first ? " " : ",") << name;
    first = false;
  }
  out << "\n";
  for (const auto& f : plan.formulas) {
    const formula::CellAddress at{static_cast<std::uint32_t>(f.row), static_cast<std::uint32_t>(f.column)};
    out << plan.sheets[static_cast<std::size_t>(f.sheet)] << "\t" << formula::cell_name(at) << "\t" << f.text
        << "\t" << f.not_compared << "\n";
  }
  if (!out) throw std::runtime_error("cannot write " + path.string());
}

}  // namespace

int main(int argc, char** argv) {
  if (argc == 2 && std::string(argv[1]) == "--functions") {
    for (const std::string_view name : formula::function_names()) std::cout << name << "\n";
    return 0;
  }
  if (argc < 4 || argc > 5) {
    std::cerr << "usage: formula_differential SEED OUT.xlsx MANIFEST.tsv [FORMULAS_PER_SHEET]\n";
    return 2;
  }
  try {
    const std::uint64_t seed = std::stoull(argv[1]);
    const int per_sheet = argc == 5 ? std::stoi(argv[4]) : 120;
    GeneratedWorkbook plan = test::generate_workbook(seed, per_sheet);
    formula::Workbook book = evaluate_plan(plan);
    write_workbook(plan, book, argv[2]);
    mark_known_differences(plan, book);
    write_manifest(plan, argv[3]);
  } catch (const std::exception& e) {
    std::cerr << "formula_differential: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
