#include "templating/elements/diagram_data.h"

#include <algorithm>

#include "templating/interpolation.h"

namespace raingan::templating {

void refuse_content(BinderCore& core, const Element& e, const std::string& element,
                    std::string_view attribute, const std::string& carrier) {
  core.for_each_child(e, [&](const Node& node) {
    if (node.element)
      core.fail(*node.element,
                element + " is read from its " + std::string(attribute) + "=\"…\" and holds nothing");
    if (has_visible_text(node.text))
      core.fail(node.line, element + " holds no text: " + carrier + " carry it");
  });
}

document::DiagramStyle diagram_style(DocumentBinding& binding, const Element& e, const ResolvedStyle& style) {
  BinderCore& core = binding.core();
  document::DiagramStyle diagram;
  diagram.font = style.text.font;
  diagram.label_font = style.text.font;
  diagram.text_color = style.text.color;
  if (const Attribute* a = e.attribute("fill")) diagram.fill = parse_color(core.text(*a), binding.where(*a));
  if (const Attribute* a = e.attribute("line-color")) {
    diagram.line.color = parse_color(core.text(*a), binding.where(*a));
    diagram.outline.color = diagram.line.color;
  }
  if (const Attribute* a = e.attribute("box-width")) {
    diagram.max_box_width = parse_length(core.text(*a), binding.where(*a));
    if (diagram.max_box_width <= 0) core.fail(a->line, "box-width should be more than 0");
  }
  return diagram;
}

DiagramData::DiagramData(BinderCore& core, const Attribute& attribute)
    : core_(&core), value_(core.value(attribute)), path_(attribute.name), line_(attribute.line) {
  const Interpolation interpolation =
      compile_interpolation(attribute.value, {core.file_name(), attribute.line});
  if (const Expression* single = interpolation.single_expression())
    path_ = core.evaluator().path_of(*single, core.scope());
}

void DiagramData::fail(const std::string& message) const { core_->fail(line_, path_ + ": " + message); }

std::vector<DiagramData> DiagramData::items() const {
  if (value_.kind() != Value::Kind::list) fail("should be a list, found " + describe(value_));
  std::vector<DiagramData> items;
  items.reserve(value_.size());
  for (std::size_t i = 0; i < value_.size(); ++i)
    items.emplace_back(*core_, value_.at(i), path_ + "[" + std::to_string(i) + "]", line_);
  return items;
}

void DiagramData::check_object(const std::vector<std::string_view>& known) const {
  if (value_.kind() != Value::Kind::object) fail("should be an object, found " + describe(value_));
  for (const std::string& key : value_.keys()) {
    if (std::find(known.begin(), known.end(), key) != known.end()) continue;
    std::string names;
    for (std::string_view name : known) names += (names.empty() ? "" : ", ") + std::string(name);
    fail("has no field '" + key + "' a diagram reads (it reads: " + names + ")");
  }
}

std::optional<DiagramData> DiagramData::field(std::string_view name) const {
  std::optional<Value> member = value_.member(name);
  if (!member || member->is_null()) return std::nullopt;
  return DiagramData(*core_, std::move(*member), path_ + "." + std::string(name), line_);
}

std::string DiagramData::text(std::string_view field_name) const {
  const std::optional<DiagramData> f = field(field_name);
  if (!f) return {};
  std::optional<std::string> text = plain_text(f->value());
  if (!text || f->value().kind() == Value::Kind::boolean)
    f->fail("should be a text, found " + describe(f->value()));
  return *text;
}

std::string DiagramData::required_text(std::string_view field_name) const {
  std::string value = text(field_name);
  if (!has_visible_text(value)) fail("needs a '" + std::string(field_name) + "' to write in its box");
  return value;
}

}  // namespace raingan::templating
