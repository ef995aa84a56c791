#include "dataset/schema_catalog.h"

#include <algorithm>
#include <set>

#include "format/value_error.h"

namespace raingan::dataset {
namespace fs = std::filesystem;

namespace {

bool is_plain_kind(std::string_view kind) {
  if (kind.empty() || kind.size() > 100) return false;
  return std::all_of(kind.begin(), kind.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
  });
}

void add_unique(std::vector<fs::path>& folders, const fs::path& folder) {
  std::error_code ec;
  if (!fs::is_directory(folder, ec)) return;
  const fs::path canonical = fs::weakly_canonical(folder, ec);
  for (const auto& existing : folders)
    if (fs::weakly_canonical(existing, ec) == canonical) return;
  folders.push_back(folder);
}

}  // namespace

SchemaCatalog::SchemaCatalog(std::vector<fs::path> folders) {
  for (const auto& folder : folders) add_unique(folders_, folder);
}

const Schema* SchemaCatalog::find(std::string_view kind) {
  if (!is_plain_kind(kind))
    throw format::ValueError(
        "expected a kind made of letters, digits, '-' and '_' such as \"work-standards\", found \"" +
        std::string(kind.substr(0, 60)) + "\"");
  for (const auto& folder : folders_) {
    const fs::path file = folder / (std::string(kind) + std::string(schema_suffix));
    std::error_code ec;
    if (!fs::is_regular_file(file, ec)) continue;
    const std::string key = file.string();
    if (const auto found = loaded_.find(key); found != loaded_.end()) return found->second.get();
    auto schema = std::make_unique<Schema>(Schema::load_file(file));
    return loaded_.emplace(key, std::move(schema)).first->second.get();
  }
  return nullptr;
}

std::vector<std::string> SchemaCatalog::known_kinds() const {
  std::set<std::string> kinds;
  for (const auto& folder : folders_) {
    std::error_code ec;
    for (fs::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) {
      const std::string name = it->path().filename().string();
      if (name.size() > schema_suffix.size() && name.ends_with(schema_suffix))
        kinds.insert(name.substr(0, name.size() - schema_suffix.size()));
    }
  }
  return {kinds.begin(), kinds.end()};
}

std::vector<fs::path> default_schema_folders(const fs::path& dataset_file) {
  std::vector<fs::path> folders;
  std::error_code ec;
  const fs::path beside = dataset_file.parent_path().empty() ? fs::path(".") : dataset_file.parent_path();
  add_unique(folders, beside / "schemas");
  const auto search_up = [&folders](fs::path start) {
    std::error_code error;
    start = fs::absolute(start, error);
    for (fs::path folder = start; !folder.empty(); folder = folder.parent_path()) {
      if (fs::is_directory(folder / "datasets" / "schemas", error)) {
        add_unique(folders, folder / "datasets" / "schemas");
        return;
      }
      if (folder == folder.parent_path()) return;
    }
  };
  search_up(beside);
  search_up(fs::current_path(ec));
  return folders;
}

}  // namespace raingan::dataset
