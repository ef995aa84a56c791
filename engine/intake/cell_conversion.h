#pragma once
// One cell (or one line of a cell, or one --set value) turned into the JSON value its schema wants: by the
// schema's enum, date format and types, reading Thai digits, thousands separators, Excel serials and
// Buddhist-Era dates on the way. A cell that cannot become such a value gives "expected …, found …".

#include <optional>
#include <string>
#include <string_view>

#include "intake/record_tree.h"
#include "intake/schema_facets.h"
#include "intake/sheet_table.h"

namespace raingan::intake {

struct CellInput {
  CellType type = CellType::text;
  bool date_style = false;
  std::string_view text;
  // A number stored by a spreadsheet as a binary double: read to 15 significant digits, as the
  // spreadsheet shows it (2.6200000000000001 is 2.62). Typed text keeps every digit.
  bool stored_double = false;
};

struct Converted {
  std::optional<Node> value;  // absent with an empty error: the cell holds nothing
  std::string error;          // "expected a number >= 0, found \"ไกล\""
};

Converted convert_cell(const CellInput& cell, const Facets& facets, bool date1904);

// The cell's text as a message quotes it after "found": "\"ไกล\"", 12.5, TRUE, the error #N/A.
std::string found_text(const CellInput& cell);

}  // namespace raingan::intake
