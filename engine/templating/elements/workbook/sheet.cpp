// <sheet name="…" landscape fit-width repeat-header freeze freeze-rows freeze-cols autofilter header footer
// protect password tab-color max-width margin center>: one sheet of the register, its rows bound as the
// template's loops run and handed to the sink as they come.
#include <algorithm>

#include "templating/attributes.h"
#include "templating/elements/workbook/workbook_elements.h"
#include "templating/whitespace.h"

namespace raingan::templating {
namespace {

SheetSetup read_setup(WorkbookBinding& binding, const Element& e, SheetBinding& sheet) {
  BinderCore& core = binding.core();
  SheetSetup setup;
  setup.name = core.text(core.required(e, "name"));
  auto flag = [&](std::string_view name, bool fallback) {
    const Attribute* a = e.attribute(name);
    return a ? parse_flag(core.text(*a), binding.where(*a)) : fallback;
  };
  setup.print.landscape = flag("landscape", false);
  setup.print.fit_to_width = flag("fit-width", true);
  setup.print.center_horizontally = flag("center", true);
  setup.protect = flag("protect", true);
  setup.password = core.text(e, "password");
  if (const Attribute* a = e.attribute("header")) setup.print.header = core.text(*a);
  if (const Attribute* a = e.attribute("footer")) setup.print.footer = core.text(*a);
  if (const Attribute* a = e.attribute("tab-color")) setup.tab_rgb = rgb_of(core, *a);
  if (const Attribute* a = e.attribute("max-width"))
    setup.max_fitted_width = parse_number(core.text(*a), binding.where(*a));
  if (const Attribute* a = e.attribute("margin")) {
    auto v = parse_lengths(core.text(*a), binding.where(*a));
    const double inch = 72.0;
    setup.print.margin_top_in = v[0] / inch;
    setup.print.margin_right_in = (v.size() > 1 ? v[1] : v[0]) / inch;
    setup.print.margin_bottom_in = (v.size() > 2 ? v[2] : v[0]) / inch;
    setup.print.margin_left_in = (v.size() > 3 ? v[3] : v.size() > 1 ? v[1] : v[0]) / inch;
  }
  if (const Attribute* a = e.attribute("freeze"))
    sheet.freeze_header = parse_choice(core.text(*a), {"header", "none"}, binding.where(*a)) == "header";
  if (const Attribute* a = e.attribute("freeze-rows"))
    setup.freeze_rows = parse_integer(core.text(*a), binding.where(*a), 0, 1000);
  if (const Attribute* a = e.attribute("freeze-cols"))
    setup.freeze_cols = parse_integer(core.text(*a), binding.where(*a), 0, 1000);
  sheet.repeat_header = flag("repeat-header", false);
  if (const Attribute* a = e.attribute("autofilter")) {
    const std::string value = core.text(*a);
    if (value == "true" || value == "false")
      sheet.autofilter = value == "true";
    else
      sheet.explicit_filter = value;
  }
  return setup;
}

void bind_sheet(WorkbookBinding& binding, const Element& e) {
  BinderCore& core = binding.core();
  binding.begin_sheet({});
  SheetBinding& sheet = binding.sheet();
  // Named before its setup is read: autofilter="A4:{{ col('amount') }}90" may name its columns.
  binding.column_names().begin_sheet(core.text(core.required(e, "name")), e);
  sheet.setup = read_setup(binding, e, sheet);
  ScopeGuard guard(core.scope());
  core.scope().bind("next_row", Value::of(Number::from_int(1)));
  const auto& elements = workbook_elements().sheet;
  core.for_each_child(e, [&](const Node& node) {
    if (!node.element) {
      if (has_visible_text(node.text)) core.fail(node.line, "text in a <sheet>: put it in <cell> in a <row>");
      return;
    }
    // Found by name only: each element checks its attributes itself (a <row> once, not once per row).
    const Element& child = *node.element;
    const auto* entry = elements.find(child.name);
    if (!entry) elements.unknown(core, child);
    entry->bind(binding, child);
  });
  binding.start_sheet();
  WorkbookSink& sink = binding.sink();
  const std::uint32_t last_row = sheet.next_row == 0 ? 0 : sheet.next_row - 1;
  if (sheet.explicit_filter) {
    sink.set_autofilter(binding.parse_a1_range(*sheet.explicit_filter, e.line));
  } else if (sheet.autofilter && sheet.last_header_row >= 0 && sheet.header_columns > 0) {
    sink.set_autofilter({static_cast<std::uint32_t>(sheet.last_header_row), 0,
                         std::max<std::uint32_t>(last_row, sheet.last_header_row),
                         static_cast<std::uint16_t>(sheet.header_columns - 1)});
  }
  for (const auto& [range, rule] : sheet.conditionals) sink.add_conditional_format(range, rule);
  for (const auto& [range, rule] : sheet.validations) sink.add_list_validation(range, rule);
  // The rows below the last that merged cells still cover.
  for (std::uint32_t row = sheet.next_row; sheet.placement.has_open(); ++row)
    sink.write_row(SheetRow{row, {}, sheet.placement.place(row, {}), std::nullopt});
  sink.end_sheet();
}

}  // namespace

void register_sheet(WorkbookElements& elements) {
  elements.workbook.add({"sheet",
                         {"name", "landscape", "fit-width", "repeat-header", "freeze", "freeze-rows",
                          "freeze-cols", "autofilter", "header", "footer", "protect", "password", "tab-color",
                          "max-width", "margin", "center"}},
                        &bind_sheet);
}

}  // namespace raingan::templating
