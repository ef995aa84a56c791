// <conditional range="A5:H90" formula="…" fill="#FFC7CE" color="#9C0006" bold>: cells formatted live by the
// spreadsheet when the formula is true for them; given to the sink after the sheet's rows.
#include "templating/attributes.h"
#include "templating/elements/workbook/workbook_elements.h"

namespace raingan::templating {
namespace {

const ElementRule conditional_rule{"conditional", {"range", "formula", "fill", "color", "bold"}};

void bind_conditional(WorkbookBinding& binding, const Element& e) {
  BinderCore& core = binding.core();
  check_attributes(core, e, conditional_rule);
  ConditionalRule rule;
  rule.formula = core.text(core.required(e, "formula"));
  if (const Attribute* a = e.attribute("fill")) rule.fill_rgb = rgb_of(core, *a);
  if (const Attribute* a = e.attribute("color")) rule.font_rgb = rgb_of(core, *a);
  if (const Attribute* a = e.attribute("bold")) rule.bold = parse_flag(core.text(*a), binding.where(*a));
  binding.sheet().conditionals.push_back({binding.parse_range(core.required(e, "range")), rule});
}

}  // namespace

void register_conditional(WorkbookElements& elements) {
  elements.sheet.add(conditional_rule, &bind_conditional);
}

}  // namespace raingan::templating
