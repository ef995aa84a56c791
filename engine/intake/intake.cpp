#include "intake/intake.h"

#include <fstream>
#include <sstream>
#include <system_error>

#include "intake/csv_reader.h"
#include "intake/import_plan.h"
#include "intake/importer.h"
#include "intake/xlsx_reader.h"
#include "intake/zip_package.h"

namespace raingan::intake {
namespace {

namespace fs = std::filesystem;

std::string lower_extension(const std::string& label) {
  std::string extension = fs::path(label).extension().string();
  for (char& c : extension) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  return extension;
}

// The format: as asked, else by the name's extension, else by the first bytes.
FileFormat format_of(std::string_view bytes, const std::string& label, const ImportOptions& options) {
  if (options.format) return *options.format;
  const std::string extension = lower_extension(label);
  if (extension == ".xlsx" || extension == ".xlsm") return FileFormat::xlsx;
  if (extension == ".csv" || extension == ".tsv" || extension == ".txt") return FileFormat::csv;
  return bytes.starts_with("PK\x03\x04") ? FileFormat::xlsx : FileFormat::csv;
}

// A file that could not be read: its problems are about no value of the dataset.
ImportResult unread(ImportResult result) {
  result.json_paths.assign(result.problems.size(), std::string());
  return result;
}

}  // namespace

bool importable(const dataset::Schema& schema) { return !make_import_plan(schema).sheets.empty(); }

ImportResult import_bytes(std::string_view bytes, const std::string& file_label,
                          const dataset::Schema& schema, const ImportOptions& options) {
  const ImportPlan plan = make_import_plan(schema);
  if (plan.sheets.empty())
    throw InputError(
        schema.file(), "",
        "the kind says no sheet to import from (no x-sheet on any array; see templates/README.md)");
  ImportResult result;
  // Excel 97-2003 files are OLE compound documents.
  if (bytes.starts_with("\xD0\xCF\x11\xE0") || lower_extension(file_label) == ".xls") {
    result.problems.push_back(
        {file_label, "",
         "expected an XLSX workbook (Excel 2007 or later) or a CSV file, found an Excel "
         "97-2003 workbook: save it as .xlsx"});
    return unread(std::move(result));
  }
  Workbook workbook;
  try {
    if (format_of(bytes, file_label, options) == FileFormat::xlsx) {
      workbook = read_xlsx(bytes, file_label, options.limits);
    } else {
      workbook = read_csv(bytes, file_label, fs::path(file_label).stem().string(), options.limits);
    }
  } catch (const InputError& error) {
    result.problems = error.diagnostics();
    return unread(std::move(result));
  }
  return map_workbook(schema, plan, workbook, file_label, options);
}

ImportResult import_file(const fs::path& file, const dataset::Schema& schema, const ImportOptions& options) {
  const std::string label = file.string();
  ImportResult result;
  std::error_code error;
  const fs::file_status status = fs::status(file, error);
  if (error || !fs::exists(status)) {
    result.problems.push_back({label, "", "cannot be read: no such file"});
    return unread(std::move(result));
  }
  if (!fs::is_regular_file(status)) {
    result.problems.push_back({label, "", "expected a regular file, found a folder or a device"});
    return unread(std::move(result));
  }
  const std::uintmax_t size = fs::file_size(file, error);
  if (error || size > options.limits.max_file_bytes) {
    result.problems.push_back({label, "",
                               "expected a file of at most " + megabytes(options.limits.max_file_bytes) +
                                   (error ? std::string() : ", found " + megabytes(size))});
    return unread(std::move(result));
  }
  std::ifstream in(file, std::ios::binary);
  std::string bytes(static_cast<std::size_t>(size), '\0');
  if (!in || !in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()))) {
    result.problems.push_back({label, "", "cannot be read"});
    return unread(std::move(result));
  }
  return import_bytes(bytes, label, schema, options);
}

}  // namespace raingan::intake
