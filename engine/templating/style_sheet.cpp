#include "templating/style_sheet.h"

#include <array>

#include "core/units.h"

namespace raingan::templating {
namespace {

template <typename T>
void take(std::optional<T>& mine, const std::optional<T>& theirs) {
  if (theirs) mine = theirs;
}

constexpr std::array<std::string_view, 20> style_attributes = {"font",
                                                               "size",
                                                               "bold",
                                                               "italic",
                                                               "underline",
                                                               "color",
                                                               "align",
                                                               "first-line-indent",
                                                               "indent-start",
                                                               "indent-end",
                                                               "line-spacing",
                                                               "space-before",
                                                               "space-after",
                                                               "keep-with-next",
                                                               "keep-together",
                                                               "page-break-before",
                                                               "widows",
                                                               "orphans",
                                                               "keep-with-previous-lines",
                                                               "style"};

}  // namespace

void Style::layer(const Style& over) {
  take(font, over.font);
  take(size, over.size);
  take(bold, over.bold);
  take(italic, over.italic);
  take(underline, over.underline);
  take(color, over.color);
  take(align, over.align);
  take(first_line_indent, over.first_line_indent);
  take(indent_start, over.indent_start);
  take(indent_end, over.indent_end);
  take(line_spacing, over.line_spacing);
  take(space_before, over.space_before);
  take(space_after, over.space_after);
  take(keep_with_next, over.keep_with_next);
  take(keep_together, over.keep_together);
  take(page_break_before, over.page_break_before);
  take(widows, over.widows);
  take(orphans, over.orphans);
  take(keep_with_previous_lines, over.keep_with_previous_lines);
}

ResolvedStyle resolve(const Style& style) {
  ResolvedStyle r;
  r.text.font.family = style.font.value_or("TH Sarabun PSK");
  r.text.font.size = style.size.value_or(16);
  r.text.font.bold = style.bold.value_or(false);
  r.text.font.italic = style.italic.value_or(false);
  r.text.underline = style.underline.value_or(false);
  r.text.color = style.color.value_or(geometry::Color{});
  r.paragraph.align = style.align.value_or(document::Align::left);
  r.paragraph.first_line_indent = style.first_line_indent.value_or(0);
  r.paragraph.start_indent = style.indent_start.value_or(0);
  r.paragraph.end_indent = style.indent_end.value_or(0);
  r.paragraph.line_spacing = style.line_spacing.value_or(1.0);
  r.block.space_before = style.space_before.value_or(0);
  r.block.space_after = style.space_after.value_or(0);
  r.block.keep_with_next = style.keep_with_next.value_or(false);
  r.block.keep_together = style.keep_together.value_or(false);
  r.block.page_break_before = style.page_break_before.value_or(false);
  r.block.widows = style.widows.value_or(2);
  r.block.orphans = style.orphans.value_or(2);
  r.block.keep_with_previous_lines = style.keep_with_previous_lines.value_or(0);
  return r;
}

bool is_style_attribute(std::string_view name) {
  for (auto a : style_attributes)
    if (a == name) return true;
  return false;
}

const AttributeGroup style_attribute_group{"the style attributes", &is_style_attribute};

Style read_style(const Element& element, const std::string& file,
                 const std::function<std::string(const Attribute&)>& text_of) {
  Style s;
  for (const auto& attribute : element.attributes) {
    const std::string_view name = attribute.name;
    if (!is_style_attribute(name) || name == "style") continue;
    const std::string value = text_of(attribute);
    const AttributeSource where{file, attribute.line, name};
    if (name == "font")
      s.font = value;
    else if (name == "size")
      s.size = parse_font_size(value, where);
    else if (name == "bold")
      s.bold = parse_flag(value, where);
    else if (name == "italic")
      s.italic = parse_flag(value, where);
    else if (name == "underline")
      s.underline = parse_flag(value, where);
    else if (name == "color")
      s.color = parse_color(value, where);
    else if (name == "align") {
      const std::string a = parse_choice(value, {"left", "right", "center", "justify", "distributed"}, where);
      s.align = a == "left"     ? document::Align::left
                : a == "right"  ? document::Align::right
                : a == "center" ? document::Align::center
                                : document::Align::justify;
    } else if (name == "first-line-indent")
      s.first_line_indent = parse_length(value, where);
    else if (name == "indent-start")
      s.indent_start = parse_length(value, where);
    else if (name == "indent-end")
      s.indent_end = parse_length(value, where);
    else if (name == "line-spacing")
      s.line_spacing = parse_number(value, where);
    else if (name == "space-before")
      s.space_before = parse_length(value, where);
    else if (name == "space-after")
      s.space_after = parse_length(value, where);
    else if (name == "keep-with-next")
      s.keep_with_next = parse_flag(value, where);
    else if (name == "keep-together")
      s.keep_together = parse_flag(value, where);
    else if (name == "page-break-before")
      s.page_break_before = parse_flag(value, where);
    else if (name == "widows")
      s.widows = parse_integer(value, where, 1, 10);
    else if (name == "orphans")
      s.orphans = parse_integer(value, where, 1, 10);
    else if (name == "keep-with-previous-lines")
      s.keep_with_previous_lines = parse_integer(value, where, 0, 10);
  }
  return s;
}

StyleSheet::StyleSheet(const std::string& family, double size) {
  Style body;
  body.font = family;
  body.size = size;
  body.align = document::Align::left;
  styles_["body"] = body;

  const double heading_sizes[] = {20, 18, 16, 16};
  for (int level = 1; level <= 4; ++level) {
    Style h;
    h.size = heading_sizes[level - 1];
    h.bold = true;
    h.keep_with_next = true;
    h.space_before = level == 1 ? 12 : 8;
    h.space_after = 4;
    styles_["h" + std::to_string(level)] = h;
  }
  Style table;
  table.align = document::Align::left;
  styles_["table"] = table;
  Style table_header;
  table_header.bold = true;
  table_header.align = document::Align::center;
  styles_["table-header"] = table_header;
  Style header;
  header.align = document::Align::center;
  styles_["header"] = header;
  styles_["footer"] = header;
  Style caption;
  caption.align = document::Align::center;
  caption.size = size - 2;
  styles_["caption"] = caption;
  styles_["contents"] = Style{};
}

const Style* StyleSheet::find(std::string_view name) const {
  const auto found = styles_.find(name);
  return found == styles_.end() ? nullptr : &found->second;
}

}  // namespace raingan::templating
