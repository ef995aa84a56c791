#include "xlsx/cell_text.h"

#include <cstdio>

#include "core/utf8.h"

namespace raingan::xlsx {

std::string text_problem(std::string_view text) {
  const auto bad = utf8::first_invalid_byte(text, utf8::Controls::refused);
  if (!bad) return {};
  const auto c = static_cast<unsigned char>(text[*bad]);
  if (c >= 0x20) return "text is not valid UTF-8 at byte " + std::to_string(*bad);
  char code[8];
  std::snprintf(code, sizeof code, "U+%04X", c);
  return std::string("text has the control character ") + code + " at byte " + std::to_string(*bad) +
         ", which an XLSX file cannot hold";
}

std::size_t characters(std::string_view text) {
  std::size_t count = 0;
  for (const char c : text) count += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
  return count;
}

std::string in_quotes(std::string_view text) {
  std::string quoted(1, '\'');
  quoted.append(text).push_back('\'');
  return quoted;
}

}  // namespace raingan::xlsx
