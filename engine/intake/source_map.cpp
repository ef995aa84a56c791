#include "intake/source_map.h"

#include <algorithm>
#include <utility>

#include "dataset/json_path.h"
#include "intake/sheet_table.h"

namespace raingan::intake {
namespace {

bool is_missing_field(const Diagnostic& problem) {
  return problem.message.starts_with("expected required field ");
}

// The field path without its last step: "responsible.name" -> "responsible", "objectives[2]" -> "objectives".
std::string_view parent_path(std::string_view path) {
  const std::size_t cut = path.find_last_of(".[");
  return cut == std::string_view::npos ? std::string_view() : path.substr(0, cut);
}

// minItems and maxItems said of a sheet's rows: "expected at least 1 row, found none".
std::string in_rows(std::string message) {
  const auto replace = [&message](std::string_view from, std::string_view to) {
    if (const std::size_t at = message.find(from); at != std::string::npos)
      message.replace(at, from.size(), to);
  };
  if (!message.starts_with("expected at least ") && !message.starts_with("expected at most ")) return message;
  replace(" items,", " rows,");
  replace(" item,", " row,");
  replace("found an empty array", "found none");
  replace("found an array of ", "found ");
  if (message.ends_with(" items")) message.replace(message.size() - 5, 5, "rows");
  if (message.ends_with(" item")) message.replace(message.size() - 4, 4, "row");
  return message;
}

// "D17" -> (row 16, column 3), "17:17" -> (row 16, none); nothing for anything else.
struct CellReference {
  std::uint32_t row = 0;
  std::optional<std::uint32_t> column;
};
std::optional<CellReference> parse_reference(std::string_view text) {
  std::uint64_t column = 0;
  std::size_t at = 0;
  for (; at < text.size() && text[at] >= 'A' && text[at] <= 'Z' && column <= 16'384; ++at)
    column = column * 26 + static_cast<std::uint64_t>(text[at] - 'A' + 1);
  std::uint64_t row = 0;
  const std::size_t digits = at;
  for (; at < text.size() && text[at] >= '0' && text[at] <= '9' && row <= 1'048'576; ++at)
    row = row * 10 + static_cast<std::uint64_t>(text[at] - '0');
  if (at == digits || row == 0 || row > 1'048'576 || column > 16'384) return std::nullopt;
  const std::string_view rest = text.substr(at);
  if (column > 0 && !rest.empty()) return std::nullopt;
  if (column == 0 && rest != ":" + std::string(text.substr(0, at))) return std::nullopt;
  CellReference reference{static_cast<std::uint32_t>(row - 1), std::nullopt};
  if (column > 0) reference.column = static_cast<std::uint32_t>(column - 1);
  return reference;
}

}  // namespace

void SourceMap::add_value(const std::string& json_path, std::string location) {
  values_[json_path] = std::move(location);
}

void SourceMap::add_value_title(const std::string& json_path, std::string title, std::string sheet,
                                bool required) {
  value_titles_[json_path] = {std::move(title), std::move(sheet), required};
}

std::size_t SourceMap::add_sheet(std::string sheet_name) {
  sheets_.push_back({std::move(sheet_name), {}, {}, {}});
  return sheets_.size() - 1;
}

void SourceMap::add_column(std::size_t sheet, const std::string& field_path, std::uint32_t column,
                           std::string title) {
  sheets_[sheet].columns[field_path] = {column, std::move(title)};
}

void SourceMap::add_missing_column(std::size_t sheet, const std::string& field_path) {
  sheets_[sheet].missing.insert(field_path);
}

void SourceMap::add_child_sheet(std::size_t sheet, const std::string& field_path, std::string child_sheet) {
  sheets_[sheet].children[field_path] = std::move(child_sheet);
}

void SourceMap::add_array(const std::string& json_path, std::size_t sheet, std::vector<std::uint32_t> rows) {
  arrays_[json_path] = {sheet, std::move(rows)};
}

void SourceMap::suppress(const std::string& json_path) { suppressed_.insert(json_path); }

std::optional<SourceMap::Place> SourceMap::locate(const std::string& path) const {
  for (std::string_view at = path; !at.empty(); at = parent_path(at))
    if (const auto value = values_.find(at); value != values_.end()) {
      const auto title = value_titles_.find(at);
      return Place{value->second,
                   at.size() < path.size() ? path : std::string(),
                   title != value_titles_.end() ? title->second.title : std::string(),
                   {},
                   nullptr,
                   true};
    }

  // The deepest array filled from a sheet that the path runs through.
  for (std::size_t bracket = path.rfind('['); bracket != std::string::npos && bracket > 0;
       bracket = path.rfind('[', bracket - 1)) {
    const auto array = arrays_.find(std::string_view(path).substr(0, bracket));
    if (array == arrays_.end()) continue;
    const std::size_t close = path.find(']', bracket);
    if (close == std::string::npos) break;
    std::size_t index = 0;
    for (std::size_t i = bracket + 1; i < close; ++i)
      index = index * 10 + static_cast<std::size_t>(path[i] - '0');
    if (index >= array->second.rows.size()) break;
    const std::uint32_t row = array->second.rows[index];
    const SheetColumns& sheet = sheets_[array->second.sheet];
    std::string field = path.substr(close + 1);
    if (field.starts_with(".")) field.erase(0, 1);
    for (std::string_view at = field; !at.empty(); at = parent_path(at)) {
      const auto column = sheet.columns.find(at);
      if (column == sheet.columns.end()) continue;
      return Place{cell_location(sheet.name, row, column->second.first),
                   at.size() < field.size() ? field : std::string(), column->second.second, field, &sheet};
    }
    // A field without a column of its own: the whole row.
    const std::string row_number = std::to_string(static_cast<std::uint64_t>(row) + 1);
    const std::string cell = cell_location(sheet.name, row, 0);
    return Place{
        cell.substr(0, cell.rfind('!') + 1) + row_number + ":" + row_number, field, {}, field, &sheet};
  }
  if (const auto array = arrays_.find(path); array != arrays_.end())
    return Place{sheets_[array->second.sheet].name, {}, {}, {}, nullptr, false, true};
  return std::nullopt;
}

std::vector<PlacedProblem> SourceMap::translate(Diagnostic problem) const {
  const std::string path = problem.location;
  if (suppressed_.contains(path)) return {};
  if (const auto place = locate(path)) {
    if (is_missing_field(problem) && place->sheet != nullptr && place->sheet->missing.contains(place->field))
      return {};
    problem.location = place->location;
    if (is_missing_field(problem) && !place->title.empty() && place->prefix.empty())
      problem.message =
          std::string(place->single_value ? "expected a value for \"" : "expected a value in column \"") +
          place->title + "\", found an empty cell";
    else if (place->sheet != nullptr && place->sheet->children.contains(place->prefix) &&
             problem.message != in_rows(problem.message) &&
             problem.message.find(", found") != std::string::npos) {
      problem.message = in_rows(problem.message);
      problem.message.insert(
          problem.message.find(", found"),
          " in sheet \"" + place->sheet->children.find(place->prefix)->second + "\" for this row");
    } else if (!place->prefix.empty())
      problem.message = place->prefix + ": " + problem.message;
    if (place->whole_sheet) problem.message = in_rows(problem.message);
    // x-unique names the first item with the value by its path: name its cell instead.
    constexpr std::string_view first_at = " (first at ";
    if (const std::size_t at = problem.message.find(first_at); at != std::string::npos) {
      const std::size_t start = at + first_at.size();
      const std::size_t close = problem.message.find(')', start);
      if (close != std::string::npos)
        if (const auto first = locate(problem.message.substr(start, close - start)))
          problem.message.replace(start, close - start, first->location);
    }
    return {{problem, path}};
  }
  if (!is_missing_field(problem)) return {{problem, path}};

  // A required single value, or an object of them, that no row gave: each value it needs, at its row.
  std::vector<PlacedProblem> needed;
  const std::string prefix = path + ".";
  for (const auto& [value_path, title] : value_titles_) {
    if (value_path != path && !(value_path.starts_with(prefix) && title.required)) continue;
    Diagnostic one = problem;
    if (const auto row = values_.find(value_path); row != values_.end()) {
      one.location = row->second;
      one.message = "expected a value for \"" + title.title + "\", found an empty cell";
    } else {
      one.location = title.sheet;
      one.message =
          "expected a row titled \"" + title.title + "\" with a value (" + value_path + "), found none";
    }
    needed.push_back({std::move(one), value_path});
  }
  if (needed.empty()) return {{problem, path}};
  return needed;
}

std::vector<std::string> SourceMap::json_paths(const std::vector<Diagnostic>& problems) const {
  std::vector<std::string> found(problems.size());
  if (problems.empty()) return found;
  // Which item each row of a sheet became: (sheet, row) -> (array path, index), built once for all problems.
  std::map<std::pair<std::size_t, std::uint32_t>, std::pair<const std::string*, std::size_t>> items;
  for (const auto& [path, array] : arrays_)
    for (std::size_t i = 0; i < array.rows.size(); ++i) items[{array.sheet, array.rows[i]}] = {&path, i};
  std::map<std::string, std::size_t, std::less<>> sheet_by_prefix;  // "นักเรียน!", "'My sheet'!"
  for (std::size_t s = 0; s < sheets_.size(); ++s) {
    const std::string first = cell_location(sheets_[s].name, 0, 0);
    sheet_by_prefix.emplace(first.substr(0, first.size() - 2), s);
  }

  std::map<std::string_view, std::size_t> seen;  // a location already looked up: the problem's index
  for (std::size_t p = 0; p < problems.size(); ++p) {
    const std::string& location = problems[p].location;
    if (location.empty()) continue;
    if (const auto [before, added] = seen.emplace(location, p); !added) {
      found[p] = found[before->second];
      continue;
    }
    const auto value = std::find_if(values_.begin(), values_.end(),
                                    [&](const auto& entry) { return entry.second == location; });
    if (value != values_.end()) {
      found[p] = value->first;
      continue;
    }
    const std::size_t bang = location.rfind('!');
    if (bang == std::string::npos) {
      for (const auto& [path, array] : arrays_)
        if (sheets_[array.sheet].name == location && path.find('[') == std::string::npos) {
          found[p] = path;
          break;
        }
      continue;
    }
    const auto sheet = sheet_by_prefix.find(std::string_view(location).substr(0, bang + 1));
    const auto reference = parse_reference(std::string_view(location).substr(bang + 1));
    if (sheet == sheet_by_prefix.end() || !reference) continue;
    const auto item = items.find({sheet->second, reference->row});
    if (item == items.end()) continue;
    std::string path = dataset::append_index(*item->second.first, item->second.second);
    if (reference->column) {
      // The most precise field of the column: "by_quarter[0]" rather than "by_quarter".
      std::string_view field;
      for (const auto& [name, column] : sheets_[sheet->second].columns)
        if (column.first == *reference->column && name.size() > field.size()) field = name;
      if (!field.empty()) path += "." + std::string(field);
    }
    found[p] = std::move(path);
  }
  return found;
}

}  // namespace raingan::intake
