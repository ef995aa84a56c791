#pragma once
// Spreadsheet intake: an XLSX workbook or a CSV file, as an office keeps its records, read into a dataset of
// a kind, following what the kind's schema says about sheets and columns (x-sheet, x-column …, documented in
// templates/README.md), then checked as any dataset. And the other way: the import sheet of a kind, an
// XLSX workbook with the right sheets and header titles, empty or filled from a dataset.
//
//   const dataset::Schema* schema = catalog.find("transport-allowance");
//   intake::ImportResult result = intake::import_file("students.xlsx", *schema);
//   if (result.problems.empty()) save(result.json);
//   else for (const auto& p : result.problems) show(p.location, p.message);  // นักเรียน!D17: expected …
//
// Works on bytes in memory as well as on files (an upload). Hostile input is bounded: the file's size, each
// zip member's and all members' inflated size, rows, columns and cells are capped; XML with a DTD or an
// entity declaration is refused. Nothing here writes to the file system except write_import_sheet.

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/diagnostic.h"
#include "dataset/json_reader.h"
#include "dataset/schema.h"

namespace raingan::intake {

struct Limits {
  std::uint64_t max_file_bytes = 64ULL << 20;     // the XLSX or CSV file itself
  std::uint64_t max_member_bytes = 256ULL << 20;  // one member of the XLSX package, inflated
  std::uint64_t max_total_bytes = 512ULL << 20;   // all the members read, inflated
  std::size_t max_members = 10'000;               // entries in the package
  std::size_t max_sheets = 255;
  std::uint32_t max_rows = 1'048'576;  // per sheet, Excel's own limits
  std::uint32_t max_columns = 16'384;
  std::uint64_t max_cells = 10'000'000;  // all sheets
};

enum class FileFormat { xlsx, csv };

struct ImportOptions {
  Limits limits;
  // Read as this format; otherwise from the file name's extension, and failing that from the content.
  std::optional<FileFormat> format;
  // What the workbook does not carry comes from here (the dataset being updated): single values without a
  // row in the values sheet, arrays without a sheet, and fields without a column of records whose key
  // (x-unique) matches a row.
  const dataset::JsonDocument* base = nullptr;
  // Single values given apart from the workbook, as {field path or label, text}: "academic_year", "2569".
  // They are converted as a cell would be, and win over the workbook and the base.
  std::vector<std::pair<std::string, std::string>> settings;
};

struct ImportResult {
  // The dataset as JSON text; present whenever the file could be read, even when it has problems (so a form
  // can show what was read). Only a result without problems is a valid dataset.
  std::optional<std::string> json;
  // The same dataset as read back by the dataset reader, when it could be.
  std::optional<dataset::JsonDocument> document;
  // Every problem: file = the label, location = "นักเรียน!D17" for a cell, the sheet's name for a sheet, a
  // JSON path for a value that came from no cell, empty for the whole file.
  std::vector<Diagnostic> problems;
  // json_paths[i]: the dataset path problems[i] is about ("นักเรียน!D17" -> "students[15].distance_km"), so
  // that a form can show the problem at its field; empty when it is about no value (the whole file).
  std::vector<std::string> json_paths;
  // What was assumed on the way, for the user: "read as Windows-874 (TIS-620): the file is not UTF-8",
  // "sheet “สรุป” was not used".
  std::vector<std::string> notes;
};

// Imports a workbook or CSV held in memory; `file_label` names it in messages and gives its extension.
// Never throws for problems in the file: they are in `problems`. Throws InputError when the schema cannot
// be used for an import (it says no sheet, or its sheet keywords do not fit together).
ImportResult import_bytes(std::string_view bytes, const std::string& file_label,
                          const dataset::Schema& schema, const ImportOptions& options = {});

// The same for a file (a regular file, at most limits.max_file_bytes).
ImportResult import_file(const std::filesystem::path& file, const dataset::Schema& schema,
                         const ImportOptions& options = {});

// Whether the kind's schema says how to import it (it names at least one sheet).
bool importable(const dataset::Schema& schema);

struct SheetOptions {
  std::filesystem::path fonts_folder;  // the project's fonts/, for the column widths
};

// Writes the import sheet of the schema's kind to `output` (atomically): a values sheet, one sheet per array
// the schema names, header titles from the schema, filled from `from` when given. Throws InputError.
void write_import_sheet(const dataset::Schema& schema, const dataset::JsonDocument* from,
                        const std::filesystem::path& output, const SheetOptions& options = {});

// The same, returned as the bytes of the XLSX file (for a download).
std::string import_sheet_bytes(const dataset::Schema& schema, const dataset::JsonDocument* from,
                               const SheetOptions& options = {});

}  // namespace raingan::intake
