// <page-number/>, <page-count/> and <running-title/>: text filled in on each page of a header or footer.
#include "templating/elements/document_elements.h"

namespace raingan::templating {
namespace {

void bind_page_field(DocumentBinding&, const Element& e, const InlineContext& context,
                     std::vector<InlinePiece>& out) {
  document::FieldInline field;
  field.style = context.style;
  field.kind = e.name == "page-number"  ? document::FieldInline::Kind::page_number
               : e.name == "page-count" ? document::FieldInline::Kind::page_count
                                        : document::FieldInline::Kind::running_title;
  out.push_back(DocumentBinding::object_piece(context));
  out.back().field = field;
}

}  // namespace

void register_page_fields(DocumentElements& elements) {
  for (std::string_view name : {"page-number", "page-count", "running-title"})
    elements.inlines.add({name, {}}, &bind_page_field);
}

}  // namespace raingan::templating
