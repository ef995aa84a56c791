#pragma once
// A rectangle of cells, zero-based and inclusive, and the A1 names users see in messages and formulas.

#include <cstdint>
#include <string>

namespace raingan::templating {

struct CellRange {
  std::uint32_t first_row = 0;
  std::uint16_t first_col = 0;
  std::uint32_t last_row = 0;
  std::uint16_t last_col = 0;

  bool operator==(const CellRange&) const = default;
};

// Excel's limits (1,048,576 rows, 16,384 columns).
inline constexpr std::uint32_t max_rows = 1048576;
inline constexpr std::uint16_t max_cols = 16384;

std::string column_name(std::uint16_t col);                   // 0 -> "A", 27 -> "AB"
std::string cell_name(std::uint32_t row, std::uint16_t col);  // (11, 2) -> "C12"
std::string range_name(const CellRange& range);               // "A1:H20"

}  // namespace raingan::templating
