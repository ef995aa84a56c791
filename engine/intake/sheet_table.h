#pragma once
// A workbook as read for import: its sheets, each a list of rows of the cells that hold something. Cells
// keep what the file stored (a number's text exactly as written, never a double), and whether the cell's
// style shows a number as a date, so that the schema alone decides how a value is converted.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace raingan::intake {

enum class CellType : std::uint8_t { text, number, boolean, error };

struct SheetCell {
  std::uint32_t column = 0;  // zero-based
  CellType type = CellType::text;
  bool date_style = false;  // a number shown as a date or time (its style's number format)
  std::string text;         // text; a number as stored ("2.62", "4.5E-3"); "1"/"0"; "#N/A"
};

struct SheetRow {
  std::uint32_t index = 0;       // zero-based
  std::vector<SheetCell> cells;  // by column, ascending
};

struct Sheet {
  std::string name;
  std::vector<SheetRow> rows;  // by index, ascending; rows without cells are left out
};

struct Workbook {
  std::vector<Sheet> sheets;
  bool date1904 = false;           // serials count from 1904-01-01 (workbooks from old Mac Excel)
  std::vector<std::string> notes;  // what the reader assumed (a CSV's encoding and separator)
};

// "A", "Z", "AA", …: the column's name as spreadsheets show it.
std::string column_name(std::uint32_t column);
// "D17" for row 16, column 3 (both zero-based).
std::string cell_name(std::uint32_t row, std::uint32_t column);
// "นักเรียน!D17"; a sheet name that is not plain is quoted as spreadsheets do ('ปี 2569'!A1).
std::string cell_location(std::string_view sheet, std::uint32_t row, std::uint32_t column);

}  // namespace raingan::intake
