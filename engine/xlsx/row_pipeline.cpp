#include "xlsx/row_pipeline.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <utility>

#include "core/diagnostic.h"
#include "xlsx/cell_text.h"
#include "xlsx/excel_date.h"
#include "xlsx/lxw_status.h"

namespace raingan::xlsx {
using templating::Cell;
using templating::cell_name;
using templating::CellDate;
using templating::CellRange;
using templating::Formula;
using templating::MergedRange;
using templating::range_name;
using templating::RowMerges;
using templating::SheetRow;
using templating::StyleId;

std::string OpenSheet::location() const { return "sheet " + in_quotes(name); }

RowPipeline::RowPipeline(StyleTable& styles, CellWidths& widths, std::string file, bool constant_memory)
    : styles_(styles), widths_(widths), file_(std::move(file)), constant_memory_(constant_memory) {}

RowPipeline::~RowPipeline() = default;

std::string RowPipeline::location(std::uint32_t row, std::uint16_t col) const {
  return sheet_->location() + ", cell " + cell_name(row, col);
}

void RowPipeline::write(SheetRow&& row) {
  OpenSheet& sheet = *sheet_;
  if (row.index >= templating::max_rows)
    throw InputError(file_, sheet.location() + ", row " + std::to_string(row.index + 1),
                     "a sheet has at most 1,048,576 rows");
  if (sheet.last_row && row.index <= *sheet.last_row)
    throw std::invalid_argument("write_row: row " + std::to_string(row.index + 1) + " of " +
                                sheet.location() + " comes after row " + std::to_string(*sheet.last_row + 1) +
                                "; rows are written in increasing order");
  if (sheet.last_row && *sheet.last_row < sheet.merged_to_row && row.index != *sheet.last_row + 1)
    throw std::logic_error("write_row: row " + std::to_string(*sheet.last_row + 2) + " of " +
                           sheet.location() + " is inside a merged range and was not written");
  prepare(std::move(row));
}

void RowPipeline::prepare(SheetRow&& row) {
  OpenSheet& sheet = *sheet_;
  const std::uint32_t index = row.index;
  sheet.last_row = index;
  for (const auto& merge : row.merges.starting)
    sheet.merged_to_row = std::max(sheet.merged_to_row, merge.range.last_row);
  if (row.height && !(*row.height > 0 && *row.height <= 409))
    throw InputError(file_, sheet.location() + ", row " + std::to_string(index + 1),
                     "a row height is 0 to 409 points, found " + std::to_string(*row.height));
  for (const auto& blank : row.merges.covered) styles_.format_style(blank.style, false);
  PreparedRow prepared{std::move(row), {}};
  prepared.formats.reserve(prepared.row.cells.size());
  for (const Cell& cell : prepared.row.cells) {
    check_cell(index, cell);
    const bool blank = std::holds_alternative<std::monostate>(cell.value);
    prepared.formats.push_back(
        blank && cell.style == 0
            ? 0
            : styles_.format_style(cell.style, std::holds_alternative<Formula>(cell.value)));
  }
  queued_.push_back(std::move(prepared));
  if (queued_.size() >= rows_per_task) post_rows();
}

void RowPipeline::post_rows() {
  // Rows the worker has written are freed here, where their memory was taken: freeing it on the worker
  // would hand each block back to this thread's heap under its lock, row after row.
  std::vector<std::vector<PreparedRow>> spent;
  {
    const std::lock_guard lock(spent_mutex_);
    spent.swap(spent_);
  }
  spent.clear();
  if (queued_.empty()) return;
  std::vector<PreparedRow> rows = std::move(queued_);
  queued_ = {};
  queued_.reserve(rows_per_task);
  worker_.post([this, rows = std::move(rows)]() mutable {
    for (const PreparedRow& row : rows) emit_row(row);
    const std::lock_guard lock(spent_mutex_);
    spent_.push_back(std::move(rows));
  });
}

void RowPipeline::settle() {
  post_rows();
  worker_.drain();
}

// Runs once per cell of registers with 100,000 rows: messages and locations are only built on failure.
void RowPipeline::check_cell(std::uint32_t row, const Cell& cell) {
  const std::uint16_t col = cell.col;
  auto fail = [&](const std::string& message) { throw InputError(file_, location(row, col), message); };
  auto check_text = [&](std::string_view text) {
    if (std::string problem = text_problem(text); !problem.empty()) fail(problem);
  };
  auto check_number = [&](double value) {
    if (!std::isfinite(value)) fail("a number cell must be finite, found " + std::to_string(value));
  };
  if (const auto* text = std::get_if<std::string>(&cell.value)) {
    check_text(*text);
    // libxlsxwriter refuses longer texts; said here, where the cell is given, rather than by the worker.
    if (text->size() > max_text_characters && characters(*text) > max_text_characters)
      check_lxw(LXW_ERROR_MAX_STRING_LENGTH_EXCEEDED, file_, location(row, col), "cannot write text");
  } else if (const auto* number = std::get_if<double>(&cell.value)) {
    check_number(*number);
  } else if (const auto* date = std::get_if<CellDate>(&cell.value)) {
    try {
      (void)excel_serial(*date);
    } catch (const std::invalid_argument& error) {
      fail(error.what());
    }
  } else if (const auto* formula = std::get_if<Formula>(&cell.value)) {
    check_text(formula->text);
    if (formula->text.empty() || formula->text == "=") fail("a formula cell has an empty formula");
    if (const auto* cached = std::get_if<double>(&formula->cached))
      check_number(*cached);
    else if (const auto* cached_text = std::get_if<std::string>(&formula->cached))
      check_text(*cached_text);
  }
}

void RowPipeline::emit_row(const PreparedRow& prepared) {
  OpenSheet& sheet = *sheet_;
  const std::uint32_t row = prepared.row.index;
  if (prepared.row.height) {
    const lxw_error status = worksheet_set_row(sheet.worksheet, row, *prepared.row.height, nullptr);
    if (status != LXW_NO_ERROR)
      check_lxw(status, file_, sheet.location() + ", row " + std::to_string(row + 1),
                "cannot set the row height");
  }
  // Order matters in constant-memory mode, where libxlsxwriter flushes a row as soon as a later one is
  // touched and refuses earlier ones: the covered blanks make this row the current one, then the merged
  // ranges are registered (see register_merge), then the values overwrite the anchors' placeholders.
  const RowMerges& merges = prepared.row.merges;
  for (const auto& blank : merges.covered) emit_blank(row, blank.col, blank.style);
  if (constant_memory_) {
    for (const auto& merge : merges.finishing) register_merge(merge);
    for (const auto& merge : merges.starting)
      if (merge.range.last_row == row) register_merge(merge);
  } else {
    for (const auto& merge : merges.starting) register_merge(merge);
  }
  const std::vector<Cell>& cells = prepared.row.cells;
  for (std::size_t i = 0; i < cells.size(); ++i) {
    emit_cell(row, cells[i], prepared.formats[i]);
    sheet.columns.observe(cells[i], widths_);
  }
}

// libxlsxwriter records a merged range with worksheet_merge_range(), which also writes an empty string
// into the anchor and styled blanks into the other cells. In constant-memory mode that is only safe in the
// range's last row: earlier rows are refused (and left as written), later ones would flush the current row
// too early. So merges are registered there, before the row's own values; in the normal mode at their first
// row, before the anchor's value.
void RowPipeline::register_merge(const MergedRange& merge) {
  const CellRange& r = merge.range;
  check_lxw(worksheet_merge_range(sheet_->worksheet, r.first_row, r.first_col, r.last_row, r.last_col, "",
                                  styles_.format(merge.style)),
            file_, sheet_->location() + ", range " + range_name(r), "cannot merge cells");
}

void RowPipeline::emit_blank(std::uint32_t row, std::uint16_t col, StyleId style) {
  const lxw_error status = worksheet_write_blank(sheet_->worksheet, row, col, styles_.format(style));
  if (status != LXW_NO_ERROR) check_lxw(status, file_, location(row, col), "cannot write a blank cell");
}

// The cell was checked by check_cell; `format` is the style its format comes from.
void RowPipeline::emit_cell(std::uint32_t row, const Cell& cell, StyleId format) {
  const std::uint16_t col = cell.col;
  lxw_worksheet* worksheet = sheet_->worksheet;
  lxw_error status = LXW_NO_ERROR;
  const char* action = "";
  if (std::holds_alternative<std::monostate>(cell.value)) {
    if (cell.style != 0) emit_blank(row, col, format);
    return;
  }
  lxw_format* look = styles_.format(format);
  if (const auto* text = std::get_if<std::string>(&cell.value)) {
    status = worksheet_write_string(worksheet, row, col, text->c_str(), look);
    action = "cannot write text";
  } else if (const auto* number = std::get_if<double>(&cell.value)) {
    status = worksheet_write_number(worksheet, row, col, *number, look);
    action = "cannot write a number";
  } else if (const auto* flag = std::get_if<bool>(&cell.value)) {
    status = worksheet_write_boolean(worksheet, row, col, *flag ? 1 : 0, look);
    action = "cannot write a boolean";
  } else if (const auto* date = std::get_if<CellDate>(&cell.value)) {
    status = worksheet_write_number(worksheet, row, col, excel_serial(*date), look);
    action = "cannot write a date";
  } else {
    const auto& formula = std::get<Formula>(cell.value);
    if (const auto* cached = std::get_if<double>(&formula.cached)) {
      status = worksheet_write_formula_num(worksheet, row, col, formula.text.c_str(), look, *cached);
    } else if (const auto* cached_text = std::get_if<std::string>(&formula.cached)) {
      status =
          worksheet_write_formula_str(worksheet, row, col, formula.text.c_str(), look, cached_text->c_str());
    } else {
      status = worksheet_write_formula_num(worksheet, row, col, formula.text.c_str(), look,
                                           std::get<bool>(formula.cached) ? 1.0 : 0.0);
    }
    if (status != LXW_NO_ERROR)
      check_lxw(status, file_, location(row, col), "cannot write the formula " + in_quotes(formula.text));
  }
  if (status != LXW_NO_ERROR) check_lxw(status, file_, location(row, col), action);
}

}  // namespace raingan::xlsx
