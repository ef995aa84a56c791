#include "templating/markup.h"

#include <charconv>
#include <cstdio>
#include <unordered_set>

#include "core/diagnostic.h"
#include "core/utf8.h"
#include "dataset/line_index.h"

namespace raingan::templating {
namespace {

bool is_name_start(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':';
}
bool is_name_char(char c) { return is_name_start(c) || (c >= '0' && c <= '9') || c == '-' || c == '.'; }
bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

std::string describe(std::string_view rest) {
  if (rest.empty()) return "end of file";
  std::size_t length = utf8::sequence_length(static_cast<unsigned char>(rest.front()));
  return "'" + std::string(rest.substr(0, std::min(length, rest.size()))) + "'";
}

class MarkupParser {
 public:
  MarkupParser(std::string_view source, const std::string& file) : source_(source), file_(file) {}

  std::unique_ptr<Element> parse_document() {
    if (auto bad = utf8::first_invalid_byte(source_)) {
      char hex[8];
      std::snprintf(hex, sizeof hex, "0x%02X",
                    static_cast<unsigned>(static_cast<unsigned char>(source_[*bad])));
      throw InputError(file_, dataset::LineIndex(source_).describe(source_, *bad),
                       "expected UTF-8 text, found byte " + std::string(hex) +
                           " that is not valid UTF-8; save the template as UTF-8");
    }
    if (source_.substr(0, 3) == "\xEF\xBB\xBF") advance(3);
    skip_misc();
    if (starts_with("<?xml")) {
      skip_past("?>", "the end '?>' of the XML declaration");
      skip_misc();
    }
    if (!starts_with("<")) fail("expected the template's root element such as <document>, found " + found());
    auto root = parse_element(0);
    skip_misc();
    if (position_ < source_.size())
      fail("expected nothing after the root element </" + root->name + ">, found " + found());
    return root;
  }

 private:
  static constexpr int max_depth = 200;

  [[noreturn]] void fail(const std::string& message) const {
    throw InputError(file_, "line " + std::to_string(line_), message);
  }
  std::string found() const { return describe(source_.substr(position_)); }
  bool starts_with(std::string_view prefix) const { return source_.substr(position_).starts_with(prefix); }
  char peek() const { return position_ < source_.size() ? source_[position_] : '\0'; }
  void advance(std::size_t count = 1) {
    for (std::size_t i = 0; i < count && position_ < source_.size(); ++i)
      if (source_[position_++] == '\n') ++line_;
  }
  void expect(char c, const std::string& what) {
    if (peek() != c) fail("expected " + what + ", found " + found());
    advance();
  }
  void skip_spaces() {
    while (position_ < source_.size() && is_space(peek())) advance();
  }
  void skip_past(std::string_view terminator, const std::string& what) {
    const int start = line_;
    const auto end = source_.find(terminator, position_);
    if (end == std::string_view::npos)
      throw InputError(file_, "line " + std::to_string(start), "expected " + what + ", found end of file");
    advance(end + terminator.size() - position_);
  }
  // Comments and whitespace outside the root element.
  void skip_misc() {
    for (;;) {
      skip_spaces();
      if (starts_with("<!--")) {
        skip_past("-->", "'-->' to close the comment");
      } else {
        return;
      }
    }
  }

  std::string parse_name(const std::string& what) {
    if (!is_name_start(peek())) fail("expected " + what + ", found " + found());
    const std::size_t start = position_;
    while (is_name_char(peek())) advance();
    return std::string(source_.substr(start, position_ - start));
  }

  // Decodes &lt; &gt; &amp; &quot; &apos; &#123; &#x1F; at the current '&'.
  void parse_reference(std::string& out) {
    const auto end = source_.find(';', position_);
    if (end == std::string_view::npos || end - position_ > 12)
      fail("expected a character reference such as &amp; or &#3585; (write & as &amp;), found " + found());
    const std::string_view body = source_.substr(position_ + 1, end - position_ - 1);
    if (body == "lt")
      out += '<';
    else if (body == "gt")
      out += '>';
    else if (body == "amp")
      out += '&';
    else if (body == "quot")
      out += '"';
    else if (body == "apos")
      out += '\'';
    else if (body.starts_with("#")) {
      const bool hex = body.size() > 1 && (body[1] == 'x' || body[1] == 'X');
      const std::string_view digits = body.substr(hex ? 2 : 1);
      unsigned long code = 0;
      const auto [ptr, ec] =
          std::from_chars(digits.data(), digits.data() + digits.size(), code, hex ? 16 : 10);
      if (digits.empty() || ec != std::errc{} || ptr != digits.data() + digits.size() || code == 0 ||
          code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF))
        fail("expected a valid character number in &" + std::string(body) + ";");
      utf8::append(out, static_cast<char32_t>(code));
    } else {
      fail("unknown character reference &" + std::string(body) +
           "; (use &lt; &gt; &amp; &quot; &apos; or &#NNNN;)");
    }
    advance(end + 1 - position_);
  }

