// <nobreak>: text kept on one line (a name, a figure with its unit, a reference the engine does not
// recognise by itself); broken, at its spaces first, only when it alone is wider than the line.
#include "templating/elements/document_elements.h"

namespace raingan::templating {
namespace {

void bind_nobreak(DocumentBinding& binding, const Element& e, const InlineContext& context,
                  std::vector<InlinePiece>& out) {
  InlineContext inner = context;
  inner.keep_whole = true;
  binding.bind_inlines(e, inner, out);
}

}  // namespace

void register_nobreak(DocumentElements& elements) { elements.inlines.add({"nobreak", {}}, &bind_nobreak); }

}  // namespace raingan::templating
