#pragma once
// What a sheet checks and shows live, as libxlsxwriter is told it: conditional formats (a formula that
// changes how cells look) and drop-down lists of allowed values.

#include <xlsxwriter.h>

#include <string>

#include "templating/cell_range.h"
#include "templating/conditional_rule.h"
#include "templating/list_validation.h"

namespace raingan::xlsx {

// Both throw InputError naming the workbook `file` and `where` (the sheet and range) for a text an XLSX
// file cannot hold, an empty list, or a failure of libxlsxwriter.
void add_conditional_format(lxw_workbook* workbook, lxw_worksheet* worksheet,
                            const templating::CellRange& range, const templating::ConditionalRule& rule,
                            const std::string& file, const std::string& where);
void add_list_validation(lxw_worksheet* worksheet, const templating::CellRange& range,
                         const templating::ListValidation& validation, const std::string& file,
                         const std::string& where);

}  // namespace raingan::xlsx
