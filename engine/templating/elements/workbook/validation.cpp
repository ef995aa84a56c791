// <validation range="H6:H90" list="{{ statuses }}" allow-blank error-title error-message>: a drop-down of the
// allowed values for input cells; `list` is a list or a text of values separated by commas. Given to the
// sink after the sheet's rows.
#include <algorithm>

#include "templating/attributes.h"
#include "templating/elements/workbook/workbook_elements.h"

namespace raingan::templating {
namespace {

const ElementRule validation_rule{"validation",
                                  {"range", "list", "allow-blank", "error-title", "error-message"}};

void bind_validation(WorkbookBinding& binding, const Element& e) {
  BinderCore& core = binding.core();
  check_attributes(core, e, validation_rule);
  ListValidation rule;
  const Attribute& list = core.required(e, "list");
  const Value values = core.value(list);
  if (values.kind() == Value::Kind::list) {
    for (std::size_t i = 0; i < values.size(); ++i) {
      const auto text = plain_text(values.at(i));
      if (!text || text->empty())
        core.fail(list.line, "<validation list>: item " + std::to_string(i + 1) +
                                 " should be a text or a "
                                 "number, found " +
                                 describe(values.at(i)));
      rule.allowed.push_back(*text);
    }
  } else {
    const std::string text = plain_text(values).value_or("");
    for (std::size_t start = 0; start <= text.size();) {
      const std::size_t comma = std::min(text.find(',', start), text.size());
      std::string item = text.substr(start, comma - start);
      item.erase(0, item.find_first_not_of(' '));
      item.erase(item.find_last_not_of(' ') + 1);
      if (!item.empty()) rule.allowed.push_back(item);
      start = comma + 1;
    }
  }
  if (rule.allowed.empty()) core.fail(list.line, "<validation list>: the list of allowed values is empty");
  if (const Attribute* a = e.attribute("allow-blank"))
    rule.allow_blank = parse_flag(core.text(*a), binding.where(*a));
  rule.error_title = core.text(e, "error-title");
  rule.error_message = core.text(e, "error-message");
  binding.sheet().validations.push_back({binding.parse_range(core.required(e, "range")), rule});
}

}  // namespace

void register_validation(WorkbookElements& elements) {
  elements.sheet.add(validation_rule, &bind_validation);
}

}  // namespace raingan::templating
