#pragma once
// Finds the schema of a dataset's kind: <folder>/<kind>.schema.json in the first folder that has one. Each
// schema file is loaded once however many datasets use it.

#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "dataset/schema.h"

namespace raingan::dataset {

class SchemaCatalog {
 public:
  // Folders searched in order; folders that do not exist are skipped.
  explicit SchemaCatalog(std::vector<std::filesystem::path> folders);

  // The schema of `kind`, or nullptr when no folder has <kind>.schema.json. Throws InputError when the schema
  // file is malformed, and format::ValueError when `kind` is not a plain name (letters, digits, '-', '_').
  const Schema* find(std::string_view kind);

  // Every kind with a schema in the folders, sorted.
  std::vector<std::string> known_kinds() const;
  const std::vector<std::filesystem::path>& folders() const noexcept { return folders_; }

 private:
  std::vector<std::filesystem::path> folders_;
  std::map<std::string, std::unique_ptr<Schema>, std::less<>> loaded_;  // by schema file path
};

// Where a dataset's schemas are looked for by default: the "schemas" folder beside the dataset, then
// datasets/schemas of the project it sits in (the nearest folder above it, or above the current folder,
// that has one).
std::vector<std::filesystem::path> default_schema_folders(const std::filesystem::path& dataset_file);

inline constexpr std::string_view schema_suffix = ".schema.json";

}  // namespace raingan::dataset
