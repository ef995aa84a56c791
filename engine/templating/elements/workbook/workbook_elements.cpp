#include "templating/elements/workbook/workbook_elements.h"

namespace raingan::templating {

// One registration function per element file, each in the file named after its element.
void register_workbook_style(WorkbookElements&);
void register_sheet(WorkbookElements&);
void register_columns(WorkbookElements&);
void register_row(WorkbookElements&);
void register_conditional(WorkbookElements&);
void register_validation(WorkbookElements&);
void register_cell(WorkbookElements&);

const WorkbookElements& workbook_elements() {
  static const WorkbookElements elements = [] {
    WorkbookElements e;
    // Directly in <workbook>.
    register_workbook_style(e);
    register_sheet(e);
    // In a <sheet>, in the order the "expected one of" message lists them.
    register_columns(e);
    register_row(e);
    register_conditional(e);
    register_validation(e);
    // In a <row>.
    register_cell(e);
    return e;
  }();
  return elements;
}

}  // namespace raingan::templating
