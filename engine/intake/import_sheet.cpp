// The import sheet of a kind: the workbook an office fills in and gives back to `raingan import`. One sheet
// of single values (title, value, what it takes), one sheet per array of records the schema names, header
// titles as the import reads them, a sheet that explains each column in Thai; styled for the office (TH
// SarabunPSK, bold shaded headers frozen at the top, fitted columns, drop-downs for fixed lists, text
// columns kept as text so codes keep their leading zeros, dates as Buddhist-Era dates).
#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <random>
#include <sstream>

#include "core/diagnostic.h"
#include "core/utf8.h"
#include "dataset/json_path.h"
#include "intake/cell_text.h"
#include "intake/import_plan.h"
#include "intake/import_sheet_cells.h"
#include "intake/intake.h"
#include "layout/paragraph.h"
#include "templating/cell_placement.h"
#include "templating/workbook_sink.h"
#include "text/font_library.h"
#include "xlsx/workbook_writer.h"

namespace raingan::intake {
namespace {

namespace fs = std::filesystem;
using dataset::Value;

constexpr std::uint32_t input_rows = 200;  // rows below the data that keep the columns' styles and lists
constexpr double line_height = 24;         // points, as the registers' rows (TH SarabunPSK 16 pt)
constexpr double value_width = 60;         // characters: the values sheet's value column
constexpr double record_width = 50;        // the widest a fitted column of a record sheet grows
constexpr double hint_width = 70;
constexpr const char* row_number_title = "ที่";

// Characters that take room on a line: Thai vowels and tone marks above and below take none.
std::size_t spacing_characters(std::string_view text) {
  std::size_t count = 0;
  for (std::size_t at = 0; at < text.size();) {
    const char32_t c = utf8::next(text, at);
    if (!(c == 0x0E31 || (c >= 0x0E34 && c <= 0x0E3A) || (c >= 0x0E47 && c <= 0x0E4E))) ++count;
  }
  return count;
}

// Lines a text takes in a wrapped column `width` characters wide (about: Thai letters are about a digit
// wide).
std::size_t lines_of(std::string_view text, double width) {
  std::size_t lines = 0;
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t end = std::min(text.find('\n', start), text.size());
    const auto characters = static_cast<double>(spacing_characters(text.substr(start, end - start)));
    lines += std::max<std::size_t>(1, static_cast<std::size_t>(std::ceil(characters / width)));
    start = end + 1;
  }
  return lines;
}

// The height of a row whose cells wrap in columns of these widths.
double row_height(const std::vector<templating::Cell>& cells, const std::vector<double>& widths) {
  std::size_t lines = 1;
  for (std::size_t i = 0; i < cells.size(); ++i)
    if (const auto* text = std::get_if<std::string>(&cells[i].value))
      lines = std::max(lines, lines_of(*text, i < widths.size() ? widths[i] : record_width));
  return std::min(409.0, line_height * static_cast<double>(lines));
}

class SheetWriter {
 public:
  SheetWriter(const ImportPlan& plan, const dataset::JsonDocument* from, templating::WorkbookSink& sink)
      : plan_(plan), from_(from), sink_(sink), styles_(sink) {}

  void write() {
    write_values();
    for (std::size_t i = 0; i < plan_.sheets.size(); ++i) write_records(i);
    write_explanations();
  }

 private:
  // The records of an array from the dataset: top-level, or every parent's children with the parent's key.
  struct Record {
    const Value* value;
    const Value* parent_key;
  };

  std::vector<Record> records_of(const SheetPlan& sheet) const {
    std::vector<Record> records;
    if (from_ == nullptr) return records;
    const auto at = [](const Value& root, const std::vector<std::string>& path) -> const Value* {
      const Value* value = &root;
      for (const auto& key : path)
        if (value == nullptr || (value = value->find(key)) == nullptr) return nullptr;
      return value;
    };
    if (!sheet.parent) {
      if (const Value* array = at(from_->root, sheet.path); array != nullptr && array->is_array())
        for (const auto& item : array->items()) records.push_back({&item, nullptr});
      return records;
    }
    const SheetPlan& parent = plan_.sheets[*sheet.parent];
    if (const Value* parents = at(from_->root, parent.path); parents != nullptr && parents->is_array())
      for (const auto& record : parents->items())
        if (const Value* children = at(record, sheet.path); children != nullptr && children->is_array())
          for (const auto& child : children->items())
            records.push_back({&child, record.find(parent.key_field)});
    return records;
  }

