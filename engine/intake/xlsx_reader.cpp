#include "intake/xlsx_reader.h"

#include <algorithm>
#include <charconv>
#include <map>
#include <optional>
#include <vector>

#include "core/diagnostic.h"
#include "core/utf8.h"
#include "intake/xml_events.h"
#include "intake/zip_package.h"

namespace raingan::intake {
namespace {

constexpr std::string_view office_document = "/officeDocument";
constexpr std::string_view worksheet_type = "/worksheet";
constexpr std::string_view shared_strings_type = "/sharedStrings";
constexpr std::string_view styles_type = "/styles";

bool ends_with(std::string_view text, std::string_view end) {
  return text.size() >= end.size() && text.substr(text.size() - end.size()) == end;
}

// A part name from a relationship's target, relative to the folder of the part that holds the relationship.
std::string resolve_part(std::string_view folder, std::string_view target) {
  std::string joined = !target.empty() && target.front() == '/' ? std::string(target.substr(1))
                                                                : std::string(folder) + std::string(target);
  std::vector<std::string> segments;
  std::size_t start = 0;
  while (start <= joined.size()) {
    const std::size_t slash = std::min(joined.find('/', start), joined.size());
    const std::string segment = joined.substr(start, slash - start);
    if (segment == "..") {
      if (!segments.empty()) segments.pop_back();
    } else if (!segment.empty() && segment != ".") {
      segments.push_back(segment);
    }
    start = slash + 1;
  }
  std::string part;
  for (const auto& segment : segments) part += (part.empty() ? "" : "/") + segment;
  return part;
}

std::string folder_of(std::string_view part) {
  const std::size_t slash = part.rfind('/');
  return slash == std::string_view::npos ? std::string() : std::string(part.substr(0, slash + 1));
}

std::string relationships_part(std::string_view part) {
  const std::size_t slash = part.rfind('/');
  const std::string_view name = slash == std::string_view::npos ? part : part.substr(slash + 1);
  return folder_of(part) + "_rels/" + std::string(name) + ".rels";
}

struct Relationship {
  std::string type;
  std::string part;
};

class RelationshipsReader : public XmlEvents {
 public:
  explicit RelationshipsReader(std::string folder) : folder_(std::move(folder)) {}
  std::map<std::string, Relationship> by_id;

  void start(std::string_view name, const char** attributes) override {
    if (name != "Relationship") return;
    const char* id = attribute(attributes, "Id");
    const char* type = attribute(attributes, "Type");
    const char* target = attribute(attributes, "Target");
    const char* mode = attribute(attributes, "TargetMode");
    if (id == nullptr || type == nullptr || target == nullptr) return;
    if (mode != nullptr && std::string_view(mode) == "External") return;
    by_id.emplace(id, Relationship{type, resolve_part(folder_, target)});
  }
  void end(std::string_view) override {}
  void text(std::string_view) override {}

 private:
  std::string folder_;
};

struct SheetEntry {
  std::string name;
  std::string relationship;
};

class WorkbookPartReader : public XmlEvents {
 public:
  bool date1904 = false;
  std::vector<SheetEntry> sheets;

  void start(std::string_view name, const char** attributes) override {
    if (name == "workbookPr") {
      if (const char* value = attribute(attributes, "date1904"))
        date1904 = std::string_view(value) == "1" || std::string_view(value) == "true";
    } else if (name == "sheet") {
      const char* sheet_name = attribute(attributes, "name");
      const char* id = attribute(attributes, "id");
      if (sheet_name != nullptr && id != nullptr) sheets.push_back({sheet_name, id});
    }
  }
  void end(std::string_view) override {}
  void text(std::string_view) override {}
};

// <si> items: the text of <t> elements, in runs or not, leaving out phonetic runs (<rPh>).
class SharedStringsReader : public XmlEvents {
 public:
  SharedStringsReader(const Limits& limits, std::string label) : limits_(limits), label_(std::move(label)) {}
  std::vector<std::string> strings;

  void start(std::string_view name, const char**) override {
    if (name == "si") {
      if (strings.size() >= limits_.max_cells)
        throw InputError(label_, "xl/sharedStrings.xml",
                         "expected at most " + std::to_string(limits_.max_cells) + " shared strings");
      strings.emplace_back();
      in_item_ = true;
    } else if (name == "rPh") {
      ++phonetic_;
    } else if (name == "t") {
      in_text_ = in_item_ && phonetic_ == 0;
    }
  }
  void end(std::string_view name) override {
    if (name == "si") in_item_ = false;
    if (name == "rPh" && phonetic_ > 0) --phonetic_;
    if (name == "t") in_text_ = false;
  }
  void text(std::string_view text) override {
    if (in_text_) strings.back() += text;
  }

