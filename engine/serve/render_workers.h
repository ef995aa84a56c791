#pragma once
// Renders for the server, each in a child process (child_process.h) working in its own scratch folder: a
// dataset sent by the app through a report's template, or one entry of the project's manifest.

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.h"
#include "serve/child_process.h"
#include "serve/project.h"

namespace raingan::serve {

struct RenderResult {
  enum class Outcome { done, problems, failed, timed_out };
  Outcome outcome = Outcome::failed;
  std::string bytes;                    // the PDF or XLSX, when done
  std::size_t pages = 0;                // pages, or sheets
  std::vector<Diagnostic> diagnostics;  // problems; or warnings when done
  std::string message;                  // why it failed
};

class RenderWorkers {
 public:
  // `worker_flags` are passed to every child (the render flags `raingan serve` was given: --fonts, limits).
  RenderWorkers(const Project& project, std::filesystem::path executable,
                std::vector<std::string> worker_flags, ChildLimits limits);
  RenderWorkers(const RenderWorkers&) = delete;
  RenderWorkers& operator=(const RenderWorkers&) = delete;
  ~RenderWorkers();  // removes the scratch folder

  RenderResult render(const ReportType& report, std::string_view dataset_text);
  // Entry `index` of datasets/manifest.json, written into output/ as `raingan build` writes it.
  RenderResult build_entry(std::size_t index);

  void kill_all() { children_.kill_all(); }
  const ChildLimits& limits() const noexcept { return limits_; }

 private:
  RenderResult run(const std::vector<std::string>& arguments, const std::filesystem::path& folder,
                   const std::filesystem::path& output, const std::filesystem::path& dataset_file);
  std::filesystem::path new_job_folder();

  const Project& project_;
  std::filesystem::path executable_;
  std::vector<std::string> worker_flags_;
  ChildLimits limits_;
  ChildRegistry children_;
  std::filesystem::path scratch_;
  std::atomic<std::uint64_t> next_job_{0};
};

}  // namespace raingan::serve
