#include "intake/record_filler.h"

#include <algorithm>
#include <map>
#include <optional>

#include "intake/cell_text.h"

namespace raingan::intake {
namespace {

// Objects left without members (every cell of a nested object empty) go, so that an optional object is
// absent rather than present and empty.
void prune_empty_objects(Node& node) {
  if (!node.is_object()) return;
  for (auto& member : node.members()) prune_empty_objects(member.second);
  std::erase_if(node.members(), [](const auto& member) {
    return member.second.is_object() && member.second.members().empty();
  });
}

}  // namespace

const SheetCell* cell_at(const SheetRow& row, std::uint32_t column) {
  const auto found =
      std::lower_bound(row.cells.begin(), row.cells.end(), column,
                       [](const SheetCell& cell, std::uint32_t at) { return cell.column < at; });
  return found != row.cells.end() && found->column == column ? &*found : nullptr;
}

CellInput input_of(const SheetCell* cell) {
  if (cell == nullptr) return {};
  return {cell->type, cell->date_style, cell->text, cell->type == CellType::number};
}

bool blank(const SheetCell* cell) {
  return cell == nullptr || (cell->type == CellType::text && trim(cell->text).empty());
}

// Sets (or clears) a value from a cell; false when the cell could not be converted.
bool RecordFiller::put(Node& holder, const ColumnPlan& column, const CellInput& cell,
                       const std::string& location, const std::string& json_path) {
  if (column.shape == ColumnPlan::Shape::list) {
    Node list = Node::array();
    std::vector<std::string> lines;
    if (cell.type == CellType::text) {
      std::size_t start = 0;
      while (start <= cell.text.size()) {
        const std::size_t end = std::min(cell.text.find('\n', start), cell.text.size());
        if (!trim(cell.text.substr(start, end - start)).empty())
          lines.emplace_back(trim(cell.text.substr(start, end - start)));
        start = end + 1;
      }
    } else {
      lines.emplace_back(cell.text);
    }
    bool good = true;
    for (std::size_t i = 0; i < lines.size(); ++i) {
      CellInput line = cell;
      line.text = lines[i];
      Converted converted = convert_cell(line, column.facets, date1904_);
      if (!converted.error.empty()) {
        problem(location, (lines.size() > 1 ? "line " + std::to_string(i + 1) + ": " : std::string()) +
                              converted.error);
        good = false;
      } else if (converted.value) {
        list.items().push_back(std::move(*converted.value));
      }
    }
    if (!good) {
      sources_.suppress(json_path);
      erase_path(holder, column.path);
      return false;
    }
    if (list.items().empty())
      erase_path(holder, column.path);
    else if (Node* at = make_path(holder, column.path))
      *at = std::move(list);
    return true;
  }
  Converted converted = convert_cell(cell, column.facets, date1904_);
  if (!converted.error.empty()) {
    problem(location, converted.error);
    sources_.suppress(json_path);
    erase_path(holder, column.path);
    return false;
  }
  if (converted.value) {
    if (Node* at = make_path(holder, column.path)) *at = std::move(*converted.value);
  } else if (column.required && column.nullable) {
    if (Node* at = make_path(holder, column.path)) *at = Node::null();
  } else {
    erase_path(holder, column.path);
  }
  return true;
}

void RecordFiller::fill(Node& item, const SheetRow& row, const SheetPlan& plan, const HeaderMatch& header,
                        const std::string& sheet, const std::string& item_path) {
  struct Spread {
    std::vector<std::optional<Node>> items;
    std::vector<std::string> locations;  // of each item's cell
    std::vector<std::string> titles;
    const ColumnPlan* column = nullptr;
    bool failed = false;
  };
  std::map<std::string, Spread> spreads;  // by the array's path
  for (std::size_t i = 0; i < plan.columns.size(); ++i) {
    const ColumnPlan& column = plan.columns[i];
    const auto& at = header.columns[i];
    if (column.spread_from != nullptr || !at) continue;
    const SheetCell* cell = cell_at(row, *at);
    const std::string location = cell_location(sheet, row.index, *at);
    const std::string json_path = item_path + "." + column.json_path;
    if (column.shape == ColumnPlan::Shape::spread) {
      const std::string array_path = column.json_path.substr(0, column.json_path.rfind('['));
      Spread& spread = spreads[array_path];
      spread.column = &column;
      if (spread.items.size() <= column.spread_index) {
        spread.items.resize(column.spread_index + 1);
        spread.locations.resize(column.spread_index + 1);
        spread.titles.resize(column.spread_index + 1);
      }
      Converted converted = convert_cell(input_of(cell), column.facets, date1904_);
      if (!converted.error.empty()) {
        problem(location, converted.error);
        spread.failed = true;
      }
      spread.items[column.spread_index] = std::move(converted.value);
      spread.locations[column.spread_index] = location;
      spread.titles[column.spread_index] = column.titles.front();
      continue;
    }
    put(item, column, input_of(cell), location, json_path);
  }
  for (auto& [array_path, spread] : spreads) {
    auto& items = spread.items;
    while (!items.empty() && !items.back()) items.pop_back();
    const ColumnPlan& column = *spread.column;
    // The columns are the items in order: an empty one before a filled one would shift the rest.
    for (std::size_t i = 0; i < items.size(); ++i)
      if (!items[i] && !spread.locations[i].empty()) {
        problem(spread.locations[i], "expected a value in column \"" + spread.titles[i] +
                                         "\" (the columns after it are filled), found an empty cell");
        spread.failed = true;
      }
    if (items.empty() || spread.failed) {
      if (spread.failed) sources_.suppress(item_path + "." + array_path);
      erase_path(item, column.path);
      continue;
    }
    Node array = Node::array();
    for (auto& value : items) array.items().push_back(value ? std::move(*value) : Node::null());
    if (Node* at = make_path(item, column.path)) *at = std::move(array);
  }
  prune_empty_objects(item);
}

}  // namespace raingan::intake