  // The titles of columns that come from the dataset (one per questionnaire item).
  std::vector<std::string> spread_titles(const ColumnPlan& column) const {
    std::vector<std::string> titles;
    if (from_ != nullptr)
      column.spread_from->for_each_match(from_->root, [&](const Value& value) {
        titles.push_back(value.is_number()   ? std::string(value.number_text())
                         : value.is_string() ? std::string(value.as_string())
                                             : std::string());
      });
    return titles;
  }

  void write_values() {
    templating::SheetSetup setup;
    setup.name = plan_.values_sheet.front();
    setup.freeze_rows = 1;
    setup.protect = false;
    setup.column_widths = {0, value_width, hint_width};
    setup.max_fitted_width = 45;
    setup.print.repeat_rows_first = 0;
    setup.print.repeat_rows_last = 0;
    begin_sheet(setup);
    write_row(0,
              std::vector<templating::Cell>{header(values_label_title), header(values_value_title),
                                            header("คำอธิบาย")},
              line_height);
    std::uint32_t row = 1;
    for (const auto& column : plan_.values) {
      const Value* value = from_ != nullptr ? find(from_->root, column.path) : nullptr;
      templating::Cell cell = value != nullptr ? styles_.cell(column, *value) : styles_.empty(column);
      if (value == nullptr && from_ == nullptr && column.facets.default_value != nullptr)
        cell = styles_.cell(column, *column.facets.default_value);
      std::vector<templating::Cell> cells{{column.titles.front(), styles_.label(column.required)},
                                          std::move(cell),
                                          {thai_hint(column), styles_.hint()}};
      const double height = row_height(cells, {record_width, value_width, hint_width});
      write_row(row, std::move(cells), height);
      if (column.facets.enum_values != nullptr) add_list(column, {row, 1, row, 1});
      ++row;
    }
    sink_.end_sheet();
  }

  void write_records(std::size_t index) {
    const SheetPlan& sheet = plan_.sheets[index];
    struct Written {
      const ColumnPlan* column;
      std::string title;
      std::size_t spread = 0;  // spread_from: which value of the pattern
    };
    std::vector<Written> columns;
    columns.push_back({nullptr, row_number_title});  // ที่: the row's number, as office lists have; not read
    if (sheet.parent_key) columns.push_back({&*sheet.parent_key, sheet.parent_key->titles.front()});
    for (const auto& column : sheet.columns) {
      if (column.spread_from == nullptr) {
        columns.push_back({&column, column.titles.front()});
        continue;
      }
      const std::vector<std::string> titles = spread_titles(column);
      for (std::size_t i = 0; i < titles.size(); ++i) columns.push_back({&column, titles[i], i});
    }

    templating::SheetSetup setup;
    setup.name = sheet.names.front();
    setup.freeze_rows = 1;
    setup.protect = false;
    setup.max_fitted_width = 50;
    setup.column_widths.assign(columns.size(), 0);
    setup.print.landscape = columns.size() > 6;
    setup.print.repeat_rows_first = 0;
    setup.print.repeat_rows_last = 0;
    const std::vector<Record> records = records_of(sheet);
    const auto last_col = static_cast<std::uint16_t>(std::max<std::size_t>(columns.size(), 1) - 1);
    setup.autofilter = templating::CellRange{
        0, 0, static_cast<std::uint32_t>(std::max<std::size_t>(records.size(), 1)), last_col};
    begin_sheet(setup);

    std::vector<templating::Cell> titles;
    for (const auto& written : columns) titles.push_back(header(written.title));
    write_row(0, std::move(titles), line_height);
    std::uint32_t row = 1;
    for (const auto& record : records) {
      std::vector<templating::Cell> cells;
      for (const auto& written : columns) {
        if (written.column == nullptr) {
          cells.push_back({static_cast<double>(row), styles_.row_number()});
          continue;
        }
        const Value* value = nullptr;
        if (sheet.parent_key && written.column == &*sheet.parent_key)
          value = record.parent_key;
        else if (written.column->shape == ColumnPlan::Shape::spread)
          value = spread_item(*record.value, *written.column, written.spread);
        else
          value = find(*record.value, written.column->path);
        cells.push_back(value != nullptr ? styles_.cell(*written.column, *value)
                                         : styles_.empty(*written.column));
      }
      const double height = row_height(cells, {});
      write_row(row++, std::move(cells), height);
    }
    // Styled empty rows below, so that what a clerk types there looks and is read the same.
    const std::uint32_t last_row = row + input_rows - 1;
    for (std::size_t c = 0; c < columns.size(); ++c)
      if (columns[c].column != nullptr && columns[c].column->facets.enum_values != nullptr)
        add_list(*columns[c].column,
                 {1, static_cast<std::uint16_t>(c), last_row, static_cast<std::uint16_t>(c)});
    for (; row <= last_row; ++row) {
      std::vector<templating::Cell> cells;
      for (const auto& written : columns)
        cells.push_back(written.column != nullptr ? styles_.empty(*written.column)
                                                  : templating::Cell{std::monostate{}, styles_.row_number()});
      write_row(row, std::move(cells), line_height);
    }
    sink_.end_sheet();
  }

