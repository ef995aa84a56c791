#include "serve/build_job.h"

#include "render/manifest.h"
#include "serve/problems_json.h"

namespace raingan::serve {

bool BuildJob::start() {
  const auto manifest = render::read_manifest(project_.root());
  std::filesystem::create_directories(project_.root() / "output");  // as raingan build does
  std::lock_guard lock(mutex_);
  if (running_ || stopping_) return false;
  if (thread_.joinable()) thread_.join();
  entries_.clear();
  for (const auto& entry : manifest) {
    Entry item;
    item.output = entry.output.filename().string();
    entries_.push_back(std::move(item));
  }
  running_ = true;
  started_ = std::chrono::steady_clock::now();
  thread_ = std::thread([this] { run(); });
  return true;
}

void BuildJob::run() {
  const std::size_t count = [this] {
    std::lock_guard lock(mutex_);
    return entries_.size();
  }();
  for (std::size_t index = 0; index < count; ++index) {
    RenderGate::Slot slot;
    if (stopping_ || gate_.enter(slot, /*patient=*/true) != RenderGate::Admission::admitted) {
      std::lock_guard lock(mutex_);
      for (std::size_t rest = index; rest < count; ++rest) entries_[rest].status = "skipped";
      break;
    }
    {
      std::lock_guard lock(mutex_);
      entries_[index].status = "running";
    }
    RenderResult result;
    try {
      result = workers_.build_entry(index);
    } catch (const std::exception& error) {
      result.message = error.what();
    }
    slot.release();
    std::lock_guard lock(mutex_);
    Entry& entry = entries_[index];
    entry.status = result.outcome == RenderResult::Outcome::done ? "built" : "failed";
    entry.pages = result.pages;
    if (result.outcome == RenderResult::Outcome::problems) entry.problems = result.diagnostics;
    entry.message = result.message;
  }
  std::lock_guard lock(mutex_);
  running_ = false;
  finished_ = std::chrono::steady_clock::now();
}

nlohmann::json BuildJob::state() const {
  std::lock_guard lock(mutex_);
  nlohmann::json entries = nlohmann::json::array();
  std::size_t done = 0, failed = 0;
  for (const auto& entry : entries_) {
    if (entry.status == "built") ++done;
    if (entry.status == "failed") ++failed;
    nlohmann::json item = {{"output", entry.output}, {"status", entry.status}, {"pages", entry.pages}};
    if (!entry.problems.empty()) item["problems"] = problems_json(entry.problems);
    if (!entry.message.empty()) item["message"] = entry.message;
    entries.push_back(std::move(item));
  }
  const auto end = running_ ? std::chrono::steady_clock::now() : finished_;
  const double seconds = entries_.empty() ? 0 : std::chrono::duration<double>(end - started_).count();
  return {{"running", running_}, {"total", entries_.size()}, {"done", done},
          {"failed", failed},    {"seconds", seconds},       {"entries", std::move(entries)}};
}

std::vector<std::pair<std::string, std::filesystem::path>> BuildJob::outputs() const {
  std::vector<std::pair<std::string, std::filesystem::path>> outputs;
  for (const auto& entry : render::read_manifest(project_.root()))
    outputs.emplace_back(entry.output.filename().string(), entry.output);
  return outputs;
}

void BuildJob::stop() {
  stopping_ = true;
  std::thread thread;
  {
    std::lock_guard lock(mutex_);
    thread = std::move(thread_);
  }
  if (thread.joinable()) thread.join();
}

}  // namespace raingan::serve
