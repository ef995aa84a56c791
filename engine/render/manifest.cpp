#include "render/manifest.h"

#include "core/diagnostic.h"
#include "dataset/dataset_check.h"
#include "dataset/schema_catalog.h"

namespace raingan::render {

std::vector<ManifestEntry> read_manifest(const std::filesystem::path& root) {
  const std::filesystem::path file = root / "datasets" / "manifest.json";
  // The manifest is a dataset of its own kind: its schema says what an entry may hold.
  dataset::SchemaCatalog schemas(dataset::default_schema_folders(file));
  const dataset::JsonDocument manifest = dataset::load_dataset(file, schemas);
  const std::string name = file.string();
  std::vector<Diagnostic> problems;
  std::vector<ManifestEntry> entries;
  const dataset::Value* documents = manifest.root.find("documents");
  if (!documents || !documents->is_array())
    throw InputError(name, "documents", "expected a list of documents to build");
  std::size_t index = 0;
  for (const auto& item : documents->items()) {
    const std::string path = "documents[" + std::to_string(index++) + "]";
    auto text_of = [&](const char* key) -> std::string {
      const dataset::Value* v = item.find(key);
      if (!v) return {};
      if (!v->is_string()) {
        problems.push_back({name, path + "." + key, "expected a text, found " + dataset::describe(*v)});
        return {};
      }
      return std::string(v->as_string());
    };
    if (!item.is_object()) {
      problems.push_back({name, path, "expected an object, found " + dataset::describe(item)});
      continue;
    }
    for (const auto& member : item.members())
      if (const std::string_view key = member.key();
          key != "dataset" && key != "template" && key != "text" && key != "output" && key != "align")
        problems.push_back({name, path + "." + std::string(key),
                            "unknown field (expected dataset, template, text, output, align)"});
    ManifestEntry entry;
    const std::string dataset = text_of("dataset"), template_file = text_of("template"),
                      text = text_of("text"), output = text_of("output"), align = text_of("align");
    if (output.empty()) problems.push_back({name, path + ".output", "expected the output file name"});
    if (text.empty() == dataset.empty())
      problems.push_back({name, path, "expected either \"dataset\" (with \"template\") or \"text\""});
    if (!dataset.empty() && template_file.empty())
      problems.push_back({name, path + ".template", "a dataset entry needs its template"});
    if (!dataset.empty()) entry.dataset = root / "datasets" / dataset;
    if (!template_file.empty()) entry.template_file = root / "templates" / template_file;
    if (!text.empty()) entry.text = root / "datasets" / text;
    if (!align.empty()) entry.align = align;
    entry.output = root / "output" / output;
    entries.push_back(std::move(entry));
  }
  if (!problems.empty()) throw InputError(std::move(problems));
  return entries;
}

Rendered render_entry(const ManifestEntry& entry, const Options& options) {
  if (entry.text.empty()) return render(entry.template_file, entry.dataset, entry.output, options);
  TextOptions text;
  text.align = entry.align == "left" ? document::Align::left : document::Align::justify;
  return render_text(entry.text, entry.output, text, options);
}

}  // namespace raingan::render
