#include "text/font_library.h"

#include <algorithm>
#include <array>
#include <system_error>

#include "core/diagnostic.h"

namespace raingan::text {
namespace {

std::string lowercase(std::string_view text) {
  std::string out(text);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  return out;
}

// Styles in the order they stand in for `wanted`: itself, the other slant, the other weight, both.
std::array<FontStyle, 4> nearest_styles(FontStyle wanted) {
  return {wanted, FontStyle{wanted.bold, !wanted.italic}, FontStyle{!wanted.bold, wanted.italic},
          FontStyle{!wanted.bold, !wanted.italic}};
}

std::string describe(std::string_view family, FontStyle style) {
  return "\"" + std::string(family) + "\" (" + std::string(style_key(style)) + ")";
}

}  // namespace

FontLibrary::FontLibrary(std::filesystem::path fonts_folder, ReadScope scope)
    : folder_(std::move(fonts_folder)),
      scope_(std::move(scope)),
      mapping_(read_font_mapping(folder_ / "fonts.json")),
      folder_faces_(scan_font_folder(folder_)) {}

FontLibrary::~FontLibrary() = default;

const FontFace& FontLibrary::load(const Location& location) {
  auto& slot = faces_[{location.path, location.index}];
  if (!slot) {
    if (location.from_folder) scope_.require(location.path, "font");
    slot = FontFace::load(location.path, location.index);
  }
  return *slot;
}

const FontFace* FontLibrary::find(std::string_view family, FontStyle wanted, bool any_style,
                                  std::string* looked_at) {
  const auto styles = nearest_styles(wanted);
  const std::size_t style_count = any_style ? styles.size() : 1;
  auto note = [&](const std::string& text) {
    if (looked_at) *looked_at += (looked_at->empty() ? "" : "; ") + text;
  };

  // 1. Files fonts.json names for the family.
  if (const auto* files = mapping_.files_of(family)) {
    std::string absent;
    for (std::size_t s = 0; s < style_count; ++s) {
      const auto it = files->find(styles[s]);
      if (it == files->end()) continue;
      const auto path = folder_ / it->second;
      std::error_code ec;
      if (std::filesystem::exists(path, ec)) return &load({path, 0});
      absent += (absent.empty() ? "" : ", ") + it->second.string();
    }
    note("fonts.json lists " + (absent.empty() ? std::string("no ") + std::string(style_key(wanted)) + " file"
                                               : "files not in " + folder_.string() + ": " + absent));
  }

  // 2. Files dropped into the fonts folder, by the family names inside them.
  for (std::size_t s = 0; s < style_count; ++s) {
    for (const auto& entry : folder_faces_) {
      if (entry.style != styles[s]) continue;
      for (const auto& name : entry.families)
        if (same_family(name, family)) return &load({entry.path, entry.index});
    }
  }
  std::string folder_families;
  for (const auto& entry : folder_faces_) {
    const std::string name = entry.families.empty() ? std::string("?") : entry.families.front();
    if (folder_families.find(name) == std::string::npos)
      folder_families += (folder_families.empty() ? "" : ", ") + name;
  }
  note(folder_faces_.empty() ? "no font files in " + folder_.string()
                             : "font files in " + folder_.string() + " are of " + folder_families);

  // 3. Installed fonts, exact family only.
  const auto system_faces = system_fonts_.faces_of(family);
  for (std::size_t s = 0; s < style_count; ++s)
    for (const auto& candidate : system_faces)
      if (candidate.style == styles[s]) return &load({candidate.path, candidate.index, false});
  if (looked_at) {
    if (system_faces.empty()) {
      const std::string nearest = system_fonts_.nearest_family(family);
      note("fontconfig has no family of that name" +
           (nearest.empty() ? std::string() : " (its nearest match \"" + nearest + "\" is not used)"));
    } else {
      std::string present;
      for (const auto& candidate : system_faces) {
        const std::string key(style_key(candidate.style));
        if (present.find(key) == std::string::npos) present += (present.empty() ? "" : ", ") + key;
      }
      note("fontconfig has the family only as " + present);
    }
  }
  return nullptr;
}

const FontFace* FontLibrary::resolve(std::string_view family, FontStyle style, bool any_style, int depth,
                                     std::string* looked_at) {
  if (depth > 8) return nullptr;  // a substitute cycle in fonts.json
  if (const FontFace* face = find(family, style, false, looked_at)) return face;
  if (const std::string* substitute = mapping_.substitute_of(family)) {
    if (looked_at) *looked_at += "; fonts.json substitutes \"" + *substitute + "\"";
    if (const FontFace* face = resolve(*substitute, style, any_style, depth + 1, looked_at)) {
      if (depth == 0) {
        const std::string said = "font family \"" + std::string(family) + "\" has no files in " +
                                 folder_.string() + " and is not installed; text is set in \"" + *substitute +
                                 "\" (" + face->path().parent_path().string() + "), its stand-in";
        if (std::find(substitutions_.begin(), substitutions_.end(), said) == substitutions_.end())
          substitutions_.push_back(said);
      }
      return face;
    }
  } else if (looked_at && depth == 0) {
    *looked_at += "; fonts.json names no substitute";
  }
  if (any_style) return find(family, style, true, nullptr);
  return nullptr;
}

const FontFace& FontLibrary::face(std::string_view family, FontStyle style) {
  const auto key = std::make_pair(lowercase(family), style);
  if (const auto it = resolved_.find(key); it != resolved_.end()) return *it->second;
  std::string looked_at;
  const FontFace* found = resolve(family, style, false, 0, &looked_at);
  if (!found)
    throw InputError(folder_.string(), "",
                     "font family " + describe(family, style) + " not found: " + looked_at);
  resolved_.emplace(key, found);
  return *found;
}

const FontChain& FontLibrary::chain(std::string_view family, FontStyle style) {
  const auto key = std::make_pair(lowercase(family), style);
  if (const auto it = chains_.find(key); it != chains_.end()) return *it->second;
  auto built = std::make_unique<FontChain>(face(family, style), *this, style);
  return *chains_.emplace(key, std::move(built)).first->second;
}

std::vector<const FontFace*> FontLibrary::fallbacks_for(FontStyle style, const FontFace* primary) {
  auto fallback_it = fallbacks_.find(style);
  if (fallback_it == fallbacks_.end()) {
    std::vector<const FontFace*> faces;
    for (const auto& name : mapping_.fallback_families) {
      if (const FontFace* fallback = resolve(name, style, true, 0, nullptr)) {
        if (std::find(faces.begin(), faces.end(), fallback) == faces.end()) faces.push_back(fallback);
      } else if (std::find(unavailable_fallbacks_.begin(), unavailable_fallbacks_.end(), name) ==
                 unavailable_fallbacks_.end()) {
        unavailable_fallbacks_.push_back(name);
      }
    }
    fallback_it = fallbacks_.emplace(style, std::move(faces)).first;
  }
  std::vector<const FontFace*> faces;
  for (const FontFace* fallback : fallback_it->second)
    if (fallback != primary) faces.push_back(fallback);
  return faces;
}

const std::vector<std::string>& FontLibrary::unavailable_fallbacks() {
  chain(mapping_.default_family).fallbacks();
  return unavailable_fallbacks_;
}

const std::vector<const FontFace*>& FontChain::fallbacks() const {
  if (!resolved_) {
    fallbacks_ = library_->fallbacks_for(style_, primary);
    resolved_ = true;
  }
  return fallbacks_;
}

}  // namespace raingan::text
