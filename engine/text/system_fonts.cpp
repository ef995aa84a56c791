#include "text/system_fonts.h"

#include <fontconfig/fontconfig.h>

#include <algorithm>
#include <cstdlib>

#include "core/diagnostic.h"
#include "text/font_folder.h"
#include "text/handles.h"

namespace raingan::text {
namespace {

using FcConfigHandle = std::unique_ptr<FcConfig, CDeleter<FcConfig, FcConfigDestroy>>;
using FcPatternHandle = std::unique_ptr<FcPattern, CDeleter<FcPattern, FcPatternDestroy>>;
using FcObjectSetHandle = std::unique_ptr<FcObjectSet, CDeleter<FcObjectSet, FcObjectSetDestroy>>;
using FcFontSetHandle = std::unique_ptr<FcFontSet, CDeleter<FcFontSet, FcFontSetDestroy>>;

const FcChar8* as_fc(const std::string& text) { return reinterpret_cast<const FcChar8*>(text.c_str()); }

bool has_family(FcPattern* pattern, std::string_view family) {
  FcChar8* value = nullptr;
  for (int n = 0; FcPatternGetString(pattern, FC_FAMILY, n, &value) == FcResultMatch; ++n)
    if (same_family(reinterpret_cast<const char*>(value), family)) return true;
  return false;
}

}  // namespace

struct SystemFonts::Config {
  FcConfigHandle handle;
};

SystemFonts::SystemFonts() = default;
SystemFonts::~SystemFonts() = default;

SystemFonts::Config& SystemFonts::config() {
  if (!config_) {
    auto loaded = std::make_unique<Config>();
    loaded->handle.reset(FcInitLoadConfigAndFonts());
    if (!loaded->handle) throw InputError("fontconfig", "", "cannot load the fontconfig configuration");
    config_ = std::move(loaded);
  }
  return *config_;
}

std::vector<SystemFontFace> SystemFonts::faces_of(std::string_view family) {
  std::vector<SystemFontFace> faces;
  const std::string name(family);
  FcPatternHandle pattern(FcPatternCreate());
  FcPatternAddString(pattern.get(), FC_FAMILY, as_fc(name));
  FcObjectSetHandle objects(
      FcObjectSetBuild(FC_FAMILY, FC_FILE, FC_INDEX, FC_WEIGHT, FC_SLANT, FC_WIDTH, FC_VARIABLE, nullptr));
  FcFontSetHandle set(FcFontList(config().handle.get(), pattern.get(), objects.get()));
  if (!set) return faces;
  for (int i = 0; i < set->nfont; ++i) {
    FcPattern* font = set->fonts[i];
    if (!has_family(font, family)) continue;  // FcFontList also ignores blanks: "TH Sarabun PSK" is not ours
    FcBool variable = FcFalse;
    if (FcPatternGetBool(font, FC_VARIABLE, 0, &variable) == FcResultMatch && variable) continue;
    int width = FC_WIDTH_NORMAL;
    FcPatternGetInteger(font, FC_WIDTH, 0, &width);
    if (width != FC_WIDTH_NORMAL) continue;
    FcChar8* file = nullptr;
    if (FcPatternGetString(font, FC_FILE, 0, &file) != FcResultMatch) continue;
    SystemFontFace face;
    face.path = reinterpret_cast<const char*>(file);
    int index = 0;
    FcPatternGetInteger(font, FC_INDEX, 0, &index);
    face.index = static_cast<unsigned>(index);
    int weight = FC_WEIGHT_REGULAR;
    FcPatternGetInteger(font, FC_WEIGHT, 0, &weight);
    int slant = FC_SLANT_ROMAN;
    FcPatternGetInteger(font, FC_SLANT, 0, &slant);
    face.weight = weight;
    face.style.bold = weight >= FC_WEIGHT_DEMIBOLD;
    face.style.italic = slant != FC_SLANT_ROMAN;
    faces.push_back(std::move(face));
  }
  // Closest to the regular (80) or bold (200) weight first, then by path so the choice is stable.
  std::sort(faces.begin(), faces.end(), [](const SystemFontFace& a, const SystemFontFace& b) {
    const int target_a = a.style.bold ? FC_WEIGHT_BOLD : FC_WEIGHT_REGULAR;
    const int target_b = b.style.bold ? FC_WEIGHT_BOLD : FC_WEIGHT_REGULAR;
    const int distance_a = std::abs(a.weight - target_a), distance_b = std::abs(b.weight - target_b);
    if (distance_a != distance_b) return distance_a < distance_b;
    return a.path < b.path;
  });
  return faces;
}

std::string SystemFonts::nearest_family(std::string_view family) {
  const std::string name(family);
  FcPatternHandle pattern(FcPatternCreate());
  FcPatternAddString(pattern.get(), FC_FAMILY, as_fc(name));
  FcConfigSubstitute(config().handle.get(), pattern.get(), FcMatchPattern);
  FcDefaultSubstitute(pattern.get());
  FcResult result = FcResultNoMatch;
  FcPatternHandle match(FcFontMatch(config().handle.get(), pattern.get(), &result));
  FcChar8* value = nullptr;
  if (!match || FcPatternGetString(match.get(), FC_FAMILY, 0, &value) != FcResultMatch) return {};
  return reinterpret_cast<const char*>(value);
}

}  // namespace raingan::text
