#include "templating/formula_values.h"

#include <algorithm>
#include <cmath>
#include <variant>

#include "formula/number_text.h"
#include "templating/formula_message.h"

namespace raingan::templating {
namespace {

// The cached value of a result: a blank computes as 0 (=A1 of an empty A1 shows 0); an error is kept as its
// text (libxlsxwriter can cache only a number or a text), which is what a reader shows before recalculating.
Formula::Result cached_value(const formula::Value& result) {
  switch (result.kind()) {
    case formula::ValueKind::number:
      return result.as_number();
    case formula::ValueKind::text:
      return std::string(result.as_text());
    case formula::ValueKind::boolean:
      return result.as_boolean();
    case formula::ValueKind::error:
      return std::string(formula::error_text(result.as_error()));
    default:
      return 0.0;
  }
}

// Numbers agree to within what a template's exact decimal arithmetic and a spreadsheet's doubles may differ
// by (a few ulps of a sum, the last digits of a standard deviation).
bool agree(const Formula::Result& expected, const formula::Value& result) {
  if (const auto* number = std::get_if<double>(&expected)) {
    if (!result.is_number()) return false;
    const double a = *number, b = result.as_number();
    return std::fabs(a - b) <= 1e-9 * std::max({1.0, std::fabs(a), std::fabs(b)});
  }
  if (const auto* text = std::get_if<std::string>(&expected)) {
    if (text->empty() && result.is_blank()) return true;
    return result.is_text() && result.as_text() == *text;
  }
  return result.is_boolean() && result.as_boolean() == std::get<bool>(expected);
}

std::string shown(const Formula::Result& value) {
  if (const auto* number = std::get_if<double>(&value)) return formula::general_text(*number);
  if (const auto* text = std::get_if<std::string>(&value)) return "\"" + *text + "\"";
  return std::get<bool>(value) ? "TRUE" : "FALSE";
}

std::string shown(const formula::Value& value) {
  switch (value.kind()) {
    case formula::ValueKind::number:
      return formula::general_text(value.as_number());
    case formula::ValueKind::text:
      return "\"" + std::string(value.as_text()) + "\"";
    case formula::ValueKind::boolean:
      return value.as_boolean() ? "TRUE" : "FALSE";
    case formula::ValueKind::error:
      return std::string(formula::error_text(value.as_error()));
    default:
      return "a blank";
  }
}

}  // namespace

FormulaValues::FormulaValues(const formula::Workbook& book, const std::vector<formula::Problem>& problems,
                             std::string file, WorkbookSink* next)
    : book_(book), file_(std::move(file)), next_(next) {
  for (const formula::Problem& problem : problems)
    problems_.emplace(std::pair{problem.sheet, problem.cell}, problem.message);
}

void FormulaValues::begin_sheet(const SheetSetup& setup) {
  // The sheets come in the order the first pass added them.
  sheet_ = sheets_begun_++;
  sheet_name_ = setup.name;
  if (next_) next_->begin_sheet(setup);
}

void FormulaValues::write_row(SheetRow&& row) {
  for (Cell& cell : row.cells) {
    auto* f = std::get_if<Formula>(&cell.value);
    if (!f) continue;
    const formula::CellAddress at{row.index, cell.col};
    const formula::Value result = book_.value(sheet_, at);
    check(sheet_name_, at, *f, result);
    f->cached = cached_value(result);
  }
  if (next_) next_->write_row(std::move(row));
}

void FormulaValues::check(const std::string& sheet, formula::CellAddress at, const Formula& given,
                          const formula::Value& result) {
  if (diagnostics_.size() >= max_diagnostics) return;
  std::string problem;
  if (!problems_.empty()) {
    if (const auto found = problems_.find({sheet_, at}); found != problems_.end()) problem = found->second;
  }
  if (problem.empty() && given.expected && !agree(*given.expected, result))
    problem = "value=" + shown(*given.expected) + " is given beside it, but it computes " + shown(result);
  if (!problem.empty())
    diagnostics_.push_back(
        {file_, "line " + std::to_string(given.line), formula_message(sheet, at, given.text, problem)});
}

}  // namespace raingan::templating
