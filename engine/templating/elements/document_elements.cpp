#include "templating/elements/document_elements.h"

namespace raingan::templating {

// One registration function per element file, each in the file named after its element.
void register_style(DocumentElements&);
void register_section(DocumentElements&);
void register_page(DocumentElements&);
void register_header_footer(DocumentElements&);
void register_page_mark(DocumentElements&);
void register_paragraph(DocumentElements&);
void register_heading(DocumentElements&);
void register_list(DocumentElements&);
void register_table(DocumentElements&);
void register_image(DocumentElements&);
void register_chart(DocumentElements&);
void register_flowchart(DocumentElements&);
void register_org_chart(DocumentElements&);
void register_spacer(DocumentElements&);
void register_page_break(DocumentElements&);
void register_contents(DocumentElements&);
void register_block(DocumentElements&);
void register_signature(DocumentElements&);
void register_b_i_u(DocumentElements&);
void register_span(DocumentElements&);
void register_nobreak(DocumentElements&);
void register_link(DocumentElements&);
void register_br(DocumentElements&);
void register_leader(DocumentElements&);
void register_page_fields(DocumentElements&);

const DocumentElements& document_elements() {
  static const DocumentElements elements = [] {
    DocumentElements e;
    // The document's frame.
    register_style(e);
    register_section(e);
    register_page(e);
    register_header_footer(e);
    register_page_mark(e);
    // Blocks, in the order the "expected one of" message lists them.
    register_paragraph(e);
    register_heading(e);
    register_list(e);
    register_table(e);
    register_image(e);
    register_chart(e);
    register_flowchart(e);
    register_org_chart(e);
    register_spacer(e);
    register_page_break(e);
    register_contents(e);
    register_block(e);
    register_signature(e);
    // Inline content.
    register_b_i_u(e);
    register_span(e);
    register_nobreak(e);
    register_link(e);
    register_br(e);
    register_leader(e);
    register_page_fields(e);
    return e;
  }();
  return elements;
}

}  // namespace raingan::templating
