// raingan import FILE.xlsx|FILE.csv --kind KIND -o DATASET.json: an office's spreadsheet read into a dataset
// of the kind, by what the kind's schema says about sheets and columns, and checked; every problem is
// printed at its sheet and cell (นักเรียน!D17: expected …, found …) and nothing is written.
// raingan import --sheet-for KIND [--from DATASET.json] -o KIND.xlsx: the kind's import sheet, empty or
// filled.
#include <cstdio>
#include <fstream>

#include "cli/arguments.h"
#include "core/atomic_output.h"
#include "dataset/dataset_check.h"
#include "dataset/schema_catalog.h"
#include "format/value_error.h"
#include "intake/intake.h"

namespace raingan::cli {
namespace {

namespace fs = std::filesystem;

const dataset::Schema& schema_of(dataset::SchemaCatalog& catalog, const std::string& kind) {
  const dataset::Schema* schema = nullptr;
  try {
    schema = catalog.find(kind);
  } catch (const format::ValueError& error) {
    throw UsageError(std::string("--kind: ") + error.what());
  }
  if (schema == nullptr) {
    std::string known;
    for (const auto& name : catalog.known_kinds()) known += (known.empty() ? "" : ", ") + name;
    throw UsageError("no schema for the kind \"" + kind + "\" (known kinds: " + known + ")");
  }
  return *schema;
}

void write_text(const fs::path& target, const std::string& text) {
  AtomicOutput output(target);
  {
    std::ofstream out(output.temporary_path(), std::ios::binary);
    out.write(text.data(), static_cast<std::streamsize>(text.size()));
    if (!out.flush()) throw InputError(target.string(), "", "cannot be written");
  }
  output.commit();
}

// "40 schools, 2,500 students": the records of the dataset's arrays.
std::string summary(const dataset::Value& root) {
  std::string text;
  for (const auto& member : root.members())
    if (member.value.is_array() && !member.value.items().empty() && member.value.items().front().is_object())
      text += (text.empty() ? "" : ", ") + std::to_string(member.value.items().size()) + " " +
              std::string(member.key());
  return text;
}

}  // namespace

int run_import(const Arguments& arguments) {
  // --set may be given more than once; the other flags once.
  Arguments rest;
  std::vector<std::pair<std::string, std::string>> settings;
  for (std::size_t i = 0; i < arguments.size(); ++i) {
    std::string setting;
    if (arguments[i] == "--set") {
      if (i + 1 >= arguments.size()) throw UsageError("--set needs FIELD=VALUE");
      setting = arguments[++i];
    } else if (arguments[i].starts_with("--set=")) {
      setting = arguments[i].substr(6);
    } else {
      rest.push_back(arguments[i]);
      continue;
    }
    const std::size_t equals = setting.find('=');
    if (equals == std::string::npos || equals == 0)
      throw UsageError("--set expects FIELD=VALUE, found '" + setting + "'");
    settings.emplace_back(setting.substr(0, equals), setting.substr(equals + 1));
  }
  const ParsedArguments parsed(rest,
                               {"--kind", "--sheet-for", "--from", "--base", "-o", "--output", "--schemas",
                                "--fonts", "--root", "--max-file-mb"},
                               {});
  const auto output = parsed.value("-o") ? parsed.value("-o") : parsed.value("--output");
  if (!output) throw UsageError("import needs -o DATASET.json (or -o KIND.xlsx with --sheet-for)");
  const fs::path root = find_project(parsed, parsed.positional()).root;
  const fs::path schemas = parsed.value("--schemas").value_or((root / "datasets" / "schemas").string());
  if (!fs::is_directory(schemas)) throw UsageError("--schemas " + schemas.string() + " is not a folder");
  dataset::SchemaCatalog catalog({schemas});

  if (const auto kind = parsed.value("--sheet-for")) {
    if (!parsed.positional().empty() || parsed.value("--kind"))
      throw UsageError("--sheet-for KIND writes an import sheet; it takes no FILE and no --kind");
    const dataset::Schema& schema = schema_of(catalog, *kind);
    std::optional<dataset::JsonDocument> from;
    if (const auto file = parsed.value("--from")) from = dataset::load_dataset(*file, catalog);
    intake::SheetOptions options;
    options.fonts_folder = parsed.value("--fonts").value_or((root / "fonts").string());
    intake::write_import_sheet(schema, from ? &*from : nullptr, *output, options);
    std::printf("%s: the import sheet of %s\n", output->c_str(), kind->c_str());
    return 0;
  }

  if (parsed.positional().size() != 1) throw UsageError("import needs one FILE.xlsx or FILE.csv");
  const auto kind = parsed.value("--kind");
  if (!kind) throw UsageError("import needs --kind KIND (the kind of dataset to make)");
  const dataset::Schema& schema = schema_of(catalog, *kind);
  intake::ImportOptions options;
  options.settings = std::move(settings);
  options.limits.max_file_bytes =
      static_cast<std::uint64_t>(parsed.number("--max-file-mb", 64, 1, 4096)) * 1024 * 1024;
  std::optional<dataset::JsonDocument> base;
  if (const auto file = parsed.value("--base")) {
    base = dataset::read_json_file(*file);
    options.base = &*base;
  }
  const intake::ImportResult result = intake::import_file(parsed.positional().front(), schema, options);
  for (const auto& note : result.notes)
    std::fprintf(stderr, "%s: note: %s\n", parsed.positional().front().c_str(), note.c_str());
  if (!result.problems.empty()) {
    for (const auto& problem : result.problems) std::fprintf(stderr, "%s\n", problem.to_string().c_str());
    std::fprintf(stderr, "%zu problem%s; nothing was written\n", result.problems.size(),
                 result.problems.size() == 1 ? "" : "s");
    return 1;
  }
  write_text(*output, *result.json);
  std::printf("%s: %s (%s)\n", output->c_str(), kind->c_str(),
              result.document ? summary(result.document->root).c_str() : "");
  return 0;
}

}  // namespace raingan::cli
