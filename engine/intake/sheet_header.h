#pragma once
// Finding a sheet's header row: the first of its first rows that has every required column's title (titles
// compared after trimming and collapsing white space), or failing that the one with the most titles. Title
// rows above the header (a report's heading, the office's name) are passed over.

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "intake/import_plan.h"
#include "intake/sheet_table.h"

namespace raingan::intake {

struct HeaderMatch {
  bool found = false;
  std::size_t position = 0;                           // the header's position in Sheet::rows
  std::uint32_t row = 0;                              // its row index
  std::vector<std::optional<std::uint32_t>> columns;  // per column of the plan
  std::optional<std::uint32_t> parent_key;
  std::map<std::string, std::uint32_t> titles;  // every title of the header row (title_key) -> column
  std::size_t matched = 0;                      // columns of the plan found
  // A column of the plan found twice: {cell, title}.
  std::vector<std::pair<std::string, std::string>> repeated;
};

inline constexpr std::size_t header_search_rows = 30;

HeaderMatch find_header(const Sheet& sheet, const SheetPlan& plan);

// A cell's text as a title: text as it is, a number as it shows.
std::string header_text(const SheetCell& cell);

}  // namespace raingan::intake
