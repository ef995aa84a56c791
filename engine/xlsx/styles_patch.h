#pragma once
// Completes the fonts of xl/styles.xml as libxlsxwriter 1.1.4 writes them.
//
// That version keeps format_set_font_charset() but never writes <charset> (1.2.0 added it), and its first
// font, the one the "Normal" cell style uses, is always Calibri 11 of the theme's minor scheme. The normal
// font is what empty cells, header and footer text and the column-width unit (column_fit.h) use, so a Thai
// register needs it Thai. This patch rewrites the first <font> as the workbook's normal style and adds
// <charset val="N"/> (after <family>, where the schema wants it) to every font whose name was registered
// with a charset.

#include <map>
#include <string>

#include "templating/cell_style.h"

namespace raingan::xlsx {

// Throws std::runtime_error when the XML has no <fonts> list of <font> elements.
std::string patch_styles_fonts(std::string styles_xml, const templating::CellStyle& normal_style,
                               const std::map<std::string, int>& charset_by_font_name);

}  // namespace raingan::xlsx
