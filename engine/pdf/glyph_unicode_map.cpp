#include "pdf/glyph_unicode_map.h"

#include <hb.h>

#include <optional>
#include <string_view>

#include "pdf/gsub_single_substitutions.h"
#include "pdf/pdf_syntax.h"
#include "text/font_face.h"

namespace raingan::pdf {
namespace {

bool is_private_use(char32_t cp) { return (cp >= 0xE000 && cp <= 0xF8FF) || cp >= 0xF0000; }

bool is_usable(char32_t cp) {
  return cp != 0 && cp <= 0x10FFFF && !(cp >= 0xD800 && cp <= 0xDFFF) && !is_private_use(cp);
}

std::optional<char32_t> parse_hex(std::string_view digits) {
  if (digits.empty()) return std::nullopt;
  char32_t value = 0;
  for (const char c : digits) {
    int digit = 0;
    if (c >= '0' && c <= '9')
      digit = c - '0';
    else if (c >= 'A' && c <= 'F')
      digit = c - 'A' + 10;
    else
      return std::nullopt;  // glyph-name convention: upper-case hex only
    value = value * 16 + static_cast<char32_t>(digit);
  }
  return value;
}

class GlyphResolver {
 public:
  explicit GlyphResolver(const text::FontFace& face) : face_(face) {
    text::HbSet unicodes(hb_set_create());
    hb_face_collect_unicodes(face.hb_face(), unicodes.get());
    // Ascending order: when several characters share a glyph (space and no-break space), the lowest wins.
    for (hb_codepoint_t cp = HB_SET_VALUE_INVALID; hb_set_next(unicodes.get(), &cp);) {
      if (!is_usable(cp)) continue;
      const auto glyph = face.glyph_for(cp);
      if (glyph != 0) cmap_.emplace(glyph, std::u32string(1, static_cast<char32_t>(cp)));
    }
  }

  // The cmap or glyph-name text of a glyph, memoised.
  const std::u32string* direct(std::uint32_t glyph) {
    if (glyph == 0) return nullptr;
    if (auto it = cmap_.find(glyph); it != cmap_.end()) return &it->second;
    if (auto it = named_.find(glyph); it != named_.end()) return it->second ? &*it->second : nullptr;
    auto& slot = named_[glyph];
    slot = from_name(face_.glyph_name(glyph));
    return slot ? &*slot : nullptr;
  }

 private:
  // "uni0E0D.descless" -> U+0E0D, "uni0E400E01" -> U+0E40 U+0E01, "u1F600", "f_i" -> f i,
  // "tonemaiek.low" -> the text of the glyph named "tonemaiek".
  std::optional<std::u32string> from_name(std::string_view name) const {
    name = name.substr(0, name.find('.'));
    if (name.empty()) return std::nullopt;
    std::u32string text;
    while (!name.empty()) {
      const auto underscore = name.find('_');
      const auto component = name.substr(0, underscore);
      name = underscore == std::string_view::npos ? std::string_view{} : name.substr(underscore + 1);
      if (!append_component(component, text)) return std::nullopt;
    }
    return text;
  }

  bool append_component(std::string_view component, std::u32string& text) const {
    if (component.size() > 3 && component.starts_with("uni") && (component.size() - 3) % 4 == 0) {
      bool all_hex = true;
      std::u32string decoded;
      for (std::size_t i = 3; i < component.size(); i += 4) {
        const auto cp = parse_hex(component.substr(i, 4));
        if (!cp || !is_usable(*cp)) {
          all_hex = false;
          break;
        }
        decoded += *cp;
      }
      if (all_hex) {
        text += decoded;
        return true;
      }
    }
    if (component.size() >= 5 && component.size() <= 7 && component.front() == 'u') {
      if (const auto cp = parse_hex(component.substr(1)); cp && is_usable(*cp)) {
        text += *cp;
        return true;
      }
    }
    hb_codepoint_t glyph = 0;
    if (!hb_font_get_glyph_from_name(face_.hb_font(), component.data(), static_cast<int>(component.size()),
                                     &glyph))
      return false;
    const auto it = cmap_.find(glyph);
    if (it == cmap_.end()) return false;
    text += it->second;
    return true;
  }

  const text::FontFace& face_;
  std::map<std::uint32_t, std::u32string> cmap_;
  std::map<std::uint32_t, std::optional<std::u32string>> named_;
};

}  // namespace

std::map<std::uint32_t, std::u32string> map_glyphs_to_unicode(const text::FontFace& face,
                                                              const std::vector<std::uint32_t>& glyphs) {
  GlyphResolver resolver(face);
  std::map<std::uint32_t, std::u32string> result;
  bool needs_substitutions = false;
  for (const auto glyph : glyphs) {
    if (const auto* text = resolver.direct(glyph))
      result.emplace(glyph, *text);
    else if (glyph != 0)
      needs_substitutions = true;
  }
  if (!needs_substitutions) return result;

  // Walk the single substitutions from mapped glyphs to unmapped ones; a glyph reached from two different
  // texts stays unmapped. Repeat so that chains (a -> b -> c) resolve.
  const auto substitutions = single_substitutions(face.hb_face());
  std::map<std::uint32_t, std::u32string> inferred;
  auto text_of = [&](std::uint32_t glyph) -> const std::u32string* {
    if (const auto* text = resolver.direct(glyph)) return text;
    const auto it = inferred.find(glyph);
    return it == inferred.end() ? nullptr : &it->second;
  };
  for (int round = 0; round < 4; ++round) {
    std::map<std::uint32_t, std::optional<std::u32string>> candidates;
    for (const auto& [from, to] : substitutions) {
      if (to == 0 || text_of(to)) continue;
      const auto* source = text_of(from);
      if (!source) continue;
      auto [it, inserted] = candidates.emplace(to, *source);
      if (!inserted && it->second && *it->second != *source) it->second.reset();
    }
    bool changed = false;
    for (auto& [glyph, text] : candidates) {
      if (!text) continue;
      inferred.emplace(glyph, std::move(*text));
      changed = true;
    }
    if (!changed) break;
  }
  for (const auto glyph : glyphs) {
    if (result.contains(glyph)) continue;
    if (const auto it = inferred.find(glyph); it != inferred.end()) result.emplace(glyph, it->second);
  }
  return result;
}

std::string to_unicode_cmap(const std::map<std::uint32_t, std::u32string>& mapping) {
  std::string out =
      "/CIDInit /ProcSet findresource begin\n"
      "12 dict begin\n"
      "begincmap\n"
      "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
      "/CMapName /Adobe-Identity-UCS def\n"
      "/CMapType 2 def\n"
      "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n";
  constexpr std::size_t block = 100;  // the most entries a bfchar block may hold
  auto it = mapping.begin();
  while (it != mapping.end()) {
    const std::size_t count =
        std::min<std::size_t>(block, static_cast<std::size_t>(std::distance(it, mapping.end())));
    append_integer(out, static_cast<long long>(count));
    out += " beginbfchar\n";
    for (std::size_t i = 0; i < count; ++i, ++it) {
      out += '<';
      append_hex16(out, static_cast<std::uint16_t>(it->first));
      out += "> <";
      append_hex(out, utf16be(it->second));
      out += ">\n";
    }
    out += "endbfchar\n";
  }
  out +=
      "endcmap\n"
      "CMapName currentdict /CMap defineresource pop\n"
      "end\n"
      "end\n";
  return out;
}

}  // namespace raingan::pdf
