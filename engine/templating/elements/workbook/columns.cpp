// <columns widths="6 auto 14 auto" names="no name amount">: the sheet's column widths in Excel characters
// (`auto` fits a column to its widest value), and the names formulas call its columns by (column_names.h).
// Read before the sheet starts (in the title and header rows at the latest).
#include "templating/attributes.h"
#include "templating/elements/workbook/workbook_elements.h"

namespace raingan::templating {
namespace {

const ElementRule columns_rule{"columns", {"widths", "names"}};

void bind_columns(WorkbookBinding& binding, const Element& e) {
  BinderCore& core = binding.core();
  check_attributes(core, e, columns_rule);
  const Attribute* names = e.attribute("names");
  if (names) binding.column_names().name_columns(core.text(*names), names->line);
  const Attribute* given = e.attribute("widths");
  if (!given) {
    if (!names) core.required(e, "widths");
    return;
  }
  std::vector<double>& widths = binding.sheet().setup.column_widths;
  widths.clear();
  const std::string text = core.text(*given);
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && text[i] == ' ') ++i;
    std::size_t j = text.find(' ', i);
    if (j == std::string::npos) j = text.size();
    if (j > i) {
      const std::string word = text.substr(i, j - i);
      widths.push_back(word == "auto" ? 0.0 : parse_number(word, {core.file_name(), e.line, "widths"}));
    }
    i = j;
  }
}

}  // namespace

void register_columns(WorkbookElements& elements) { elements.sheet.add(columns_rule, &bind_columns); }

}  // namespace raingan::templating
