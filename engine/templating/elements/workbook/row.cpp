// <row header="true" height="…" style="…" …cell style attributes…>: one row of the sheet, its cells placed in
// columns as it is bound (cell_placement.h). `row_number` is its spreadsheet row inside it; `next_row`, the
// row the next <row> takes, is kept in the sheet's scope. Title and header rows wait for the first data row.
#include <algorithm>
#include <stdexcept>

#include "templating/attributes.h"
#include "templating/elements/workbook/workbook_elements.h"
#include "templating/whitespace.h"

namespace raingan::templating {
namespace {

const ElementRule row_rule{"row", {"header", "height", "style"}, &cell_style_attribute_group};

RowPlan& plan_of(WorkbookBinding& binding, const Element& e) {
  auto [plan, added] = binding.row_plan(e);
  if (added) {
    try {
      check_attributes(binding.core(), e, row_rule);
    } catch (...) {
      binding.forget_plan(e);
      throw;
    }
    plan.header = e.attribute("header");
    plan.height = e.attribute("height");
    plan.static_style = !binding.has_dynamic_style(e);
  }
  return plan;
}

// The row's child element as a cell, through the plan read the first time the element is bound.
Cell bind_child(WorkbookBinding& binding, const Element& child, const CellStyleSpec& style,
                const Element* static_row) {
  auto [plan, added] = binding.cell_plan(child);
  if (added) {
    try {
      plan.bind = workbook_elements().row.checked(binding.core(), child).bind;
    } catch (...) {
      binding.forget_plan(child);
      throw;
    }
  }
  return plan.bind(binding, child, plan, style, static_row);
}

void bind_row(WorkbookBinding& binding, const Element& e) {
  BinderCore& core = binding.core();
  SheetBinding& sheet = binding.sheet();
  RowPlan& plan = plan_of(binding, e);
  PendingRow pending;
  SheetRow& row = pending.row;
  row.index = sheet.next_row;
  row.cells.reserve(binding.last_row_cells());
  if (const Attribute* a = plan.header) pending.header = parse_flag(core.text(*a), binding.where(*a));
  if (const Attribute* a = plan.height) row.height = parse_length(core.text(*a), binding.where(*a));
  const bool static_row = plan.static_style;
  if (static_row && plan.styles_generation != binding.styles_generation()) {
    plan.style = binding.named(e, {});
    plan.styles_generation = binding.styles_generation();
  }
  const CellStyleSpec row_style = static_row ? CellStyleSpec{} : binding.named(e, {});
  const CellStyleSpec& style = static_row ? plan.style : row_style;
  core.check_row_count(e, sheet.next_row + 1);
  ScopeGuard guard(core.scope());
  core.scope().bind("row_number", Value::of(Number::from_int(sheet.next_row + 1)));
  core.for_each_child(e, [&](const Node& node) {
    if (!node.element) {
      if (has_visible_text(node.text)) core.fail(node.line, "text in a <row>: put it in <cell>");
      return;
    }
    row.cells.push_back(bind_child(binding, *node.element, style, static_row ? &e : nullptr));
  });
  try {
    row.merges = sheet.placement.place(row.index, row.cells);
  } catch (const std::invalid_argument& error) {
    core.fail(e, error.what());
  }
  if (pending.header) {
    if (sheet.first_header_row < 0) sheet.first_header_row = static_cast<int>(sheet.next_row);
    sheet.last_header_row = static_cast<int>(sheet.next_row);
    std::size_t columns = 0;
    for (const auto& c : row.cells) columns += c.colspan;
    sheet.header_columns = std::max(sheet.header_columns, columns);
  }
  binding.add_row(std::move(pending));
  ++sheet.next_row;
  core.scope().set("next_row", Value::of(Number::from_int(sheet.next_row + 1)));
}

}  // namespace

void register_row(WorkbookElements& elements) { elements.sheet.add(row_rule, &bind_row); }

}  // namespace raingan::templating