  // An expression {{ … }} is copied as written, so it may use < and > without escaping.
  void copy_expression(std::string& out) {
    const int start = line_;
    const auto end = source_.find("}}", position_ + 2);
    if (end == std::string_view::npos)
      throw InputError(file_, "line " + std::to_string(start),
                       "expected '}}' to close '{{', found end of file");
    out += source_.substr(position_, end + 2 - position_);
    advance(end + 2 - position_);
  }

  std::unique_ptr<Element> parse_element(int depth) {
    if (depth > max_depth) fail("elements nested more than " + std::to_string(max_depth) + " deep");
    auto element = std::make_unique<Element>();
    element->line = line_;
    expect('<', "'<'");
    element->name = parse_name("an element name after '<'");
    // Elements have a handful of attributes, looked through directly; past that a set of their names keeps
    // the check for one given twice linear, however many a (hostile) template gives.
    constexpr std::size_t attributes_looked_through = 8;
    std::unordered_set<std::string> attribute_names;
    for (;;) {
      const bool had_space = is_space(peek());
      skip_spaces();
      if (starts_with("/>")) {
        advance(2);
        return element;
      }
      if (peek() == '>') {
        advance();
        break;
      }
      if (!had_space) fail("expected a space, '>' or '/>' in <" + element->name + ">, found " + found());
      Attribute attribute;
      attribute.line = line_;
      attribute.name = parse_name("an attribute name or '>' in <" + element->name + ">");
      bool given_twice = false;
      if (element->attributes.size() < attributes_looked_through) {
        given_twice = element->attribute(attribute.name) != nullptr;
      } else {
        if (attribute_names.empty())
          for (const auto& earlier : element->attributes) attribute_names.insert(earlier.name);
        given_twice = !attribute_names.insert(attribute.name).second;
      }
      if (given_twice) fail("attribute '" + attribute.name + "' given twice in <" + element->name + ">");
      skip_spaces();
      expect('=', "'=' after attribute '" + attribute.name + "'");
      skip_spaces();
      const char quote = peek();
      if (quote != '"' && quote != '\'')
        fail("expected a quoted value for attribute '" + attribute.name + "', found " + found());
      advance();
      while (peek() != quote) {
        if (position_ >= source_.size())
          throw InputError(
              file_, "line " + std::to_string(attribute.line),
              "attribute '" + attribute.name + "' is not closed: expected " + quote + ", found end of file");
        if (peek() == '<')
          fail("expected " + std::string(1, quote) + " to close attribute '" + attribute.name +
               "', found '<'");
        if (starts_with("{{")) {
          copy_expression(attribute.value);
        } else if (peek() == '&') {
          parse_reference(attribute.value);
        } else {
          attribute.value += peek();
          advance();
        }
      }
      advance();
      element->attributes.push_back(std::move(attribute));
    }
    parse_children(*element, depth);
    return element;
  }

  void parse_children(Element& element, int depth) {
    std::string text;
    int text_line = line_;
    auto flush_text = [&] {
      if (!text.empty()) element.children.push_back(Node{std::move(text), nullptr, text_line});
      text.clear();
    };
    for (;;) {
      if (position_ >= source_.size())
        throw InputError(
            file_, "line " + std::to_string(element.line),
            "<" + element.name + "> is never closed: expected </" + element.name + ">, found end of file");
      if (starts_with("<!--")) {
        skip_past("-->", "'-->' to close the comment");
      } else if (starts_with("</")) {
        flush_text();
        advance(2);
        const int close_line = line_;
        const std::string name = parse_name("an element name after '</'");
        if (name != element.name)
          throw InputError(file_, "line " + std::to_string(close_line),
                           "expected </" + element.name + "> to close the element opened on line " +
                               std::to_string(element.line) + ", found </" + name + ">");
        skip_spaces();
        expect('>', "'>' to end </" + name);
        return;
      } else if (starts_with("<")) {
        flush_text();
        const int child_line = line_;
        element.children.push_back(Node{{}, parse_element(depth + 1), child_line});
        text_line = line_;
      } else if (starts_with("{{")) {
        if (text.empty()) text_line = line_;
        copy_expression(text);
      } else if (peek() == '&') {
        if (text.empty()) text_line = line_;
        parse_reference(text);
      } else {
        if (text.empty()) text_line = line_;
        text += peek();
        advance();
      }
    }
  }

  std::string_view source_;
  const std::string& file_;
  std::size_t position_ = 0;
  int line_ = 1;
};

}  // namespace

const Attribute* Element::attribute(std::string_view attribute_name) const noexcept {
  for (const auto& a : attributes)
    if (a.name == attribute_name) return &a;
  return nullptr;
}

std::unique_ptr<Element> parse_markup(std::string_view source, const std::string& file_name) {
  return MarkupParser(source, file_name).parse_document();
}

}  // namespace raingan::templating
