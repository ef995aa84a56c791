#include "intake/sheet_table.h"

namespace raingan::intake {

std::string column_name(std::uint32_t column) {
  std::string name;
  for (std::uint64_t n = static_cast<std::uint64_t>(column) + 1; n > 0; n = (n - 1) / 26)
    name.insert(name.begin(), static_cast<char>('A' + (n - 1) % 26));
  return name;
}

std::string cell_name(std::uint32_t row, std::uint32_t column) {
  return column_name(column) + std::to_string(static_cast<std::uint64_t>(row) + 1);
}

std::string cell_location(std::string_view sheet, std::uint32_t row, std::uint32_t column) {
  // Spreadsheets quote a sheet name with spaces or punctuation in a reference; Thai letters need none.
  bool plain = !sheet.empty();
  for (const char c : sheet)
    if (c == ' ' || c == '!' || c == '\'' || c == '-' || c == '(' || c == ')' || c == ',' || c == ';' ||
        c == '&' || c == '+' || c == '=' || c == '.')
      plain = false;
  std::string quoted;
  if (plain) {
    quoted = sheet;
  } else {
    quoted = "'";
    for (const char c : sheet) quoted += c == '\'' ? std::string("''") : std::string(1, c);
    quoted += "'";
  }
  return quoted + "!" + cell_name(row, column);
}

}  // namespace raingan::intake
