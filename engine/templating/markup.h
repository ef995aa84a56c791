#pragma once
// The template file syntax: a small, strict XML dialect (elements, attributes, text, comments, character
// references). Office IT staff know HTML, so templates read like it; every node keeps its line so that a
// template error can name the file and line.

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace raingan::templating {

struct Attribute {
  std::string name;
  std::string value;  // character references already decoded
  int line = 0;
};

struct Element;

// A child of an element: either text (element == nullptr) or a nested element.
struct Node {
  std::string text;
  std::unique_ptr<Element> element;
  int line = 0;
  bool is_text() const noexcept { return element == nullptr; }
};

struct Element {
  std::string name;
  std::vector<Attribute> attributes;
  std::vector<Node> children;
  int line = 0;

  const Attribute* attribute(std::string_view name) const noexcept;
};

// Parses a whole template file. Throws InputError "file: line N: …" on the first syntax error.
std::unique_ptr<Element> parse_markup(std::string_view source, const std::string& file_name);

}  // namespace raingan::templating
