// raingan text INPUT.txt -o OUT.pdf [--font FAMILY] [--size PT] [--width-mm MM] [--align left|justify]
#include <cstdio>

#include "cli/arguments.h"
#include "render/render.h"

namespace raingan::cli {

int run_text(const Arguments& arguments) {
  std::set<std::string> valued = render_flags;
  valued.insert({"-o", "--output", "--font", "--size", "--width-mm", "--align"});
  const ParsedArguments parsed(arguments, valued, {});
  if (parsed.positional().size() != 1) throw UsageError("text needs one INPUT.txt");
  if (parsed.value("-o") && parsed.value("--output"))
    throw UsageError("-o and --output both given; give one");
  const auto output = parsed.value("-o") ? parsed.value("-o") : parsed.value("--output");
  if (!output) throw UsageError("text needs -o OUT.pdf");
  const Project project = find_project(parsed, parsed.positional());
  render::TextOptions text;
  text.family = parsed.value("--font").value_or(text.family);
  text.size = parsed.number("--size", text.size, 4, 200);
  text.width_mm = parsed.number("--width-mm", text.width_mm, 10, 280);
  if (auto align = parsed.value("--align")) {
    if (*align == "left")
      text.align = document::Align::left;
    else if (*align == "justify")
      text.align = document::Align::justify;
    else if (*align == "right")
      text.align = document::Align::right;
    else if (*align == "center")
      text.align = document::Align::center;
    else
      throw UsageError("--align expects left, justify, right or center, found '" + *align + "'");
  }
  const render::Rendered rendered =
      render::render_text(parsed.positional()[0], *output, text, render_options(parsed, project));
  std::printf("%s: %s\n", output->c_str(), count_of(rendered.pages, "page").c_str());
  return 0;
}

}  // namespace raingan::cli
