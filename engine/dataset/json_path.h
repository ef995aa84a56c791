#pragma once
// JSON paths as messages show them: schools[3].students[17].distance_km. A key that is not a plain name is
// written in brackets: budget["งบ ๒๕๖๗"]. The whole document is the empty path.

#include <cstddef>
#include <string>
#include <string_view>

namespace raingan::dataset {

std::string append_key(std::string_view path, std::string_view key);
std::string append_index(std::string_view path, std::size_t index);

// Shortens a very long path for a message, keeping its start and end.
std::string shorten_path(std::string_view path, std::size_t limit = 160);

}  // namespace raingan::dataset
