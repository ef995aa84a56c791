#include "xlsx/style_table.h"

#include <stdexcept>
#include <utility>

#include "core/diagnostic.h"
#include "xlsx/cell_text.h"
#include "xlsx/lxw_color.h"

namespace raingan::xlsx {
using templating::CellStyle;
using templating::StyleId;

StyleTable::StyleTable(lxw_workbook* workbook, std::string file, std::function<void()> before_change)
    : workbook_(workbook), file_(std::move(file)), before_change_(std::move(before_change)) {}

void StyleTable::check(const CellStyle& style, const std::string& file) {
  const std::string where = "style with font " + in_quotes(style.font_name);
  // libxlsxwriter keeps names and formats in 128-byte fields and would cut longer ones.
  if (style.font_name.empty() || style.font_name.size() >= LXW_FORMAT_FIELD_LEN)
    throw InputError(file, where, "a font name has 1 to 127 bytes");
  if (style.number_format.size() >= LXW_FORMAT_FIELD_LEN)
    throw InputError(file, where,
                     "number format " + in_quotes(style.number_format) + " is longer than 127 bytes");
  for (const std::string* text : {&style.font_name, &style.number_format})
    if (const std::string problem = text_problem(*text); !problem.empty())
      throw InputError(file, where, problem);
  if (!(style.font_size >= 1 && style.font_size <= 409))
    throw InputError(file, where,
                     "font size must be 1 to 409 points, found " + std::to_string(style.font_size));
  if (style.indent < 0 || style.indent > 15)
    throw InputError(file, where, "indent must be 0 to 15 levels, found " + std::to_string(style.indent));
  if (style.font_charset < 0 || style.font_charset > 255)
    throw InputError(file, where,
                     "font charset must be 0 to 255, found " + std::to_string(style.font_charset));
}

StyleId StyleTable::add(const CellStyle& style) {
  for (StyleId id = 0; id < styles_.size(); ++id)
    if (styles_[id] == style) return id;
  check(style, file_);
  before_change_();
  const auto [known, inserted] = charsets_.emplace(style.font_name, style.font_charset);
  if (!inserted && known->second != style.font_charset)
    throw InputError(file_, "style with font " + in_quotes(style.font_name),
                     "the font is given charset " + std::to_string(known->second) + " and charset " +
                         std::to_string(style.font_charset) + "; a workbook gives one font one charset");

  lxw_format* format = workbook_add_format(workbook_);
  if (!format) throw InputError(file_, "", "cannot add a cell format (out of memory?)");
  format_set_font_name(format, style.font_name.c_str());
  format_set_font_size(format, style.font_size);
  format_set_font_charset(format, static_cast<uint8_t>(style.font_charset));
  if (style.bold) format_set_bold(format);
  if (style.italic) format_set_italic(format);
  if (!style.number_format.empty()) format_set_num_format(format, style.number_format.c_str());
  using H = CellStyle::HAlign;
  switch (style.h_align) {
    case H::general:
      break;
    case H::left:
      format_set_align(format, LXW_ALIGN_LEFT);
      break;
    case H::center:
      format_set_align(format, LXW_ALIGN_CENTER);
      break;
    case H::right:
      format_set_align(format, LXW_ALIGN_RIGHT);
      break;
    case H::fill:
      format_set_align(format, LXW_ALIGN_FILL);
      break;
    case H::justify:
      format_set_align(format, LXW_ALIGN_JUSTIFY);
      break;
    case H::distributed:
      format_set_align(format, LXW_ALIGN_DISTRIBUTED);
      break;
  }
  using V = CellStyle::VAlign;
  switch (style.v_align) {
    case V::top:
      format_set_align(format, LXW_ALIGN_VERTICAL_TOP);
      break;
    case V::center:
      format_set_align(format, LXW_ALIGN_VERTICAL_CENTER);
      break;
    case V::bottom:
      format_set_align(format, LXW_ALIGN_VERTICAL_BOTTOM);
      break;
  }
  if (style.wrap) format_set_text_wrap(format);
  if (style.border == CellStyle::Border::thin) format_set_border(format, LXW_BORDER_THIN);
  if (style.border == CellStyle::Border::medium) format_set_border(format, LXW_BORDER_MEDIUM);
  if (style.fill_rgb) {
    format_set_pattern(format, LXW_PATTERN_SOLID);
    format_set_bg_color(format, lxw_color(*style.fill_rgb));
  }
  if (style.font_rgb) format_set_font_color(format, lxw_color(*style.font_rgb));
  if (!style.locked) format_set_unlocked(format);
  if (style.indent > 0) format_set_indent(format, static_cast<uint8_t>(style.indent));

  styles_.push_back(style);
  formats_.push_back(format);
  return styles_.size() - 1;
}

StyleId StyleTable::format_style(StyleId style, bool formula) {
  if (style >= styles_.size())
    throw std::invalid_argument("style id " + std::to_string(style) + " was not made by add_style");
  if (!formula || styles_[style].locked) return style;
  auto twin = locked_twin_.find(style);
  if (twin == locked_twin_.end()) {
    CellStyle locked = styles_[style];
    locked.locked = true;
    twin = locked_twin_.emplace(style, add(locked)).first;
  }
  return twin->second;
}

}  // namespace raingan::xlsx
