#pragma once
// Writes an output file so that a reader never sees half of it: the content goes to a temporary file in the
// target's folder and is renamed over the target only by commit(). A failed or abandoned write removes the
// temporary file and leaves the previous document byte-identical, as does SIGINT or SIGTERM
// (signal_cleanup.h).

#include <filesystem>
#include <optional>

#include "core/signal_cleanup.h"

namespace raingan {

class AtomicOutput {
 public:
  // Throws InputError when the target is a directory or its folder does not exist or is not writable.
  explicit AtomicOutput(std::filesystem::path target);
  AtomicOutput(const AtomicOutput&) = delete;
  AtomicOutput& operator=(const AtomicOutput&) = delete;
  ~AtomicOutput();

  // Where the writer puts the bytes. The file does not exist until a writer creates it.
  const std::filesystem::path& temporary_path() const noexcept { return temporary_; }
  const std::filesystem::path& target() const noexcept { return target_; }

  // Flushes the temporary file to disk and renames it over the target; throws InputError on failure.
  void commit();

 private:
  std::filesystem::path target_;
  std::filesystem::path temporary_;
  bool committed_ = false;
  std::optional<RemovedOnSignal> removed_on_signal_;
};

}  // namespace raingan
