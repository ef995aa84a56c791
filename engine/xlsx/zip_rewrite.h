#pragma once
// Copies a zip archive (an XLSX package) and changes one member on the way. The other members are copied
// still compressed, so a 100,000-row sheet is neither inflated nor compressed again.

#include <filesystem>
#include <functional>
#include <string>
#include <string_view>

namespace raingan::xlsx {

// Writes `target` as a copy of `source` whose member `member` is transform(old content). Throws
// std::runtime_error naming the archive and the member when reading or writing fails or `member` is absent.
void rewrite_zip_member(const std::filesystem::path& source, const std::filesystem::path& target,
                        std::string_view member, const std::function<std::string(std::string)>& transform);

}  // namespace raingan::xlsx
