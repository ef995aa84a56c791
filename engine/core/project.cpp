#include "core/project.h"

#include <system_error>

namespace raingan {

namespace fs = std::filesystem;

std::optional<fs::path> find_project_root(const fs::path& start) {
  std::error_code ec;
  fs::path folder = fs::absolute(start, ec).lexically_normal();
  if (ec) return std::nullopt;
  if (!fs::is_directory(folder, ec)) folder = folder.parent_path();
  for (; !folder.empty(); folder = folder.parent_path()) {
    if (fs::is_directory(folder / "templates", ec) && fs::is_directory(folder / "datasets", ec))
      return folder;
    if (folder == folder.parent_path()) break;
  }
  return std::nullopt;
}

fs::path installed_share_folder() {
  std::error_code ec;
  const fs::path program = fs::read_symlink("/proc/self/exe", ec);
  if (ec) return {};
  const fs::path bin = program.parent_path();
  for (const fs::path& candidate : {bin.parent_path() / "share" / "raingan", bin / "share" / "raingan"})
    if (fs::is_directory(candidate, ec)) return fs::canonical(candidate, ec);
  return {};
}

}  // namespace raingan
