// <span style="…" …style attributes…>: text in another font, size or colour.
#include "templating/elements/document_elements.h"

namespace raingan::templating {
namespace {

void bind_span(DocumentBinding& binding, const Element& e, const InlineContext& context,
               std::vector<InlinePiece>& out) {
  Style over;
  if (const Attribute* named = e.attribute("style")) {
    const Style* found = binding.styles().find(binding.core().text(*named));
    if (!found) binding.core().fail(e, "no style named '" + named->value + "'");
    over = *found;
  }
  over.layer(binding.own_style(e));
  InlineContext inner = context;
  document::InlineStyle& style = inner.style;
  if (over.font) style.font.family = *over.font;
  if (over.size) style.font.size = *over.size;
  if (over.bold) style.font.bold = *over.bold;
  if (over.italic) style.font.italic = *over.italic;
  if (over.underline) style.underline = *over.underline;
  if (over.color) style.color = *over.color;
  binding.bind_inlines(e, inner, out);
}

}  // namespace

void register_span(DocumentElements& elements) {
  elements.inlines.add({"span", {}, &style_attribute_group}, &bind_span);
}

}  // namespace raingan::templating
