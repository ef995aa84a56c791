// raingan build [NAME…] [-j N] [--root DIR] [--keep-going] [--strict]: the documents datasets/manifest.json
// lists (the named ones, or all), into output/. With -j N, N documents are built at once, each in a process
// of its own (the text stage's libraries are not all safe to share between threads); what each says is
// printed whole, in the manifest's order.
#include <poll.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include "cli/arguments.h"
#include "render/manifest.h"
#include "render/render.h"

namespace raingan::cli {
namespace {

struct Outcome {
  bool built = false;
  std::size_t pages = 0;  // PDF pages, or sheets
  std::string out, err;   // what the build of this document says
};

Outcome build_one(const render::ManifestEntry& entry, const std::filesystem::path& root,
                  const render::Options& options) {
  Outcome outcome;
  const std::string shown = std::filesystem::relative(entry.output, root).string();
  try {
    const render::Rendered rendered = render::render_entry(entry, options);
    const bool workbook = entry.output.extension() == ".xlsx";
    outcome.out = "built " + shown + " (" + count_of(rendered.pages, workbook ? "sheet" : "page") + ")\n";
    outcome.pages = workbook ? 0 : rendered.pages;
    outcome.built = true;
  } catch (const InputError& error) {
    outcome.err = "failed " + shown + ":\n";
    for (const auto& d : error.diagnostics()) outcome.err += "  " + d.to_string() + "\n";
  } catch (const std::exception& error) {
    outcome.err = "failed " + shown + ":\n  " + error.what() + "\n";
  }
  return outcome;
}

// The entries NAME… asks for (an output's name with or without its extension), in the manifest's order.
std::vector<render::ManifestEntry> select(const std::vector<render::ManifestEntry>& entries,
                                          const std::vector<std::string>& names) {
  if (names.empty()) return entries;
  std::vector<bool> wanted(entries.size(), false);
  for (const auto& name : names) {
    bool found = false;
    for (std::size_t i = 0; i < entries.size(); ++i)
      if (render::entry_name(entries[i]) == name || entries[i].output.filename() == name)
        wanted[i] = found = true;
    if (!found) {
      std::string known;
      for (const auto& entry : entries) known += (known.empty() ? "" : ", ") + render::entry_name(entry);
      throw UsageError("the manifest has no document named '" + name + "' (it has " + known + ")");
    }
  }
  std::vector<render::ManifestEntry> chosen;
  for (std::size_t i = 0; i < entries.size(); ++i)
    if (wanted[i]) chosen.push_back(entries[i]);
  return chosen;
}

// One document built in a child process; its messages come back through a pipe, its success in the exit
// status and its page count in the first line.
struct Child {
  pid_t pid = -1;
  int pipe = -1;
  std::size_t index = 0;
  std::string said;
};

Child start_child(const render::ManifestEntry& entry, std::size_t index, const std::filesystem::path& root,
                  const render::Options& options) {
  int ends[2];
  if (::pipe(ends) != 0) throw std::runtime_error("cannot make a pipe for a build process");
  std::fflush(stdout);
  std::fflush(stderr);
  const pid_t pid = ::fork();
  if (pid < 0) throw std::runtime_error("cannot start a build process");
  if (pid == 0) {
    ::close(ends[0]);
    const Outcome outcome = build_one(entry, root, options);
    const std::string message = std::to_string(outcome.pages) + "\n" + std::to_string(outcome.out.size()) +
                                "\n" + outcome.out + outcome.err;
    for (std::size_t written = 0; written < message.size();) {
      const ssize_t n = ::write(ends[1], message.data() + written, message.size() - written);
      if (n <= 0) break;
      written += static_cast<std::size_t>(n);
    }
    ::_exit(outcome.built ? 0 : 1);
  }
  ::close(ends[1]);
  return {pid, ends[0], index, {}};
}

Outcome finish_child(Child& child) {
  int status = 0;
  ::waitpid(child.pid, &status, 0);
  ::close(child.pipe);
  Outcome outcome;
  outcome.built = WIFEXITED(status) && WEXITSTATUS(status) == 0;
  const std::size_t first = child.said.find('\n');
  const std::size_t second = first == std::string::npos ? first : child.said.find('\n', first + 1);
  if (second == std::string::npos) {
    outcome.built = false;
    outcome.err = "  the build process ended without a report (status " + std::to_string(status) + ")\n";
    return outcome;
  }
  outcome.pages = std::stoul(child.said.substr(0, first));
  const std::size_t out_size = std::stoul(child.said.substr(first + 1, second - first - 1));
  outcome.out = child.said.substr(second + 1, out_size);
  outcome.err = child.said.substr(second + 1 + out_size);
  return outcome;
}

}  // namespace

int run_build(const Arguments& arguments) {
  std::set<std::string> valued = render_flags;
  valued.insert("-j");
  const ParsedArguments parsed(arguments, valued, {"--keep-going", "--strict"});
  const auto jobs = static_cast<std::size_t>(parsed.whole_number("-j", 1, 1, 64));
  const Project project = find_project(parsed);
  const std::filesystem::path& root = project.root;
  render::Options options = render_options(parsed, project);
  options.strict = parsed.has("--strict");
  // The manifest's templates, datasets and texts are read only from the project, the share folder and the
  // folders allowed with --allow-read.
  const auto entries = select(render::read_manifest(root, project.share), parsed.positional());
  std::filesystem::create_directories(root / "output");
  const bool keep_going = parsed.has("--keep-going");
  const bool progress = ::isatty(STDERR_FILENO) != 0;
  std::size_t built = 0, failed = 0, pages = 0, done = 0;
  const auto started = std::chrono::steady_clock::now();

  std::vector<Outcome> outcomes(entries.size());
  std::vector<bool> finished(entries.size(), false);
  std::size_t next_to_print = 0, next_to_start = 0;
  bool stopped = false;
  // Prints finished documents in the manifest's order; false when the build is to stop.
  auto report = [&]() {
    for (; next_to_print < entries.size() && finished[next_to_print]; ++next_to_print) {
      const Outcome& outcome = outcomes[next_to_print];
      if (progress) std::fputs("\r\033[K", stderr);
      std::fputs(outcome.out.c_str(), stdout);
      std::fflush(stdout);
      std::fputs(outcome.err.c_str(), stderr);
      if (outcome.built) {
        ++built;
        pages += outcome.pages;
      } else {
        ++failed;
        if (!keep_going) stopped = true;
      }
    }
    if (progress && !stopped && done < entries.size())
      std::fprintf(stderr, "\r\033[K[%zu/%zu] building %s", done, entries.size(),
                   render::entry_name(entries[std::min(next_to_start, entries.size()) - 1]).c_str());
    std::fflush(stderr);
  };

  if (jobs <= 1) {
    for (std::size_t i = 0; i < entries.size() && !stopped; ++i) {
      next_to_start = i + 1;
      report();
      outcomes[i] = build_one(entries[i], root, options);
      finished[i] = true;
      ++done;
      report();
    }
  } else {
    std::vector<Child> running;
    while (!stopped && (next_to_start < entries.size() || !running.empty())) {
      while (!stopped && running.size() < jobs && next_to_start < entries.size()) {
        running.push_back(start_child(entries[next_to_start], next_to_start, root, options));
        ++next_to_start;
      }
      report();
      std::vector<pollfd> waiting;
      for (const auto& child : running) waiting.push_back({child.pipe, POLLIN, 0});
      if (::poll(waiting.data(), waiting.size(), -1) < 0) continue;
      for (std::size_t i = running.size(); i-- > 0;) {
        if (!(waiting[i].revents & (POLLIN | POLLHUP | POLLERR))) continue;
        char buffer[4096];
        const ssize_t n = ::read(running[i].pipe, buffer, sizeof buffer);
        if (n > 0) {
          running[i].said.append(buffer, static_cast<std::size_t>(n));
          continue;
        }
        outcomes[running[i].index] = finish_child(running[i]);
        finished[running[i].index] = true;
        ++done;
        running.erase(running.begin() + static_cast<std::ptrdiff_t>(i));
      }
      report();
    }
    // Stopped after a failure: the documents already under way finish (their outputs stay whole).
    for (auto& child : running) {
      char buffer[4096];
      for (ssize_t n; (n = ::read(child.pipe, buffer, sizeof buffer)) > 0;)
        child.said.append(buffer, static_cast<std::size_t>(n));
      finish_child(child);
    }
  }
  if (progress) std::fputs("\r\033[K", stderr);
  if (stopped) {
    std::fprintf(stderr,
                 "build stopped; the other documents were not built (use --keep-going to build them)\n");
    return 1;
  }
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  std::printf("%zu of %s built into %s (%s) in %.2f s", built, count_of(entries.size(), "document").c_str(),
              (root / "output").c_str(), count_of(pages, "PDF page").c_str(), seconds);
  if (failed) std::printf("; %zu failed", failed);
  std::printf("\n");
  return failed ? 1 : 0;
}

}  // namespace raingan::cli