  static const Value* spread_item(const Value& record, const ColumnPlan& column, std::size_t spread) {
    const Value* array = find(record, column.path);
    const std::size_t index = column.spread_from != nullptr ? spread : column.spread_index;
    return array != nullptr && array->is_array() && index < array->items().size() ? &array->items()[index]
                                                                                  : nullptr;
  }

  static const Value* find(const Value& root, const std::vector<std::string>& path) {
    const Value* value = &root;
    for (const auto& key : path)
      if ((value = value->find(key)) == nullptr) return nullptr;
    return value;
  }

  void write_explanations() {
    templating::SheetSetup setup;
    setup.name = explanations_sheet;
    setup.protect = false;
    setup.freeze_rows = 3;
    setup.column_widths = {22, 30, 10, 70};
    setup.print.landscape = true;
    begin_sheet(setup);
    write_row(0,
              std::vector<templating::Cell>{
                  {"กรอกข้อมูลใต้แถวหัวตารางของแต่ละชีต โดยไม่แก้ชื่อหัวคอลัมน์ แล้วนำเข้าด้วย raingan import "
                   "หรือหน้าเว็บของ raingan (คอลัมน์อื่นที่เพิ่มเองจะไม่ถูกอ่าน)",
                   styles_.hint(), 4}},
              line_height * 2);
    write_row(
        2, std::vector<templating::Cell>{header("ชีต"), header("คอลัมน์"), header("ต้องกรอก"), header("ข้อมูลที่รับ")},
        line_height);
    std::uint32_t row = 3;
    const auto line = [&](const std::string& sheet, const ColumnPlan& column, const std::string& title) {
      std::vector<templating::Cell> cells{{sheet, styles_.hint()},
                                          {title, styles_.hint()},
                                          {column.required ? "ต้องกรอก" : "", styles_.hint()},
                                          {thai_hint(column), styles_.hint()}};
      const double height = row_height(cells, {22, 30, 10, hint_width});
      write_row(row++, std::move(cells), height);
    };
    for (const auto& column : plan_.values) line(plan_.values_sheet.front(), column, column.titles.front());
    for (const auto& sheet : plan_.sheets) {
      if (sheet.parent_key)
        line(sheet.names.front(), *sheet.parent_key,
             sheet.parent_key->titles.front() + " (ของชีต " + plan_.sheets[*sheet.parent].names.front() + ")");
      for (const auto& column : sheet.columns)
        line(sheet.names.front(), column,
             column.spread_from != nullptr
                 ? "หนึ่งคอลัมน์ต่อรายการ ชื่อคอลัมน์ตาม " + spread_source(*column.spread_from)
                 : column.titles.front());
    }
    sink_.end_sheet();
  }

  // Where the titles of columns from the dataset are typed: "ข้อที่ ในชีต ข้อคำถาม", or the pattern itself.
  std::string spread_source(const dataset::PathPattern& pattern) const {
    std::string bare;
    for (const char c : pattern.text())
      if (c != '[' && c != ']' && c != '*') bare += c;
    const auto joined = [](const std::vector<std::string>& path) {
      std::string text;
      for (const auto& key : path) text += (text.empty() ? "" : ".") + key;
      return text;
    };
    for (const auto& sheet : plan_.sheets) {
      const std::string array = sheet.parent
                                    ? joined(plan_.sheets[*sheet.parent].path) + "." + joined(sheet.path)
                                    : joined(sheet.path);
      for (const auto& column : sheet.columns)
        if (array + "." + column.json_path == bare)
          return column.titles.front() + " ในชีต " + sheet.names.front();
    }
    return pattern.text();
  }

  void begin_sheet(const templating::SheetSetup& setup) {
    placement_ = {};
    sink_.begin_sheet(setup);
  }

