#pragma once
// Writes an XLSX register row by row (libxlsxwriter), in constant memory if asked, so a 100,000-row
// register costs no more memory than a 10-row one.
//
//   WorkbookWriter writer(path, {.properties = {...}}, measure);
//   StyleId money = writer.add_style({.number_format = "#,##0.00"});
//   writer.begin_sheet({.name = "ทะเบียน", .freeze_rows = 1});
//   writer.write_row(0, header_cells);
//   writer.write_row(1, std::array{Cell{"โรงเรียนบ้านนา"}, Cell{Formula{"C2*200", 3000.0}, money}});
//   writer.end_sheet();
//   writer.finish();  // the file appears only now, atomically; until then an older file stays as it was
//
// Rows come in increasing order (gaps allowed); cells of a row are placed as merge_layout.h describes.
// Every failure is an InputError naming the workbook, the sheet and cell, and what went wrong; a writer
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
#include "xlsx/cell_range.h"
#include "xlsx/cell_style.h"
#include "xlsx/cell_value.h"
#include "xlsx/column_fit.h"
#include "xlsx/conditional_rule.h"
#include "xlsx/display_text.h"
#include "xlsx/handles.h"
#include "xlsx/list_validation.h"
#include "xlsx/merge_layout.h"
#include "xlsx/properties.h"
#include "core/worker_queue.h"
#include "xlsx/sheet_setup.h"

namespace raingan::xlsx {

class SheetRowStream;

struct WorkbookOptions {
  Properties properties{};
  // Each row is written out as soon as the next one starts, and compressed as it comes (sheet_row_stream.h).
  // The writer needs rows in order in both modes; this one also keeps memory flat for large registers.
  bool constant_memory = true;
  // Excel's "Normal" style: the look of empty cells, of header and footer text, and (through its digit
  // width) the unit of column widths. StyleId 0.
  CellStyle normal_style{};
};

class WorkbookWriter {
 public:
  // Throws InputError when the target cannot be written (see AtomicOutput). `measure_points` sizes fitted
  // columns and the width unit (column_fit.h).
  WorkbookWriter(std::filesystem::path target, WorkbookOptions options, TextMeasure measure_points);
  WorkbookWriter(const WorkbookWriter&) = delete;
  WorkbookWriter& operator=(const WorkbookWriter&) = delete;
  ~WorkbookWriter();

  // The same style twice gives the same id. Throws InputError when a font name is given two charsets.
  StyleId add_style(const CellStyle& style);

  // Starts a sheet (ending the previous one). Throws InputError for a bad or repeated sheet name.
  void begin_sheet(const SheetSetup& setup);

  // Writes row `row` (zero-based), which must come after the rows written before on this sheet.
  // A formula cell is always locked, even in an unlocked style, so a protected sheet guards every formula.
  void write_row(std::uint32_t row, std::span<const Cell> cells, std::optional<double> height_points = {});
  // The same, taking the cells over instead of copying them.
  void write_row(std::uint32_t row, std::vector<Cell>&& cells, std::optional<double> height_points = {});

  // Sets (or replaces) the filter of the current sheet: the header row plus the data rows, which are often
  // known only after the last row is written. SheetSetup::autofilter does the same up front.
  void set_autofilter(const CellRange& range);

  // Live formatting for a range of the current sheet (e.g. overdue rows in red).
  void add_conditional_format(const CellRange& range, const ConditionalRule& rule);
  // A drop-down of allowed values for a range of the current sheet.
  void add_list_validation(const CellRange& range, const ListValidation& validation);

  // Sets the fitted column widths and writes the cells still covered by open merges.
  void end_sheet();

  // Ends the sheet, writes the package and replaces the target with it. Throws InputError on failure,
  // leaving any older file untouched.
  void finish();

 private:
  struct Sheet;
  // A row laid out and checked, for libxlsxwriter.
  struct PreparedRow {
    std::uint32_t row = 0;
    std::vector<Cell> cells;
    std::optional<double> height;
    RowPlan plan;
    std::vector<StyleId> formats;  // per placed cell: the style whose format it is written in
  };

  // On the caller's thread: lays a row out, checks its cells and queues it.
  void queue_row(std::uint32_t row, std::vector<Cell> cells, std::optional<double> height_points);
  void prepare_row(std::uint32_t row, std::vector<Cell> cells, std::optional<double> height_points);
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
  WorkbookOptions options_;
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
