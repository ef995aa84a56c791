#include "serve/render_workers.h"

#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <stdexcept>

#include "serve/dataset_store.h"
#include "serve/worker_report.h"

namespace raingan::serve {
namespace fs = std::filesystem;

namespace {

fs::path make_scratch_folder() {
  const char* tmp = std::getenv("TMPDIR");
  std::string pattern = std::string(tmp && *tmp ? tmp : "/tmp") + "/raingan-serve-XXXXXX";
  if (::mkdtemp(pattern.data()) == nullptr)
    throw std::runtime_error("cannot create a scratch folder in " + fs::path(pattern).parent_path().string() +
                             ": " + std::strerror(errno));
  return pattern;
}

std::string signal_name(int signal) {
  if (signal == SIGKILL) return "SIGKILL";
  if (signal == SIGSEGV) return "SIGSEGV";
  if (signal == SIGABRT) return "SIGABRT";
  if (signal == SIGXCPU) return "SIGXCPU";
  if (signal == SIGXFSZ) return "SIGXFSZ";
  return "signal " + std::to_string(signal);
}

}  // namespace

RenderWorkers::RenderWorkers(const Project& project, fs::path executable,
                             std::vector<std::string> worker_flags, ChildLimits limits)
    : project_(project),
      executable_(std::move(executable)),
      worker_flags_(std::move(worker_flags)),
      limits_(limits),
      scratch_(make_scratch_folder()) {}

RenderWorkers::~RenderWorkers() {
  children_.kill_all();
  std::error_code error;
  fs::remove_all(scratch_, error);
}

fs::path RenderWorkers::new_job_folder() {
  const fs::path folder = scratch_ / ("job-" + std::to_string(next_job_++));
  fs::create_directory(folder);
  return folder;
}

RenderResult RenderWorkers::render(const ReportType& report, std::string_view dataset_text) {
  const fs::path folder = new_job_folder();
  const fs::path dataset_file = folder / "dataset.json";
  const fs::path output = folder / ("document." + report.format);
  {
    std::ofstream out(dataset_file, std::ios::binary);
    out.write(dataset_text.data(), static_cast<std::streamsize>(dataset_text.size()));
    if (!out) throw std::runtime_error("cannot write the dataset into the scratch folder " + folder.string());
  }
  std::vector<std::string> arguments = {"serve-worker",
                                        "render",
                                        report.file.string(),
                                        dataset_file.string(),
                                        output.string(),
                                        "--root",
                                        project_.root().string(),
                                        "--schemas",
                                        project_.schemas_folder().string(),
                                        "--dataset-folder",
                                        project_.datasets_folder().string()};
  arguments.insert(arguments.end(), worker_flags_.begin(), worker_flags_.end());
  RenderResult result = run(arguments, folder, output, dataset_file);
  std::error_code error;
  fs::remove_all(folder, error);
  return result;
}

RenderResult RenderWorkers::build_entry(std::size_t index) {
  const fs::path folder = new_job_folder();
  std::vector<std::string> arguments = {"serve-worker", "entry", std::to_string(index), "--root",
                                        project_.root().string()};
  arguments.insert(arguments.end(), worker_flags_.begin(), worker_flags_.end());
  RenderResult result = run(arguments, folder, {}, {});
  std::error_code error;
  fs::remove_all(folder, error);
  return result;
}

RenderResult RenderWorkers::run(const std::vector<std::string>& arguments, const fs::path& folder,
                                const fs::path& output, const fs::path& dataset_file) {
  const ChildResult child = run_child(executable_, arguments, folder, limits_, children_);
  RenderResult result;
  if (child.timed_out || child.signal == SIGXCPU) {
    result.outcome = RenderResult::Outcome::timed_out;
    char seconds[32];
    std::snprintf(seconds, sizeof seconds, "%g", static_cast<double>(limits_.wall_time.count()) / 1000);
    result.message = std::string("the document took longer than ") + seconds + " s to make and was stopped";
    return result;
  }
  if (child.signal != 0) {
    result.message = "the render process ended with " + signal_name(child.signal) +
                     (child.signal == SIGKILL ? " (memory or time limit)" : "");
    return result;
  }
  const WorkerReport report = read_worker_report(child.output);
  result.diagnostics = report.diagnostics;
  // The dataset's scratch file is the request's own dataset: its problems are named by JSON path alone.
  for (auto& d : result.diagnostics) {
    if (!dataset_file.empty() && d.file == dataset_file.string()) {
      d.file.clear();
    } else if (!d.file.empty()) {
      std::error_code error;
      const fs::path relative = fs::path(d.file).lexically_relative(project_.root());
      if (!relative.empty() && !relative.string().starts_with("..")) d.file = relative.string();
    }
  }
  switch (report.outcome) {
    case WorkerReport::Outcome::done:
      result.outcome = RenderResult::Outcome::done;
      result.pages = report.pages;
      if (!output.empty()) result.bytes = read_file(output);
      break;
    case WorkerReport::Outcome::problems:
      result.outcome = RenderResult::Outcome::problems;
      break;
    case WorkerReport::Outcome::failed:
      result.message = report.message;
      if (result.message.empty() || child.output.empty())
        result.message = "the render process failed (exit " + std::to_string(child.exit_code) + ")" +
                         (child.errors.empty() ? "" : ": " + child.errors.substr(0, 500));
      break;
  }
  return result;
}

}  // namespace raingan::serve
