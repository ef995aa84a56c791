#pragma once
// The first of the two passes that give every formula of a <workbook> template its value (formula_values.h
// is the second): a WorkbookSink that keeps what each cell holds in a formula::Workbook, the column store the
// formula stage computes over (9 bytes a cell, texts once), and writes nothing. Formulas are parsed here, in
// the cell they are written in, so one that does not parse or calls a function raingan does not know is an
// error naming the template line and the cell.

#include <cstdint>
#include <string>
#include <utility>

#include "formula/workbook.h"
#include "templating/workbook_sink.h"

namespace raingan::templating {

class FormulaCells final : public WorkbookSink {
 public:
  // `file` names the template in messages.
  FormulaCells(formula::Workbook& book, std::string file) : book_(book), file_(std::move(file)) {}

  // Every style is a styled one here: an empty cell counts toward its sheet's extent.
  StyleId add_style(const CellStyle&) override { return 1; }
  // Throws InputError when the workbook cannot take the sheet's name.
  void begin_sheet(const SheetSetup& setup) override;
  // Throws InputError "line N: cell สรุป!K5: formula =SUMM(E5: …" for a formula that does not parse.
  void write_row(SheetRow&& row) override;
  void set_autofilter(const CellRange&) override {}
  void add_conditional_format(const CellRange&, const ConditionalRule&) override {}
  void add_list_validation(const CellRange&, const ListValidation&) override {}
  // The sheet's columns give back their slack here, on the thread that filled them.
  void end_sheet() override { book_.compact(sheet_); }

  // How many formula cells were given.
  std::uint64_t formula_cells() const noexcept { return formula_cells_; }

 private:
  formula::Workbook& book_;
  std::string file_;
  formula::SheetId sheet_ = 0;
  std::string sheet_name_;
  std::uint64_t formula_cells_ = 0;
};

}  // namespace raingan::templating
