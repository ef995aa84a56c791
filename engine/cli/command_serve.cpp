// raingan serve [--root DIR] [--host 127.0.0.1] [--port 8080] [limits…]: the project as a web app.
// raingan serve --set-password [--root DIR]: the password a server beyond 127.0.0.1 asks for.
// raingan serve-worker …: one render for the server, in a process of its own (not for people to run).
#include <termios.h>
#include <unistd.h>

#include <cstdio>
#include <iostream>
#include <new>
#include <thread>

#include "cli/arguments.h"
#include "render/manifest.h"
#include "render/render.h"
#include "serve/auth.h"
#include "serve/serve.h"
#include "serve/worker_report.h"

namespace raingan::cli {
namespace {

const std::set<std::string> serve_flags = {
    "--host",       "--port",           "--max-renders",      "--render-queue",
    "--queue-wait", "--render-timeout", "--render-memory-mb", "--max-body-mb"};

// Reads a line from the terminal without echoing it, or from the pipe it is given.
std::string read_secret(const char* prompt) {
  const bool terminal = ::isatty(STDIN_FILENO) != 0;
  termios saved{};
  if (terminal) {
    std::fprintf(stderr, "%s", prompt);
    std::fflush(stderr);
    ::tcgetattr(STDIN_FILENO, &saved);
    termios quiet = saved;
    quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    ::tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
  }
  std::string line;
  std::getline(std::cin, line);
  if (terminal) {
    ::tcsetattr(STDIN_FILENO, TCSANOW, &saved);
    std::fprintf(stderr, "\n");
  }
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return line;
}

int set_password(const std::filesystem::path& root) {
  serve::initialise_crypto();
  const std::string password = read_secret("new password for raingan serve: ");
  if (::isatty(STDIN_FILENO) && read_secret("the same password again: ") != password)
    throw UsageError("the two passwords differ; nothing was changed");
  try {
    serve::store_password(root, password);
  } catch (const std::runtime_error& error) {
    throw UsageError(error.what());
  }
  std::printf("password stored (hashed) in %s\n", serve::password_file(root).c_str());
  return 0;
}

}  // namespace

int run_serve(const Arguments& arguments) {
  std::set<std::string> valued = render_flags;
  valued.insert(serve_flags.begin(), serve_flags.end());
  const ParsedArguments parsed(arguments, valued, {"--set-password"});
  if (!parsed.positional().empty())
    throw UsageError("serve takes no file names (it serves the project at --root)");
  const Project project = find_project(parsed);
  const std::filesystem::path& root = project.root;
  if (parsed.has("--set-password")) return set_password(root);
  if (!std::filesystem::is_directory(root / "templates") || !std::filesystem::is_directory(root / "datasets"))
    throw UsageError(root.string() +
                     " is not a raingan project (it needs templates/ and datasets/); give --root");

  serve::ServeOptions options;
  options.root = root;
  options.host = parsed.value("--host").value_or("127.0.0.1");
  options.port = static_cast<int>(parsed.number("--port", 8080, 0, 65535));
  const unsigned cores = std::max(1U, std::thread::hardware_concurrency());
  options.max_renders = static_cast<std::size_t>(parsed.number("--max-renders", cores, 1, 256));
  options.render_queue = static_cast<std::size_t>(parsed.number("--render-queue", 64, 0, 4096));
  options.queue_wait =
      std::chrono::milliseconds(static_cast<long long>(parsed.number("--queue-wait", 60, 0.1, 3600) * 1000));
  options.render_limits.wall_time = std::chrono::milliseconds(
      static_cast<long long>(parsed.number("--render-timeout", 60, 0.01, 3600) * 1000));
  // Below about 200 MB of address space glibc cannot reserve the render's worker threads' heaps.
  options.render_limits.memory_bytes =
      static_cast<std::uint64_t>(parsed.number("--render-memory-mb", 1024, 256, 1 << 20)) << 20;
  options.max_body_bytes = static_cast<std::size_t>(parsed.number("--max-body-mb", 16, 1, 1024)) << 20;
  // Checked here so that a mistake is a usage error now, not a failure in every render later.
  (void)render_options(parsed, project);
  for (const auto& flag : render_flags)
    if (flag != "--root" && flag != "--schemas")
      if (const auto value = parsed.value(flag))
        options.worker_flags.insert(options.worker_flags.end(), {flag, *value});
  try {
    return serve::run_server(options);
  } catch (const std::runtime_error& error) {
    std::fprintf(stderr, "raingan serve: %s\n", error.what());
    return 1;
  }
}

// serve-worker render TEMPLATE DATASET OUTPUT --root R --dataset-folder D [render flags]
// serve-worker entry INDEX --root R [render flags]
// Prints one JSON report (serve/worker_report.h) and exits 0 when the document was made, 1 otherwise.
int run_serve_worker(const Arguments& arguments) {
  std::set<std::string> valued = render_flags;
  valued.insert("--dataset-folder");
  std::vector<Diagnostic> warnings;
  try {
    const ParsedArguments parsed(arguments, valued, {});
    const auto& positional = parsed.positional();
    // A render's template and dataset are scratch files outside the project: their folder may be read.
    const bool render_request = positional.size() == 4 && positional[0] == "render";
    const Project project =
        find_project(parsed, render_request ? std::vector<std::string>{positional[1], positional[2]}
                                            : std::vector<std::string>{});
    const std::filesystem::path& root = project.root;
    render::Options options = render_options(parsed, project);
    options.warn = [&warnings](const Diagnostic& warning) { warnings.push_back(warning); };
    if (const auto folder = parsed.value("--dataset-folder")) options.dataset_folder = *folder;
    render::Rendered rendered;
    if (render_request) {
      rendered = render::render(positional[1], positional[2], positional[3], options);
    } else if (positional.size() == 2 && positional[0] == "entry") {
      const auto entries = render::read_manifest(root, project.share);
      const std::size_t index = std::stoul(positional[1]);
      if (index >= entries.size()) throw UsageError("the manifest has no entry " + positional[1]);
      rendered = render::render_entry(entries[index], options);
    } else {
      throw UsageError("serve-worker render TEMPLATE DATASET OUTPUT | serve-worker entry INDEX");
    }
    std::puts(serve::worker_success(rendered.pages, warnings).c_str());
    return 0;
  } catch (const InputError& error) {
    std::puts(serve::worker_problems(error.diagnostics()).c_str());
  } catch (const std::bad_alloc&) {
    std::puts(serve::worker_failure("the document needs more memory than the server allows for one render")
                  .c_str());
  } catch (const std::exception& error) {
    std::puts(serve::worker_failure(error.what()).c_str());
  }
  return 1;
}

}  // namespace raingan::cli