 private:
  const Limits& limits_;
  std::string label_;
  bool in_item_ = false;
  bool in_text_ = false;
  int phonetic_ = 0;
};

// cellXfs: per style index, whether its number format shows a date.
class StylesReader : public XmlEvents {
 public:
  std::vector<bool> date_styles;

  void start(std::string_view name, const char** attributes) override {
    if (name == "numFmt") {
      const char* id = attribute(attributes, "numFmtId");
      const char* code = attribute(attributes, "formatCode");
      if (id != nullptr && code != nullptr) custom_.emplace(number(id), code);
    } else if (name == "cellXfs") {
      in_cell_formats_ = true;
    } else if (name == "xf" && in_cell_formats_) {
      const char* id = attribute(attributes, "numFmtId");
      const int format = id != nullptr ? number(id) : 0;
      const auto custom = custom_.find(format);
      date_styles.push_back(is_date_format(format, custom != custom_.end() ? custom->second : std::string()));
    }
  }
  void end(std::string_view name) override {
    if (name == "cellXfs") in_cell_formats_ = false;
  }
  void text(std::string_view) override {}

 private:
  static int number(std::string_view text) {
    int value = -1;
    std::from_chars(text.data(), text.data() + text.size(), value);
    return value;
  }
  std::map<int, std::string> custom_;
  bool in_cell_formats_ = false;
};

// A cell reference "AB12" -> zero-based row and column.
bool parse_reference(std::string_view reference, std::uint32_t& row, std::uint32_t& column) {
  std::size_t i = 0;
  std::uint64_t col = 0;
  while (i < reference.size() && reference[i] >= 'A' && reference[i] <= 'Z' && i < 4)
    col = col * 26 + static_cast<std::uint64_t>(reference[i++] - 'A' + 1);
  std::uint64_t line = 0;
  const std::size_t digits = i;
  while (i < reference.size() && reference[i] >= '0' && reference[i] <= '9' && i - digits < 8)
    line = line * 10 + static_cast<std::uint64_t>(reference[i++] - '0');
  if (col == 0 || line == 0 || i != reference.size()) return false;
  row = static_cast<std::uint32_t>(line - 1);
  column = static_cast<std::uint32_t>(col - 1);
  return true;
}

class WorksheetReader : public XmlEvents {
 public:
  WorksheetReader(Sheet& sheet, const std::vector<std::string>& shared, const std::vector<bool>& date_styles,
                  const Limits& limits, std::uint64_t& cells, std::string label, std::string part)
      : sheet_(sheet),
        shared_(shared),
        date_styles_(date_styles),
        limits_(limits),
        cells_(cells),
        label_(std::move(label)),
        part_(std::move(part)) {}

  void start(std::string_view name, const char** attributes) override {
    if (name == "sheetData") {
      in_data_ = true;
    } else if (!in_data_) {
      return;
    } else if (name == "row") {
      std::uint32_t index = next_row_;
      if (const char* r = attribute(attributes, "r")) {
        std::uint64_t value = 0;
        const std::string_view text(r);
        const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
        if (error != std::errc{} || end != text.data() + text.size() || value == 0)
          fail("", "expected a row number, found \"" + std::string(text) + "\"");
        if (value > limits_.max_rows) too_many_rows(value);
        index = static_cast<std::uint32_t>(value - 1);
      }
      if (index >= limits_.max_rows) too_many_rows(static_cast<std::uint64_t>(index) + 1);
      row_ = SheetRow{index, {}};
      next_row_ = index + 1;
      next_column_ = 0;
    } else if (name == "c") {
      cell_ = SheetCell{};
      cell_.column = next_column_;
      std::uint32_t row = row_.index;
      if (const char* r = attribute(attributes, "r")) {
        if (!parse_reference(r, row, cell_.column))
          fail("", "expected a cell reference such as B5, found \"" + std::string(r) + "\"");
        if (row != row_.index) fail(cell_name(row, cell_.column), "the cell is outside its row");
      }
      if (cell_.column >= limits_.max_columns)
        fail(cell_name(row_.index, cell_.column),
             "expected at most " + std::to_string(limits_.max_columns) + " columns");
      next_column_ = cell_.column + 1;
      const char* type = attribute(attributes, "t");
      type_ = type != nullptr ? type : "n";
      cell_.date_style = false;
      if (const char* style = attribute(attributes, "s")) {
        std::size_t index = 0;
        const std::string_view text(style);
        std::from_chars(text.data(), text.data() + text.size(), index);
        cell_.date_style = index < date_styles_.size() && date_styles_[index];
      }
      value_.clear();
      inline_text_.clear();
      has_value_ = false;
    } else if (name == "v") {
      in_value_ = true;
      has_value_ = true;
    } else if (name == "is") {
      in_inline_ = true;
      has_value_ = true;
    } else if (name == "rPh") {
      ++phonetic_;
    } else if (name == "t") {
      in_text_ = in_inline_ && phonetic_ == 0;
    }
  }

