// <block border="…" border-width="…" padding="…">: blocks that move together and share an indent (boxed
// notes, a letter's closing).
#include "templating/elements/container.h"

namespace raingan::templating {

document::Container bind_container(DocumentBinding& binding, const Element& e, const Style& style,
                                   Style& child_style) {
  BinderCore& core = binding.core();
  const ResolvedStyle resolved = resolve(style);
  document::Container container;
  container.block = resolved.block;
  container.start_indent = resolved.paragraph.start_indent;
  container.end_indent = resolved.paragraph.end_indent;
  if (const Attribute* a = e.attribute("border"))
    if (parse_flag(core.text(*a), binding.where(*a))) container.border = geometry::Stroke{};
  if (const Attribute* a = e.attribute("border-width")) {
    if (!container.border) container.border = geometry::Stroke{};
    container.border->thickness = parse_length(core.text(*a), binding.where(*a));
  }
  if (const Attribute* a = e.attribute("padding"))
    container.padding = parse_length(core.text(*a), binding.where(*a));
  // The children take the container's text style, but its indents and spacing belong to the container.
  child_style = style;
  child_style.indent_start = 0;
  child_style.indent_end = 0;
  child_style.space_before.reset();
  child_style.space_after.reset();
  child_style.keep_together.reset();
  child_style.keep_with_next.reset();
  child_style.keep_with_previous_lines.reset();
  child_style.page_break_before.reset();
  return container;
}

namespace {

void bind_block(DocumentBinding& binding, const Element& e, const Style& inherited, document::Blocks& out) {
  const Style style = binding.style_for(e, inherited, "");
  Style child_style;
  document::Container container = bind_container(binding, e, style, child_style);
  binding.bind_blocks(e, container.children, child_style);
  out.push_back({std::move(container)});
}

}  // namespace

void register_block(DocumentElements& elements) {
  elements.blocks.add({"block", container_attributes, &style_attribute_group}, &bind_block);
}

}  // namespace raingan::templating
