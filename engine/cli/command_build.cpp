// raingan build [--root DIR] [--keep-going] [--strict]: every document datasets/manifest.json lists, into
// output/.
#include <chrono>
#include <cstdio>

#include "cli/arguments.h"
#include "render/manifest.h"
#include "render/render.h"

namespace raingan::cli {

int run_build(const Arguments& arguments) {
  const ParsedArguments parsed(arguments, render_flags, {"--keep-going", "--strict"});
  if (!parsed.positional().empty())
    throw UsageError("build takes no file names (it reads datasets/manifest.json)");
  const std::filesystem::path root = project_root(parsed);
  render::Options options = render_options(parsed, root);
  options.strict = parsed.has("--strict");
  const auto entries = render::read_manifest(root);
  std::filesystem::create_directories(root / "output");
  const bool keep_going = parsed.has("--keep-going");
  std::size_t built = 0, failed = 0, pages = 0;
  const auto started = std::chrono::steady_clock::now();
  for (const auto& entry : entries) {
    const std::string shown = std::filesystem::relative(entry.output, root).string();
    try {
      const render::Rendered rendered = render::render_entry(entry, options);
      const bool workbook = entry.output.extension() == ".xlsx";
      std::printf("built %s (%zu %s)\n", shown.c_str(), rendered.pages, workbook ? "sheets" : "pages");
      std::fflush(stdout);
      if (!workbook) pages += rendered.pages;
      ++built;
    } catch (const InputError& error) {
      ++failed;
      std::fprintf(stderr, "failed %s:\n", shown.c_str());
      for (const auto& d : error.diagnostics()) std::fprintf(stderr, "  %s\n", d.to_string().c_str());
      if (!keep_going) {
        std::fprintf(stderr,
                     "build stopped; the other documents were not built (use --keep-going to build them)\n");
        return 1;
      }
    }
  }
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  std::printf("%zu of %zu documents built into %s (%zu PDF pages) in %.2f s", built, entries.size(),
              (root / "output").c_str(), pages, seconds);
  if (failed) std::printf("; %zu failed", failed);
  std::printf("\n");
  return failed ? 1 : 0;
}

}  // namespace raingan::cli
