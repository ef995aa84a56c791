#pragma once
// What a build may be told from the command line: where fonts and schemas are, the guards against inputs
// that would exhaust the machine, and the date documents are dated with.

#include <cstdint>
#include <filesystem>
#include <functional>
#include <vector>

#include "core/diagnostic.h"
#include "core/read_scope.h"
#include "dataset/json_reader.h"
#include "format/thai_date.h"
#include "templating/evaluator.h"

namespace raingan::render {

struct Limits {
  std::uint64_t max_image_pixels = 50'000'000;  // --max-image-megapixels
  std::size_t max_pages = 5'000;                // --max-pages
  std::size_t max_table_rows = 200'000;         // --max-table-rows (one table of a PDF, one sheet)
  templating::WorkLimits template_work;         // --max-template-steps, --max-template-mb
};

struct Options {
  std::filesystem::path fonts_folder;                 // the project's fonts/ (may not exist)
  std::vector<std::filesystem::path> schema_folders;  // empty: beside the dataset, then the project's
  // Where a dataset's relative paths (photos) are resolved; empty: the dataset file's own folder. A dataset
  // sent to the server is rendered from a scratch file but its photos are the project's datasets/ ones.
  std::filesystem::path dataset_folder;
  std::filesystem::path share_folder;  // installed data: schemas a project lacks (may be empty)
  ReadScope reads;                     // where templates, datasets, texts, images and fonts may be read from
  dataset::ReaderOptions reader;
  Limits limits;
  format::Date today;
  std::function<void(const Diagnostic&)> warn;     // problems that do not stop the build
  std::function<void(const Diagnostic&)> finding;  // preflight findings, each said (they name their page)
  bool strict = false;  // --strict: preflight findings stop the document instead of being warnings
};

// Today's date, or RAINGAN_TODAY (yyyy-mm-dd) when set, so a build can be reproduced.
format::Date default_today();

}  // namespace raingan::render
