#pragma once
// What a <workbook> element says of the whole file, read before any sheet: its document properties, how its
// rows are written and its normal style.

#include <ctime>
#include <optional>
#include <string>

#include "templating/cell_style.h"

namespace raingan::templating {

// Document properties (File > Properties in Excel and LibreOffice): who made the register and what it is.
struct WorkbookProperties {
  std::string title{}, subject{}, author{}, manager{}, company{}, category{}, keywords{}, comments{};
  // Creation time written into docProps/core.xml; now when absent. Fixing it makes output reproducible.
  std::optional<std::time_t> created{};
};

struct WorkbookSettings {
  WorkbookProperties properties{};
  // Each row is written out as soon as the next one starts, and compressed as it comes. The writer needs
  // rows in order in both modes; this one also keeps memory flat for large registers.
  bool constant_memory = true;
  // Excel's "Normal" style: the look of empty cells, of header and footer text, and (through its digit
  // width) the unit of column widths. StyleId 0.
  CellStyle normal_style{};
};

}  // namespace raingan::templating
