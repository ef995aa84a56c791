#include "templating/formula_cells.h"

#include <stdexcept>
#include <variant>

#include "core/diagnostic.h"
#include "formula/cell_address.h"
#include "formula/date_serial.h"
#include "templating/formula_message.h"

namespace raingan::templating {
namespace {

formula::Value constant(const CellValue& value) {
  if (const auto* text = std::get_if<std::string>(&value)) return formula::Value::text(*text);
  if (const auto* number = std::get_if<double>(&value)) return formula::Value::number(*number);
  if (const auto* boolean = std::get_if<bool>(&value)) return formula::Value::boolean(*boolean);
  if (const auto* date = std::get_if<CellDate>(&value)) {
    // A date the writer refuses fails the render there, with its own message.
    if (formula::is_real_date(date->year, date->month, date->day))
      return formula::Value::number(formula::date_serial(date->year, date->month, date->day));
  }
  return formula::Value{};
}

}  // namespace

void FormulaCells::begin_sheet(const SheetSetup& setup) {
  try {
    sheet_ = book_.add_sheet(setup.name);
  } catch (const std::invalid_argument& error) {
    throw InputError(file_, "", "sheet \"" + setup.name + "\": " + error.what());
  }
  sheet_name_ = setup.name;
}

void FormulaCells::write_row(SheetRow&& row) {
  for (const Cell& cell : row.cells) {
    const formula::CellAddress at{row.index, cell.col};
    if (const auto* f = std::get_if<Formula>(&cell.value)) {
      formula::FormulaId id = 0;
      try {
        id = book_.add_formula(f->text, at);
      } catch (const formula::ParseError& error) {
        throw InputError(file_, "line " + std::to_string(f->line),
                         formula_message(sheet_name_, at, f->text, error.what()));
      }
      book_.set_formula(sheet_, at, id);
      ++formula_cells_;
    } else {
      book_.set_value(sheet_, at, constant(cell.value));
    }
  }
  // The cells a merged range covers are blanks of the sheet, as a spreadsheet has them.
  for (const RowMerges::Blank& blank : row.merges.covered)
    book_.set_value(sheet_, {row.index, blank.col}, formula::Value{});
}

}  // namespace raingan::templating
