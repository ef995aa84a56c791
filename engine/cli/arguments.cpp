#include "cli/arguments.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <memory>

#include "core/project.h"
#include "format/value_error.h"

namespace raingan::cli {

const std::set<std::string> render_flags = {"--fonts",           "--schemas",        "--max-depth",
                                            "--max-dataset-mb",  "--max-string-kb",  "--max-image-megapixels",
                                            "--max-pages",       "--max-table-rows", "--max-template-steps",
                                            "--max-template-mb", "--today",          "--root",
                                            "--allow-read"};

ParsedArguments::ParsedArguments(const Arguments& arguments, const std::set<std::string>& valued,
                                 const std::set<std::string>& switches) {
  for (std::size_t i = 0; i < arguments.size(); ++i) {
    std::string argument = arguments[i];
    if (!(argument.size() > 1 && argument[0] == '-')) {
      positional_.push_back(argument);
      continue;
    }
    std::string value;
    bool has_value = false;
    if (const auto equals = argument.find('='); argument.starts_with("--") && equals != std::string::npos) {
      value = argument.substr(equals + 1);
      argument.resize(equals);
      has_value = true;
    }
    if (valued.count(argument)) {
      if (!has_value) {
        if (i + 1 >= arguments.size()) throw UsageError(argument + " needs a value");
        value = arguments[++i];
      }
      // A second value would silently win over the first (a second -o, a repeated limit): refuse it.
      if (!values_.emplace(argument, value).second)
        throw UsageError(argument + " given twice ('" + values_[argument] + "' and '" + value + "')");
    } else if (switches.count(argument) && !has_value) {
      switches_.insert(argument);
    } else {
      std::string known;
      for (const auto& flag : valued) known += (known.empty() ? "" : ", ") + flag;
      for (const auto& flag : switches) known += (known.empty() ? "" : ", ") + flag;
      throw UsageError("unknown option " + argument + (known.empty() ? "" : " (options: " + known + ")"));
    }
  }
}

std::optional<std::string> ParsedArguments::value(const std::string& flag) const {
  const auto found = values_.find(flag);
  if (found == values_.end()) return std::nullopt;
  return found->second;
}

double ParsedArguments::number(const std::string& flag, double fallback, double low, double high) const {
  const auto text = value(flag);
  if (!text) return fallback;
  double number = 0;
  const auto [end, error] = std::from_chars(text->data(), text->data() + text->size(), number);
  // from_chars reads "nan" and "inf"; NaN would pass the range test below and then be cast (undefined).
  if (error != std::errc{} || end != text->data() + text->size() || !std::isfinite(number) || number < low ||
      number > high)
    throw UsageError(flag + " expects a number from " + std::to_string(static_cast<long long>(low)) + " to " +
                     std::to_string(static_cast<long long>(high)) + ", found '" + *text + "'");
  return number;
}

std::uint64_t ParsedArguments::whole_number(const std::string& flag, std::uint64_t fallback,
                                            std::uint64_t low, std::uint64_t high) const {
  const auto text = value(flag);
  if (!text) return fallback;
  std::uint64_t number = 0;
  const auto [end, error] = std::from_chars(text->data(), text->data() + text->size(), number);
  if (error != std::errc{} || end != text->data() + text->size() || number < low || number > high)
    throw UsageError(flag + " expects a whole number from " + std::to_string(low) + " to " +
                     std::to_string(high) + ", found '" + *text + "'");
  return number;
}

std::string count_of(std::size_t count, const std::string& noun) {
  return std::to_string(count) + " " + noun + (count == 1 ? "" : "s");
}

Project find_project(const ParsedArguments& arguments, const std::vector<std::string>& named_files) {
  namespace fs = std::filesystem;
  Project project;
  std::error_code ec;
  if (auto root = arguments.value("--root")) {
    if (!fs::is_directory(*root, ec)) throw UsageError("--root " + *root + " is not a folder");
    project.root = fs::absolute(*root).lexically_normal();
  }
  for (const auto& file : named_files) {
    if (!project.root.empty()) break;
    if (auto found = find_project_root(file)) project.root = *found;
  }
  if (project.root.empty()) {
    if (auto found = find_project_root(fs::current_path()))
      project.root = *found;
    else
      project.root = named_files.empty() ? fs::current_path()
                                         : fs::absolute(named_files.front()).lexically_normal().parent_path();
  }
  project.share = installed_share_folder();
  std::vector<fs::path> folders{project.root};
  // The share folder's parts one by one: in a build folder they are links into the source tree.
  if (!project.share.empty())
    for (const char* part : {"fonts", "templates", "datasets"}) folders.push_back(project.share / part);
  // A file named on the command line is the user's choice: its project (or its folder when it is in none)
  // is read from too, so a dataset kept elsewhere can use a project's template and its own photos.
  for (const auto& file : named_files)
    folders.push_back(find_project_root(file).value_or(fs::absolute(file).lexically_normal().parent_path()));
  if (auto allowed = arguments.value("--allow-read")) {
    // Several folders are separated by ':' as in PATH.
    std::size_t start = 0;
    while (start <= allowed->size()) {
      const std::size_t colon = std::min(allowed->find(':', start), allowed->size());
      const std::string folder = allowed->substr(start, colon - start);
      if (!folder.empty() && !fs::is_directory(folder, ec))
        throw UsageError("--allow-read " + folder + " is not a folder");
      if (!folder.empty()) folders.emplace_back(folder);
      start = colon + 1;
    }
  }
  project.reads = ReadScope(folders);
  return project;
}

render::Options render_options(const ParsedArguments& arguments, const Project& project) {
  render::Options options;
  // The project's fonts map first, then the installed one.
  std::error_code ec;
  options.fonts_folder = project.root / "fonts";
  if (!std::filesystem::is_directory(options.fonts_folder, ec) && !project.share.empty())
    options.fonts_folder = project.share / "fonts";
  if (auto fonts = arguments.value("--fonts")) {
    if (!std::filesystem::is_directory(*fonts, ec))
      throw UsageError("--fonts " + *fonts + " is not a folder");
    options.fonts_folder = *fonts;
  }
  options.share_folder = project.share;
  options.reads = project.reads;
  if (auto fonts = arguments.value("--fonts"))
    options.reads = ReadScope([&] {
      std::vector<std::filesystem::path> folders = project.reads.folders();
      folders.emplace_back(*fonts);
      return folders;
    }());
  if (auto schemas = arguments.value("--schemas")) {
    if (!std::filesystem::is_directory(*schemas))
      throw UsageError("--schemas " + *schemas + " is not a folder");
    options.schema_folders.push_back(*schemas);
  }
  options.reader.max_depth = arguments.whole_number("--max-depth", 64, 1, 1000);
  options.reader.max_file_bytes = arguments.whole_number("--max-dataset-mb", 64, 1, 4096) * 1024 * 1024;
  options.reader.max_string_bytes =
      arguments.whole_number("--max-string-kb", 1024, 1, 4 * 1024 * 1024) * 1024;
  options.limits.max_image_pixels =
      static_cast<std::uint64_t>(arguments.number("--max-image-megapixels", 50, 1, 10000) * 1'000'000);
  options.limits.max_pages = arguments.whole_number("--max-pages", 5000, 1, 1'000'000);
  options.limits.max_table_rows = arguments.whole_number("--max-table-rows", 200000, 1, 10'000'000);
  options.limits.template_work.max_steps = arguments.whole_number(
      "--max-template-steps", options.limits.template_work.max_steps, 1000, 1'000'000'000'000);
  options.limits.template_work.max_built_bytes =
      arguments.whole_number("--max-template-mb",
                             options.limits.template_work.max_built_bytes / (1024 * 1024), 1, 65536) *
      1024 * 1024;
  if (auto today = arguments.value("--today")) {
    try {
      options.today = format::parse_iso_date(*today);
    } catch (const format::ValueError& error) {
      throw UsageError(std::string("--today: ") + error.what());
    }
  } else {
    options.today = render::default_today();
  }
  // The same warning (an emblem the office has not supplied) is said once per run, not once per document.
  auto said = std::make_shared<std::set<std::string>>();
  options.warn = [said](const Diagnostic& warning) {
    const std::string text = warning.to_string();
    if (said->insert(warning.message).second) std::fprintf(stderr, "warning: %s\n", text.c_str());
  };
  options.finding = [](const Diagnostic& finding) {
    std::fprintf(stderr, "warning: %s\n", finding.to_string().c_str());
  };
  return options;
}

}  // namespace raingan::cli
