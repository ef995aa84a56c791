#pragma once
// Inline content of a paragraph: styled text, dotted leaders, and fields whose text is only known when a page
// is finished (page number, page count, running title).

#include <string>
#include <variant>
#include <vector>

#include "geometry/color.h"

namespace raingan::document {

using geometry::Color;

struct FontSpec {
  std::string family = "Laksaman";
  bool bold = false;
  bool italic = false;
  double size = 16;  // pt
};

struct InlineStyle {
  FontSpec font;
  Color color;
  bool underline = false;
};

struct TextInline {
  std::string text;
  InlineStyle style;
  std::string link_anchor;  // go to an anchor in this document
  std::string link_url;     // or open a URL
  bool keep_whole = false;  // no line ends inside this text unless it is wider than the line (<nobreak>)
};

// Fills the rest of its line with dots (tables of contents, memo field lines).
struct LeaderInline {
  InlineStyle style;
  char32_t fill = U'.';
};

// Text filled in per page, in the section's numbering style.
struct FieldInline {
  enum class Kind { page_number, page_count, running_title } kind = Kind::page_number;
  InlineStyle style;
};

using Inline = std::variant<TextInline, LeaderInline, FieldInline>;

enum class Align { left, right, center, justify };  // justify = Thai distributed, last line natural

struct ParagraphStyle {
  Align align = Align::left;
  double first_line_indent = 0;
  double start_indent = 0;
  double end_indent = 0;
  double line_spacing = 1.0;  // multiple of the faces' natural line height
};

}  // namespace raingan::document
