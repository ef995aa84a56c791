#pragma once
// The folders raingan may read from: the project, the installed share folder and any folder the user allows
// with --allow-read. A path is judged after every symlink in it is resolved, so a link inside the project
// that points out of it is refused like the path it points to. An empty scope admits everything (a library
// caller that has not said).

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace raingan {

class ReadScope {
 public:
  ReadScope() = default;
  // Folders that do not exist are left out; the rest are kept with their symlinks resolved.
  explicit ReadScope(const std::vector<std::filesystem::path>& folders);

  bool confined() const noexcept { return !folders_.empty(); }
  const std::vector<std::filesystem::path>& folders() const noexcept { return folders_; }
  // Whether `path` (symlinks resolved; a file that does not exist yet by its folder) is inside a folder.
  bool admits(const std::filesystem::path& path) const;
  // `path` itself when admitted; otherwise throws InputError naming the path as given, where it leads, the
  // folders allowed and the option that allows another. `what` says what the file is ("image", "dataset").
  const std::filesystem::path& require(const std::filesystem::path& path, std::string_view what) const;
  // The same refusal as a message, for callers that gather problems (validate).
  std::string refusal(const std::filesystem::path& path, std::string_view what) const;

 private:
  std::vector<std::filesystem::path> folders_;
};

// Whether `path` is `folder` or inside it, both taken as they are (no symlinks resolved).
bool lexically_inside(const std::filesystem::path& path, const std::filesystem::path& folder);

// `path` with every existing symlink resolved; the part that does not exist yet is appended as written.
std::filesystem::path resolved_path(const std::filesystem::path& path);

}  // namespace raingan
