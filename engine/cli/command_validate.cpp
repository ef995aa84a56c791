// raingan validate DATASET...: reads each dataset, checks it against its kind's schema, and prints every
// problem (file: json.path: expected …, found …) so a clerk can fix a whole file in one pass.
#include <charconv>
#include <cstdio>
#include <filesystem>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "core/project.h"
#include "dataset/dataset_check.h"
#include "format/money.h"

namespace raingan::cli {
namespace {

namespace fs = std::filesystem;
using dataset::ReaderOptions;
using dataset::Value;

struct ValidateOptions {
  std::vector<std::string> datasets;
  std::string schemas_folder;             // empty: beside each dataset, then the project's datasets/schemas
  std::vector<fs::path> allowed_folders;  // --allow-read: where a path the dataset holds may also lead
  ReaderOptions reader;
};

std::uint64_t parse_limit(const std::string& flag, const std::string& text, std::uint64_t low,
                          std::uint64_t high) {
  std::uint64_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc{} || end != text.data() + text.size() || value < low || value > high)
    throw UsageError(flag + " expects a whole number from " + std::to_string(low) + " to " +
                     std::to_string(high) + ", found '" + text + "'");
  return value;
}

ValidateOptions parse_arguments(const Arguments& arguments) {
  ValidateOptions options;
  std::uint64_t string_kb = options.reader.max_string_bytes / 1024;
  std::set<std::string> seen;
  for (std::size_t i = 0; i < arguments.size(); ++i) {
    std::string flag = arguments[i];
    std::string value;
    const bool is_flag = flag.size() > 2 && flag.starts_with("--");
    if (is_flag) {
      if (const std::size_t equals = flag.find('='); equals != std::string::npos) {
        value = flag.substr(equals + 1);
        flag.resize(equals);
      } else if (flag == "--schemas" || flag == "--allow-read" || flag == "--max-depth" ||
                 flag == "--max-dataset-mb" || flag == "--max-string-kb") {
        if (i + 1 >= arguments.size()) throw UsageError(flag + " needs a value");
        value = arguments[++i];
      }
    }
    if (is_flag && !seen.insert(flag).second) throw UsageError(flag + " given twice; give it once");
    if (!is_flag) {
      options.datasets.push_back(flag);
    } else if (flag == "--schemas") {
      options.schemas_folder = value;
    } else if (flag == "--allow-read") {
      if (!fs::is_directory(value)) throw UsageError("--allow-read " + value + " is not a folder");
      options.allowed_folders.emplace_back(value);
    } else if (flag == "--max-depth") {
      // Validation recurses once per level; 1000 levels stay well within the stack, also under sanitizers.
      options.reader.max_depth = parse_limit(flag, value, 1, 1000);
    } else if (flag == "--max-dataset-mb") {
      options.reader.max_file_bytes = parse_limit(flag, value, 1, 4096) * 1024 * 1024;
    } else if (flag == "--max-string-kb") {
      string_kb = parse_limit(flag, value, 1, 4096 * 1024);
    } else {
      throw UsageError("unknown option " + flag +
                       " (options: --schemas DIR, --allow-read DIR, --max-depth N, --max-dataset-mb N, "
                       "--max-string-kb N)");
    }
  }
  options.reader.max_string_bytes = string_kb * 1024;
  if (options.datasets.empty()) throw UsageError("validate needs at least one DATASET.json");
  if (!options.schemas_folder.empty() && !fs::is_directory(options.schemas_folder))
    throw UsageError("--schemas " + options.schemas_folder + " is not a folder");
  return options;
}

// "12 topics, 80 rows": how many objects each array holds, counted across the whole dataset by field name.
std::string record_summary(const Value& root) {
  std::vector<std::pair<std::string, std::size_t>> counts;
  const auto add = [&counts](const std::string& name, std::size_t count) {
    for (auto& entry : counts)
      if (entry.first == name) {
        entry.second += count;
        return;
      }
    counts.emplace_back(name, count);
  };
  std::vector<const Value*> pending{&root};
  while (!pending.empty()) {
    const Value* value = pending.back();
    pending.pop_back();
    if (value->is_object()) {
      for (const auto& member : value->members())
        if (member.value.is_array() && !member.value.items().empty() &&
            member.value.items().front().is_object())
          add(std::string(member.key()), member.value.items().size());
      for (auto it = value->members().rbegin(); it != value->members().rend(); ++it)
        pending.push_back(&it->value);
    } else if (value->is_array()) {
      for (auto it = value->items().rbegin(); it != value->items().rend(); ++it) pending.push_back(&*it);
    }
  }
  std::string summary;
  constexpr std::size_t shown = 6;
  for (std::size_t i = 0; i < counts.size() && i < shown; ++i)
    summary += (i == 0 ? "" : ", ") + format::group_thousands(static_cast<std::int64_t>(counts[i].second)) +
               " " + counts[i].first;
  if (counts.size() > shown) summary += ", …";
  return summary;
}

}  // namespace

int run_validate(const Arguments& arguments) {
  const ValidateOptions options = parse_arguments(arguments);
  // One catalog per list of schema folders, so each schema file is compiled once.
  std::map<std::string, std::unique_ptr<dataset::SchemaCatalog>> catalogs;
  std::size_t failed = 0;
  std::size_t problem_count = 0;
  for (const auto& file : options.datasets) {
    std::vector<fs::path> folders = options.schemas_folder.empty()
                                        ? dataset::default_schema_folders(file)
                                        : std::vector<fs::path>{options.schemas_folder};
    if (options.schemas_folder.empty() && !installed_share_folder().empty())
      folders.push_back(installed_share_folder() / "datasets" / "schemas");
    std::string key;
    for (const auto& folder : folders) key += folder.string() + '\n';
    auto& catalog = catalogs[key];
    if (!catalog) catalog = std::make_unique<dataset::SchemaCatalog>(std::move(folders));

    // Paths the dataset holds stay inside its project (or its folder), the share folder and allowed folders.
    dataset::ReaderOptions reader = options.reader;
    std::vector<fs::path> readable = options.allowed_folders;
    readable.push_back(find_project_root(file).value_or(fs::absolute(file).lexically_normal().parent_path()));
    if (const fs::path share = installed_share_folder(); !share.empty())
      for (const char* part : {"fonts", "templates", "datasets"}) readable.push_back(share / part);
    reader.file_scope = ReadScope(readable);
    const dataset::DatasetCheck check = dataset::check_dataset(file, *catalog, reader);
    if (check.problems.empty()) {
      const std::string summary = record_summary(check.document->root);
      std::printf("%s: OK (%s%s%s)\n", file.c_str(), check.kind.c_str(), summary.empty() ? "" : "; ",
                  summary.c_str());
      continue;
    }
    ++failed;
    problem_count += check.problems.size();
    for (const auto& problem : check.problems) std::fprintf(stderr, "%s\n", problem.to_string().c_str());
  }
  std::fflush(stdout);
  if (failed > 0 && options.datasets.size() > 1)
    std::fprintf(stderr, "%zu of %zu datasets have problems (%zu in all)\n", failed, options.datasets.size(),
                 problem_count);
  return failed > 0 ? 1 : 0;
}

}  // namespace raingan::cli
