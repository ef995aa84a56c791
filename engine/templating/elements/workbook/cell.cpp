// <cell style colspan rowspan type="auto|text|number|date" value formula …cell style attributes…>: one cell
// of a <row>. A lone {{ expression }} keeps its value's type (a number stays a number); anything else is
// text. A formula's result is computed by raingan (formula_values.h); a value="…" beside it is only checked
// against that result. What a cell element says that does not change from row to row is read once
// (workbook_binding.h's CellPlan).
#include "format/decimal.h"
#include "format/thai_date.h"
#include "format/value_error.h"
#include "templating/attributes.h"
#include "templating/elements/workbook/workbook_elements.h"

namespace raingan::templating {
namespace {

const ElementRule cell_rule{
    "cell", {"style", "colspan", "rowspan", "type", "value", "formula"}, &cell_style_attribute_group};

// The row has checked the element's name and attributes.
void plan_cell(WorkbookBinding& binding, const Element& e, CellPlan& plan) {
  plan.colspan = e.attribute("colspan");
  plan.rowspan = e.attribute("rowspan");
  plan.type = e.attribute("type");
  plan.value = e.attribute("value");
  plan.formula = e.attribute("formula");
  plan.dynamic_style = binding.has_dynamic_style(e);
  plan.planned = true;
}

CellPlan::Type cell_type(BinderCore& core, CellPlan& plan) {
  const Attribute* a = plan.type;
  if (!a) return CellPlan::Type::automatic;
  if (plan.fixed_type) return *plan.fixed_type;
  const std::string type =
      parse_choice(core.text(*a), {"auto", "text", "number", "date"}, {core.file_name(), a->line, a->name});
  const CellPlan::Type read = type == "text"     ? CellPlan::Type::text
                              : type == "number" ? CellPlan::Type::number
                              : type == "date"   ? CellPlan::Type::date
                                                 : CellPlan::Type::automatic;
  if (a->value.find("{{") == std::string::npos) plan.fixed_type = read;
  return read;
}

// A cell's content: a lone {{ expression }} keeps its value's type (a number stays a number); anything
// else is text.
Value content_value(WorkbookBinding& binding, const Element& e, CellPlan& plan) {
  BinderCore& core = binding.core();
  if (plan.content == CellPlan::Content::unknown) {
    if (e.children.empty()) {
      plan.content = CellPlan::Content::empty;
    } else {
      if (e.children.size() > 1 || e.children[0].element) core.fail(e, "a <cell> holds text and {{ }} only");
      const Node& content = e.children[0];
      const std::string& raw = content.text;
      const auto first = raw.find_first_not_of(" \t\r\n");
      if (first == std::string::npos) {
        plan.content = CellPlan::Content::empty;
      } else {
        const auto last = raw.find_last_not_of(" \t\r\n");
        const std::string trimmed = raw.substr(first, last - first + 1);
        if (trimmed.starts_with("{{") && trimmed.ends_with("}}") &&
            trimmed.find("{{", 2) == std::string::npos) {
          plan.lone = binding.parse_cached(trimmed, content.line);
          plan.content = CellPlan::Content::lone;
        } else {
          plan.content = CellPlan::Content::text;
        }
      }
    }
  }
  switch (plan.content) {
    case CellPlan::Content::lone: {
      const Node& content = e.children[0];
      return core.evaluator().evaluate(*plan.lone, core.scope(), content.line);
    }
    case CellPlan::Content::text: {
      const Node& content = e.children[0];
      std::string text;
      core.interpolate(content.text, content.line, [&](std::string piece, bool, bool) { text += piece; });
      const auto from = text.find_first_not_of(" \t\r\n");
      const auto to = text.find_last_not_of(" \t\r\n");
      return Value::of(from == std::string::npos ? std::string() : text.substr(from, to - from + 1));
    }
    default:
      return Value();
  }
}

CellValue convert(BinderCore& core, Value value, CellPlan::Type type, int line) {
  if (value.is_null()) return std::monostate{};
  if (type == CellPlan::Type::date) {
    auto text = plain_text(value);
    try {
      const format::Date d = format::parse_iso_date(text.value_or(""));
      return CellDate{d.year, static_cast<int>(d.month), static_cast<int>(d.day)};
    } catch (const format::ValueError& error) {
      core.fail(line, std::string("<cell type=\"date\">: ") + error.what());
    }
  }
  if (type == CellPlan::Type::text) {
    auto text = value.take_plain_text();
    if (!text) core.fail(line, "a cell cannot hold " + describe(value));
    return std::move(*text);
  }
  switch (value.kind()) {
    case Value::Kind::number:
      return value.number().to_double();
    case Value::Kind::boolean:
      return value.boolean();
    case Value::Kind::text: {
      if (type == CellPlan::Type::number) {
        try {
          return Number::from_decimal(format::Decimal::parse(value.text())).to_double();
        } catch (const format::ValueError&) {
          core.fail(line,
                    "<cell type=\"number\">: expected a number, found \"" + std::string(value.text()) + "\"");
        }
      }
      return *value.take_plain_text();
    }
    default:
      core.fail(line, "a cell cannot hold " + describe(value) + "; use a <for> loop over it");
  }
}

// `static_row` is the row element when its style does not depend on the data (then neither does the style
// of a cell whose own style attributes have no {{ }}, and it is resolved once, not once per row).
Cell bind_cell(WorkbookBinding& binding, const Element& e, CellPlan& plan, const CellStyleSpec& row_style,
               const Element* static_row) {
  BinderCore& core = binding.core();
  if (!plan.planned) plan_cell(binding, e, plan);
  Cell cell;
  if (static_row != nullptr && !plan.dynamic_style) {
    if (plan.style_row != static_row || plan.styles_generation != binding.styles_generation()) {
      plan.style = binding.static_cell_style(*static_row, e, row_style);
      plan.style_row = static_row;
      plan.styles_generation = binding.styles_generation();
    }
    cell.style = plan.style;
  } else {
    cell.style = binding.style_id(binding.named(e, row_style));
  }
  if (const Attribute* a = plan.colspan)
    cell.colspan = static_cast<std::uint16_t>(parse_integer(core.text(*a), binding.where(*a), 1, 1000));
  if (const Attribute* a = plan.rowspan)
    cell.rowspan = static_cast<std::uint32_t>(parse_integer(core.text(*a), binding.where(*a), 1, 100000));
  const CellPlan::Type type = cell_type(core, plan);

  Value value = plan.value ? core.value(*plan.value) : content_value(binding, e, plan);
  if (const Attribute* formula = plan.formula) {
    Formula f;
    f.text = core.text(*formula);
    f.line = formula->line;
    if (plan.value) {
      switch (value.kind()) {
        case Value::Kind::number:
          f.expected = value.number().to_double();
          break;
        case Value::Kind::boolean:
          f.expected = value.boolean();
          break;
        case Value::Kind::null:
          f.expected = std::string();
          break;
        case Value::Kind::text:
          f.expected = *value.take_plain_text();
          break;
        default:
          core.fail(plan.value->line, "the value a formula computes cannot be " + describe(value));
      }
    }
    cell.value = std::move(f);
    return cell;
  }
  cell.value = convert(core, std::move(value), type, e.line);
  return cell;
}

}  // namespace

void register_cell(WorkbookElements& elements) { elements.row.add(cell_rule, &bind_cell); }

}  // namespace raingan::templating
