#pragma once
// The elements of a <workbook> template, one table per place an element may stand: directly in the
// workbook (<style>, <sheet>), in a <sheet> (<columns>, <row>, <conditional>, <validation>) and in a <row>
// (<cell>). Each element lives in its own file here, named after it, which defines its bind function and
// registers it; a new element is that file and its registration in workbook_elements.cpp. The <workbook>
// root itself is workbook.cpp.

#include "templating/element_registry.h"
#include "templating/workbook_binding.h"
#include "templating/workbook_settings.h"

namespace raingan::templating {

// Elements directly in <workbook> and in <sheet>: each binds itself.
using WorkbookChildBind = void (*)(WorkbookBinding&, const Element&);

struct WorkbookElements {
  ElementTable<WorkbookChildBind> workbook{"in a <workbook>"};
  ElementTable<WorkbookChildBind> sheet{"in a <sheet>"};
  ElementTable<CellBind> row{"in a <row>"};
};

// Every workbook element, registered once.
const WorkbookElements& workbook_elements();

// The <workbook> root (workbook.cpp): what it says of the whole file, read before any sheet; and its styles
// and sheets bound, returning the number of sheets.
WorkbookSettings read_workbook_element(WorkbookBinding& binding);
std::size_t bind_workbook_element(WorkbookBinding& binding);

}  // namespace raingan::templating
