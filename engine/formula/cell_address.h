#pragma once
// Cell positions and their A1 names: rows and columns count from 0 here and from 1 / "A" in names.

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace raingan::formula {

// Excel's sheet size (XFD1048576).
inline constexpr std::uint32_t max_rows = 1'048'576;
inline constexpr std::uint32_t max_columns = 16'384;

struct CellAddress {
  std::uint32_t row = 0;
  std::uint32_t column = 0;
  auto operator<=>(const CellAddress&) const = default;
};

// 0 -> "A", 25 -> "Z", 26 -> "AA", 16383 -> "XFD".
std::string column_name(std::uint32_t column);
// {4, 4} -> "E5".
std::string cell_name(CellAddress cell);
// "E5" -> {4, 4}; "$E$5" too. nullopt when the text is not one cell inside the sheet size.
std::optional<CellAddress> parse_cell_name(std::string_view text);

// The sheet name as a formula writes it before '!': bare when it is a plain ASCII name (Data, Sheet_2),
// otherwise quoted with ' doubled ('อัตรา', 'it''s', '2024').
std::string quoted_sheet_name(std::string_view sheet);
// "'อัตรา'!E5": a cell named for messages.
std::string qualified_cell_name(std::string_view sheet, CellAddress cell);

}  // namespace raingan::formula
