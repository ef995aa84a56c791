#pragma once
// The second pass that gives every formula of a <workbook> template its value (formula_cells.h is the first):
// once the formula stage has computed the workbook the first pass stored, the rows that pass recorded are
// replayed (workbook_recording.h) and this WorkbookSink puts each formula's result into its cell as the
// cached value, then passes the row on to the sink after it (the XLSX writer). So a template writes only the
// formula, and a 100,000-row register still streams: what the formulas read is held in the compact store, not
// as rows.
//
// Each problem found is a diagnostic naming the template line and the cell: what the formula stage reported
// for a cell (a circular reference, a reference outside its sheet or to a sheet the workbook does not have,
// a function that cannot compute a value faithfully), and a value="…" given beside a formula that is not the
// value the formula computes. With evaluation problems nothing is passed on (the pass only finds the lines).

#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "core/diagnostic.h"
#include "formula/evaluate.h"
#include "formula/workbook.h"
#include "templating/workbook_sink.h"

namespace raingan::templating {

class FormulaValues final : public WorkbookSink {
 public:
  // `next` may be null: then rows are only checked. `file` names the template in messages.
  FormulaValues(const formula::Workbook& book, const std::vector<formula::Problem>& problems,
                std::string file, WorkbookSink* next);

  StyleId add_style(const CellStyle& style) override { return next_ ? next_->add_style(style) : 1; }
  void begin_sheet(const SheetSetup& setup) override;
  void write_row(SheetRow&& row) override;
  void set_autofilter(const CellRange& range) override {
    if (next_) next_->set_autofilter(range);
  }
  void add_conditional_format(const CellRange& range, const ConditionalRule& rule) override {
    if (next_) next_->add_conditional_format(range, rule);
  }
  void add_list_validation(const CellRange& range, const ListValidation& validation) override {
    if (next_) next_->add_list_validation(range, validation);
  }
  void end_sheet() override {
    if (next_) next_->end_sheet();
  }

  // What was found wrong, in the order of the cells.
  const std::vector<Diagnostic>& diagnostics() const noexcept { return diagnostics_; }

  static constexpr std::size_t max_diagnostics = 100;

 private:
  void check(const std::string& sheet, formula::CellAddress at, const Formula& given,
             const formula::Value& result);

  const formula::Workbook& book_;
  std::map<std::pair<formula::SheetId, formula::CellAddress>, std::string> problems_;
  std::string file_;
  WorkbookSink* next_;
  formula::SheetId sheet_ = 0;
  std::uint32_t sheets_begun_ = 0;
  std::string sheet_name_;
  std::vector<Diagnostic> diagnostics_;
};

}  // namespace raingan::templating
