#include "core/read_scope.h"

#include <system_error>

#include "core/diagnostic.h"

namespace raingan {

namespace fs = std::filesystem;

ReadScope::ReadScope(const std::vector<fs::path>& folders) {
  std::error_code ec;
  for (const auto& folder : folders) {
    if (folder.empty() || !fs::is_directory(folder, ec)) continue;
    fs::path resolved = fs::canonical(folder, ec);
    if (!ec) folders_.push_back(std::move(resolved));
  }
}

bool lexically_inside(const fs::path& path, const fs::path& folder) {
  const fs::path relative = path.lexically_normal().lexically_relative(folder.lexically_normal());
  return !relative.empty() && *relative.begin() != "..";
}

fs::path resolved_path(const fs::path& path) {
  std::error_code ec;
  return fs::weakly_canonical(fs::absolute(path, ec), ec);
}

bool ReadScope::admits(const fs::path& path) const {
  if (!confined()) return true;
  const fs::path resolved = resolved_path(path);
  for (const auto& folder : folders_)
    if (lexically_inside(resolved, folder)) return true;
  return false;
}

std::string ReadScope::refusal(const fs::path& path, std::string_view what) const {
  const fs::path resolved = resolved_path(path);
  std::string folders;
  for (const auto& folder : folders_) folders += (folders.empty() ? "" : ", ") + folder.string();
  std::string message = std::string(what) + " " + path.string();
  if (resolved != fs::absolute(path).lexically_normal())
    message += " (which leads to " + resolved.string() + ")";
  return message + " is outside the folders raingan reads from (" + folders +
         "); move it into the project, or allow its folder with --allow-read " +
         resolved.parent_path().string();
}

const fs::path& ReadScope::require(const fs::path& path, std::string_view what) const {
  if (!admits(path)) throw InputError(path.string(), "", refusal(path, what));
  return path;
}

}  // namespace raingan
