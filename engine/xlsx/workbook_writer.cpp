#include "xlsx/workbook_writer.h"

#include <cstdio>
#include <optional>
#include <stdexcept>
#include <string>
#include <system_error>
#include <utility>
#include <vector>

#include "core/atomic_output.h"
#include "core/diagnostic.h"
#include "core/signal_cleanup.h"
#include "xlsx/cell_text.h"
#include "xlsx/cell_widths.h"
#include "xlsx/column_fit.h"
#include "xlsx/handles.h"
#include "xlsx/lxw_status.h"
#include "xlsx/row_pipeline.h"
#include "xlsx/sheet_columns.h"
#include "xlsx/sheet_row_stream.h"
#include "xlsx/sheet_rules.h"
#include "xlsx/sheet_setup.h"
#include "xlsx/style_table.h"
#include "xlsx/styles_patch.h"
#include "xlsx/zip_rewrite.h"

namespace raingan::xlsx {
namespace fs = std::filesystem;
using templating::CellRange;
using templating::CellStyle;
using templating::column_name;
using templating::ConditionalRule;
using templating::ListValidation;
using templating::range_name;
using templating::SheetRow;
using templating::SheetSetup;
using templating::StyleId;
using templating::WorkbookProperties;
using templating::WorkbookSettings;

namespace {

// Where libxlsxwriter writes its package, before the styles are completed and the rows spliced in.
fs::path package_path(const AtomicOutput& output) {
  fs::path path = output.temporary_path();
  path += ".package";
  return path;
}

// The normal style's maximum digit width, the unit of column widths; the style is checked first.
int max_digit_width(const TextMeasure& measure, const CellStyle& normal_style, const std::string& file) {
  if (!measure) throw std::invalid_argument("WorkbookWriter needs a text measure to fit column widths");
  StyleTable::check(normal_style, file);
  return max_digit_width_pixels(measure, normal_style);
}

LxwWorkbook open_workbook(const fs::path& path, bool constant_memory, const std::string& file) {
  lxw_workbook_options options{};
  options.constant_memory = constant_memory ? LXW_TRUE : LXW_FALSE;
  LxwWorkbook workbook(workbook_new_opt(path.c_str(), &options));
  if (!workbook) throw InputError(file, "", "cannot start a workbook (out of memory?)");
  return workbook;
}

void set_properties(lxw_workbook* workbook, const WorkbookProperties& p, const std::string& file) {
  for (const std::string* text :
       {&p.title, &p.subject, &p.author, &p.manager, &p.company, &p.category, &p.keywords, &p.comments})
    if (const std::string problem = text_problem(*text); !problem.empty())
      throw InputError(file, "document properties", problem);
  auto c_string = [](const std::string& text) {
    return text.empty() ? nullptr : const_cast<char*>(text.c_str());
  };
  lxw_doc_properties properties{};
  properties.title = c_string(p.title);
  properties.subject = c_string(p.subject);
  properties.author = c_string(p.author);
  properties.manager = c_string(p.manager);
  properties.company = c_string(p.company);
  properties.category = c_string(p.category);
  properties.keywords = c_string(p.keywords);
  properties.comments = c_string(p.comments);
  properties.created = p.created.value_or(0);
  check_lxw(workbook_set_properties(workbook, &properties), file, "document properties",
            "cannot set the document properties");
}

}  // namespace

class WorkbookWriter::Impl {
 public:
  Impl(fs::path target, WorkbookSettings settings, TextMeasure measure)
      : output_(std::move(target)),
        file_(output_.target().string()),
        settings_(std::move(settings)),
        package_path_(package_path(output_)),
        package_removed_on_signal_(package_path_),
        max_digit_width_(max_digit_width(measure, settings_.normal_style, file_)),
        workbook_(open_workbook(package_path_, settings_.constant_memory, file_)),
        styles_(workbook_.get(), file_, [this] { rows_.settle(); }),  // the worker reads the styles
        widths_(std::move(measure), styles_, max_digit_width_),
        rows_(styles_, widths_, file_, settings_.constant_memory) {
    set_properties(workbook_.get(), settings_.properties, file_);
    styles_.add(settings_.normal_style);
  }
  Impl(const Impl&) = delete;
  Impl& operator=(const Impl&) = delete;

  ~Impl() {
    std::error_code ec;
    fs::remove(package_path_, ec);
  }

  StyleId add_style(const CellStyle& style) { return styles_.add(style); }

  void begin_sheet(const SheetSetup& setup) {
    if (finished_) throw std::logic_error("begin_sheet after finish()");
    if (sheet_) end_sheet();
    rows_.settle();
    validate_sheet_name(setup.name, file_);
    const std::string where = "sheet " + in_quotes(setup.name);
    check_lxw(workbook_validate_sheet_name(workbook_.get(), setup.name.c_str()), file_, where,
              "cannot use the sheet name");
    lxw_worksheet* worksheet = workbook_add_worksheet(workbook_.get(), setup.name.c_str());
    if (!worksheet) throw InputError(file_, where, "cannot add the sheet");
    // In constant-memory mode the rows go to a stream that compresses them as they come, in place of
    // libxlsxwriter's temporary file (which is still there before the first row); where no stream can be
    // made, that file serves as before.
    std::unique_ptr<SheetRowStream> rows;
    if (settings_.constant_memory && worksheet->optimize_tmpfile) {
      try {
        rows = std::make_unique<SheetRowStream>();
      } catch (const std::runtime_error&) {
      }
      if (rows) {
        std::fclose(worksheet->optimize_tmpfile);
        worksheet->optimize_tmpfile = rows->file();
        worksheet->file = rows->file();
      }
    }
    row_streams_.push_back(std::move(rows));

    apply_sheet_setup(worksheet, setup, file_);
    sheet_ = std::make_unique<OpenSheet>(OpenSheet{
        setup.name, worksheet, SheetColumns(setup.column_widths, setup.max_fitted_width, max_digit_width_)});
    rows_.set_sheet(sheet_.get());
  }

