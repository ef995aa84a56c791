#include "intake/sheet_matching.h"

#include <algorithm>
#include <map>

#include "intake/cell_text.h"
#include "intake/sheet_header.h"

namespace raingan::intake {

std::string quoted_list(const std::vector<std::string>& names, std::size_t limit) {
  std::string text;
  for (std::size_t i = 0; i < names.size() && i < limit; ++i)
    text += (i == 0 ? "\"" : ", \"") + names[i] + "\"";
  if (names.size() > limit) text += ", …";
  return text;
}

SheetMatch match_sheets(const ImportPlan& plan, const Workbook& workbook, std::vector<std::string>& notes) {
  SheetMatch match;
  std::map<std::string, const Sheet*> by_name;
  for (const auto& sheet : workbook.sheets) by_name.emplace(title_key(sheet.name), &sheet);
  const auto find = [&](const std::vector<std::string>& names) -> const Sheet* {
    for (const auto& name : names)
      if (const auto found = by_name.find(title_key(name)); found != by_name.end()) return found->second;
    return nullptr;
  };
  match.values = find(plan.values_sheet);
  match.sheets.assign(plan.sheets.size(), nullptr);
  for (std::size_t i = 0; i < plan.sheets.size(); ++i) match.sheets[i] = find(plan.sheets[i].names);

  // A CSV file (or a one-sheet workbook under another name) fills the sheet whose titles its header has.
  const bool none_named = match.values == nullptr && std::all_of(match.sheets.begin(), match.sheets.end(),
                                                                 [](const Sheet* s) { return s == nullptr; });
  if (none_named && workbook.sheets.size() == 1) {
    const Sheet& only = workbook.sheets.front();
    std::size_t best = plan.sheets.size();
    std::size_t best_matched = 0;
    for (std::size_t i = 0; i < plan.sheets.size(); ++i) {
      const HeaderMatch header = find_header(only, plan.sheets[i]);
      if (header.found && header.matched > best_matched) {
        best = i;
        best_matched = header.matched;
      }
    }
    if (best < plan.sheets.size()) {
      match.sheets[best] = &only;
      notes.push_back("\"" + only.name + "\" was read as the sheet \"" + plan.sheets[best].names.front() +
                      "\"");
    } else {
      std::string expected;
      for (const auto& sheet : plan.sheets) {
        std::vector<std::string> titles;
        for (const auto& column : sheet.columns)
          if (column.required) titles.push_back(column.titles.front());
        expected += (expected.empty() ? "" : "; ") + sheet.names.front() + ": " + quoted_list(titles, 4);
      }
      match.problem = "expected a header row with the column titles of one of the sheets (" + expected +
                      "), found none in the first " + std::to_string(header_search_rows) + " rows";
    }
  }
  for (const auto& sheet : workbook.sheets) {
    const bool used = &sheet == match.values ||
                      std::find(match.sheets.begin(), match.sheets.end(), &sheet) != match.sheets.end();
    // The import sheet's own explanations are not data.
    if (!used && workbook.sheets.size() > 1 && sheet.name != explanations_sheet)
      notes.push_back("sheet \"" + sheet.name + "\" was not used");
  }
  return match;
}

}  // namespace raingan::intake
