// <spacer height="…"/>: empty vertical space.
#include "templating/elements/document_elements.h"

namespace raingan::templating {
namespace {

void bind_spacer(DocumentBinding& binding, const Element& e, const Style&, document::Blocks& out) {
  const Attribute& h = binding.core().required(e, "height");
  out.push_back({document::Spacer{parse_length(binding.core().text(h), binding.where(h))}});
}

}  // namespace

void register_spacer(DocumentElements& elements) {
  elements.blocks.add({"spacer", {"height"}}, &bind_spacer);
}

}  // namespace raingan::templating
