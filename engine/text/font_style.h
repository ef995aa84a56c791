#pragma once
// The two style axes a document asks for. Weight and slant finer than this are the font file's business.

#include <compare>
#include <string_view>

namespace raingan::text {

struct FontStyle {
  bool bold = false;
  bool italic = false;
  friend auto operator<=>(const FontStyle&, const FontStyle&) = default;
};

// "regular", "bold", "italic" or "bold_italic": the keys fonts/fonts.json uses and messages print.
constexpr std::string_view style_key(FontStyle style) {
  if (style.bold) return style.italic ? "bold_italic" : "bold";
  return style.italic ? "italic" : "regular";
}

}  // namespace raingan::text
