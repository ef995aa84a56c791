// <p>: a paragraph of inline content.
#include "templating/elements/document_elements.h"

namespace raingan::templating {
namespace {

void bind_paragraph(DocumentBinding& binding, const Element& e, const Style& inherited,
                    document::Blocks& out) {
  out.push_back({binding.make_paragraph(e, binding.style_for(e, inherited, ""), e.line)});
}

}  // namespace

void register_paragraph(DocumentElements& elements) {
  elements.blocks.add({"p", {}, &style_attribute_group}, &bind_paragraph);
}

}  // namespace raingan::templating
