// <link anchor="…"> or <link url="…">: text that goes to a heading of the document or opens a web page.
#include "templating/elements/document_elements.h"

namespace raingan::templating {
namespace {

void bind_link(DocumentBinding& binding, const Element& e, const InlineContext& context,
               std::vector<InlinePiece>& out) {
  InlineContext inner = context;
  inner.link_anchor = binding.core().text(e, "anchor");
  inner.link_url = binding.core().text(e, "url");
  binding.bind_inlines(e, inner, out);
}

}  // namespace

void register_link(DocumentElements& elements) {
  elements.inlines.add({"link", {"anchor", "url"}}, &bind_link);
}

}  // namespace raingan::templating
