// <contents max-level="…" indent="…"/>: the contents page, one entry per heading with a leader and its page.
#include "templating/elements/document_elements.h"

namespace raingan::templating {
namespace {

void bind_contents(DocumentBinding& binding, const Element& e, const Style& inherited,
                   document::Blocks& out) {
  BinderCore& core = binding.core();
  document::TableOfContents contents;
  const ResolvedStyle resolved = resolve(binding.style_for(e, inherited, "contents"));
  contents.style = resolved.text;
  contents.paragraph = resolved.paragraph;
  contents.entry_block = resolved.block;
  if (const Attribute* a = e.attribute("max-level"))
    contents.max_level = parse_integer(core.text(*a), binding.where(*a), 1, 6);
  // Each level indents one and a half ems by default: enough for a "๑.๒" number to clear the level above.
  contents.indent_per_level = resolved.text.font.size * 1.5;
  if (const Attribute* a = e.attribute("indent"))
    contents.indent_per_level = parse_length(core.text(*a), binding.where(*a));
  out.push_back({std::move(contents)});
}

}  // namespace

void register_contents(DocumentElements& elements) {
  elements.blocks.add({"contents", {"max-level", "indent"}, &style_attribute_group}, &bind_contents);
}

}  // namespace raingan::templating
