#pragma once
// What <flowchart> and <org-chart> share: the look of a diagram from the element's style and attributes,
// and reading the dataset values a diagram is built from, with messages that name the template line and
// the dataset path of the value at fault ("procedure.steps[3].exits[0].to").

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "document/diagram.h"
#include "templating/elements/document_elements.h"

namespace raingan::templating {

// The attributes every diagram element takes besides its own.
inline const std::vector<std::string_view> diagram_attributes = {"title", "fill", "line-color", "box-width"};

// Text color and fonts from the element's style; fill, line-color and box-width from its attributes.
document::DiagramStyle diagram_style(DocumentBinding& binding, const Element& e, const ResolvedStyle& style);

// A diagram is drawn from its data attribute alone: child elements and text are an error ("a <flowchart> is
// read from its steps=\"…\" and holds nothing"); `element` is "a <flowchart>", `carrier` "its steps".
void refuse_content(BinderCore& core, const Element& e, const std::string& element,
                    std::string_view attribute, const std::string& carrier);

// A dataset value the diagram is read from, with its path for messages; errors name the attribute's line.
class DiagramData {
 public:
  // The value of a lone {{ expression }} attribute, its path the expression's dataset path.
  DiagramData(BinderCore& core, const Attribute& attribute);
  DiagramData(BinderCore& core, Value value, std::string path, int line)
      : core_(&core), value_(std::move(value)), path_(std::move(path)), line_(line) {}

  const Value& value() const noexcept { return value_; }
  const std::string& path() const noexcept { return path_; }
  int line() const noexcept { return line_; }

  // "<path>: <message>" at the template line.
  [[noreturn]] void fail(const std::string& message) const;
  // The items of a list (an error when it is not one).
  std::vector<DiagramData> items() const;
  // An error when the value is not an object or has a field not in `known`.
  void check_object(const std::vector<std::string_view>& known) const;
  // A field's text: empty when absent or null; an error when it is not text or a number.
  std::string text(std::string_view field) const;
  // A field's text that must be there and not blank.
  std::string required_text(std::string_view field) const;
  // A field as data of its own, or nothing when absent or null.
  std::optional<DiagramData> field(std::string_view name) const;

 private:
  BinderCore* core_;
  Value value_;
  std::string path_;
  int line_;
};

}  // namespace raingan::templating
