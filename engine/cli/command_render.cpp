// raingan render TEMPLATE DATASET -o OUT.pdf|OUT.xlsx [--strict]
#include <cstdio>

#include "cli/arguments.h"
#include "render/render.h"

namespace raingan::cli {

int run_render(const Arguments& arguments) {
  std::set<std::string> valued = render_flags;
  valued.insert({"-o", "--output"});
  const ParsedArguments parsed(arguments, valued, {"--strict"});
  if (parsed.positional().size() != 2) throw UsageError("render needs TEMPLATE and DATASET");
  if (parsed.value("-o") && parsed.value("--output"))
    throw UsageError("-o and --output both given; give one");
  const auto output = parsed.value("-o") ? parsed.value("-o") : parsed.value("--output");
  if (!output) throw UsageError("render needs -o OUT.pdf or -o OUT.xlsx");
  const Project project = find_project(parsed, parsed.positional());
  render::Options options = render_options(parsed, project);
  options.strict = parsed.has("--strict");
  const render::Rendered rendered =
      render::render(parsed.positional()[0], parsed.positional()[1], *output, options);
  const bool workbook = std::filesystem::path(*output).extension() == ".xlsx";
  std::printf("%s: %s\n", output->c_str(), count_of(rendered.pages, workbook ? "sheet" : "page").c_str());
  return 0;
}

}  // namespace raingan::cli
