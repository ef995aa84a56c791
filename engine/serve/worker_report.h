#pragma once
// What a render child (`raingan serve-worker`) tells the server on its standard output: one JSON object.
//   {"ok": true, "pages": 7, "warnings": [{"file", "path", "message"}]}
//   {"ok": false, "problems": [{"file", "path", "message"}]}   the input has problems (HTTP 422)
//   {"ok": false, "message": "…"}                             anything else (HTTP 500)

#include <cstddef>
#include <string>
#include <vector>

#include "core/diagnostic.h"

namespace raingan::serve {

std::string worker_success(std::size_t pages, const std::vector<Diagnostic>& warnings);
std::string worker_problems(const std::vector<Diagnostic>& problems);
std::string worker_failure(const std::string& message);

struct WorkerReport {
  enum class Outcome { done, problems, failed };
  Outcome outcome = Outcome::failed;
  std::size_t pages = 0;
  std::vector<Diagnostic> diagnostics;  // problems, or warnings when done
  std::string message;                  // when failed
};

// Reads what a child printed; a child that printed nothing readable has failed.
WorkerReport read_worker_report(const std::string& output);

}  // namespace raingan::serve
