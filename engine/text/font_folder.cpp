#include "text/font_folder.h"

#include <algorithm>
#include <system_error>

#include "core/diagnostic.h"
#include "core/utf8.h"
#include "text/handles.h"

#include FT_SFNT_NAMES_H
#include FT_TRUETYPE_IDS_H

namespace raingan::text {
namespace {

bool is_font_file(const std::filesystem::path& path) {
  std::string extension = path.extension().string();
  std::transform(extension.begin(), extension.end(), extension.begin(),
                 [](unsigned char c) { return static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c); });
  return extension == ".ttf" || extension == ".otf" || extension == ".ttc" || extension == ".otc";
}

// Name-table strings are UTF-16BE on the Unicode and Windows platforms, single-byte on the Mac platform.
std::string decode_name(const FT_SfntName& name) {
  std::string out;
  if (name.platform_id == TT_PLATFORM_MICROSOFT || name.platform_id == TT_PLATFORM_APPLE_UNICODE) {
    for (FT_UInt i = 0; i + 1 < name.string_len; i += 2) {
      char32_t unit = static_cast<char32_t>((name.string[i] << 8) | name.string[i + 1]);
      if (unit >= 0xD800 && unit <= 0xDBFF && i + 3 < name.string_len) {
        const char32_t low = static_cast<char32_t>((name.string[i + 2] << 8) | name.string[i + 3]);
        unit = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00);
        i += 2;
      }
      utf8::append(out, unit);
    }
  } else if (name.platform_id == TT_PLATFORM_MACINTOSH) {
    for (FT_UInt i = 0; i < name.string_len; ++i)
      if (name.string[i] < 0x80) out.push_back(static_cast<char>(name.string[i]));
  }
  return out;
}

std::vector<std::string> family_names(FT_Face face) {
  std::vector<std::string> names;
  auto add = [&](std::string name) {
    if (name.empty()) return;
    for (const auto& known : names)
      if (known == name) return;
    names.push_back(std::move(name));
  };
  const FT_UInt count = FT_Get_Sfnt_Name_Count(face);
  for (FT_UInt i = 0; i < count; ++i) {
    FT_SfntName name{};
    if (FT_Get_Sfnt_Name(face, i, &name) != 0) continue;
    if (name.name_id == TT_NAME_ID_FONT_FAMILY || name.name_id == TT_NAME_ID_TYPOGRAPHIC_FAMILY)
      add(decode_name(name));
  }
  if (face->family_name) add(face->family_name);
  return names;
}

[[noreturn]] void not_a_font(const std::filesystem::path& path, FT_Error error) {
  throw InputError(path.string(), "",
                   "not a TrueType or OpenType font (FreeType error " + std::to_string(error) +
                       "); remove it from the fonts folder or replace it with the real font file");
}

void scan_file(FT_Library library, const std::filesystem::path& path, std::vector<FontFileFace>& out) {
  FT_Face first = nullptr;
  FT_Error error = FT_New_Face(library, path.c_str(), 0, &first);
  if (error != 0) not_a_font(path, error);
  FtFace first_face(first);
  const FT_Long count = first->num_faces;
  for (FT_Long index = 0; index < count; ++index) {
    FtFace face;
    if (index == 0) {
      face = std::move(first_face);
    } else {
      FT_Face next = nullptr;
      error = FT_New_Face(library, path.c_str(), index, &next);
      if (error != 0) not_a_font(path, error);
      face.reset(next);
    }
    if (!FT_IS_SFNT(face.get()) || !FT_IS_SCALABLE(face.get())) not_a_font(path, 0);
    FontFileFace entry;
    entry.path = path;
    entry.index = static_cast<unsigned>(index);
    entry.families = family_names(face.get());
    entry.style.bold = (face->style_flags & FT_STYLE_FLAG_BOLD) != 0;
    entry.style.italic = (face->style_flags & FT_STYLE_FLAG_ITALIC) != 0;
    out.push_back(std::move(entry));
  }
}

}  // namespace

bool same_family(std::string_view a, std::string_view b) noexcept {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; };
    if (lower(a[i]) != lower(b[i])) return false;
  }
  return true;
}

std::vector<FontFileFace> scan_font_folder(const std::filesystem::path& folder) {
  std::vector<FontFileFace> faces;
  std::error_code ec;
  if (!std::filesystem::is_directory(folder, ec)) return faces;

  std::vector<std::filesystem::path> files;
  for (auto it = std::filesystem::recursive_directory_iterator(folder, ec);
       !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
    if (it->is_regular_file(ec) && is_font_file(it->path())) files.push_back(it->path());
  }
  if (ec) throw InputError(folder.string(), "", "cannot list the fonts folder: " + ec.message());
  std::sort(files.begin(), files.end());
  if (files.empty()) return faces;

  FT_Library raw = nullptr;
  if (FT_Init_FreeType(&raw) != 0) throw InputError(folder.string(), "", "cannot initialise FreeType");
  FtLibrary library(raw);
  for (const auto& path : files) scan_file(library.get(), path, faces);
  return faces;
}

}  // namespace raingan::text
