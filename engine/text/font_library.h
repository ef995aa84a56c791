#pragma once
// Family + style -> loaded face, and the chain of faces tried for characters a face lacks.
//
// A family is looked for, per style, in this order:
//   1. fonts/fonts.json "families": files in the fonts folder named for that family and style;
//   2. any font file in the fonts folder whose own family name matches (files a user simply drops in);
//   3. fontconfig, exact family match only (its nearest-match substitution is never taken);
//   4. fonts/fonts.json "substitutes": the stand-in family (TH Sarabun PSK -> Laksaman), resolved the same
//   way.
// A family found nowhere is an InputError naming it and listing what was looked at. Faces load once; every
// reference the library returns stays valid for the library's lifetime. Not thread-safe.

#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/read_scope.h"
#include "text/font_face.h"
#include "text/font_folder.h"
#include "text/font_mapping.h"
#include "text/font_style.h"
#include "text/system_fonts.h"

namespace raingan::text {

class FontLibrary;

// The face text is set in and the faces tried, in order, for what it lacks. The fallback faces are looked up
// when first asked for: text its primary face covers never needs them, nor fontconfig when the primary face
// is in the fonts folder.
class FontChain {
 public:
  FontChain(const FontFace& primary_face, FontLibrary& library, FontStyle style)
      : primary(&primary_face), library_(&library), style_(style) {}

  const FontFace* primary = nullptr;
  // The fallback faces, in order, without the primary face. Throws InputError when fontconfig, or a font
  // file it names, cannot be read.
  const std::vector<const FontFace*>& fallbacks() const;

 private:
  FontLibrary* library_;
  FontStyle style_;
  mutable bool resolved_ = false;
  mutable std::vector<const FontFace*> fallbacks_;
};

class FontLibrary {
 public:
  // `fonts_folder` is the project's fonts/ folder (it may be missing); its fonts.json is read if present.
  // Font files it names or holds are read only inside `scope` (symlinks resolved); fontconfig's are not
  // confined. Throws InputError naming a file in the folder that is not a font, or a malformed fonts.json.
  explicit FontLibrary(std::filesystem::path fonts_folder, ReadScope scope = {});
  FontLibrary(const FontLibrary&) = delete;
  FontLibrary& operator=(const FontLibrary&) = delete;
  ~FontLibrary();

  const std::string& default_family() const noexcept { return mapping_.default_family; }
  const std::filesystem::path& fonts_folder() const noexcept { return folder_; }

  // The face for a family and style. Throws InputError when neither the family nor a substitute has it.
  const FontFace& face(std::string_view family, FontStyle style = {});
  // The face and its fallback chain. Fallback families that are not installed are left out of the chain
  // (listed by unavailable_fallbacks()); a character no face has is reported by the shaper, not here.
  const FontChain& chain(std::string_view family, FontStyle style = {});
  const std::vector<std::string>& unavailable_fallbacks();
  // One sentence per family asked for that was set in its fonts.json substitute, naming the face used.
  const std::vector<std::string>& substitutions() const noexcept { return substitutions_; }
  // Whether fontconfig has been consulted: it costs some 10 ms to load, and is not when every face asked
  // for is in the fonts folder and no character needs a fallback face.
  bool system_fonts_loaded() const noexcept { return system_fonts_.loaded(); }

 private:
  friend class FontChain;
  // The fallback faces for a style, in fonts.json's order, less `primary`.
  std::vector<const FontFace*> fallbacks_for(FontStyle style, const FontFace* primary);
  struct Location {
    std::filesystem::path path;
    unsigned index = 0;
    bool from_folder = true;  // named by fonts.json or found in the fonts folder, so confined to the scope
  };
  const FontFace& load(const Location& location);
  // Exact style from the mapping, the folder or fontconfig; nearest style too when `any_style`.
  const FontFace* find(std::string_view family, FontStyle style, bool any_style, std::string* looked_at);
  const FontFace* resolve(std::string_view family, FontStyle style, bool any_style, int depth,
                          std::string* looked_at);

  std::filesystem::path folder_;
  ReadScope scope_;
  FontMapping mapping_;
  std::vector<FontFileFace> folder_faces_;
  SystemFonts system_fonts_;
  std::map<std::pair<std::filesystem::path, unsigned>, std::unique_ptr<FontFace>> faces_;
  std::map<std::pair<std::string, FontStyle>, const FontFace*> resolved_;
  std::map<std::pair<std::string, FontStyle>, std::unique_ptr<FontChain>> chains_;
  std::map<FontStyle, std::vector<const FontFace*>> fallbacks_;
  std::vector<std::string> unavailable_fallbacks_;
  std::vector<std::string> substitutions_;
};

}  // namespace raingan::text
