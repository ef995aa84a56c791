#pragma once
// Turns libxlsxwriter's error codes into InputError: which workbook, where (sheet and cell), what was being
// written, and libxlsxwriter's own words for the failure.

#include <xlsxwriter.h>

#include <string>
#include <string_view>

namespace raingan::xlsx {

// Throws InputError(file, location, action + ": " + lxw_strerror(status)) unless status is LXW_NO_ERROR.
void check_lxw(lxw_error status, const std::string& file, const std::string& location,
               std::string_view action);

}  // namespace raingan::xlsx
