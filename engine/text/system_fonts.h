#pragma once
// Installed fonts, through fontconfig. Only faces whose family is exactly the one asked for are returned:
// fontconfig's nearest-match substitution would silently swap a missing official font for any other face.

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "text/font_style.h"

namespace raingan::text {

struct SystemFontFace {
  std::filesystem::path path;
  unsigned index = 0;
  FontStyle style;
  int weight = 0;  // fontconfig weight (80 regular, 200 bold), to prefer the closest of several candidates
};

class SystemFonts {
 public:
  SystemFonts();
  SystemFonts(const SystemFonts&) = delete;
  SystemFonts& operator=(const SystemFonts&) = delete;
  ~SystemFonts();

  // Every normal-width face of `family` (ASCII case ignored, otherwise exact), best candidates first.
  std::vector<SystemFontFace> faces_of(std::string_view family);
  // The family fontconfig would pick for `family`, for error messages only.
  std::string nearest_family(std::string_view family);
  // Whether fontconfig's configuration has been loaded (it is, on the first lookup).
  bool loaded() const noexcept { return config_ != nullptr; }

 private:
  struct Config;
  std::unique_ptr<Config> config_;  // loaded on first use: most lookups end in the fonts folder
  Config& config();
};

}  // namespace raingan::text
