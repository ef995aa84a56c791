// <spacer height="…" min-height="…"/>: empty vertical space, which gives way down to min-height when that
// keeps what follows on the page.
#include "templating/elements/document_elements.h"

namespace raingan::templating {
namespace {

void bind_spacer(DocumentBinding& binding, const Element& e, const Style&, document::Blocks& out) {
  const Attribute& h = binding.core().required(e, "height");
  document::Spacer spacer{parse_length(binding.core().text(h), binding.where(h))};
  spacer.min_height = spacer.height;
  if (const Attribute* least = e.attribute("min-height")) {
    spacer.min_height = parse_length(binding.core().text(*least), binding.where(*least));
    if (spacer.min_height > spacer.height)
      binding.core().fail(least->line, "min-height=\"" + binding.core().text(*least) +
                                           "\" is larger than height=\"" + binding.core().text(h) +
                                           "\": expected at most the height");
  }
  out.push_back({spacer});
}

}  // namespace

void register_spacer(DocumentElements& elements) {
  elements.blocks.add({"spacer", {"height", "min-height"}}, &bind_spacer);
}

}  // namespace raingan::templating
