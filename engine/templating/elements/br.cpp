// <br/>: a line break inside a paragraph.
#include "templating/elements/document_elements.h"

namespace raingan::templating {
namespace {

void bind_br(DocumentBinding&, const Element&, const InlineContext& context, std::vector<InlinePiece>& out) {
  out.push_back(DocumentBinding::piece("\n", true, context));
}

}  // namespace

void register_br(DocumentElements& elements) { elements.inlines.add({"br", {}}, &bind_br); }

}  // namespace raingan::templating
