#include "intake/sheet_header.h"

#include <algorithm>
#include <utility>
#include <vector>

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
  // Each cell's title once: header rows are searched for every sheet of the plan.
  std::vector<std::pair<std::string, std::uint32_t>> keys;
  for (const auto& cell : sheet.rows[position].cells) {
    keys.emplace_back(title_key(header_text(cell)), cell.column);
    match.titles.emplace(keys.back().first, cell.column);
  }
  const auto find = [&](const ColumnPlan& column) -> std::optional<std::uint32_t> {
    std::optional<std::uint32_t> found;
    for (const auto& [key, at] : keys) {
      if (std::find(column.title_keys.begin(), column.title_keys.end(), key) == column.title_keys.end())
        continue;
      if (found && *found != at)
        match.repeated.emplace_back(cell_location(sheet.name, match.row, at), column.titles.front());
      else
        found = at;
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
