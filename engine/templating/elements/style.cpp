// <style name="…" based-on="…" …style attributes…>: a named style, defined directly in <document>.
#include "templating/elements/document_elements.h"

namespace raingan::templating {

void define_style(DocumentBinding& binding, const Element& e) {
  BinderCore& core = binding.core();
  const std::string name = core.required(e, "name").value;
  Style style;
  if (const Attribute* base = e.attribute("based-on")) {
    const Style* parent = binding.styles().find(base->value);
    if (!parent) core.fail(base->line, "<style>: no style named '" + base->value + "' is defined before it");
    style = *parent;
  } else if (const Style* existing = binding.styles().find(name)) {
    style = *existing;  // redefining a built-in style changes only what it mentions
  }
  style.layer(binding.own_style(e));
  binding.styles().define(name, style);
}

void register_style(DocumentElements& elements) {
  // Styles were read before binding began (define_style), so meeting one again does nothing.
  elements.sections.add({"style", {"name", "based-on"}, &style_attribute_group},
                        {[](DocumentBinding&, const Element&, SectionScope&) {}, true});
}

}  // namespace raingan::templating
