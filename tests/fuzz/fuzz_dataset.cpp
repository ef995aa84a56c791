// Fuzz target: a dataset file as a clerk might type it. The bytes are read as a dataset (JSON with exact
// numbers, located errors, size and depth limits) and, when they name a kind that has a schema, validated
// against the project's schemas. Every outcome must be a value or a list of diagnostics, never a crash.
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

#include "core/diagnostic.h"
#include "dataset/json_reader.h"
#include "dataset/schema_catalog.h"
#include "dataset/schema_validator.h"
#include "format/value_error.h"

namespace {

using namespace raingan;

dataset::SchemaCatalog& project_schemas() {
  static dataset::SchemaCatalog schemas({std::filesystem::path(RAINGAN_SOURCE_DIR) / "datasets" / "schemas"});
  return schemas;
}

// Messages are built for every problem; building them must be as safe as finding the problem.
void render_messages(const std::vector<Diagnostic>& problems) {
  for (const auto& problem : problems) {
    const std::string text = problem.to_string();
    if (text.empty()) __builtin_trap();
  }
}

}  // namespace

// One-time set-up before any input runs, so that what is loaded once (the schemas) is not mistaken for a
// leak of the first input.
extern "C" int LLVMFuzzerInitialize(int*, char***) {
  for (const auto& kind : project_schemas().known_kinds()) project_schemas().find(kind);
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  dataset::ReaderOptions options;
  options.max_depth = 200;               // deeper than the default, to reach the validator's recursion
  options.max_string_bytes = 64 * 1024;  // small, so the limit itself is exercised
  dataset::JsonReadResult read = dataset::try_read_json_text(text, "fuzz.json", options);
  render_messages(read.problems);
  if (!read.document) return 0;
  const dataset::Value& root = read.document->root;
  (void)dataset::describe(root);
  (void)dataset::canonical_key(root);
  const dataset::Value* kind = root.find("kind");
  if (kind == nullptr || !kind->is_string()) return 0;
  try {
    if (const dataset::Schema* schema = project_schemas().find(kind->as_string()))
      render_messages(dataset::validate(*read.document, *schema));
  } catch (const format::ValueError&) {  // a kind that is not a plain name
  } catch (const InputError&) {
  }
  return 0;
}
