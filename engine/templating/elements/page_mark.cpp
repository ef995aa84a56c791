// <page-mark edge="top|bottom" offset="…">: text printed in the top or bottom margin of every page, the first
// included even where the header is not: the secrecy class of a classified document (ลับ, ลับมาก,
// ลับที่สุด), which the regulation puts at the top and the foot of every page. Centred unless it says
// otherwise; given directly in <document> it applies to every section, in a <section> to that section.
#include "templating/elements/document_elements.h"

namespace raingan::templating {
namespace {

// A mark 1 cm from the edge stays clear of a 2 cm margin's body text and of a header 1.2 cm down.
constexpr double default_offset = 28.35;  // 1 cm

void bind_page_mark(DocumentBinding& binding, const Element& e, SectionScope& scope) {
  BinderCore& core = binding.core();
  document::PageMark mark;
  if (const Attribute* a = e.attribute("edge"))
    mark.edge = parse_choice(core.text(*a), {"top", "bottom"}, binding.where(*a)) == "top"
                    ? document::PageMark::Edge::top
                    : document::PageMark::Edge::bottom;
  mark.offset = default_offset;
  if (const Attribute* a = e.attribute("offset"))
    mark.offset = parse_length(core.text(*a), binding.where(*a));
  Style style = scope.body;
  style.align = document::Align::center;
  style.first_line_indent = 0;
  style.indent_start = 0;
  style.indent_end = 0;
  binding.bind_blocks(e, mark.blocks, binding.style_for(e, style, ""));
  if (!mark.blocks.empty()) scope.page_marks->push_back(std::move(mark));
}

}  // namespace

void register_page_mark(DocumentElements& elements) {
  elements.sections.add({"page-mark", {"edge", "offset"}, &style_attribute_group}, {&bind_page_mark, false});
}

}  // namespace raingan::templating
