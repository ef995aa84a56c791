#pragma once
// The subcommands of the raingan CLI. Each command_*.cpp defines one run_* function; commands() lists them.

#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace raingan::cli {

// Wrong command-line usage: exit status 2.
class UsageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

using Arguments = std::vector<std::string>;

struct Command {
  std::string_view name;
  int (*run)(const Arguments& arguments);
};

const std::vector<Command>& commands();

}  // namespace raingan::cli
