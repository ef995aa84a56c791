#pragma once
// fonts/fonts.json: which files in the fonts folder make up a family, which installed family stands in for
// one whose files are absent, the default family and the fallback chain. Without the file the built-in
// defaults below apply.

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "text/font_style.h"

namespace raingan::text {

struct FontMapping {
  std::string default_family = "Laksaman";
  // Faces tried, in order, for characters the requested face lacks.
  std::vector<std::string> fallback_families = {"Noto Sans", "Noto Sans Symbols", "Noto Sans Symbols2",
                                                "Noto Sans Math"};
  // family -> style -> file name, relative to the fonts folder.
  std::map<std::string, std::map<FontStyle, std::filesystem::path>> family_files;
  // family -> the family used when none of the family's own files can be found.
  std::map<std::string, std::string> substitutes;

  // The entry whose name matches `family` (ASCII case ignored), or nullptr.
  const std::map<FontStyle, std::filesystem::path>* files_of(std::string_view family) const;
  const std::string* substitute_of(std::string_view family) const;
};

// Reads `json_file`; a missing file gives the defaults. Throws InputError naming the file and the JSON path
// of anything malformed.
FontMapping read_font_mapping(const std::filesystem::path& json_file);

}  // namespace raingan::text
