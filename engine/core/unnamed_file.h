#pragma once
// Scratch space on disk for data too large to keep in memory until a file is saved (a long PDF's page
// content, a large sheet's compressed rows): a file in the system's temporary folder, unlinked as soon as it
// is made, so that it goes when it is closed, whatever happens.

#include <string_view>

namespace raingan {

// An open file descriptor, closed with the object; empty (-1) when there is none.
class UnnamedFile {
 public:
  UnnamedFile() = default;
  explicit UnnamedFile(int descriptor) noexcept : descriptor_(descriptor) {}
  UnnamedFile(UnnamedFile&& other) noexcept : descriptor_(other.descriptor_) { other.descriptor_ = -1; }
  UnnamedFile& operator=(UnnamedFile&& other) noexcept;
  UnnamedFile(const UnnamedFile&) = delete;
  UnnamedFile& operator=(const UnnamedFile&) = delete;
  ~UnnamedFile();

  int descriptor() const noexcept { return descriptor_; }
  explicit operator bool() const noexcept { return descriptor_ >= 0; }

 private:
  int descriptor_ = -1;
};

// A new unnamed file whose name while it existed started with `prefix`; empty if none can be made (the
// caller then keeps its data in memory).
UnnamedFile open_unnamed_file(std::string_view prefix);

// Writes all of `bytes` at the file's position, retrying short and interrupted writes; false if the file
// cannot take them (a full disk).
bool write_all(int file, std::string_view bytes);

}  // namespace raingan