  // Rows come in order; their cells are placed in columns from A, a wide cell taking the columns it spans.
  void write_row(std::uint32_t row, std::vector<templating::Cell> cells, double height) {
    templating::RowMerges merges = placement_.place(row, cells);
    sink_.write_row({row, std::move(cells), std::move(merges), height});
  }

  templating::Cell header(std::string title) { return {std::move(title), styles_.header()}; }

  void add_list(const ColumnPlan& column, const templating::CellRange& range) {
    templating::ListValidation list;
    std::size_t characters = 0;
    for (const auto& value : *column.facets.enum_values) {
      list.allowed.push_back(value.is_string() ? std::string(value.as_string()) : dataset::describe(value));
      characters += list.allowed.back().size() + 1;
    }
    if (characters > 255 * 3) return;  // Excel's limit on the joined list
    list.error_title = "ค่าไม่อยู่ในรายการ";
    list.error_message = "เลือกจากรายการในช่องนี้";
    sink_.add_list_validation(range, list);
  }

  const ImportPlan& plan_;
  const dataset::JsonDocument* from_;
  templating::WorkbookSink& sink_;
  CellStyles styles_;
  templating::CellPlacement placement_;  // of the sheet being written
};

void write_workbook(const ImportPlan& plan, const dataset::Schema& schema, const dataset::JsonDocument* from,
                    const fs::path& output, const SheetOptions& options) {
  text::FontLibrary fonts(options.fonts_folder);
  layout::ParagraphLayouter paragraphs(fonts);
  // Widths as the shaper sets the text; where the fonts cannot be found, an estimate (about half an em
  // a character), since a sheet to fill in is worth more than its exact column widths.
  bool shaping = true;
  auto measure = [&](std::string_view text, const templating::CellStyle& style) {
    if (shaping) {
      try {
        layout::TextInline piece;
        piece.text = std::string(text);
        piece.style.font.family = style.font_name;
        piece.style.font.bold = style.bold;
        piece.style.font.size = style.font_size;
        const layout::Inline content = piece;
        const layout::ParagraphLayout laid =
            paragraphs.layout(std::span<const layout::Inline>(&content, 1), layout::ParagraphStyle{}, 1e7);
        double width = 0;
        for (const auto& line : laid.lines) width = std::max(width, line.width);
        return width;
      } catch (const InputError&) {
        shaping = false;
      }
    }
    return 0.55 * style.font_size * static_cast<double>(spacing_characters(text));
  };
  templating::WorkbookSettings workbook;
  workbook.properties.title = "แบบนำเข้าข้อมูล: " + schema.title();
  workbook.properties.subject = plan.kind;
  workbook.properties.comments = "raingan import " + plan.kind;
  xlsx::WorkbookWriter writer(output, std::move(workbook), measure);
  SheetWriter(plan, from, writer).write();
  writer.finish();
}

ImportPlan plan_for(const dataset::Schema& schema, const dataset::JsonDocument* from) {
  ImportPlan plan = make_import_plan(schema);
  if (plan.sheets.empty())
    throw InputError(
        schema.file(), "",
        "the kind says no sheet to import from (no x-sheet on any array; see templates/README.md)");
  if (from != nullptr) {
    const Value* kind = from->root.find("kind");
    if (kind == nullptr || !kind->is_string() || kind->as_string() != plan.kind)
      throw InputError(from->file, "kind",
                       "expected a dataset of kind \"" + plan.kind + "\", found " +
                           (kind == nullptr ? std::string("none") : dataset::describe(*kind)));
  }
  return plan;
}

}  // namespace

void write_import_sheet(const dataset::Schema& schema, const dataset::JsonDocument* from,
                        const fs::path& output, const SheetOptions& options) {
  write_workbook(plan_for(schema, from), schema, from, output, options);
}

std::string import_sheet_bytes(const dataset::Schema& schema, const dataset::JsonDocument* from,
                               const SheetOptions& options) {
  const ImportPlan plan = plan_for(schema, from);
  std::random_device random;
  const fs::path folder = fs::temp_directory_path() / ("raingan-sheet-" + std::to_string(random()));
  fs::create_directories(folder);
  struct Cleanup {
    fs::path folder;
    ~Cleanup() {
      std::error_code ignored;
      fs::remove_all(folder, ignored);
    }
  } cleanup{folder};
  const fs::path file = folder / (plan.kind + ".xlsx");
  write_workbook(plan, schema, from, file, options);
  std::ifstream in(file, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return std::move(bytes).str();
}

}  // namespace raingan::intake
