#include "xlsx/styles_patch.h"

#include <charconv>
#include <cstdio>
#include <stdexcept>
#include <string_view>

namespace raingan::xlsx {
using templating::CellStyle;
namespace {

std::string escape_attribute(std::string_view text) {
  std::string out;
  for (const char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string number(double value) {
  char buffer[32];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
  return std::string(buffer, result.ptr);
}

std::string normal_font_xml(const CellStyle& style) {
  std::string xml = "<font>";
  if (style.bold) xml += "<b/>";
  if (style.italic) xml += "<i/>";
  xml += "<sz val=\"" + number(style.font_size) + "\"/>";
  if (style.font_rgb) {
    char color[16];
    std::snprintf(color, sizeof color, "FF%06X", *style.font_rgb & 0xFFFFFFU);
    xml += std::string("<color rgb=\"") + color + "\"/>";
  } else {
    xml += "<color theme=\"1\"/>";
  }
  xml += "<name val=\"" + escape_attribute(style.font_name) + "\"/><family val=\"2\"/>";
  if (style.font_charset != 0) xml += "<charset val=\"" + std::to_string(style.font_charset) + "\"/>";
  return xml + "</font>";
}

// The value of the first `<tag val="..."/>` in an element, as written (escaped).
std::string_view attribute_of(std::string_view element, std::string_view tag) {
  std::string open(1, '<');
  open.append(tag).append(" val=\"");
  const std::size_t start = element.find(open);
  if (start == std::string_view::npos) return {};
  const std::size_t value = start + open.size();
  const std::size_t end = element.find('"', value);
  return end == std::string_view::npos ? std::string_view{} : element.substr(value, end - value);
}

std::string with_charset(std::string font, int charset) {
  if (charset == 0 || font.find("<charset ") != std::string::npos) return font;
  const std::string element = "<charset val=\"" + std::to_string(charset) + "\"/>";
  std::size_t at = font.find("<family ");
  if (at == std::string::npos) at = font.find("<name ");
  at = at == std::string::npos ? font.find("</font>") : font.find("/>", at) + 2;
  font.insert(at, element);
  return font;
}

}  // namespace

std::string patch_styles_fonts(std::string xml, const CellStyle& normal_style,
                               const std::map<std::string, int>& charset_by_font_name) {
  const std::size_t list_start = xml.find("<fonts");
  const std::size_t list_end = xml.find("</fonts>");
  if (list_start == std::string::npos || list_end == std::string::npos)
    throw std::runtime_error("styles.xml has no <fonts> list");
  std::string patched = xml.substr(0, list_start);
  std::size_t at = xml.find('>', list_start) + 1;
  patched += xml.substr(list_start, at - list_start);
  bool first = true;
  while (true) {
    const std::size_t font_start = xml.find("<font>", at);
    if (font_start == std::string::npos || font_start > list_end) break;
    const std::size_t font_end = xml.find("</font>", font_start);
    if (font_end == std::string::npos) throw std::runtime_error("styles.xml has an unterminated <font>");
    patched += xml.substr(at, font_start - at);
    std::string font = xml.substr(font_start, font_end + 7 - font_start);
    if (first) {
      font = normal_font_xml(normal_style);
      first = false;
    } else {
      // Names are compared escaped: registered names are escaped the way libxlsxwriter escapes them.
      for (const auto& [name, charset] : charset_by_font_name)
        if (attribute_of(font, "name") == escape_attribute(name))
          font = with_charset(std::move(font), charset);
    }
    patched += font;
    at = font_end + 7;
  }
  if (first) throw std::runtime_error("styles.xml has no <font> in its <fonts> list");
  patched += xml.substr(at);
  return patched;
}

}  // namespace raingan::xlsx
