#include "cli/commands.h"

namespace raingan::cli {

int run_build(const Arguments& arguments);         // command_build.cpp
int run_format(const Arguments& arguments);        // command_format.cpp
int run_import(const Arguments& arguments);        // command_import.cpp
int run_init(const Arguments& arguments);          // command_init.cpp
int run_render(const Arguments& arguments);        // command_render.cpp
int run_serve(const Arguments& arguments);         // command_serve.cpp
int run_serve_worker(const Arguments& arguments);  // command_serve.cpp
int run_text(const Arguments& arguments);          // command_text.cpp
int run_validate(const Arguments& arguments);      // command_validate.cpp

const std::vector<Command>& commands() {
  static const std::vector<Command> all = {
      {"build", run_build}, {"format", run_format},     {"render", run_render},
      {"text", run_text},   {"validate", run_validate}, {"import", run_import},
      {"init", run_init},   {"serve", run_serve},       {"serve-worker", run_serve_worker},
  };
  return all;
}

}  // namespace raingan::cli
