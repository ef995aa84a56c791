#pragma once
// Reads an XLSX workbook (Office Open XML spreadsheet, as Excel, LibreOffice and Google Sheets save it) from
// its bytes: the workbook's sheets in order and their names, the date system (1900 or 1904), shared and
// inline strings (rich text runs joined, phonetic runs left out), numbers as stored, booleans, errors,
// formulas' cached values, and which cells are styled as dates.

#include <string>
#include <string_view>

#include "intake/intake.h"
#include "intake/sheet_table.h"

namespace raingan::intake {

// Throws InputError naming the file, the part (and line) or the sheet and cell, and what was wrong.
Workbook read_xlsx(std::string_view bytes, const std::string& file_label, const Limits& limits);

// Whether a cell in a number format shows a date or time: Excel's built-in date formats (14–22, 27–36,
// 45–47, 50–58, 71–81) and format codes with day, month, year or time parts (d, m, y, h, s, bb for the
// Buddhist year), whatever their locale and calendar prefix ([$-D07041E], [$-th-TH,107], [$-1070000]).
bool is_date_format(int id, std::string_view code);

}  // namespace raingan::intake
