#include "serve/project.h"

#include <algorithm>

#include "core/diagnostic.h"
#include "dataset/json_reader.h"
#include "dataset/schema_catalog.h"
#include "templating/template_file.h"

namespace raingan::serve {
namespace fs = std::filesystem;

namespace {

// The static words of an attribute such as title="บันทึกข้อความ เรื่อง {{ subject }}".
std::string without_expressions(std::string_view text) {
  std::string words;
  for (std::size_t at = 0; at < text.size();) {
    const std::size_t open = text.find("{{", at);
    words += text.substr(at, open == std::string_view::npos ? std::string_view::npos : open - at);
    if (open == std::string_view::npos) break;
    const std::size_t close = text.find("}}", open);
    if (close == std::string_view::npos) break;
    at = close + 2;
  }
  std::string collapsed;
  for (const char c : words) {
    const bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r';
    if (space && (collapsed.empty() || collapsed.back() == ' ')) continue;
    collapsed += space ? ' ' : c;
  }
  while (!collapsed.empty() && collapsed.back() == ' ') collapsed.pop_back();
  return collapsed;
}

}  // namespace

std::vector<std::pair<std::string, fs::path>> files_with_suffix(const fs::path& folder,
                                                                std::string_view suffix) {
  std::vector<std::pair<std::string, fs::path>> files;
  std::error_code error;
  for (fs::directory_iterator it(folder, error), end; !error && it != end; it.increment(error)) {
    const std::string name = it->path().filename().string();
    if (name.starts_with('.') || name.size() <= suffix.size() || !name.ends_with(suffix)) continue;
    std::error_code type_error;
    if (!it->is_regular_file(type_error)) continue;
    files.emplace_back(name.substr(0, name.size() - suffix.size()), it->path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

Project::Project(fs::path root) : root_(std::move(root)) {}

template <typename Entry, typename Read>
std::optional<Entry> Project::fresh(std::map<fs::path, Cached<Entry>>& cache, const fs::path& file,
                                    Read read) const {
  std::error_code error;
  const Stamp stamp{fs::last_write_time(file, error), fs::file_size(file, error)};
  if (error) return std::nullopt;
  auto& slot = cache[file];
  if (!(slot.stamp == stamp) || !slot.entry) {
    slot.stamp = stamp;
    slot.entry = read(file);
  }
  return slot.entry;
}

std::optional<ReportType> Project::read_report(const fs::path& file) const {
  try {
    const templating::TemplateFile loaded = templating::load_template(file);
    ReportType report;
    report.name = file.stem().string();
    report.file = file;
    report.format = loaded.kind == templating::TemplateFile::Kind::workbook ? "xlsx" : "pdf";
    if (const auto* kind = loaded.root->attribute("dataset-kind")) report.kind = kind->value;
    if (const auto* title = loaded.root->attribute("report-title")) report.title = title->value;
    if (report.title.empty())
      if (const auto* title = loaded.root->attribute("title"))
        report.title = without_expressions(title->value);
    if (report.title.empty()) report.title = report.name;
    return report;
  } catch (const InputError&) {
    return std::nullopt;
  }
}

std::string Project::read_kind(const fs::path& file) const {
  dataset::ReaderOptions limits;
  const dataset::JsonReadResult read = dataset::try_read_json_file(file, limits);
  if (!read.document) return {};
  const dataset::Value* kind = read.document->root.find("kind");
  return kind && kind->is_string() ? std::string(kind->as_string()) : std::string();
}

std::string Project::read_schema_title(const fs::path& file) const {
  const dataset::JsonReadResult read = dataset::try_read_json_file(file);
  if (!read.document) return {};
  const dataset::Value* title = read.document->root.find("title");
  return title && title->is_string() ? std::string(title->as_string()) : std::string();
}

std::vector<ReportType> Project::reports() const {
  std::vector<ReportType> reports;
  std::lock_guard lock(mutex_);
  for (const auto& [name, file] : files_with_suffix(root_ / "templates", ".xml"))
    if (auto report = fresh(reports_, file, [this](const fs::path& f) { return read_report(f); }))
      reports.push_back(std::move(*report));
  return reports;
}

std::optional<ReportType> Project::report(std::string_view name) const {
  for (auto& report : reports())
    if (report.name == name) return report;
  return std::nullopt;
}

std::vector<DatasetFile> Project::datasets() const {
  std::vector<DatasetFile> datasets;
  std::lock_guard lock(mutex_);
  for (const auto& [name, file] : files_with_suffix(datasets_folder(), ".json"))
    datasets.push_back(
        {name, fresh(dataset_kinds_, file, [this](const fs::path& f) { return read_kind(f); }).value_or(""),
         file});
  return datasets;
}

std::optional<DatasetFile> Project::dataset(std::string_view name) const {
  for (auto& dataset : datasets())
    if (dataset.name == name) return dataset;
  return std::nullopt;
}

std::vector<KindSchema> Project::kinds() const {
  std::vector<KindSchema> kinds;
  std::lock_guard lock(mutex_);
  for (const auto& [name, file] : files_with_suffix(schemas_folder(), dataset::schema_suffix))
    kinds.push_back(
        {name,
         fresh(schema_titles_, file, [this](const fs::path& f) { return read_schema_title(f); }).value_or(""),
         file});
  return kinds;
}

std::optional<KindSchema> Project::kind(std::string_view name) const {
  for (auto& kind : kinds())
    if (kind.kind == name) return kind;
  return std::nullopt;
}

}  // namespace raingan::serve
