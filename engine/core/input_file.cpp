#include "core/input_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string_view>

#include "core/diagnostic.h"

namespace raingan {
namespace {

std::string kind_of(mode_t mode) {
  if (S_ISDIR(mode)) return "a folder";
  if (S_ISFIFO(mode)) return "a pipe";
  if (S_ISCHR(mode) || S_ISBLK(mode)) return "a device";
  if (S_ISSOCK(mode)) return "a socket";
  return "something else";
}

// "a dataset", "an image".
std::string with_article(const std::string& what) {
  return (std::string_view("aeiou").find(what.empty() ? 'x' : what[0]) == std::string_view::npos ? "a "
                                                                                                 : "an ") +
         what;
}

[[noreturn]] void not_regular(const std::filesystem::path& path, const std::string& what, mode_t mode) {
  throw InputError(path.string(), "",
                   "expected " + with_article(what) + " file, found " + kind_of(mode) +
                       ", not a regular file (only regular files are read)");
}

struct Descriptor {
  int fd = -1;
  ~Descriptor() {
    if (fd >= 0) ::close(fd);
  }
};

}  // namespace

std::string size_text(std::uint64_t bytes) {
  constexpr std::uint64_t kb = 1024;
  if (bytes < kb) return std::to_string(bytes) + (bytes == 1 ? " byte" : " bytes");
  if (bytes < kb * kb) return std::to_string((bytes + kb - 1) / kb) + " KB";
  const std::uint64_t tenths = (bytes * 10 + kb * kb - 1) / (kb * kb);
  return std::to_string(tenths / 10) + "." + std::to_string(tenths % 10) + " MB";
}

void require_regular_file(const std::filesystem::path& path, const std::string& what) {
  struct stat info {};
  if (::stat(path.c_str(), &info) != 0)
    throw InputError(path.string(), "",
                     errno == ENOENT ? what + " file not found"
                                     : "cannot read the " + what + " file: " + std::strerror(errno));
  if (!S_ISREG(info.st_mode)) not_regular(path, what, info.st_mode);
}

std::string read_input_file(const std::filesystem::path& path, const std::string& what,
                            std::uint64_t max_bytes, const std::string& limit_hint) {
  // O_NONBLOCK: opening a FIFO with no writer must not wait; the fstat below refuses it.
  Descriptor file{::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY)};
  if (file.fd < 0)
    throw InputError(path.string(), "",
                     errno == ENOENT ? what + " file not found"
                                     : "cannot open the " + what + " file: " + std::strerror(errno));
  struct stat info {};
  if (::fstat(file.fd, &info) != 0)
    throw InputError(path.string(), "", "cannot read the " + what + " file: " + std::strerror(errno));
  if (!S_ISREG(info.st_mode)) not_regular(path, what, info.st_mode);
  const auto too_large = [&](const std::string& found) {
    return InputError(path.string(), "",
                      "expected " + with_article(what) + " of at most " + size_text(max_bytes) + ", found " +
                          found + (limit_hint.empty() ? "" : "; " + limit_hint));
  };
  if (static_cast<std::uint64_t>(info.st_size) > max_bytes)
    throw too_large(size_text(static_cast<std::uint64_t>(info.st_size)));
  std::string bytes(static_cast<std::size_t>(info.st_size), '\0');
  std::size_t filled = 0;
  for (;;) {
    if (filled == bytes.size()) {
      // The file grew while it was read: keep reading, but never past the limit.
      if (bytes.size() > max_bytes) throw too_large("more (it grew while it was read)");
      bytes.resize(bytes.size() + 65536);
    }
    const ssize_t got = ::read(file.fd, bytes.data() + filled, bytes.size() - filled);
    if (got < 0) {
      if (errno == EINTR) continue;
      throw InputError(path.string(), "", "cannot read the " + what + " file: " + std::strerror(errno));
    }
    if (got == 0) break;
    filled += static_cast<std::size_t>(got);
  }
  bytes.resize(filled);
  if (bytes.size() > max_bytes) throw too_large("more (it grew while it was read)");
  return bytes;
}

}  // namespace raingan
