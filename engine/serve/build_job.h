#pragma once
// `raingan build` from the app: every document of datasets/manifest.json, one after another on a thread of
// its own, each through the render gate and a child process, with progress the app polls.

#include <atomic>
#include <chrono>
#include <filesystem>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "core/diagnostic.h"
#include "serve/project.h"
#include "serve/render_gate.h"
#include "serve/render_workers.h"

namespace raingan::serve {

class BuildJob {
 public:
  BuildJob(const Project& project, RenderGate& gate, RenderWorkers& workers)
      : project_(project), gate_(gate), workers_(workers) {}
  BuildJob(const BuildJob&) = delete;
  BuildJob& operator=(const BuildJob&) = delete;
  ~BuildJob() { stop(); }

  // Starts a build; false when one is running. Throws InputError when the manifest has problems.
  bool start();
  // {"running", "total", "done", "failed", "seconds", "entries": [{"output", "status", "pages", "problems"}]}
  nlohmann::json state() const;
  // The outputs the manifest lists, by file name (what /api/outputs/{name} may serve).
  std::vector<std::pair<std::string, std::filesystem::path>> outputs() const;
  // Lets the document being made finish, skips the rest, and waits for the thread.
  void stop();

 private:
  struct Entry {
    std::string output;              // file name in output/
    std::string status = "waiting";  // waiting, running, built, failed, skipped
    std::size_t pages = 0;
    std::vector<Diagnostic> problems;
    std::string message;
  };
  void run();

  const Project& project_;
  RenderGate& gate_;
  RenderWorkers& workers_;
  mutable std::mutex mutex_;
  std::vector<Entry> entries_;
  bool running_ = false;
  std::chrono::steady_clock::time_point started_, finished_;
  std::atomic<bool> stopping_{false};
  std::thread thread_;
};

}  // namespace raingan::serve
