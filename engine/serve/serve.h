#pragma once
// raingan serve: the project as a web app for the office, over HTTP (cpp-httplib). On 127.0.0.1 by default;
// any other address needs the password set with `raingan serve --set-password`. Renders run in child
// processes, at most max_renders at once, the rest waiting in a bounded queue.

#include <chrono>
#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

#include "serve/child_process.h"

namespace raingan::serve {

struct ServeOptions {
  std::filesystem::path root;
  std::string host = "127.0.0.1";
  int port = 8080;  // 0: any free port (printed when listening)
  std::size_t max_renders = 2;
  std::size_t render_queue = 64;  // requests waiting for a render slot beyond max_renders
  std::chrono::milliseconds queue_wait{60'000};
  ChildLimits render_limits;
  std::size_t max_body_bytes = 16U << 20;
  std::chrono::seconds session_lifetime{12 * 3600};
  std::vector<std::string> worker_flags;  // render flags passed on to every render process
};

// Serves until SIGINT or SIGTERM; then finishes the requests in progress and returns 0. Throws
// std::runtime_error with a message for the user when it cannot start (port taken, no password).
int run_server(const ServeOptions& options);

}  // namespace raingan::serve
