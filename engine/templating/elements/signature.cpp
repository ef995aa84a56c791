// <signature> with <line> children: the signature block of a letter, its lines centred under each other and
// never split across pages.
#include "templating/elements/container.h"

namespace raingan::templating {
namespace {

const ElementRule line_rule{"line", {}, &style_attribute_group};

void bind_signature(DocumentBinding& binding, const Element& e, const Style& inherited,
                    document::Blocks& out) {
  BinderCore& core = binding.core();
  // Signature lines are centred under each other whatever the body's alignment and indents are.
  Style style = inherited;
  style.align = document::Align::center;
  style.first_line_indent = 0;
  style = binding.style_for(e, style, binding.styles().find("signature") ? "signature" : "");
  Style child_style;
  document::Container container = bind_container(binding, e, style, child_style);
  container.block.keep_together = true;
  container.signature = true;
  // Two lines of space above, for the signature itself, unless the style says otherwise.
  if (!style.space_before) container.block.space_before = resolve(style).text.font.size * 2;
  // Each line of a signature block is its own paragraph: <line>…</line> or plain paragraphs.
  core.for_each_child(e, [&](const Node& node) {
    if (node.element && node.element->name == "line") {
      check_attributes(core, *node.element, line_rule);
      container.children.push_back({binding.make_paragraph(
          *node.element, binding.style_for(*node.element, child_style, ""), node.line)});
    } else {
      binding.bind_block(node, container.children, child_style);
    }
  });
  out.push_back({std::move(container)});
}

}  // namespace

void register_signature(DocumentElements& elements) {
  elements.blocks.add({"signature", container_attributes, &style_attribute_group}, &bind_signature);
}

}  // namespace raingan::templating
