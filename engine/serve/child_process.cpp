#include "serve/child_process.h"

#include <fcntl.h>
#include <poll.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <csignal>
#include <system_error>

#include "core/descriptor.h"
#include "core/sanitizers.h"

extern char** environ;  // NOLINT: POSIX

namespace raingan::serve {
namespace {

constexpr std::size_t max_output = 4U << 20;
constexpr std::size_t max_errors = 64U << 10;

struct Pipe {
  Descriptor read, write;
};

Pipe make_pipe() {
  std::array<int, 2> fds{};
  if (::pipe2(fds.data(), O_CLOEXEC) != 0) throw std::system_error(errno, std::generic_category(), "pipe2");
  Pipe pipe;
  pipe.read = Descriptor(fds[0]);
  pipe.write = Descriptor(fds[1]);
  return pipe;
}

void set_limit(int resource, std::uint64_t value) {
  const rlimit limit{static_cast<rlim_t>(value), static_cast<rlim_t>(value)};
  ::setrlimit(resource, &limit);
}

// In the child, between fork and exec: only async-signal-safe calls.
[[noreturn]] void become_child(const char* program, char* const* argv, const char* folder, int out, int err,
                               const ChildLimits& limits) {
  ::setpgid(0, 0);
  sigset_t none;
  sigemptyset(&none);
  ::sigprocmask(SIG_SETMASK, &none, nullptr);  // the server blocks SIGINT/SIGTERM for its signal thread
  ::signal(SIGPIPE, SIG_DFL);                  // and ignores SIGPIPE; exec keeps an ignored signal ignored
  if (::dup2(out, STDOUT_FILENO) < 0 || ::dup2(err, STDERR_FILENO) < 0) ::_exit(127);
    // Sockets of other requests must not stay open in the child.
#ifdef SYS_close_range
  if (::syscall(SYS_close_range, 3U, ~0U, 0U) != 0)
#endif
    for (int fd = 3; fd < 65536; ++fd) ::close(fd);
  if (::chdir(folder) != 0) ::_exit(127);
  // AddressSanitizer reserves terabytes of address space: under it, RLIMIT_AS would stop every child.
  if (!address_sanitized && limits.memory_bytes) set_limit(RLIMIT_AS, limits.memory_bytes);
  set_limit(RLIMIT_FSIZE, limits.file_bytes);
  const auto cpu_seconds = static_cast<std::uint64_t>(limits.wall_time.count() / 1000 + 2);
  set_limit(RLIMIT_CPU, cpu_seconds);
  set_limit(RLIMIT_CORE, 0);
  ::execve(program, argv, environ);
  ::_exit(127);
}

void append_capped(std::string& to, const char* bytes, std::size_t count, std::size_t cap) {
  if (to.size() < cap) to.append(bytes, std::min(count, cap - to.size()));
}

}  // namespace

void ChildRegistry::add(pid_t pid) {
  std::lock_guard lock(mutex_);
  running_.insert(pid);
}

void ChildRegistry::remove(pid_t pid) {
  std::lock_guard lock(mutex_);
  running_.erase(pid);
}

void ChildRegistry::kill_all() {
  std::lock_guard lock(mutex_);
  for (const pid_t pid : running_) ::kill(-pid, SIGKILL);
}

ChildResult run_child(const std::filesystem::path& program, const std::vector<std::string>& arguments,
                      const std::filesystem::path& folder, const ChildLimits& limits,
                      ChildRegistry& registry) {
  // Everything the child needs is prepared before fork: after it, the child may not allocate.
  const std::string program_text = program.string();
  const std::string folder_text = folder.string();
  std::vector<std::string> argv_text;
  argv_text.push_back(program_text);
  argv_text.insert(argv_text.end(), arguments.begin(), arguments.end());
  std::vector<char*> argv;
  for (auto& argument : argv_text) argv.push_back(argument.data());
  argv.push_back(nullptr);
  Pipe out = make_pipe();
  Pipe err = make_pipe();

  const pid_t pid = ::fork();
  if (pid < 0) throw std::system_error(errno, std::generic_category(), "fork");
  if (pid == 0)
    become_child(program_text.c_str(), argv.data(), folder_text.c_str(), out.write.get(), err.write.get(),
                 limits);
  ::setpgid(pid, pid);  // also here, so that kill(-pid) works whichever of the two runs first
  registry.add(pid);
  out.write.reset();
  err.write.reset();

  ChildResult result;
  const auto deadline = std::chrono::steady_clock::now() + limits.wall_time;
  std::array<pollfd, 2> watched{pollfd{out.read.get(), POLLIN, 0}, pollfd{err.read.get(), POLLIN, 0}};
  std::array<char, 65536> buffer{};
  int open_streams = 2;
  while (open_streams > 0) {
    const auto left =
        std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) {
      result.timed_out = true;
      ::kill(-pid, SIGKILL);
      break;
    }
    const int ready = ::poll(watched.data(), watched.size(), static_cast<int>(left.count()));
    if (ready < 0 && errno == EINTR) continue;
    if (ready < 0) break;
    for (std::size_t i = 0; i < watched.size(); ++i) {
      if (watched[i].fd < 0 || watched[i].revents == 0) continue;
      const ssize_t count = ::read(watched[i].fd, buffer.data(), buffer.size());
      if (count < 0 && errno == EINTR) continue;
      if (count <= 0) {
        watched[i].fd = -1;
        --open_streams;
        continue;
      }
      append_capped(i == 0 ? result.output : result.errors, buffer.data(), static_cast<std::size_t>(count),
                    i == 0 ? max_output : max_errors);
    }
  }
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  registry.remove(pid);
  if (WIFEXITED(status)) result.exit_code = WEXITSTATUS(status);
  if (WIFSIGNALED(status)) result.signal = WTERMSIG(status);
  return result;
}

bool memory_limit_enforced() { return !address_sanitized; }

std::filesystem::path own_executable() {
  std::error_code error;
  std::filesystem::path self = std::filesystem::read_symlink("/proc/self/exe", error);
  if (error) throw std::system_error(error, "cannot find the raingan executable (/proc/self/exe)");
  return self;
}

}  // namespace raingan::serve
