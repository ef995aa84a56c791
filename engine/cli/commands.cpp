#include "cli/commands.h"

namespace raingan::cli {

const std::vector<Command>& commands() {
  static const std::vector<Command> all = {};
  return all;
}

}  // namespace raingan::cli
