#pragma once
// datasets/manifest.json: which documents `raingan build` makes. Each entry is a dataset with a template, or
// a plain text; paths are relative to datasets/ and templates/, outputs to output/.
//
//   {"documents": [
//     {"dataset": "work-standards-policy-planning.json", "template": "work-standards.xml",
//      "output": "work-standards-policy-planning.pdf"},
//     {"text": "texts/002_27adca80231827ab.txt", "output": "seed-002.pdf", "align": "justify"}]}

#include <filesystem>
#include <string>
#include <vector>

#include "render/options.h"
#include "render/render.h"

namespace raingan::render {

struct ManifestEntry {
  std::filesystem::path dataset;  // empty for a text entry
  std::filesystem::path template_file;
  std::filesystem::path text;     // empty for a dataset entry
  std::string align = "justify";  // text entries
  std::filesystem::path output;
};

// Reads <root>/datasets/manifest.json. Throws InputError naming the file and JSON path of each problem.
std::vector<ManifestEntry> read_manifest(const std::filesystem::path& root);

// Makes one entry's document: a dataset through its template, or a text. Throws InputError on problems.
Rendered render_entry(const ManifestEntry& entry, const Options& options);

}  // namespace raingan::render
