#pragma once
// A package part's XML read with libexpat as a stream of events, element names without their namespace
// (x:c and c are both "c"). A document with a DTD or an entity declaration is refused before anything in
// it is expanded (billion laughs); malformed XML is an error naming the part and the line.

#include <string>
#include <string_view>

namespace raingan::intake {

class XmlEvents {
 public:
  virtual ~XmlEvents() = default;
  // attributes: name, value, name, value, …, nullptr (names without their namespace).
  virtual void start(std::string_view name, const char** attributes) = 0;
  virtual void end(std::string_view name) = 0;
  virtual void text(std::string_view text) = 0;
};

// Throws InputError(file_label, part + " line N", …). An exception thrown by a handler stops the parse and
// comes out unchanged.
void parse_xml(std::string_view xml, const std::string& file_label, const std::string& part,
               XmlEvents& events);

// The value of an attribute (by name without namespace), or nullptr.
const char* attribute(const char** attributes, std::string_view name);

// The name without its namespace: "http://…/main\x01c" -> "c".
std::string_view local_name(const char* name);

}  // namespace raingan::intake
