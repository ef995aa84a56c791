// <page-break/>: the next block starts a new page.
#include "templating/elements/document_elements.h"

namespace raingan::templating {
namespace {

void bind_page_break(DocumentBinding&, const Element&, const Style&, document::Blocks& out) {
  out.push_back({document::PageBreak{}});
}

}  // namespace

void register_page_break(DocumentElements& elements) {
  elements.blocks.add({"page-break", {}}, &bind_page_break);
}

}  // namespace raingan::templating
