#include "templating/interpolation.h"

#include "core/diagnostic.h"

namespace raingan::templating {

Interpolation compile_interpolation(std::string_view text, const SourceLocation& where) {
  Interpolation result;
  std::size_t position = 0;
  int line = where.line;
  while (position < text.size()) {
    const auto open = text.find("{{", position);
    const std::string_view literal =
        text.substr(position, open == std::string_view::npos ? text.npos : open - position);
    if (!literal.empty()) result.pieces.push_back({std::string(literal), nullptr});
    for (char c : literal) line += c == '\n';
    if (open == std::string_view::npos) break;
    const auto close = text.find("}}", open + 2);
    if (close == std::string_view::npos)
      throw InputError(where.file, "line " + std::to_string(line), "expected '}}' to close '{{'");
    const std::string_view source = text.substr(open + 2, close - open - 2);
    result.pieces.push_back({{}, parse_expression(source, {where.file, line})});
    for (char c : source) line += c == '\n';
    position = close + 2;
  }
  return result;
}

}  // namespace raingan::templating
