// <section numbering="…" start="…" continue="…" header-on-first-page="…" label="…">: a run of pages with one
// page setup, numbering and header/footer (cover, front matter, body).
#include "templating/elements/document_elements.h"

namespace raingan::templating {
namespace {

void bind_section(DocumentBinding& binding, const Element& e, SectionScope& outer) {
  BinderCore& core = binding.core();
  document::Section section;
  section.page = outer.page;
  section.header = outer.header;
  section.footer = outer.footer;
  section.page_marks = *outer.page_marks;
  if (const Attribute* a = e.attribute("numbering")) {
    const std::string n =
        parse_choice(core.text(*a), {"thai", "arabic", "thai-letters", "none"}, binding.where(*a));
    section.numbering = n == "thai"           ? document::PageNumbering::thai_digits
                        : n == "arabic"       ? document::PageNumbering::arabic
                        : n == "thai-letters" ? document::PageNumbering::thai_letters
                                              : document::PageNumbering::none;
  }
  if (const Attribute* a = e.attribute("start"))
    section.first_number = parse_integer(core.text(*a), binding.where(*a), 0, 100000);
  if (const Attribute* a = e.attribute("continue"))
    section.continue_numbering = parse_flag(core.text(*a), binding.where(*a));
  section.label = core.text(e, "label");
  if (const Attribute* a = e.attribute("header-on-first-page"))
    section.header_on_first_page = parse_flag(core.text(*a), binding.where(*a));
  if (const Attribute* a = e.attribute("continuation-cue");
      a && parse_flag(core.text(*a), binding.where(*a))) {
    // In the body's type, at the right.
    const ResolvedStyle body = resolve(outer.body);
    document::Paragraph cue;
    cue.content.push_back(document::TextInline{{}, body.text, {}, {}});
    cue.style.align = document::Align::right;
    cue.style.line_spacing = body.paragraph.line_spacing;
    cue.source_line = a->line;
    section.continuation_cue = std::move(cue);
  }
  SectionScope scope{section.page, section.header, section.footer, outer.body, true};
  scope.page_marks = &section.page_marks;
  const auto& frame_elements = document_elements().sections;
  core.for_each_child(e, [&](const Node& node) {
    if (node.element) {
      const auto* frame = frame_elements.find(node.element->name);
      if (frame && !frame->bind.document_only) {
        check_attributes(core, *node.element, frame->rule);
        frame->bind.bind(binding, *node.element, scope);
        return;
      }
    } else if (!has_visible_text(node.text)) {
      return;
    }
    binding.bind_block(node, section.body, outer.body);
  });
  outer.sections->push_back(std::move(section));
}

}  // namespace

void register_section(DocumentElements& elements) {
  elements.sections.add(
      {"section", {"numbering", "start", "continue", "header-on-first-page", "label", "continuation-cue"}},
      {&bind_section, true});
}

}  // namespace raingan::templating