  void end(std::string_view name) override {
    if (name == "sheetData") {
      in_data_ = false;
    } else if (!in_data_) {
      return;
    } else if (name == "v") {
      in_value_ = false;
    } else if (name == "is") {
      in_inline_ = false;
    } else if (name == "t") {
      in_text_ = false;
    } else if (name == "rPh") {
      if (phonetic_ > 0) --phonetic_;
    } else if (name == "c") {
      finish_cell();
    } else if (name == "row") {
      if (!row_.cells.empty()) {
        std::sort(row_.cells.begin(), row_.cells.end(),
                  [](const SheetCell& a, const SheetCell& b) { return a.column < b.column; });
        sheet_.rows.push_back(std::move(row_));
      }
      row_ = SheetRow{};
    }
  }

  void text(std::string_view text) override {
    if (in_value_) value_ += text;
    if (in_text_) inline_text_ += text;
  }

 private:
  void finish_cell() {
    if (!has_value_) return;  // a styled blank
    if (type_ == "s") {
      std::size_t index = 0;
      const auto [end, error] = std::from_chars(value_.data(), value_.data() + value_.size(), index);
      if (error != std::errc{} || end != value_.data() + value_.size() || index >= shared_.size())
        fail(
            cell_name(row_.index, cell_.column),
            "refers to shared string " + value_ + ", but the workbook has " + std::to_string(shared_.size()));
      cell_.type = CellType::text;
      cell_.text = shared_[index];
    } else if (type_ == "inlineStr") {
      cell_.type = CellType::text;
      cell_.text = std::move(inline_text_);
    } else if (type_ == "str" || type_ == "d") {  // a formula's text result; an ISO date (strict files)
      cell_.type = CellType::text;
      cell_.text = std::move(value_);
    } else if (type_ == "b") {
      cell_.type = CellType::boolean;
      cell_.text = value_ == "1" || value_ == "true" ? "1" : "0";
    } else if (type_ == "e") {
      cell_.type = CellType::error;
      cell_.text = std::move(value_);
    } else {
      cell_.type = CellType::number;
      cell_.text = std::move(value_);
    }
    if (cell_.type == CellType::text && cell_.text.empty()) return;
    if (utf8::first_invalid_byte(cell_.text))
      fail(cell_name(row_.index, cell_.column), "the cell's text is not valid UTF-8");
    if (++cells_ > limits_.max_cells)
      fail(cell_name(row_.index, cell_.column),
           "expected at most " + std::to_string(limits_.max_cells) + " cells in the workbook");
    row_.cells.push_back(std::move(cell_));
  }

  [[noreturn]] void too_many_rows(std::uint64_t row) const {
    fail("",
         "expected at most " + std::to_string(limits_.max_rows) + " rows, found row " + std::to_string(row));
  }

  [[noreturn]] void fail(const std::string& cell, const std::string& message) const {
    throw InputError(label_, cell.empty() ? sheet_.name + " (" + part_ + ")" : sheet_.name + "!" + cell,
                     message);
  }

