#include "render/manifest.h"

#include "core/diagnostic.h"
#include "core/read_scope.h"
#include "dataset/dataset_check.h"
#include "dataset/schema_catalog.h"

namespace raingan::render {

std::string entry_name(const ManifestEntry& entry) { return entry.output.stem().string(); }

std::vector<ManifestEntry> read_manifest(const std::filesystem::path& root,
                                         const std::filesystem::path& share_folder) {
  const std::filesystem::path file = root / "datasets" / "manifest.json";
  // The manifest is a dataset of its own kind: its schema says what an entry may hold.
  std::vector<std::filesystem::path> schema_folders = dataset::default_schema_folders(file);
  if (!share_folder.empty()) schema_folders.push_back(share_folder / "datasets" / "schemas");
  dataset::SchemaCatalog schemas(std::move(schema_folders));
  const std::filesystem::path output_folder = resolved_path(root / "output");
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
    entry.output = (root / "output" / output).lexically_normal();
    if (!output.empty() &&
        (std::filesystem::path(output).is_absolute() || !lexically_inside(entry.output, root / "output") ||
         !lexically_inside(resolved_path(entry.output), output_folder) ||
         entry.output == (root / "output").lexically_normal()))
      problems.push_back({name, path + ".output",
                          "expected a file name inside " + (root / "output").string() + ", found \"" +
                              output + "\", which would be written to " +
                              resolved_path(entry.output).string()});
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
