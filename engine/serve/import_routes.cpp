// Spreadsheet intake over HTTP: POST /api/import/{kind} reads an uploaded XLSX or CSV into a dataset of the
// kind (engine/intake), and GET /api/kinds/{kind}/import-sheet hands out the workbook an office fills in.
// The upload is read in memory under the body cap; nothing of it is written, and only names from the
// project's lists reach a file.
#include <nlohmann/json.hpp>

#include "dataset/schema_catalog.h"
#include "intake/intake.h"
#include "serve/problems_json.h"
#include "serve/server.h"

namespace raingan::serve {
namespace {

constexpr const char* xlsx_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

// An upload's inflated XLSX members are bounded well below the command line's limits: a server reads many
// files for many people, and a zip bomb of a few megabytes must not take it down.
intake::Limits upload_limits(std::size_t max_body_bytes) {
  intake::Limits limits;
  limits.max_file_bytes = max_body_bytes;
  limits.max_member_bytes = 128ULL << 20;
  limits.max_total_bytes = 256ULL << 20;
  limits.max_cells = 2'000'000;
  return limits;
}

std::string in_quotes(std::string_view name) { return "\"" + std::string(name.substr(0, 80)) + "\""; }

// The file part of a name a browser sends with a multipart upload ("C:\fakepath\นักเรียน.xlsx"); only a
// label for messages and the CSV's sheet name, never a path.
std::string file_label(std::string_view name) {
  const std::size_t slash = name.find_last_of("/\\");
  if (slash != std::string_view::npos) name.remove_prefix(slash + 1);
  return std::string(name.substr(0, 120));
}

struct Upload {
  std::string_view bytes;
  std::string label;  // its name, or "upload.xlsx" / "upload.csv" from its type
};

// The file: the first file part of a multipart form (curl -F file=@x.xlsx, the app's FormData), or the
// whole body typed by its Content-Type. Empty bytes when the form has no file.
Upload upload_of(const httplib::Request& request) {
  if (request.is_multipart_form_data()) {
    for (const auto& [field, part] : request.files)
      if (!part.filename.empty() || field == "file")
        return {part.content, part.filename.empty() ? "upload" : file_label(part.filename)};
    return {};
  }
  const std::string type = request.get_header_value("Content-Type");
  if (type.starts_with(xlsx_type)) return {request.body, "upload.xlsx"};
  if (type.starts_with("text/csv") || type.starts_with("text/plain")) return {request.body, "upload.csv"};
  return {request.body, "upload"};  // told apart by its first bytes
}

// The problems as the form shows them: at the field ("path") and in the file ("location": นักเรียน!D17).
nlohmann::json import_problems_json(const intake::ImportResult& result) {
  nlohmann::json list = nlohmann::json::array();
  for (std::size_t i = 0; i < result.problems.size(); ++i)
    list.push_back({{"location", result.problems[i].location},
                    {"path", i < result.json_paths.size() ? result.json_paths[i] : std::string()},
                    {"message", result.problems[i].message}});
  return list;
}

}  // namespace

void Server::add_import_routes() {
  // The kind's schema when it says how to import it; answers 404 (or 500 for a broken schema) otherwise.
  const auto import_schema = [this](const std::string& name, dataset::SchemaCatalog& catalog,
                                    httplib::Response& response) -> const dataset::Schema* {
    const auto kind = project_.kind(name);
    if (!kind) {
      send_error(response, 404, "no kind is named " + in_quotes(name));
      return nullptr;
    }
    try {
      const dataset::Schema* schema = catalog.find(kind->kind);
      if (schema != nullptr && intake::importable(*schema)) return schema;
      send_error(
          response, 404,
          "kind " + in_quotes(name) + " is not imported from a spreadsheet (its schema names no sheet)");
    } catch (const InputError& error) {
      send_json(response, 500,
                {{"message", "the schema of kind " + in_quotes(name) + " cannot be used"},
                 {"problems", problems_json(error.diagnostics())}});
    }
    return nullptr;
  };

  http_.Post(
      R"(/api/import/([^/]+))",
      guarded(Access::signed_in, [this, import_schema](const httplib::Request& request,
                                                       httplib::Response& response) {
        dataset::SchemaCatalog catalog({project_.schemas_folder()});
        const dataset::Schema* schema = import_schema(request.matches[1].str(), catalog, response);
        if (schema == nullptr) return;
        const Upload upload = upload_of(request);
        if (upload.bytes.empty())
          return send_error(response, 400,
                            "expected an XLSX or CSV file as the request body (or a form field \"file\"), "
                            "found nothing");

        // Reading a big workbook takes a core and memory as a render does: it waits for a render slot.
        RenderGate::Slot slot;
        if (!take_slot(slot, response)) return;
        intake::ImportOptions options;
        options.limits = upload_limits(options_.max_body_bytes);
        intake::ImportResult result;
        try {
          result = intake::import_bytes(upload.bytes, upload.label, *schema, options);
        } catch (const InputError& error) {
          return send_json(response, 500,
                           {{"message", "the kind's schema cannot be used for an import"},
                            {"problems", problems_json(error.diagnostics())}});
        }
        slot.release();

        if (result.problems.empty() && result.json) {
          response.set_content(*result.json, "application/json");
          return;
        }
        nlohmann::json body = {
            {"message", std::to_string(result.problems.size()) +
                            (result.problems.size() == 1 ? " problem" : " problems") + " in " + upload.label},
            {"problems", import_problems_json(result)},
            {"notes", result.notes}};
        // What could be read, so that the form shows each problem beside the value it is about.
        if (result.json) {
          nlohmann::json read = nlohmann::json::parse(*result.json, nullptr, false);
          if (!read.is_discarded()) body["dataset"] = std::move(read);
        }
        send_json(response, 422, body);
      }));

  http_.Get(
      R"(/api/kinds/([^/]+)/import-sheet)",
      guarded(Access::signed_in, [this, import_schema](const httplib::Request& request,
                                                       httplib::Response& response) {
        dataset::SchemaCatalog catalog({project_.schemas_folder()});
        const std::string kind = request.matches[1].str();
        const dataset::Schema* schema = import_schema(kind, catalog, response);
        if (schema == nullptr) return;
        // ?from=DATASET: the sheet filled from a dataset of the project, to edit it in a spreadsheet.
        std::optional<dataset::JsonDocument> from;
        std::string filename = kind;
        if (request.has_param("from")) {
          const auto dataset = project_.dataset(request.get_param_value("from"));
          if (!dataset)
            return send_error(response, 404,
                              "no dataset is named " + in_quotes(request.get_param_value("from")));
          if (dataset->kind != kind)
            return send_error(response, 404,
                              "dataset " + in_quotes(dataset->name) + " is not of kind " + in_quotes(kind));
          dataset::JsonReadResult read = dataset::try_read_json_file(dataset->file);
          if (!read.document)
            return send_error(
                response, 422,
                read.problems.empty() ? "the dataset cannot be read" : read.problems.front().to_string());
          from = std::move(read.document);
          filename = dataset->name;
        }
        intake::SheetOptions options;
        options.fonts_folder = project_.root() / "fonts";
        const std::string bytes = intake::import_sheet_bytes(*schema, from ? &*from : nullptr, options);
        response.set_header("Content-Disposition", "attachment; filename=\"" + filename + ".xlsx\"");
        response.set_content(bytes, xlsx_type);
      }));
}

}  // namespace raingan::serve
