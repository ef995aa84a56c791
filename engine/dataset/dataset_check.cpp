#include "dataset/dataset_check.h"

#include "dataset/schema_validator.h"
#include "format/value_error.h"

namespace raingan::dataset {
namespace {

std::string folder_list(const std::vector<std::filesystem::path>& folders) {
  if (folders.empty()) return "no schemas folder was found";
  std::string text = "looked in ";
  for (std::size_t i = 0; i < folders.size(); ++i) text += (i == 0 ? "" : ", ") + folders[i].string();
  return text;
}

// The checks after reading, shared by a dataset read from a file and one given as text.
DatasetCheck check_read(JsonReadResult read, SchemaCatalog& schemas, const ReaderOptions& options) {
  DatasetCheck check;
  check.problems = std::move(read.problems);
  check.document = std::move(read.document);
  if (!check.document) return check;

  const JsonDocument& document = *check.document;
  if (!document.root.is_object()) {
    check.problems.push_back(
        {document.file, "",
         "expected a JSON object with a \"kind\" field, found " + describe(document.root)});
    return check;
  }
  const Value* kind = document.root.find("kind");
  if (kind == nullptr || !kind->is_string()) {
    check.problems.push_back(
        {document.file, "kind",
         "expected a string naming the dataset's kind such as \"work-standards\", found " +
             (kind == nullptr ? std::string("no \"kind\" field") : describe(*kind))});
    return check;
  }
  check.kind = kind->as_string();
  try {
    const Schema* schema = schemas.find(check.kind);
    if (schema == nullptr) {
      std::string known;
      for (const auto& name : schemas.known_kinds()) known += (known.empty() ? "" : ", ") + name;
      check.problems.push_back({document.file, "kind",
                                "expected a kind that has a schema (" +
                                    (known.empty() ? std::string("none is known") : "known kinds: " + known) +
                                    "; " + folder_list(schemas.folders()) + "), found \"" + check.kind +
                                    "\""});
      return check;
    }
    std::vector<Diagnostic> found = validate(document, *schema, options.file_scope);
    check.problems.insert(check.problems.end(), std::make_move_iterator(found.begin()),
                          std::make_move_iterator(found.end()));
  } catch (const format::ValueError& error) {
    check.problems.push_back({document.file, "kind", error.what()});
  } catch (const InputError& error) {
    check.problems.insert(check.problems.end(), error.diagnostics().begin(), error.diagnostics().end());
  }
  return check;
}

}  // namespace

DatasetCheck check_dataset(const std::filesystem::path& file, SchemaCatalog& schemas,
                           const ReaderOptions& options) {
  return check_read(try_read_json_file(file, options), schemas, options);
}

DatasetCheck check_dataset_text(std::string_view text, std::string file_label, SchemaCatalog& schemas,
                                const ReaderOptions& options) {
  return check_read(try_read_json_text(text, std::move(file_label), options), schemas, options);
}

JsonDocument load_dataset(const std::filesystem::path& file, SchemaCatalog& schemas,
                          const ReaderOptions& options) {
  DatasetCheck check = check_dataset(file, schemas, options);
  if (!check.problems.empty() || !check.document) throw InputError(std::move(check.problems));
  return std::move(*check.document);
}

}  // namespace raingan::dataset