  void write_row(SheetRow&& row) {
    require_sheet("write_row");
    rows_.write(std::move(row));
  }

  void set_autofilter(const CellRange& range) {
    require_sheet("set_autofilter");
    rows_.settle();
    set_sheet_filter(sheet_->worksheet, range, settings_.constant_memory ? sheet_->last_row : std::nullopt,
                     file_, sheet_->location());
  }

  void add_conditional_format(const CellRange& range, const ConditionalRule& rule) {
    require_sheet("add_conditional_format");
    rows_.settle();
    xlsx::add_conditional_format(workbook_.get(), sheet_->worksheet, range, rule, file_,
                                 range_location(range));
  }

  void add_list_validation(const CellRange& range, const ListValidation& validation) {
    require_sheet("add_list_validation");
    rows_.settle();
    xlsx::add_list_validation(sheet_->worksheet, range, validation, file_, range_location(range));
  }

  void end_sheet() {
    require_sheet("end_sheet");
    const OpenSheet& sheet = *sheet_;
    if (sheet.last_row && *sheet.last_row < sheet.merged_to_row)
      throw std::logic_error("end_sheet: rows " + std::to_string(*sheet.last_row + 2) + " to " +
                             std::to_string(sheet.merged_to_row + 1) + " of " + sheet.location() +
                             " are inside a merged range and were not written");
    rows_.settle();
    for (const auto& width : sheet.columns.widths())
      check_lxw(worksheet_set_column(sheet.worksheet, width.col, width.col, libxlsxwriter_width(width.stored),
                                     nullptr),
                file_, sheet.location() + ", column " + column_name(width.col),
                "cannot set the column width");
    rows_.set_sheet(nullptr);
    sheet_.reset();
  }

  void finish() {
    if (finished_) throw std::logic_error("finish() called twice");
    if (sheet_) end_sheet();
    rows_.settle();
    finished_ = true;
    check_lxw(workbook_close(workbook_.release()), file_, "", "cannot write the workbook");
    try {
      // libxlsxwriter has written each sheet's last row now (it numbers styles in the order cells are
      // written, so that row is left to it).
      for (const auto& rows : row_streams_)
        if (rows) rows->finish();
      MemberChanges changes;
      changes.transform.emplace("xl/styles.xml", [this](std::string xml) {
        return patch_styles_fonts(std::move(xml), settings_.normal_style, styles_.charsets());
      });
      // libxlsxwriter numbers the worksheets' parts in the order they were added.
      for (std::size_t i = 0; i < row_streams_.size(); ++i)
        if (const SheetRowStream* rows = row_streams_[i].get())
          changes.replace.emplace("xl/worksheets/sheet" + std::to_string(i + 1) + ".xml",
                                  [rows](std::string xml) { return rows->splice(xml); });
      rewrite_zip(package_path_, output_.temporary_path(), changes);
    } catch (const std::runtime_error& error) {
      throw InputError(file_, "", std::string("cannot complete the workbook: ") + error.what());
    }
    std::error_code ec;
    fs::remove(package_path_, ec);
    output_.commit();
  }

 private:
  void require_sheet(const char* operation) const {
    if (finished_) throw std::logic_error(std::string(operation) + " after finish()");
    if (!sheet_) throw std::logic_error(std::string(operation) + " outside begin_sheet()/end_sheet()");
  }

  std::string range_location(const CellRange& range) const {
    return sheet_->location() + ", range " + range_name(range);
  }

  AtomicOutput output_;
  std::string file_;  // the target, for messages
  WorkbookSettings settings_;
  fs::path package_path_;  // libxlsxwriter's own output, before the styles are completed
  RemovedOnSignal package_removed_on_signal_;
  int max_digit_width_;
  LxwWorkbook workbook_;
  StyleTable styles_;
  CellWidths widths_;
  std::unique_ptr<OpenSheet> sheet_;
  // Per sheet in the order added: the stream its rows were compressed into, or null (sheet_row_stream.h).
  // Kept until the package is complete, after libxlsxwriter has closed them.
  std::vector<std::unique_ptr<SheetRowStream>> row_streams_;
  bool finished_ = false;
  RowPipeline rows_;  // last: its worker stops before what the rows use goes
};

WorkbookWriter::WorkbookWriter(fs::path target, WorkbookSettings settings, TextMeasure measure_points)
    : impl_(std::make_unique<Impl>(std::move(target), std::move(settings), std::move(measure_points))) {}
WorkbookWriter::~WorkbookWriter() = default;

StyleId WorkbookWriter::add_style(const CellStyle& style) { return impl_->add_style(style); }
void WorkbookWriter::begin_sheet(const SheetSetup& setup) { impl_->begin_sheet(setup); }
void WorkbookWriter::write_row(SheetRow&& row) { impl_->write_row(std::move(row)); }
void WorkbookWriter::set_autofilter(const CellRange& range) { impl_->set_autofilter(range); }
void WorkbookWriter::add_conditional_format(const CellRange& range, const ConditionalRule& rule) {
  impl_->add_conditional_format(range, rule);
}
void WorkbookWriter::add_list_validation(const CellRange& range, const ListValidation& validation) {
  impl_->add_list_validation(range, validation);
}
void WorkbookWriter::end_sheet() { impl_->end_sheet(); }
void WorkbookWriter::finish() { impl_->finish(); }

}  // namespace raingan::xlsx
