#pragma once
// A sheet's setup (templating/sheet_setup.h) as libxlsxwriter is told it: its name checked as Excel checks
// it, the page, headers and footers, frozen panes, filter, tab colour and protection.

#include <xlsxwriter.h>

#include <cstdint>
#include <optional>
#include <string>

#include "templating/cell_range.h"
#include "templating/sheet_setup.h"

namespace raingan::xlsx {

// Throws InputError (file = workbook path, location = the name) when Excel would refuse the name.
void validate_sheet_name(const std::string& name, const std::string& workbook_path);

// Checks the setup (column widths, margins, header and footer texts, panes) and gives it to libxlsxwriter.
// Throws InputError naming the workbook `file` and the sheet.
void apply_sheet_setup(lxw_worksheet* worksheet, const templating::SheetSetup& setup,
                       const std::string& file);

// Sets (or replaces) the sheet's filter. In constant-memory mode, `last_row_written` is the row libxlsxwriter
// is writing (none before the first row): a filter may end above it. Throws InputError naming `file` and
// `sheet_location` for a range that is not one.
void set_sheet_filter(lxw_worksheet* worksheet, const templating::CellRange& range,
                      std::optional<std::uint32_t> last_row_written, const std::string& file,
                      const std::string& sheet_location);

}  // namespace raingan::xlsx
