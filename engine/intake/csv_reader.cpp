#include "intake/csv_reader.h"

#include <unicode/unistr.h>

#include <array>
#include <map>

#include "core/diagnostic.h"
#include "core/utf8.h"
#include "intake/zip_package.h"

namespace raingan::intake {
namespace {

std::string convert(std::string_view bytes, const char* codepage, const std::string& file_label,
                    const std::string& name) {
  const icu::UnicodeString text(bytes.data(), static_cast<std::int32_t>(bytes.size()), codepage);
  if (text.isBogus()) throw InputError(file_label, "", "cannot be read as " + name);
  std::string out;
  text.toUTF8String(out);
  return out;
}

// Splits CSV text into records of fields. A record that ends inside quotes is an error with its line.
class CsvParser {
 public:
  CsvParser(std::string_view text, char separator) : text_(text), separator_(separator) {}

  // The next record into `fields`; false at the end of the text.
  bool next(std::vector<std::string>& fields, const std::string& file_label) {
    fields.clear();
    if (at_ >= text_.size()) return false;
    ++line_;
    const std::size_t first_line = line_;
    std::string field;
    bool quoted = false;
    bool was_quoted = false;
    while (at_ < text_.size()) {
      const char c = text_[at_];
      if (quoted) {
        if (c == '"') {
          if (at_ + 1 < text_.size() && text_[at_ + 1] == '"') {
            field += '"';
            at_ += 2;
            continue;
          }
          quoted = false;
          ++at_;
          continue;
        }
        if (c == '\n') ++line_;
        if (c == '\r' && at_ + 1 < text_.size() && text_[at_ + 1] == '\n') {
          ++at_;  // CR LF inside quotes is a line break of the cell
          continue;
        }
        field += c;
        ++at_;
        continue;
      }
      if (c == '"' && field.empty() && !was_quoted) {
        quoted = true;
        was_quoted = true;
        ++at_;
        continue;
      }
      if (c == separator_) {
        fields.push_back(std::move(field));
        field.clear();
        was_quoted = false;
        ++at_;
        continue;
      }
      if (c == '\r' || c == '\n') {
        at_ += c == '\r' && at_ + 1 < text_.size() && text_[at_ + 1] == '\n' ? 2 : 1;
        fields.push_back(std::move(field));
        return true;
      }
      field += c;
      ++at_;
    }
    if (quoted)
      throw InputError(
          file_label, "line " + std::to_string(first_line),
          "expected a closing quote (\") for the field opened on this line, found the end of the file");
    fields.push_back(std::move(field));
    return true;
  }

  std::size_t line() const noexcept { return line_; }

 private:
  std::string_view text_;
  char separator_;
  std::size_t at_ = 0;
  std::size_t line_ = 0;
};

// The separator that splits the first records into the same number of fields, most of them.
char detect_separator(std::string_view text) {
  constexpr std::array<char, 3> candidates{',', ';', '\t'};
  char best = ',';
  std::size_t best_score = 0;
  std::size_t best_fields = 1;
  for (const char candidate : candidates) {
    CsvParser parser(text, candidate);
    std::vector<std::string> fields;
    std::map<std::size_t, std::size_t> counts;  // fields per record -> records
    try {
      for (int record = 0; record < 30 && parser.next(fields, ""); ++record)
        if (fields.size() > 1) ++counts[fields.size()];
    } catch (const InputError&) {
      // An unclosed quote with this separator: judge by the records before it.
    }
    for (const auto& [fields_per_record, records] : counts)
      if (records > best_score || (records == best_score && fields_per_record > best_fields)) {
        best = candidate;
        best_score = records;
        best_fields = fields_per_record;
      }
  }
  return best;
}

}  // namespace

DecodedText decode_text(std::string_view bytes, const std::string& file_label) {
  if (bytes.starts_with("\xEF\xBB\xBF")) {
    bytes.remove_prefix(3);
    if (const auto bad = utf8::first_invalid_byte(bytes))
      throw InputError(
          file_label, "byte " + std::to_string(*bad + 3),
          "expected UTF-8 (the file starts with UTF-8's byte-order mark), found a byte that is not");
    return {std::string(bytes), "UTF-8", false};
  }
  if (bytes.starts_with("\xFF\xFE"))
    return {convert(bytes.substr(2), "UTF-16LE", file_label, "UTF-16"), "UTF-16", false};
  if (bytes.starts_with("\xFE\xFF"))
    return {convert(bytes.substr(2), "UTF-16BE", file_label, "UTF-16"), "UTF-16", false};
  if (!utf8::first_invalid_byte(bytes)) return {std::string(bytes), "UTF-8", false};
  return {convert(bytes, "windows-874", file_label, "Windows-874"), "Windows-874 (TIS-620)", true};
}

Workbook read_csv(std::string_view bytes, const std::string& file_label, std::string sheet_name,
                  const Limits& limits) {
  if (bytes.size() > limits.max_file_bytes)
    throw InputError(file_label, "",
                     "expected a file of at most " + megabytes(limits.max_file_bytes) + ", found " +
                         megabytes(bytes.size()));
  Workbook workbook;
  DecodedText decoded = decode_text(bytes, file_label);
  if (decoded.assumed)
    workbook.notes.push_back("read as " + decoded.encoding +
                             ": the file is not UTF-8 (save it as \"CSV UTF-8\" to be sure)");
  std::string_view text = decoded.text;

  char separator = 0;
  // Excel's hint on the first line: sep=;
  if (text.size() >= 5 && text.substr(0, 4) == "sep=" &&
      (text.size() == 5 || text[5] == '\n' || text[5] == '\r')) {
    separator = text[4];
    std::size_t skip = 5;
    while (skip < text.size() && (text[skip] == '\r' || text[skip] == '\n') && skip < 7) ++skip;
    text.remove_prefix(skip);
  }
  if (separator == 0) {
    separator = detect_separator(text);
    if (separator != ',')
      workbook.notes.push_back(std::string("fields are separated by ") +
                               (separator == '\t' ? "tabs" : "';'"));
  }

  Sheet& sheet = workbook.sheets.emplace_back();
  sheet.name = std::move(sheet_name);
  CsvParser parser(text, separator);
  std::vector<std::string> fields;
  std::uint64_t cells = 0;
  std::uint32_t row = 0;
  while (parser.next(fields, file_label)) {
    if (row >= limits.max_rows)
      throw InputError(file_label, "line " + std::to_string(parser.line()),
                       "expected at most " + std::to_string(limits.max_rows) + " records");
    if (fields.size() > limits.max_columns)
      throw InputError(file_label, "line " + std::to_string(parser.line()),
                       "expected at most " + std::to_string(limits.max_columns) +
                           " fields in a record, found " + std::to_string(fields.size()));
    SheetRow sheet_row{row, {}};
    for (std::uint32_t column = 0; column < fields.size(); ++column) {
      if (fields[column].empty()) continue;
      if (++cells > limits.max_cells)
        throw InputError(file_label, "line " + std::to_string(parser.line()),
                         "expected at most " + std::to_string(limits.max_cells) + " fields in the file");
      sheet_row.cells.push_back(SheetCell{column, CellType::text, false, std::move(fields[column])});
    }
    if (!sheet_row.cells.empty()) sheet.rows.push_back(std::move(sheet_row));
    ++row;
  }
  return workbook;
}

}  // namespace raingan::intake
