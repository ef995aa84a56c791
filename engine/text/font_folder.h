#pragma once
// The font files a user drops into the project's fonts/ folder, identified by the family and style names
// inside them (not by their file names).

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "text/font_style.h"

namespace raingan::text {

struct FontFileFace {
  std::filesystem::path path;
  unsigned index = 0;                 // face index inside a collection (.ttc)
  std::vector<std::string> families;  // every family name the file gives (name IDs 1 and 16, all languages)
  FontStyle style;
};

// Every face of every .ttf/.otf/.ttc/.otc file under `folder`, searched recursively, in path order.
// A missing folder holds no fonts. Throws InputError naming the file when one is not a readable font.
std::vector<FontFileFace> scan_font_folder(const std::filesystem::path& folder);

// Family names compare without regard to ASCII case ("TH SarabunPSK" == "th sarabunpsk").
bool same_family(std::string_view a, std::string_view b) noexcept;

}  // namespace raingan::text
