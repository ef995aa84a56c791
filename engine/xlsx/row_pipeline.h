#pragma once
// The rows of a workbook on their way into libxlsxwriter. A row is checked on the caller's thread when it is
// given (its texts, numbers, dates and formulas, and the style each cell is written in), then handed to
// libxlsxwriter on the worker queue, rows_per_task at a time, while the caller makes the next ones; there
// its cells also widen the fitted columns. The file is the same whatever the timing; only a failure inside
// libxlsxwriter (out of memory) comes back from a later call instead.

#include <xlsxwriter.h>

#include <cstddef>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "core/worker_queue.h"
#include "templating/workbook_sink.h"
#include "xlsx/cell_widths.h"
#include "xlsx/sheet_columns.h"
#include "xlsx/style_table.h"

namespace raingan::xlsx {

// The sheet being written.
struct OpenSheet {
  std::string name;
  lxw_worksheet* worksheet;
  SheetColumns columns;
  std::optional<std::uint32_t> last_row{};  // the last row written
  std::uint32_t merged_to_row = 0;          // the last row a merged range covers

  std::string location() const;  // "sheet 'ทะเบียน'", for messages
};

class RowPipeline {
 public:
  // `file` names the workbook in messages.
  RowPipeline(StyleTable& styles, CellWidths& widths, std::string file, bool constant_memory);
  RowPipeline(const RowPipeline&) = delete;
  RowPipeline& operator=(const RowPipeline&) = delete;
  // Drops the rows not yet written.
  ~RowPipeline();

  // The sheet that rows go to from now on (null: none). Only once settled.
  void set_sheet(OpenSheet* sheet) noexcept { sheet_ = sheet; }

  // Checks a row and queues it. Throws InputError naming the cell for a value an XLSX file cannot hold or
  // a row past Excel's last, std::invalid_argument for a row that does not come after the last one, and
  // std::logic_error for one that skips rows a merged range covers.
  void write(templating::SheetRow&& row);

  // Waits until libxlsxwriter has every row given; after it, until the next write(), the caller may use
  // libxlsxwriter and the style table itself. Rethrows a failure of libxlsxwriter.
  void settle();

  static constexpr std::size_t rows_per_task = 64;

 private:
  // A row checked, for libxlsxwriter.
  struct PreparedRow {
    templating::SheetRow row;
    std::vector<templating::StyleId> formats;  // per cell: the style whose format it is written in
  };

  // On the caller's thread.
  void prepare(templating::SheetRow&& row);
  void check_cell(std::uint32_t row, const templating::Cell& cell);
  void post_rows();
  std::string location(std::uint32_t row, std::uint16_t col) const;
  // On the worker (or the caller, once settled): the calls to libxlsxwriter.
  void emit_row(const PreparedRow& row);
  void emit_cell(std::uint32_t row, const templating::Cell& cell, templating::StyleId format);
  void emit_blank(std::uint32_t row, std::uint16_t col, templating::StyleId style);
  void register_merge(const templating::MergedRange& merge);

  StyleTable& styles_;
  CellWidths& widths_;
  std::string file_;
  bool constant_memory_;
  OpenSheet* sheet_ = nullptr;
  std::vector<PreparedRow> queued_;  // for the worker, handed over rows_per_task at a time
  std::mutex spent_mutex_;
  std::vector<std::vector<PreparedRow>> spent_;  // written by the worker, to be freed by the caller
  WorkerQueue worker_{8};                        // last: stopped before what its tasks use goes
};

}  // namespace raingan::xlsx
