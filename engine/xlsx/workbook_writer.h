#pragma once
// Writes an XLSX register row by row (libxlsxwriter), in constant memory if asked, so a 100,000-row
// register costs no more memory than a 10-row one. It is the sink the workbook binder writes to
// (templating/workbook_sink.h):
//
//   WorkbookWriter writer(path, {.properties = {...}}, measure);
//   StyleId money = writer.add_style({.number_format = "#,##0.00"});
//   writer.begin_sheet({.name = "ทะเบียน", .freeze_rows = 1});
//   writer.write_row(std::move(header_row));  // cells placed by templating/cell_placement.h
//   writer.write_row(std::move(first_row));
//   writer.end_sheet();
//   writer.finish();  // the file appears only now, atomically; until then an older file stays as it was
//
// Rows come in increasing order (gaps allowed where no merged range covers them). Every failure is an InputError naming the workbook, the sheet and cell, and what went wrong; a writer
// that throws or is destroyed unfinished leaves no file behind.
//
// A row is laid out and checked when it is given, and handed to libxlsxwriter on a worker thread while the
// caller makes the next ones (in constant-memory mode a third thread compresses the rows as they come, see
// sheet_row_stream.h): the file is the same whatever the timing. Only a failure inside libxlsxwriter (out
// of memory) can come back from a later call instead.

#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/atomic_output.h"
#include "core/worker_queue.h"
#include "templating/workbook_settings.h"
#include "templating/workbook_sink.h"
#include "xlsx/column_fit.h"
#include "xlsx/display_text.h"
#include "xlsx/handles.h"

namespace raingan::xlsx {

class SheetRowStream;

using templating::Cell;
using templating::CellRange;
using templating::CellStyle;
using templating::ConditionalRule;
using templating::ListValidation;
using templating::MergedRange;
using templating::SheetRow;
using templating::SheetSetup;
using templating::StyleId;

class WorkbookWriter final : public templating::WorkbookSink {
 public:
  // Throws InputError when the target cannot be written (see AtomicOutput). `measure_points` sizes fitted
  // columns and the width unit (column_fit.h).
  WorkbookWriter(std::filesystem::path target, templating::WorkbookSettings options,
                 TextMeasure measure_points);
  WorkbookWriter(const WorkbookWriter&) = delete;
  WorkbookWriter& operator=(const WorkbookWriter&) = delete;
  ~WorkbookWriter() override;

  // The same style twice gives the same id. Throws InputError when a font name is given two charsets.
  StyleId add_style(const CellStyle& style) override;

  // Starts a sheet (ending the previous one). Throws InputError for a bad or repeated sheet name.
  void begin_sheet(const SheetSetup& setup) override;

  // Writes a row, which must come after the rows written before on this sheet (and directly after the last
  // while a merged range still covers rows). A formula cell is always locked, even in an unlocked style,
  // so a protected sheet guards every formula.
  void write_row(SheetRow&& row) override;

  // Sets (or replaces) the filter of the current sheet: the header row plus the data rows, which are often
  // known only after the last row is written. SheetSetup::autofilter does the same up front.
  void set_autofilter(const CellRange& range) override;

  // Live formatting for a range of the current sheet (e.g. overdue rows in red).
  void add_conditional_format(const CellRange& range, const ConditionalRule& rule) override;
  // A drop-down of allowed values for a range of the current sheet.
  void add_list_validation(const CellRange& range, const ListValidation& validation) override;

  // Sets the fitted column widths.
  void end_sheet() override;

  // Ends the sheet, writes the package and replaces the target with it. Throws InputError on failure,
  // leaving any older file untouched.
  void finish();

 private:
  struct Sheet;
  // A row checked, for libxlsxwriter.
  struct PreparedRow {
    SheetRow row;
    std::vector<StyleId> formats;  // per cell: the style whose format it is written in
  };

