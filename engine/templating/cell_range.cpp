#include "templating/cell_range.h"

#include <algorithm>

namespace raingan::templating {

std::string column_name(std::uint16_t col) {
  std::string name;
  for (unsigned n = col + 1U; n > 0; n = (n - 1) / 26) name += static_cast<char>('A' + (n - 1) % 26);
  std::reverse(name.begin(), name.end());
  return name;
}

std::string cell_name(std::uint32_t row, std::uint16_t col) {
  return column_name(col) + std::to_string(row + 1);
}

std::string range_name(const CellRange& range) {
  return cell_name(range.first_row, range.first_col) + ":" + cell_name(range.last_row, range.last_col);
}

}  // namespace raingan::templating
