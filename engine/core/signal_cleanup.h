#pragma once
// Temporary files removed when the process is stopped by SIGINT, SIGTERM or SIGHUP (SIGKILL cannot be
// caught): an interrupted render leaves the output folder as it was. Each temporary file is registered while
// it may exist; the signal handler unlinks what is registered, then lets the signal end the process as it
// would have.

#include <cstddef>
#include <filesystem>

namespace raingan {

class RemovedOnSignal {
 public:
  // Registers `path` (at most 64 at once, each under 4 KiB; beyond that the file is only removed by its
  // owner). Installs the handlers the first time, where the signal's disposition is still the default.
  explicit RemovedOnSignal(const std::filesystem::path& path) noexcept;
  RemovedOnSignal(const RemovedOnSignal&) = delete;
  RemovedOnSignal& operator=(const RemovedOnSignal&) = delete;
  ~RemovedOnSignal();

 private:
  std::ptrdiff_t slot_ = -1;
};

}  // namespace raingan
