#include "xlsx/sheet_rules.h"

#include <vector>

#include "core/diagnostic.h"
#include "xlsx/cell_text.h"
#include "xlsx/lxw_color.h"
#include "xlsx/lxw_status.h"

namespace raingan::xlsx {
using templating::CellRange;
using templating::ConditionalRule;
using templating::ListValidation;

void add_conditional_format(lxw_workbook* workbook, lxw_worksheet* worksheet, const CellRange& range,
                            const ConditionalRule& rule, const std::string& file, const std::string& where) {
  if (const std::string problem = text_problem(rule.formula); !problem.empty())
    throw InputError(file, where, problem);
  lxw_format* look = workbook_add_format(workbook);
  if (!look) throw InputError(file, where, "cannot add a format (out of memory?)");
  if (rule.fill_rgb) {
    format_set_pattern(look, LXW_PATTERN_SOLID);
    format_set_bg_color(look, lxw_color(*rule.fill_rgb));
  }
  if (rule.font_rgb) format_set_font_color(look, lxw_color(*rule.font_rgb));
  if (rule.bold) format_set_bold(look);
  std::string formula = rule.formula;
  lxw_conditional_format conditional{};
  conditional.type = LXW_CONDITIONAL_TYPE_FORMULA;
  conditional.value_string = formula.data();
  conditional.format = look;
  check_lxw(worksheet_conditional_format_range(worksheet, range.first_row, range.first_col, range.last_row,
                                               range.last_col, &conditional),
            file, where, "cannot add the conditional format " + in_quotes(rule.formula));
}

void add_list_validation(lxw_worksheet* worksheet, const CellRange& range, const ListValidation& validation,
                         const std::string& file, const std::string& where) {
  if (validation.allowed.empty()) throw InputError(file, where, "a list of allowed values must not be empty");
  std::vector<std::string> values = validation.allowed;
  std::vector<char*> list;
  for (auto& value : values) {
    if (const std::string problem = text_problem(value); !problem.empty())
      throw InputError(file, where, problem);
    list.push_back(value.data());
  }
  list.push_back(nullptr);
  std::string title = validation.error_title;
  std::string message = validation.error_message;
  lxw_data_validation rule{};
  rule.validate = LXW_VALIDATION_TYPE_LIST;
  rule.value_list = list.data();
  rule.ignore_blank = validation.allow_blank ? LXW_VALIDATION_ON : LXW_VALIDATION_OFF;
  if (!title.empty()) rule.error_title = title.data();
  if (!message.empty()) rule.error_message = message.data();
  check_lxw(worksheet_data_validation_range(worksheet, range.first_row, range.first_col, range.last_row,
                                            range.last_col, &rule),
            file, where, "cannot add the list of allowed values");
}

}  // namespace raingan::xlsx
