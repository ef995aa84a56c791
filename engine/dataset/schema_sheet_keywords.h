#pragma once
// The spreadsheet keywords of a schema (x-sheet, x-column, x-columns, x-columns-from, x-parent-column,
// x-aliases): read
// into SheetHints when a schema is compiled, so that a schema that misspells them is refused as any other.

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "dataset/json_value.h"
#include "dataset/schema.h"

namespace raingan::dataset {

// Whether `key` is a spreadsheet keyword; when it is, its value is read into `hints` and each problem with
// it is added to `problems` as {location, message}.
bool read_sheet_keyword(SheetHints& hints, std::string_view key, const Value& value, const std::string& at,
                        std::vector<std::pair<std::string, std::string>>& problems);

}  // namespace raingan::dataset
