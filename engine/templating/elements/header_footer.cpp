// <header> and <footer>: the blocks printed at the top and foot of every page of the document or a section,
// with the page fields (<page-number/>, <page-count/>, <running-title/>).
#include "templating/elements/document_elements.h"

namespace raingan::templating {
namespace {

void bind_header_or_footer(DocumentBinding& binding, const Element& e, SectionScope& scope) {
  const bool header = e.name == "header";
  document::Blocks& target = header ? scope.header : scope.footer;
  bool& seen = header ? scope.header_seen : scope.footer_seen;
  // Directly in <document> each one replaces the last; in a section the first replaces the inherited one
  // and later ones add to it.
  if (!scope.in_section || !seen) target.clear();
  seen = true;
  binding.bind_blocks(e, target, binding.style_for(e, scope.body, e.name));
}

}  // namespace

void register_header_footer(DocumentElements& elements) {
  elements.sections.add({"header", {}, &style_attribute_group}, {&bind_header_or_footer, false});
  elements.sections.add({"footer", {}, &style_attribute_group}, {&bind_header_or_footer, false});
}

}  // namespace raingan::templating
