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
// Rows come in increasing order (gaps allowed where no merged range covers them). Every failure is an
// InputError naming the workbook, the sheet and cell, and what went wrong; a writer that throws or is
// destroyed unfinished leaves no file behind.
//
// Inside: the styles (style_table.h), each sheet's setup (sheet_setup.h, sheet_rules.h), the rows on their
// way to libxlsxwriter on a worker thread (row_pipeline.h), the fitted column widths (sheet_columns.h,
// cell_widths.h), and in constant-memory mode the rows compressed as they come (sheet_row_stream.h).

#include <filesystem>
#include <memory>

#include "templating/workbook_settings.h"
#include "templating/workbook_sink.h"
#include "xlsx/text_measure.h"

namespace raingan::xlsx {

class WorkbookWriter final : public templating::WorkbookSink {
 public:
  // Throws InputError when the target cannot be written (see AtomicOutput) or a setting cannot be.
  // `measure_points` sizes fitted columns and the width unit (column_fit.h).
  WorkbookWriter(std::filesystem::path target, templating::WorkbookSettings settings,
                 TextMeasure measure_points);
  WorkbookWriter(const WorkbookWriter&) = delete;
  WorkbookWriter& operator=(const WorkbookWriter&) = delete;
  ~WorkbookWriter() override;

  // The same style twice gives the same id. Throws InputError when a font name is given two charsets.
  templating::StyleId add_style(const templating::CellStyle& style) override;

  // Starts a sheet (ending the previous one). Throws InputError for a bad or repeated sheet name.
  void begin_sheet(const templating::SheetSetup& setup) override;

  // Writes a row, which must come after the rows written before on this sheet (and directly after the last
  // while a merged range still covers rows). A formula cell is always locked, even in an unlocked style,
  // so a protected sheet guards every formula.
  void write_row(templating::SheetRow&& row) override;

  // Sets (or replaces) the filter of the current sheet: the header row plus the data rows, which are often
  // known only after the last row is written. SheetSetup::autofilter does the same up front.
  void set_autofilter(const templating::CellRange& range) override;

  // Live formatting for a range of the current sheet (e.g. overdue rows in red).
  void add_conditional_format(const templating::CellRange& range,
                              const templating::ConditionalRule& rule) override;
  // A drop-down of allowed values for a range of the current sheet.
  void add_list_validation(const templating::CellRange& range,
                           const templating::ListValidation& validation) override;

  // Sets the fitted column widths.
  void end_sheet() override;

  // Ends the sheet, writes the package and replaces the target with it. Throws InputError on failure,
  // leaving any older file untouched.
  void finish();

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace raingan::xlsx
