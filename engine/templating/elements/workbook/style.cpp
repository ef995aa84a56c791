// <style name="…" based-on="…" …cell style attributes…>: a named cell style, directly in <workbook>; a later
// <style> of the same name replaces it for what follows.
#include "templating/elements/workbook/workbook_elements.h"

namespace raingan::templating {
namespace {

void bind_style(WorkbookBinding& binding, const Element& e) {
  BinderCore& core = binding.core();
  // Styles resolved so far may name the style being (re)defined.
  binding.styles_changed();
  auto& styles = binding.named_styles();
  CellStyleSpec spec;
  if (const Attribute* base = e.attribute("based-on")) {
    auto found = styles.find(base->value);
    if (found == styles.end())
      core.fail(base->line, "<style>: no style named '" + base->value + "' is defined before it");
    spec = found->second;
  }
  spec.layer(read_cell_style(core, e));
  styles[core.required(e, "name").value] = spec;
}

}  // namespace

void register_workbook_style(WorkbookElements& elements) {
  elements.workbook.add({"style", {"name", "based-on"}, &cell_style_attribute_group}, &bind_style);
}

}  // namespace raingan::templating
