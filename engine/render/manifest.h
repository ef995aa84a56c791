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

// Reads <root>/datasets/manifest.json (its schema from the project, else from `share_folder`). An output
// that would land outside <root>/output (a "../", an absolute path, a symlink leading out) is a problem.
// Throws InputError naming the file and JSON path of each problem.
std::vector<ManifestEntry> read_manifest(const std::filesystem::path& root,
                                         const std::filesystem::path& share_folder = {});

// The name an entry is asked for by (`raingan build NAME`): its output file name without the extension.
std::string entry_name(const ManifestEntry& entry);

// Makes one entry's document: a dataset through its template, or a text. Throws InputError on problems.
Rendered render_entry(const ManifestEntry& entry, const Options& options);

}  // namespace raingan::render
