#pragma once
// Command-line reading shared by the commands: positional arguments, --flag VALUE / --flag=VALUE, and the
// options every rendering command takes (fonts, schemas, limits, the date).

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "core/read_scope.h"
#include "render/options.h"

namespace raingan::cli {

class ParsedArguments {
 public:
  // `valued` flags take a value, `switches` take none; anything else starting with -- is a UsageError.
  ParsedArguments(const Arguments& arguments, const std::set<std::string>& valued,
                  const std::set<std::string>& switches);

  const std::vector<std::string>& positional() const noexcept { return positional_; }
  std::optional<std::string> value(const std::string& flag) const;
  bool has(const std::string& flag) const { return switches_.count(flag) > 0; }
  // A finite number in [low, high] (NaN and infinities refused), or `fallback` when the flag is absent.
  double number(const std::string& flag, double fallback, double low, double high) const;
  // A whole number in [low, high]: "1.5", "nan", "-1" and "1e3" are refused.
  std::uint64_t whole_number(const std::string& flag, std::uint64_t fallback, std::uint64_t low,
                             std::uint64_t high) const;

 private:
  std::vector<std::string> positional_;
  std::map<std::string, std::string> values_;
  std::set<std::string> switches_;
};

// The flags read by render_options().
extern const std::set<std::string> render_flags;

// The project a command works in, and the folders it may read from.
struct Project {
  std::filesystem::path root;   // holds templates/ and datasets/ (or the folder of the file named)
  std::filesystem::path share;  // the installed share folder, empty when there is none
  ReadScope reads;  // root, share, the project (or folder) of each file named, every --allow-read folder
};

// --root; else the project above the first of `named_files` that is in one (the template, the dataset);
// else the project above the current folder; else the folder of the first file named (or the current one).
Project find_project(const ParsedArguments& arguments, const std::vector<std::string>& named_files = {});

// "1 page", "3 pages".
std::string count_of(std::size_t count, const std::string& noun);

// Fonts, schemas, limits and date from the flags; warnings go to stderr, each said once.
render::Options render_options(const ParsedArguments& arguments, const Project& project);

}  // namespace raingan::cli
