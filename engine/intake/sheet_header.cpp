#include "intake/sheet_header.h"

#include "intake/cell_text.h"

namespace raingan::intake {

std::string header_text(const SheetCell& cell) {
  if (cell.type == CellType::number) return plain_number(cell.text, 15).value_or(cell.text);
  return cell.text;
}

namespace {

HeaderMatch match_row(const Sheet& sheet, std::size_t position, const SheetPlan& plan) {
  HeaderMatch match;
  match.position = position;
  match.row = sheet.rows[position].index;
  match.columns.assign(plan.columns.size(), std::nullopt);
  for (const auto& cell : sheet.rows[position].cells)
    match.titles.emplace(title_key(header_text(cell)), cell.column);
  const auto find = [&](const ColumnPlan& column) -> std::optional<std::uint32_t> {
    std::optional<std::uint32_t> found;
    for (const auto& cell : sheet.rows[position].cells) {
      const std::string key = title_key(header_text(cell));
      for (const auto& title : column.titles)
        if (key == title_key(title)) {
          if (found && *found != cell.column)
            match.repeated.emplace_back(cell_location(sheet.name, match.row, cell.column),
                                        column.titles.front());
          else
            found = cell.column;
          break;
        }
    }
    return found;
  };
  for (std::size_t i = 0; i < plan.columns.size(); ++i) {
    if (plan.columns[i].spread_from != nullptr) continue;
    match.columns[i] = find(plan.columns[i]);
    if (match.columns[i]) ++match.matched;
  }
  if (plan.parent_key) {
    match.parent_key = find(*plan.parent_key);
    if (match.parent_key) ++match.matched;
  }
  return match;
}

bool has_required(const HeaderMatch& match, const SheetPlan& plan) {
  for (std::size_t i = 0; i < plan.columns.size(); ++i)
    if (plan.columns[i].required && plan.columns[i].spread_from == nullptr && !match.columns[i]) return false;
  return !plan.parent_key || match.parent_key;
}

}  // namespace

HeaderMatch find_header(const Sheet& sheet, const SheetPlan& plan) {
  HeaderMatch best;
  for (std::size_t position = 0; position < sheet.rows.size() && position < header_search_rows; ++position) {
    HeaderMatch match = match_row(sheet, position, plan);
    if (match.matched == 0) continue;
    match.found = true;
    if (has_required(match, plan)) return match;
    if (!best.found || match.matched > best.matched) best = std::move(match);
  }
  return best;
}

}  // namespace raingan::intake
