// <leader fill="." | "_" | "-"/>: fills the rest of its line (a memo's field lines, a contents entry).
#include "templating/elements/document_elements.h"

namespace raingan::templating {
namespace {

void bind_leader(DocumentBinding& binding, const Element& e, const InlineContext& context,
                 std::vector<InlinePiece>& out) {
  document::LeaderInline leader{context.style, U'.'};
  const std::string fill = binding.core().text(e, "fill", ".");
  if (fill == "_")
    leader.fill = U'_';
  else if (fill == "-")
    leader.fill = U'-';
  else if (fill != ".")
    binding.core().fail(e, "fill should be '.', '_' or '-'");
  out.push_back(DocumentBinding::object_piece(context));
  out.back().leader = leader;
}

}  // namespace

void register_leader(DocumentElements& elements) { elements.inlines.add({"leader", {"fill"}}, &bind_leader); }

}  // namespace raingan::templating
