#include "formula/cell_address.h"

namespace raingan::formula {
namespace {

bool is_ascii_letter(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

}  // namespace

std::string column_name(std::uint32_t column) {
  std::string name;
  std::uint32_t n = column + 1;
  while (n > 0) {
    const std::uint32_t letter = (n - 1) % 26;
    name.insert(name.begin(), static_cast<char>('A' + letter));
    n = (n - 1) / 26;
  }
  return name;
}

std::string cell_name(CellAddress cell) { return column_name(cell.column) + std::to_string(cell.row + 1); }

std::optional<CellAddress> parse_cell_name(std::string_view text) {
  std::size_t i = 0;
  if (i < text.size() && text[i] == '$') ++i;
  std::uint64_t column = 0;
  const std::size_t letters_start = i;
  while (i < text.size() && is_ascii_letter(text[i]) && i - letters_start < 4) {
    const char c = static_cast<char>(text[i] & ~0x20);
    column = column * 26 + static_cast<std::uint64_t>(c - 'A' + 1);
    ++i;
  }
  if (i == letters_start || column > max_columns) return std::nullopt;
  if (i < text.size() && text[i] == '$') ++i;
  std::uint64_t row = 0;
  const std::size_t digits_start = i;
  while (i < text.size() && is_digit(text[i]) && i - digits_start < 8) row = row * 10 + (text[i++] - '0');
  if (i == digits_start || i != text.size() || row == 0 || row > max_rows) return std::nullopt;
  return CellAddress{static_cast<std::uint32_t>(row - 1), static_cast<std::uint32_t>(column - 1)};
}

std::string quoted_sheet_name(std::string_view sheet) {
  bool bare = !sheet.empty() && (is_ascii_letter(sheet[0]) || sheet[0] == '_');
  for (const char c : sheet)
    if (!is_ascii_letter(c) && !is_digit(c) && c != '_' && c != '.') bare = false;
  // A name that reads as a cell (A1, XFD9) or as TRUE/FALSE must be quoted to mean a sheet.
  if (bare && (parse_cell_name(sheet) || sheet == "TRUE" || sheet == "FALSE")) bare = false;
  if (bare) return std::string(sheet);
  std::string quoted = "'";
  for (const char c : sheet) {
    quoted += c;
    if (c == '\'') quoted += '\'';
  }
  quoted += '\'';
  return quoted;
}

std::string qualified_cell_name(std::string_view sheet, CellAddress cell) {
  return quoted_sheet_name(sheet) + "!" + cell_name(cell);
}

}  // namespace raingan::formula
