#include "serve/worker_report.h"

#include <nlohmann/json.hpp>

namespace raingan::serve {
namespace {

using nlohmann::json;

json diagnostics_json(const std::vector<Diagnostic>& diagnostics) {
  json list = json::array();
  for (const auto& d : diagnostics)
    list.push_back({{"file", d.file}, {"path", d.location}, {"message", d.message}});
  return list;
}

std::vector<Diagnostic> diagnostics_from(const json& list) {
  std::vector<Diagnostic> diagnostics;
  if (!list.is_array()) return diagnostics;
  for (const auto& item : list)
    diagnostics.push_back({item.value("file", ""), item.value("path", ""), item.value("message", "")});
  return diagnostics;
}

}  // namespace

std::string worker_success(std::size_t pages, const std::vector<Diagnostic>& warnings) {
  return json{{"ok", true}, {"pages", pages}, {"warnings", diagnostics_json(warnings)}}.dump(
      -1, ' ', false, json::error_handler_t::replace);
}

std::string worker_problems(const std::vector<Diagnostic>& problems) {
  return json{{"ok", false}, {"problems", diagnostics_json(problems)}}.dump(-1, ' ', false,
                                                                            json::error_handler_t::replace);
}

std::string worker_failure(const std::string& message) {
  return json{{"ok", false}, {"message", message}}.dump(-1, ' ', false, json::error_handler_t::replace);
}

WorkerReport read_worker_report(const std::string& output) {
  WorkerReport report;
  const json parsed = json::parse(output, nullptr, false);
  if (parsed.is_discarded() || !parsed.is_object()) {
    report.message = "the render process printed no report";
    return report;
  }
  if (parsed.value("ok", false)) {
    report.outcome = WorkerReport::Outcome::done;
    report.pages = parsed.value("pages", std::size_t{0});
    report.diagnostics = diagnostics_from(parsed.value("warnings", json::array()));
  } else if (parsed.contains("problems")) {
    report.outcome = WorkerReport::Outcome::problems;
    report.diagnostics = diagnostics_from(parsed["problems"]);
  } else {
    report.message = parsed.value("message", "the render failed");
  }
  return report;
}

}  // namespace raingan::serve
