#pragma once
// A sheet's setup (templating/sheet_setup.h) as libxlsxwriter is told it.

#include <string>

#include "templating/sheet_setup.h"

namespace raingan::xlsx {

// Throws InputError (file = workbook path, location = the name) when Excel would refuse the name.
void validate_sheet_name(const std::string& name, const std::string& workbook_path);

}  // namespace raingan::xlsx