  // On the caller's thread: checks a row's cells and queues it.
  void prepare_row(SheetRow&& row);
  static constexpr std::size_t max_text_characters = 32767;  // libxlsxwriter's (and Excel's) limit
  void check_cell(std::uint32_t row, std::uint16_t col, const Cell& cell);
  StyleId format_style(StyleId style, bool formula);  // a formula's locked twin; makes it if need be
  // Hands the queued rows to the worker; settle() also waits until it has written them, after which the
  // caller may use libxlsxwriter itself.
  void post_rows();
  void settle();
  // On the worker (or the caller, once settled): the calls to libxlsxwriter.
  void emit_row(const PreparedRow& row);
  void emit_cell(std::uint32_t row, std::uint16_t col, const Cell& cell, StyleId format);
  void emit_blank(std::uint32_t row, std::uint16_t col, StyleId style);
  void register_merge(const MergedRange& merge);
  void observe_width(std::uint16_t col, const Cell& cell);
  double measure_cached(std::string_view text, StyleId style);
  void check_style(const CellStyle& style) const;
  std::string location(std::uint32_t row, std::uint16_t col) const;
  std::string sheet_location() const;
  void require_sheet(const char* operation) const;

  AtomicOutput output_;
  std::filesystem::path package_path_;  // libxlsxwriter's own output, before the styles are completed
  templating::WorkbookSettings options_;
  TextMeasure measure_;
  int max_digit_width_;
  LxwWorkbook workbook_;
  std::vector<CellStyle> styles_;
  std::vector<lxw_format*> formats_;        // owned by the workbook
  std::map<StyleId, StyleId> locked_twin_;  // unlocked style -> its locked copy, for formula cells
  std::map<std::string, int> charsets_;     // font name -> charset, for the styles.xml patch
  // Widths of recent texts (style id + text): registers repeat school names, statuses, dates and amounts.
  // Cleared when full, so memory stays flat however many rows are written.
  static constexpr std::size_t measure_cache_limit = 4096;
  std::unordered_map<std::string, double> measured_;
  std::string measure_key_;  // the key being looked up, kept to reuse its room
  // Widths of recent numbers as their styles show them (style id + the number's bits), cleared when full.
  struct NumberKey {
    StyleId style;
    std::uint64_t bits;
    bool operator==(const NumberKey&) const = default;
  };
  struct NumberKeyHash {
    std::size_t operator()(const NumberKey& key) const noexcept {
      return std::hash<std::uint64_t>{}(key.bits * 0x9E3779B97F4A7C15ULL ^ key.style);
    }
  };
  std::unordered_map<NumberKey, double, NumberKeyHash> number_widths_;
  // Per style: 1 when its digits 0-9 share one advance (tabular figures, as in TH SarabunPSK), 0 when not,
  // -1 until known. Then texts that differ only in their digits (codes, ids, amounts) have one width, and
  // one measure serves them all: a 100,000-row register measures a few hundred texts, not 100,000.
  std::vector<signed char> tabular_digits_;
  bool tabular_digits(StyleId style);
  // Per style, its number format read once: how numbers in it are shown, for their width.
  std::vector<std::optional<NumberDisplay>> number_displays_;
  const NumberDisplay& number_display(StyleId style);
  std::unique_ptr<Sheet> sheet_;
  // Per sheet in the order added: the stream its rows were compressed into, or null (sheet_row_stream.h).
  // Kept until the package is complete, after libxlsxwriter has closed them.
  std::vector<std::unique_ptr<SheetRowStream>> row_streams_;
  std::vector<std::string> sheet_names_;
  bool finished_ = false;
  // Rows queued for the worker, handed over rows_per_task at a time.
  static constexpr std::size_t rows_per_task = 64;
  std::vector<PreparedRow> queued_;
  std::mutex spent_mutex_;
  std::vector<std::vector<PreparedRow>> spent_;  // written by the worker, to be freed by the caller
  WorkerQueue worker_{8};                        // last: stopped before what its tasks use goes
};

}  // namespace raingan::xlsx
