// The API: report types, kinds and their schemas, datasets (read, save with history), validation, renders
// and the manifest build (spreadsheet import is import_routes.cpp). Every name in a URL is looked up among
// what the project has (project.h).
#include <algorithm>

#include "dataset/dataset_check.h"
#include "dataset/schema_catalog.h"
#include "serve/problems_json.h"
#include "serve/server.h"

namespace raingan::serve {
namespace {

// The dataset's problems against the project's schemas (a catalog per request: schemas may change while the
// server runs, and nothing is shared between request threads).
dataset::DatasetCheck check_body(const Project& project, std::string_view body) {
  dataset::SchemaCatalog schemas({project.schemas_folder()});
  return dataset::check_dataset_text(body, "", schemas);
}

void send_problems(httplib::Response& response, const std::vector<Diagnostic>& problems) {
  send_json(response, 422, {{"problems", problems_json(problems)}});
}

std::string in_quotes(std::string_view name) { return "\"" + std::string(name.substr(0, 80)) + "\""; }

}  // namespace

bool Server::take_slot(RenderGate::Slot& slot, httplib::Response& response) {
  switch (gate_.enter(slot)) {
    case RenderGate::Admission::admitted:
      return true;
    case RenderGate::Admission::queue_full:
      response.set_header("Retry-After", "5");
      send_error(response, 503,
                 "the server is busy: " + std::to_string(gate_.slots()) + " documents are being made and " +
                     std::to_string(gate_.queue_length()) + " are waiting; try again shortly");
      return false;
    case RenderGate::Admission::timed_out:
      response.set_header("Retry-After", "5");
      send_error(response, 503,
                 "the server is busy: no render slot came free within " +
                     std::to_string(gate_.max_wait().count() / 1000) + " s");
      return false;
    case RenderGate::Admission::shutting_down:
      send_error(response, 503, "the server is shutting down");
      return false;
  }
  return false;
}

void Server::add_api_routes() {
  http_.Get("/api/reports",
            guarded(Access::signed_in, [this](const httplib::Request&, httplib::Response& response) {
              nlohmann::json list = nlohmann::json::array();
              for (const auto& report : project_.reports())
                list.push_back({{"name", report.name},
                                {"title", report.title},
                                {"kind", report.kind},
                                {"format", report.format}});
              send_json(response, 200, list);
            }));

  http_.Get("/api/kinds",
            guarded(Access::signed_in, [this](const httplib::Request&, httplib::Response& response) {
              nlohmann::json list = nlohmann::json::array();
              for (const auto& kind : project_.kinds())
                list.push_back({{"kind", kind.kind}, {"title", kind.title}});
              send_json(response, 200, list);
            }));

  http_.Get(R"(/api/kinds/([^/]+)/schema)",
            guarded(Access::signed_in, [this](const httplib::Request& request, httplib::Response& response) {
              const auto kind = project_.kind(request.matches[1].str());
              if (!kind)
                return send_error(response, 404, "no kind is named " + in_quotes(request.matches[1].str()));
              response.set_content(read_file(kind->file), "application/json");
            }));

  http_.Get("/api/datasets",
            guarded(Access::signed_in, [this](const httplib::Request&, httplib::Response& response) {
              nlohmann::json list = nlohmann::json::array();
              for (const auto& dataset : project_.datasets())
                list.push_back({{"name", dataset.name}, {"kind", dataset.kind}});
              send_json(response, 200, list);
            }));

  http_.Get(R"(/api/datasets/([^/]+))",
            guarded(Access::signed_in, [this](const httplib::Request& request, httplib::Response& response) {
              const auto dataset = project_.dataset(request.matches[1].str());
              if (!dataset)
                return send_error(response, 404,
                                  "no dataset is named " + in_quotes(request.matches[1].str()));
              const std::string content = read_file(dataset->file);
              response.set_header("ETag", DatasetStore::etag_of(content));
              response.set_content(content, "application/json");
            }));

  http_.Put(
      R"(/api/datasets/([^/]+))",
      guarded(Access::signed_in, [this](const httplib::Request& request, httplib::Response& response) {
        if (!json_body(request, response)) return;
        const std::string name = request.matches[1].str();
        const auto existing = project_.dataset(name);
        if (!existing && !DatasetStore::is_new_dataset_name(name))
          return send_error(response, 404,
                            "no dataset is named " + in_quotes(name) +
                                " (a new dataset needs a name of lower-case letters, digits and '-')");
        dataset::DatasetCheck check = check_body(project_, request.body);
        if (existing && !existing->kind.empty() && !check.kind.empty() && check.kind != existing->kind)
          check.problems = {{"", "kind",
                             "expected \"" + existing->kind + "\", the kind of dataset " + name +
                                 ", found \"" + check.kind + "\""}};
        if (!check.problems.empty()) return send_problems(response, check.problems);
        try {
          const SavedDataset saved = store_.save(name, request.body, request.get_header_value("If-Match"));
          response.set_header("ETag", saved.etag);
          send_json(
              response, saved.created ? 201 : 200,
              {{"name", name}, {"kind", check.kind}, {"created", saved.created}, {"kept_as", saved.kept_as}});
        } catch (const SaveConflict& conflict) {
          send_error(response, 409, conflict.what());
        } catch (const UnknownDataset& unknown) {
          send_error(response, 404, unknown.what());
        }
      }));

  http_.Post("/api/validate",
             guarded(Access::signed_in, [this](const httplib::Request& request, httplib::Response& response) {
               if (!json_body(request, response)) return;
               const dataset::DatasetCheck check = check_body(project_, request.body);
               send_json(response, check.problems.empty() ? 200 : 422,
                         {{"kind", check.kind}, {"problems", problems_json(check.problems)}});
             }));

  http_.Get(
      "/api/health", guarded(Access::signed_in, [this](const httplib::Request&, httplib::Response& response) {
        const RenderGate::Counts counts = gate_.counts();
        send_json(response, 200,
                  {{"renders_running", counts.running},
                   {"renders_waiting", counts.waiting},
                   {"peak_running", counts.peak_running},
                   {"peak_waiting", counts.peak_waiting},
                   {"refused", counts.refused},
                   {"max_renders", gate_.slots()},
                   {"render_queue", gate_.queue_length()},
                   {"render_memory_mb", memory_limit_enforced() ? workers_.limits().memory_bytes >> 20 : 0},
                   {"render_timeout_s", static_cast<double>(workers_.limits().wall_time.count()) / 1000}});
      }));
}

void Server::add_render_routes() {
  http_.Post(
      R"(/api/render/([^/]+))",
      guarded(Access::signed_in, [this](const httplib::Request& request, httplib::Response& response) {
        const auto report = project_.report(request.matches[1].str());
        if (!report)
          return send_error(response, 404, "no report type is named " + in_quotes(request.matches[1].str()));
        if (!json_body(request, response)) return;
        dataset::DatasetCheck check = check_body(project_, request.body);
        // A dataset of another kind: that alone is the problem, not every field the other kind lacks.
        if (!report->kind.empty() && !check.kind.empty() && check.kind != report->kind)
          check.problems = {{"", "kind",
                             "expected \"" + report->kind + "\", the kind " + report->name +
                                 " is made from, found \"" + check.kind + "\""}};
        if (!check.problems.empty()) return send_problems(response, check.problems);

        RenderGate::Slot slot;
        if (!take_slot(slot, response)) return;
        const RenderResult result = workers_.render(*report, request.body);
        slot.release();
        switch (result.outcome) {
          case RenderResult::Outcome::done: {
            const bool pdf = report->format == "pdf";
            response.set_header("Content-Disposition", std::string(pdf ? "inline" : "attachment") +
                                                           "; filename=\"" + report->name + "." +
                                                           report->format + "\"");
            response.set_header("X-Raingan-Pages", std::to_string(result.pages));
            response.set_content(result.bytes,
                                 pdf ? "application/pdf"
                                     : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
            return;
          }
          case RenderResult::Outcome::problems:
            return send_problems(response, result.diagnostics);
          case RenderResult::Outcome::timed_out:
            return send_error(response, 503, result.message);
          case RenderResult::Outcome::failed:
            return send_error(response, 500, result.message);
        }
      }));

  http_.Post("/api/build",
             guarded(Access::signed_in, [this](const httplib::Request& request, httplib::Response& response) {
               if (!request.body.empty() && !json_body(request, response)) return;
               try {
                 if (!build_.start())
                   return send_json(response, 409,
                                    {{"message", "a build is already running"}, {"build", build_.state()}});
               } catch (const InputError& error) {
                 return send_problems(response, error.diagnostics());
               }
               send_json(response, 202, build_.state());
             }));

  http_.Get("/api/build",
            guarded(Access::signed_in, [this](const httplib::Request&, httplib::Response& response) {
              send_json(response, 200, build_.state());
            }));

  http_.Get(R"(/api/outputs/([^/]+))",
            guarded(Access::signed_in, [this](const httplib::Request& request, httplib::Response& response) {
              const std::string name = request.matches[1].str();
              const auto outputs = build_.outputs();
              const auto found = std::find_if(outputs.begin(), outputs.end(),
                                              [&](const auto& o) { return o.first == name; });
              std::error_code error;
              if (found == outputs.end() || !std::filesystem::is_regular_file(found->second, error))
                return send_error(response, 404, "no built document is named " + in_quotes(name));
              const bool pdf = name.ends_with(".pdf");
              response.set_header("Content-Disposition", "attachment; filename=\"" + name + "\"");
              response.set_content(read_file(found->second),
                                   pdf ? "application/pdf"
                                       : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
            }));
}

}  // namespace raingan::serve
