#include "core/atomic_output.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <random>
#include <string>
#include <system_error>

#include "core/diagnostic.h"

namespace raingan {
namespace fs = std::filesystem;

namespace {

std::string random_suffix() {
  static std::mt19937_64 generator{std::random_device{}()};
  static constexpr char digits[] = "0123456789abcdef";
  std::string suffix;
  auto bits = generator();
  for (int i = 0; i < 12; ++i, bits >>= 4) suffix += digits[bits & 15U];
  return suffix;
}

// Flushes a finished file to the disk so that a crash after the rename cannot leave an empty document.
// Reports a full disk (ENOSPC) that buffered writes may only reveal here.
void sync_file(const fs::path& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0)
    throw InputError(path.string(), "",
                     std::string("cannot reopen finished output: ") + std::strerror(errno));
  const int result = ::fsync(fd);
  const int error = errno;
  ::close(fd);
  if (result != 0 && error != EINVAL && error != EROFS)
    throw InputError(path.string(), "", std::string("cannot write output: ") + std::strerror(error));
}

}  // namespace

AtomicOutput::AtomicOutput(fs::path target) : target_(std::move(target)) {
  std::error_code ec;
  if (fs::is_directory(target_, ec))
    throw InputError(target_.string(), "", "output path is a directory; give a file name");
  if (fs::exists(target_, ec) && !fs::is_regular_file(target_, ec))
    throw InputError(target_.string(), "",
                     "output path is not a regular file (a device or a pipe); give a file name");
  fs::path folder = target_.parent_path();
  if (folder.empty()) folder = ".";
  if (!fs::is_directory(folder, ec))
    throw InputError(target_.string(), "", "output folder " + folder.string() + " does not exist");
  if (::access(folder.c_str(), W_OK) != 0)
    throw InputError(target_.string(), "", "output folder " + folder.string() + " is not writable");
  temporary_ = folder / ("." + target_.filename().string() + ".tmp-" + random_suffix());
  removed_on_signal_.emplace(temporary_);
}

AtomicOutput::~AtomicOutput() {
  if (!committed_) {
    std::error_code ec;
    fs::remove(temporary_, ec);
  }
}

void AtomicOutput::commit() {
  std::error_code ec;
  if (!fs::exists(temporary_, ec))
    throw InputError(target_.string(), "", "nothing was written to the temporary output file");
  sync_file(temporary_);
  fs::rename(temporary_, target_, ec);
  if (ec) throw InputError(target_.string(), "", "cannot replace output: " + ec.message());
  committed_ = true;
  removed_on_signal_.reset();
}

}  // namespace raingan
