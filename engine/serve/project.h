#pragma once
// The project the server serves, as lists of names: report types (templates/*.xml), datasets
// (datasets/*.json) and kinds (datasets/schemas/*.schema.json). A name from a request is only ever compared
// with these lists; the file used is the one the listing found, so no path from a request reaches the file
// system.

#include <cstdint>
#include <filesystem>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace raingan::serve {

struct ReportType {
  std::string name;    // template file name without .xml
  std::string title;   // report-title="…" of the root element (or its title="…" without {{ }})
  std::string kind;    // dataset-kind="…"
  std::string format;  // "pdf" (<document>) or "xlsx" (<workbook>)
  std::filesystem::path file;
};

struct DatasetFile {
  std::string name;  // file name without .json
  std::string kind;  // its "kind", empty when it cannot be read
  std::filesystem::path file;
};

struct KindSchema {
  std::string kind;
  std::string title;  // the schema's title
  std::filesystem::path file;
};

class Project {
 public:
  explicit Project(std::filesystem::path root);

  const std::filesystem::path& root() const noexcept { return root_; }
  std::filesystem::path datasets_folder() const { return root_ / "datasets"; }
  std::filesystem::path schemas_folder() const { return root_ / "datasets" / "schemas"; }

  // Sorted by name. Templates that cannot be read are left out (the CLI names their problem).
  std::vector<ReportType> reports() const;
  std::optional<ReportType> report(std::string_view name) const;

  std::vector<DatasetFile> datasets() const;
  std::optional<DatasetFile> dataset(std::string_view name) const;

  std::vector<KindSchema> kinds() const;
  std::optional<KindSchema> kind(std::string_view name) const;

 private:
  struct Stamp {
    std::filesystem::file_time_type modified;
    std::uintmax_t size = 0;
    bool operator==(const Stamp&) const = default;
  };
  template <typename Entry>
  struct Cached {
    Stamp stamp;
    std::optional<Entry> entry;
  };

  // The cached entry for `file`, read again with `read` when the file changed.
  template <typename Entry, typename Read>
  std::optional<Entry> fresh(std::map<std::filesystem::path, Cached<Entry>>& cache,
                             const std::filesystem::path& file, Read read) const;

  std::optional<ReportType> read_report(const std::filesystem::path& file) const;
  std::string read_kind(const std::filesystem::path& file) const;
  std::string read_schema_title(const std::filesystem::path& file) const;

  std::filesystem::path root_;
  mutable std::mutex mutex_;  // guards the caches below: each file is read again only when it changes
  mutable std::map<std::filesystem::path, Cached<ReportType>> reports_;
  mutable std::map<std::filesystem::path, Cached<std::string>> dataset_kinds_;
  mutable std::map<std::filesystem::path, Cached<std::string>> schema_titles_;
};

// A file listing of `folder`: the regular files named <stem><suffix>, not hidden, sorted by stem.
std::vector<std::pair<std::string, std::filesystem::path>> files_with_suffix(
    const std::filesystem::path& folder, std::string_view suffix);

}  // namespace raingan::serve
