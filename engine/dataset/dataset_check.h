#pragma once
// Reading a dataset and checking it against the schema of its kind in one step: what `raingan validate` runs
// and what every command that uses a dataset should run before trusting it.

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.h"
#include "dataset/json_reader.h"
#include "dataset/schema_catalog.h"

namespace raingan::dataset {

struct DatasetCheck {
  std::optional<JsonDocument> document;  // absent when the file could not be read as JSON
  std::string kind;                      // the dataset's "kind", empty when it has none
  std::vector<Diagnostic> problems;      // every problem; empty when the dataset is valid
};

// Never throws for problems in the dataset or its schema: they all land in `problems`.
DatasetCheck check_dataset(const std::filesystem::path& file, SchemaCatalog& schemas,
                           const ReaderOptions& options = {});

// The same for a dataset held in memory (a request body); `file_label` names it in the problems.
DatasetCheck check_dataset_text(std::string_view text, std::string file_label, SchemaCatalog& schemas,
                                const ReaderOptions& options = {});

// Reads and validates; throws InputError with every problem when there is any.
JsonDocument load_dataset(const std::filesystem::path& file, SchemaCatalog& schemas,
                          const ReaderOptions& options = {});

}  // namespace raingan::dataset
