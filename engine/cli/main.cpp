// raingan: the command-line front of the engine. Each subcommand lives in its own file (command_*.cpp).
#include <cstdio>
#include <exception>
#include <span>
#include <string>
#include <string_view>

#include "cli/commands.h"
#include "core/diagnostic.h"

namespace {

constexpr std::string_view usage =
    R"(raingan - Thai official documents, registers and booklets from JSON datasets

Usage:
  raingan build [NAME...] [-j N] [--root DIR] [--keep-going] [--strict]
                                                  build the documents datasets/manifest.json lists (the
                                                  named ones, or all) into output/, N at a time
  raingan render TEMPLATE DATASET -o OUT.pdf|OUT.xlsx [--strict]
  raingan validate DATASET...                     check datasets against their kind's schema
  raingan import FILE.xlsx|FILE.csv --kind KIND -o DATASET.json [--base DATASET.json] [--set FIELD=VALUE]
  raingan import --sheet-for KIND [--from DATASET.json] -o KIND.xlsx    the kind's import sheet
  raingan text INPUT.txt -o OUT.pdf [--font FAMILY] [--size PT] [--width-mm MM] [--align left|justify]
  raingan format baht|date|digits VALUE           print one formatted value
  raingan serve [--root DIR] [--host 127.0.0.1] [--port 8080]
                                                  the project as a web app in the browser (README)
  raingan serve --set-password [--root DIR]       the password a server beyond this machine asks for
  raingan init DIR                                make a new project that builds at once
  raingan --help | --version

Every PDF is checked after layout (preflight: content off the page or out of its margins, a header over the
body, overfull lines, empty pages, a signature without body text above it, missing figures); findings are
warnings naming the page and the template line, and errors with --strict.

A project is the folder that holds templates/, datasets/ and fonts/: --root, or the nearest one above the
template or dataset given (else above the current folder). Fonts, schemas and templates it lacks come from
the installed share folder, then from the system's fonts. Files are read only from the project, the share
folder, the project of each file named on the command line and folders given with --allow-read DIR[:DIR...];
build writes only inside the project's output/.

One budget bounds each render, validate and build; when a document needs more, the error names the option
that raises its limit:
  --max-dataset-mb 64            size of a dataset file        --max-depth 64         nesting of its values
  --max-string-kb 1024           one text in a dataset         --max-pages 5000       pages of one PDF
  --max-table-rows 200000        rows of one table or sheet    --max-image-megapixels 50   one image
  --max-template-steps 200000000 work of the template (loops, expressions, items walked)
  --max-template-mb 256          texts and lists the template builds

Exit status: 0 on success; 1 when the input has problems (each printed on stderr as file: location: message);
2 on wrong usage.
)";

}  // namespace

int main(int argc, char** argv) {
  std::span<char*> args(argv, static_cast<std::size_t>(argc));
  if (args.size() < 2) {
    std::fputs(usage.data(), stderr);
    return 2;
  }
  const std::string_view command = args[1];
  if (command == "--help" || command == "-h" || command == "help") {
    std::fputs(usage.data(), stdout);
    return 0;
  }
  if (command == "--version") {
    std::printf("raingan %s\n", RAINGAN_VERSION);
    return 0;
  }
  const std::vector<std::string> rest(args.begin() + 2, args.end());
  try {
    for (const auto& entry : raingan::cli::commands())
      if (entry.name == command) return entry.run(rest);
    std::fprintf(stderr, "raingan: unknown command '%s' (see raingan --help)\n",
                 std::string(command).c_str());
    return 2;
  } catch (const raingan::cli::UsageError& error) {
    std::fprintf(stderr, "raingan %s: %s (see raingan --help)\n", std::string(command).c_str(), error.what());
    return 2;
  } catch (const raingan::InputError& error) {
    for (const auto& d : error.diagnostics()) std::fprintf(stderr, "%s\n", d.to_string().c_str());
    return 1;
  } catch (const std::exception& error) {
    std::fprintf(stderr, "raingan %s: %s\n", std::string(command).c_str(), error.what());
    return 1;
  }
}
