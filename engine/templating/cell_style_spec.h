#pragma once
// The cell-style attributes of a <workbook> template (font size bold italic color fill border align valign
// wrap number-format locked indent charset), as a template writes them on <style>, <row> and <cell>: only
// what it mentions, layered over what it inherits and resolved over the workbook's normal style.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "templating/binder_core.h"
#include "templating/cell_style.h"
#include "templating/element_registry.h"
#include "templating/markup.h"

namespace raingan::templating {

bool is_cell_style_attribute(std::string_view name);
extern const AttributeGroup cell_style_attribute_group;

struct CellStyleSpec {
  std::optional<std::string> font;
  std::optional<double> size;
  std::optional<int> charset, indent;
  std::optional<bool> bold, italic, wrap, locked;
  std::optional<std::uint32_t> color, fill;
  std::optional<CellStyle::Border> border;
  std::optional<CellStyle::HAlign> align;
  std::optional<CellStyle::VAlign> valign;
  std::optional<std::string> number_format;

  // What `other` mentions replaces what this one says.
  void layer(const CellStyleSpec& other);
  // `base` with what this one mentions.
  CellStyle resolve(const CellStyle& base) const;
};

// The cell-style attributes `e` carries itself.
CellStyleSpec read_cell_style(BinderCore& core, const Element& e);

// 0xRRGGBB of a colour attribute.
std::uint32_t rgb_of(BinderCore& core, const Attribute& attribute);

}  // namespace raingan::templating
