// <list numbering="…" start="…" prefix="…" digits="…" label-width="…" indent="…"> with <item label="…">
// children: numbered (๑. ๒.), nested (๓.๑), dashed or bulleted lists.
#include "format/thai_digits.h"
#include "templating/elements/document_elements.h"

namespace raingan::templating {
namespace {

const ElementRule item_rule{"item", {"label"}, &style_attribute_group};

std::string list_label(DocumentBinding& binding, const std::string& numbering, int n,
                       const std::string& prefix, format::Digits digits) {
  const std::string number = format::with_digits(std::to_string(n), digits);
  if (numbering == "decimal-dot") return number + ".";
  if (numbering == "decimal-paren") return number + ")";
  if (numbering == "nested" || numbering == "nested-paren") {
    std::string base = prefix;
    if (base.empty()) base = binding.list_labels().empty() ? "" : binding.list_labels().back();
    while (!base.empty() && (base.back() == '.' || base.back() == ')' || base.back() == ' ')) base.pop_back();
    const std::string label = base.empty() ? number : base + "." + number;
    return numbering == "nested" ? label : label + ")";
  }
  if (numbering == "dash") return "-";
  if (numbering == "bullet") return "•";
  return {};
}

void bind_list(DocumentBinding& binding, const Element& e, const Style& inherited, document::Blocks& out) {
  BinderCore& core = binding.core();
  const Style style = binding.style_for(e, inherited, "");
  const ResolvedStyle resolved = resolve(style);
  std::string numbering = "decimal-dot";
  if (const Attribute* a = e.attribute("numbering"))
    numbering = parse_choice(
        core.text(*a), {"decimal-dot", "decimal-paren", "nested", "nested-paren", "dash", "bullet", "none"},
        binding.where(*a));
  int n = 1;
  if (const Attribute* a = e.attribute("start"))
    n = parse_integer(core.text(*a), binding.where(*a), 0, 1000000);
  const std::string prefix = core.text(e, "prefix");
  format::Digits digits = format::Digits::thai;
  if (const Attribute* a = e.attribute("digits"))
    digits = parse_choice(core.text(*a), {"thai", "arabic"}, binding.where(*a)) == "thai"
                 ? format::Digits::thai
                 : format::Digits::arabic;
  document::List list;
  list.block = resolved.block;
  // Room for the labels, in ems of the list's text: a dash or bullet, "๓.๑" for nested numbers, "๑๒." else.
  const double size = resolved.text.font.size;
  list.label_width = numbering == "dash" || numbering == "bullet" ? size * 0.9
                     : numbering.starts_with("nested")            ? size * 2.4
                                                                  : size * 1.5;
  if (const Attribute* a = e.attribute("label-width"))
    list.label_width = parse_length(core.text(*a), binding.where(*a));
  if (const Attribute* a = e.attribute("indent"))
    list.indent = parse_length(core.text(*a), binding.where(*a));
  // Items take the list's text style but not its spacing: that belongs to the list as a whole.
  Style item_style = style;
  item_style.space_before.reset();
  item_style.space_after.reset();
  item_style.first_line_indent = 0;
  item_style.indent_start = 0;
  item_style.keep_with_next.reset();
  item_style.keep_with_previous_lines.reset();
  item_style.page_break_before.reset();
  core.for_each_child(e, [&](const Node& node) {
    if (!node.element) {
      if (has_visible_text(node.text)) core.fail(node.line, "<list> holds <item> elements, not text");
      return;
    }
    const Element& item = *node.element;
    if (item.name != "item") core.fail(item, "a <list> holds <item> elements");
    check_attributes(core, item, item_rule);
    document::ListItem bound;
    std::string label = core.text(item, "label");
    if (label.empty()) label = list_label(binding, numbering, n, prefix, digits);
    ++n;
    const Style own = binding.style_for(item, item_style, "");
    bound.label = binding.make_text_paragraph(label, own).content;
    binding.list_labels().push_back(label);
    binding.bind_blocks(item, bound.body, own);
    binding.list_labels().pop_back();
    list.items.push_back(std::move(bound));
  });
  out.push_back({std::move(list)});
}

}  // namespace

void register_list(DocumentElements& elements) {
  elements.blocks.add(
      {"list", {"numbering", "start", "prefix", "digits", "label-width", "indent"}, &style_attribute_group},
      &bind_list);
}

}  // namespace raingan::templating
