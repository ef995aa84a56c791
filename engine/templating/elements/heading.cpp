// <h1>…<h6> and <heading level="…">: a heading the outline and the contents page list, with an anchor links
// can point to.
#include <algorithm>

#include "templating/elements/document_elements.h"

namespace raingan::templating {
namespace {

void bind_heading(DocumentBinding& binding, const Element& e, const Style& inherited, document::Blocks& out) {
  BinderCore& core = binding.core();
  int level = 1;
  if (e.name == "heading") {
    const Attribute& a = core.required(e, "level");
    level = parse_integer(core.text(a), binding.where(a), 1, 6);
  } else {
    level = e.name[1] - '0';
  }
  const std::string default_style = "h" + std::to_string(std::min(level, 4));
  document::Heading heading;
  heading.level = level;
  heading.paragraph = binding.make_paragraph(e, binding.style_for(e, inherited, default_style), e.line);
  heading.anchor = core.text(e, "anchor");
  if (heading.anchor.empty()) heading.anchor = "heading-" + std::to_string(binding.next_heading_number());
  heading.title = core.text(e, "title");
  if (heading.title.empty())
    for (const auto& piece : heading.paragraph.content)
      if (const auto* t = std::get_if<document::TextInline>(&piece)) heading.title += t->text;
  for (char& c : heading.title)
    if (c == '\n') c = ' ';
  if (const Attribute* a = e.attribute("outline"))
    heading.in_outline = parse_flag(core.text(*a), binding.where(*a));
  if (const Attribute* a = e.attribute("contents"))
    heading.in_contents = parse_flag(core.text(*a), binding.where(*a));
  heading.running_title = core.text(e, "running-title");
  out.push_back({std::move(heading)});
}

}  // namespace

void register_heading(DocumentElements& elements) {
  const std::vector<std::string_view> attributes = {"anchor", "title", "outline", "contents",
                                                    "running-title"};
  for (std::string_view name : {"h1", "h2", "h3", "h4", "h5", "h6"})
    elements.blocks.add({name, attributes, &style_attribute_group}, &bind_heading);
  std::vector<std::string_view> with_level = attributes;
  with_level.insert(with_level.begin(), "level");
  elements.blocks.add({"heading", with_level, &style_attribute_group}, &bind_heading);
}

}  // namespace raingan::templating
