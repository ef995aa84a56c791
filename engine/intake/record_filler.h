#pragma once
// One record (or the single values) filled from the cells of a row: each cell converted by its column's
// schema, lists split into lines, spread columns gathered into arrays; a cell that cannot be converted is a
// problem at its cell, and its value's later problems are not said again.

#include <cstdint>
#include <string>
#include <vector>

#include "core/diagnostic.h"
#include "intake/cell_conversion.h"
#include "intake/import_plan.h"
#include "intake/record_tree.h"
#include "intake/sheet_header.h"
#include "intake/sheet_table.h"
#include "intake/source_map.h"

namespace raingan::intake {

// The cell of a row at a column, or nullptr.
const SheetCell* cell_at(const SheetRow& row, std::uint32_t column);
CellInput input_of(const SheetCell* cell);
bool blank(const SheetCell* cell);

class RecordFiller {
 public:
  RecordFiller(bool date1904, SourceMap& sources, std::vector<Diagnostic>& problems, std::string file_label)
      : date1904_(date1904), sources_(sources), problems_(problems), label_(std::move(file_label)) {}

  // Sets (or clears, for an empty cell) the column's value in `holder`; false when the cell could not be
  // converted. `json_path` is the value's path in the dataset.
  bool put(Node& holder, const ColumnPlan& column, const CellInput& cell, const std::string& location,
           const std::string& json_path);

  // Every column of the plan the header found, from the row into the record at `item_path`.
  void fill(Node& item, const SheetRow& row, const SheetPlan& plan, const HeaderMatch& header,
            const std::string& sheet, const std::string& item_path);

 private:
  void problem(std::string location, std::string message) {
    problems_.push_back({label_, std::move(location), std::move(message)});
  }

  bool date1904_;
  SourceMap& sources_;
  std::vector<Diagnostic>& problems_;
  std::string label_;
};

}  // namespace raingan::intake
