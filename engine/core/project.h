#pragma once
// Where a project's files are, whatever the current folder: a project is the folder that holds its
// templates/ and datasets/ (and usually fonts/), found by walking up from a file the user names. What a
// project lacks (the fonts map, schemas, sample templates) comes from the installed share folder.

#include <filesystem>
#include <optional>

namespace raingan {

// The nearest folder at or above `start` (a file or a folder) that holds templates/ and datasets/.
std::optional<std::filesystem::path> find_project_root(const std::filesystem::path& start);

// The data installed with the program: <prefix>/share/raingan beside <prefix>/bin/raingan, or, for a program
// run from its build folder, the share/raingan link the build makes there. Empty when there is neither.
std::filesystem::path installed_share_folder();

}  // namespace raingan
