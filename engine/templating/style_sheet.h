#pragma once
// Named styles: what a template says about fonts, alignment, indents and spacing, once, by name; any element
// may also carry the same attributes to override its style for itself. A style sets only what it mentions;
// resolving layers the defaults, the element's style and the element's own attributes.

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "document/document.h"
#include "templating/attributes.h"
#include "templating/element_registry.h"
#include "templating/markup.h"

namespace raingan::templating {

struct Style {
  std::optional<std::string> font;
  std::optional<double> size;
  std::optional<bool> bold, italic, underline;
  std::optional<geometry::Color> color;
  std::optional<document::Align> align;
  std::optional<double> first_line_indent, indent_start, indent_end, line_spacing;
  std::optional<double> space_before, space_after;
  std::optional<bool> keep_with_next, keep_together, page_break_before;
  std::optional<int> widows, orphans, keep_with_previous_lines;

  // The fields `over` sets replace ours.
  void layer(const Style& over);
};

struct ResolvedStyle {
  document::InlineStyle text;
  document::ParagraphStyle paragraph;
  document::BlockStyle block;
};

ResolvedStyle resolve(const Style& style);

// The attribute names a style (and any element) may carry.
bool is_style_attribute(std::string_view name);
// The same as a group every element that sets text or spacing accepts besides its own attributes.
extern const AttributeGroup style_attribute_group;

// Reads the style attributes of an element; `text_of` gives an attribute's value after interpolation.
Style read_style(const Element& element, const std::string& file,
                 const std::function<std::string(const Attribute&)>& text_of);

class StyleSheet {
 public:
  // The built-in styles (body, h1–h4, table, table-header, header, footer, caption, contents) in `family`.
  explicit StyleSheet(const std::string& family = "TH Sarabun PSK", double size = 16);

  void define(const std::string& name, Style style) { styles_[name] = std::move(style); }
  const Style* find(std::string_view name) const;

 private:
  std::map<std::string, Style, std::less<>> styles_;
};

}  // namespace raingan::templating
