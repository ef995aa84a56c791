#pragma once
// Runs one render in a child process (the raingan binary itself, `raingan serve-worker …`), bounded in wall
// time, CPU time, memory and output size. A crash, a runaway template or an exhausted memory limit ends the
// child, never the server; and the engine's caches (fonts, shaping, fontconfig, libharu) are never shared
// between threads.

#include <sys/types.h>

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <mutex>
#include <set>
#include <string>
#include <vector>

namespace raingan::serve {

struct ChildLimits {
  std::chrono::milliseconds wall_time{60'000};
  std::uint64_t memory_bytes = 1024ULL << 20;  // address space (RLIMIT_AS); 0: none
  std::uint64_t file_bytes = 512ULL << 20;     // largest file the child may write (RLIMIT_FSIZE)
};

struct ChildResult {
  int exit_code = -1;  // when it exited
  int signal = 0;      // when a signal ended it
  bool timed_out = false;
  std::string output;  // its standard output (capped at 4 MiB)
  std::string errors;  // its standard error (capped at 64 KiB)
};

// The children running now, so that shutdown can end them.
class ChildRegistry {
 public:
  void add(pid_t pid);
  void remove(pid_t pid);
  void kill_all();  // SIGKILL to each child's process group

 private:
  std::mutex mutex_;
  std::set<pid_t> running_;
};

// Runs `program` with `arguments` (argv[1…]) in `folder`; waits for it within the limits. Throws
// std::system_error when the child cannot be started.
ChildResult run_child(const std::filesystem::path& program, const std::vector<std::string>& arguments,
                      const std::filesystem::path& folder, const ChildLimits& limits,
                      ChildRegistry& registry);

// Whether memory_bytes is applied (it is not under AddressSanitizer, which reserves terabytes).
bool memory_limit_enforced();

// This process's own executable (/proc/self/exe), read once at startup.
std::filesystem::path own_executable();

}  // namespace raingan::serve