  Sheet& sheet_;
  const std::vector<std::string>& shared_;
  const std::vector<bool>& date_styles_;
  const Limits& limits_;
  std::uint64_t& cells_;
  std::string label_;
  std::string part_;
  bool in_data_ = false;
  bool in_value_ = false;
  bool in_inline_ = false;
  bool in_text_ = false;
  bool has_value_ = false;
  int phonetic_ = 0;
  std::uint32_t next_row_ = 0;
  std::uint32_t next_column_ = 0;
  SheetRow row_;
  SheetCell cell_;
  std::string type_;
  std::string value_;
  std::string inline_text_;
};

}  // namespace

bool is_date_format(int id, std::string_view code) {
  if ((id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) || (id >= 50 && id <= 58) ||
      (id >= 71 && id <= 81))
    return id < 59 || code.empty() || is_date_format(-1, code);
  if (code.empty()) return false;
  // The first section (positive numbers), without literal text, escapes, fills and bracketed parts
  // ([$-D07041E], [Red], [h]); what is left shows a date or time when it has one of their codes.
  bool found = false;
  std::size_t i = 0;
  while (i < code.size()) {
    const char c = code[i];
    if (c == ';') break;
    if (c == '"') {
      const std::size_t close = code.find('"', i + 1);
      i = close == std::string_view::npos ? code.size() : close + 1;
      continue;
    }
    if (c == '\\' || c == '_' || c == '*') {
      i += 2;
      continue;
    }
    if (c == '[') {
      const std::size_t close = code.find(']', i + 1);
      const std::string_view inside = code.substr(i + 1, close == std::string_view::npos ? 0 : close - i - 1);
      // Elapsed time ([h], [mm], [ss]) is a time.
      if (!inside.empty() && inside.find_first_not_of("hHmMsS") == std::string_view::npos) found = true;
      i = close == std::string_view::npos ? code.size() : close + 1;
      continue;
    }
    const char lower = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    if (lower == 'd' || lower == 'm' || lower == 'y' || lower == 'h' || lower == 's') found = true;
    if (lower == 'b' && i + 1 < code.size() && (code[i + 1] == 'b' || code[i + 1] == 'B'))
      found = true;  // bbbb
    ++i;
  }
  // "General" has none of the codes above except by accident of its letters.
  std::string lowered(code.substr(0, std::min<std::size_t>(code.size(), 7)));
  for (char& c : lowered) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  if (lowered == "general") return false;
  return found;
}

Workbook read_xlsx(std::string_view bytes, const std::string& file_label, const Limits& limits) {
  if (bytes.size() > limits.max_file_bytes)
    throw InputError(file_label, "",
                     "expected a file of at most " + megabytes(limits.max_file_bytes) + ", found " +
                         megabytes(bytes.size()));
  ZipPackage package(bytes, file_label, limits);

  const auto relationships = [&](const std::string& part) {
    RelationshipsReader reader(folder_of(part));
    const std::string rels = relationships_part(part);
    if (package.has(rels)) parse_xml(package.read(rels), file_label, rels, reader);
    return reader.by_id;
  };

  std::string workbook_part = "xl/workbook.xml";
  if (package.has("_rels/.rels")) {
    RelationshipsReader root("");
    parse_xml(package.read("_rels/.rels"), file_label, "_rels/.rels", root);
    for (const auto& [id, relationship] : root.by_id)
      if (ends_with(relationship.type, office_document)) workbook_part = relationship.part;
  }
  if (!package.has(workbook_part))
    throw InputError(
        file_label, "",
        "expected an XLSX workbook, found a zip archive without a workbook part (" + workbook_part + ")");

  WorkbookPartReader workbook_reader;
  parse_xml(package.read(workbook_part), file_label, workbook_part, workbook_reader);
  const std::map<std::string, Relationship> parts = relationships(workbook_part);

  std::vector<std::string> shared;
  std::vector<bool> date_styles;
  for (const auto& [id, relationship] : parts) {
    if (ends_with(relationship.type, shared_strings_type) && package.has(relationship.part)) {
      SharedStringsReader reader(limits, file_label);
      parse_xml(package.read(relationship.part), file_label, relationship.part, reader);
      shared = std::move(reader.strings);
    } else if (ends_with(relationship.type, styles_type) && package.has(relationship.part)) {
      StylesReader reader;
      parse_xml(package.read(relationship.part), file_label, relationship.part, reader);
      date_styles = std::move(reader.date_styles);
    }
  }

  Workbook workbook;
  workbook.date1904 = workbook_reader.date1904;
  if (workbook_reader.sheets.size() > limits.max_sheets)
    throw InputError(file_label, "",
                     "expected at most " + std::to_string(limits.max_sheets) + " sheets, found " +
                         std::to_string(workbook_reader.sheets.size()));
  std::uint64_t cells = 0;
  for (const auto& entry : workbook_reader.sheets) {
    const auto relationship = parts.find(entry.relationship);
    // Chart sheets and dialog sheets hold no cells.
    if (relationship == parts.end() || !ends_with(relationship->second.type, worksheet_type)) continue;
    if (utf8::first_invalid_byte(entry.name)) continue;
    Sheet& sheet = workbook.sheets.emplace_back();
    sheet.name = entry.name;
    WorksheetReader reader(sheet, shared, date_styles, limits, cells, file_label, relationship->second.part);
    parse_xml(package.read(relationship->second.part), file_label, relationship->second.part, reader);
    std::stable_sort(sheet.rows.begin(), sheet.rows.end(),
                     [](const SheetRow& a, const SheetRow& b) { return a.index < b.index; });
  }
  return workbook;
}

}  // namespace raingan::intake
