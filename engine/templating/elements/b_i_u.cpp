// <b>, <i> and <u>: bold, italic and underlined text.
#include "templating/elements/document_elements.h"

namespace raingan::templating {
namespace {

void bind_emphasis(DocumentBinding& binding, const Element& e, const InlineContext& context,
                   std::vector<InlinePiece>& out) {
  InlineContext inner = context;
  if (e.name == "b") inner.style.font.bold = true;
  if (e.name == "i") inner.style.font.italic = true;
  if (e.name == "u") inner.style.underline = true;
  binding.bind_inlines(e, inner, out);
}

}  // namespace

void register_b_i_u(DocumentElements& elements) {
  for (std::string_view name : {"b", "i", "u"}) elements.inlines.add({name, {}}, &bind_emphasis);
}

}  // namespace raingan::templating
