#include "templating/cell_style_spec.h"

#include <algorithm>
#include <vector>

#include "templating/attributes.h"

namespace raingan::templating {
namespace {

const std::vector<std::string_view> cell_style_attributes = {
    "font",  "size",   "bold", "italic",        "color",  "fill",   "border",
    "align", "valign", "wrap", "number-format", "locked", "indent", "charset"};

std::uint32_t rgb(const geometry::Color& c) {
  return (std::uint32_t{c.r} << 16) | (std::uint32_t{c.g} << 8) | c.b;
}

}  // namespace

bool is_cell_style_attribute(std::string_view name) {
  return std::find(cell_style_attributes.begin(), cell_style_attributes.end(), name) !=
         cell_style_attributes.end();
}

const AttributeGroup cell_style_attribute_group{"the cell style attributes", &is_cell_style_attribute};

void CellStyleSpec::layer(const CellStyleSpec& o) {
  auto take = [](auto& mine, const auto& theirs) {
    if (theirs) mine = theirs;
  };
  take(font, o.font), take(size, o.size), take(charset, o.charset), take(indent, o.indent);
  take(bold, o.bold), take(italic, o.italic), take(wrap, o.wrap), take(locked, o.locked);
  take(color, o.color), take(fill, o.fill), take(border, o.border), take(align, o.align);
  take(valign, o.valign), take(number_format, o.number_format);
}

CellStyle CellStyleSpec::resolve(const CellStyle& base) const {
  CellStyle s = base;
  if (font) s.font_name = *font;
  if (size) s.font_size = *size;
  if (charset) s.font_charset = *charset;
  if (indent) s.indent = *indent;
  if (bold) s.bold = *bold;
  if (italic) s.italic = *italic;
  if (wrap) s.wrap = *wrap;
  if (locked) s.locked = *locked;
  if (color) s.font_rgb = *color;
  if (fill) s.fill_rgb = *fill;
  if (border) s.border = *border;
  if (align) s.h_align = *align;
  if (valign) s.v_align = *valign;
  if (number_format) s.number_format = *number_format;
  return s;
}

std::uint32_t rgb_of(BinderCore& core, const Attribute& a) {
  return rgb(parse_color(core.text(a), {core.file_name(), a.line, a.name}));
}

CellStyleSpec read_cell_style(BinderCore& core, const Element& e) {
  CellStyleSpec spec;
  const std::string& file = core.file_name();
  for (const auto& a : e.attributes) {
    if (!is_cell_style_attribute(a.name)) continue;
    const std::string value = core.text(a);
    const AttributeSource where{file, a.line, a.name};
    if (a.name == "font")
      spec.font = value;
    else if (a.name == "size")
      spec.size = parse_number(value, where);
    else if (a.name == "charset")
      spec.charset = parse_integer(value, where, 0, 255);
    else if (a.name == "indent")
      spec.indent = parse_integer(value, where, 0, 15);
    else if (a.name == "bold")
      spec.bold = parse_flag(value, where);
    else if (a.name == "italic")
      spec.italic = parse_flag(value, where);
    else if (a.name == "wrap")
      spec.wrap = parse_flag(value, where);
    else if (a.name == "locked")
      spec.locked = parse_flag(value, where);
    else if (a.name == "color")
      spec.color = rgb(parse_color(value, where));
    else if (a.name == "fill")
      spec.fill = rgb(parse_color(value, where));
    else if (a.name == "number-format")
      spec.number_format = value;
    else if (a.name == "border") {
      const std::string b = parse_choice(value, {"none", "thin", "medium"}, where);
      spec.border = b == "none"   ? CellStyle::Border::none
                    : b == "thin" ? CellStyle::Border::thin
                                  : CellStyle::Border::medium;
    } else if (a.name == "align") {
      const std::string h = parse_choice(
          value, {"general", "left", "center", "right", "fill", "justify", "distributed"}, where);
      using H = CellStyle::HAlign;
      spec.align = h == "general"   ? H::general
                   : h == "left"    ? H::left
                   : h == "center"  ? H::center
                   : h == "right"   ? H::right
                   : h == "fill"    ? H::fill
                   : h == "justify" ? H::justify
                                    : H::distributed;
    } else if (a.name == "valign") {
      const std::string v = parse_choice(value, {"top", "center", "bottom"}, where);
      spec.valign = v == "top"      ? CellStyle::VAlign::top
                    : v == "center" ? CellStyle::VAlign::center
                                    : CellStyle::VAlign::bottom;
    }
  }
  return spec;
}

}  // namespace raingan::templating
