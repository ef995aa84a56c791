#include "intake/importer.h"

#include <algorithm>
#include <map>

#include "dataset/json_path.h"
#include "dataset/schema_validator.h"
#include "intake/cell_conversion.h"
#include "intake/cell_text.h"
#include "intake/record_tree.h"
#include "intake/sheet_header.h"
#include "intake/source_map.h"

namespace raingan::intake {
namespace {

constexpr std::size_t no_parent = static_cast<std::size_t>(-1);

// A key as records are joined by: numbers by value (1 and 1.0 are one key).
std::string key_text(const Node& node) {
  if (node.kind() == Node::Kind::number) return plain_number(node.text()).value_or(node.text());
  return scalar_text(node);
}

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

std::string quoted_list(const std::vector<std::string>& names, std::size_t limit = 8) {
  std::string text;
  for (std::size_t i = 0; i < names.size() && i < limit; ++i)
    text += (i == 0 ? "\"" : ", \"") + names[i] + "\"";
  if (names.size() > limit) text += ", …";
  return text;
}

// Objects left without members (every cell of a nested object empty) go, so that an optional object is
// absent rather than present and empty.
void prune_empty_objects(Node& node) {
  if (!node.is_object()) return;
  for (auto& member : node.members()) prune_empty_objects(member.second);
  std::erase_if(node.members(), [](const auto& member) {
    return member.second.is_object() && member.second.members().empty();
  });
}

// Members in the order the schema lists them, as the project's datasets are written.
void order_by_schema(Node& node, const Facets& facets, std::size_t depth) {
  if (depth > 64) return;
  if (node.is_array() && facets.items != nullptr) {
    const Facets items = facets_of(*facets.items);
    for (auto& item : node.items()) order_by_schema(item, items, depth + 1);
    return;
  }
  if (!node.is_object() || facets.object == nullptr) return;
  const auto& order = facets.object->property_order;
  const auto rank = [&order](const std::string& name) {
    return static_cast<std::size_t>(std::find(order.begin(), order.end(), name) - order.begin());
  };
  std::stable_sort(node.members().begin(), node.members().end(),
                   [&](const auto& a, const auto& b) { return rank(a.first) < rank(b.first); });
  for (auto& [name, value] : node.members())
    if (const auto property = facets.object->properties.find(name);
        property != facets.object->properties.end())
      order_by_schema(value, facets_of(*property->second), depth + 1);
}

class Importer {
 public:
  Importer(const dataset::Schema& schema, const ImportPlan& plan, const Workbook& workbook, std::string label,
           const ImportOptions& options)
      : schema_(schema), plan_(plan), workbook_(workbook), label_(std::move(label)), options_(options) {}

  ImportResult run() {
    ImportResult result;
    result.notes = workbook_.notes;
    start_tree();
    match_sheets(result.notes);
    read_values();
    apply_settings();
    runs_.resize(plan_.sheets.size());
    for (std::size_t i = 0; i < plan_.sheets.size(); ++i) fill_sheet(i);
    fill_spread_from();
    apply_defaults();
    order_by_schema(tree_, facets_of(schema_.root()), 0);

    result.json = to_json(tree_);
    dataset::JsonReadResult read = dataset::try_read_json_text(*result.json, label_);
    for (auto& problem : read.problems) problems_.push_back(std::move(problem));
    if (read.document) {
      for (auto& problem : dataset::validate(*read.document, schema_))
        for (auto& translated : sources_.translate(std::move(problem))) {
          translated.file = label_;
          problems_.push_back(std::move(translated));
        }
      result.document = std::move(read.document);
    }
    result.problems = std::move(problems_);
    return result;
  }

 private:
  struct RowRef {
    const SheetRow* row = nullptr;
    std::size_t parent = no_parent;  // child sheets: the parent record's index
    std::size_t item = 0;            // the record's index in its array
  };
  struct SheetRun {
    const Sheet* sheet = nullptr;
    HeaderMatch header;
    std::size_t source = 0;
    bool filled = false;
    std::vector<RowRef> rows;
  };

  void problem(std::string location, std::string message) {
    problems_.push_back({label_, std::move(location), std::move(message)});
  }

  void start_tree() {
    if (options_.base != nullptr && options_.base->root.is_object()) {
      tree_ = Node::from_value(options_.base->root);
      const Node* kind = tree_.find("kind");
      if (kind != nullptr && kind->kind() == Node::Kind::string && kind->text() != plan_.kind)
        problems_.push_back({options_.base->file, "kind",
                             "expected a dataset of kind \"" + plan_.kind + "\" to import into, found \"" +
                                 kind->text() + "\""});
    } else {
      tree_ = Node::object();
    }
    if (!plan_.kind.empty()) {
      tree_.erase("kind");
      tree_.members().insert(tree_.members().begin(), {"kind", Node::string(plan_.kind)});
    }
  }

  void match_sheets(std::vector<std::string>& notes) {
    std::map<std::string, const Sheet*> by_name;
    for (const auto& sheet : workbook_.sheets) by_name.emplace(title_key(sheet.name), &sheet);
    const auto find = [&](const std::vector<std::string>& names) -> const Sheet* {
      for (const auto& name : names)
        if (const auto found = by_name.find(title_key(name)); found != by_name.end()) return found->second;
      return nullptr;
    };
    values_sheet_ = find(plan_.values_sheet);
    sheet_of_.assign(plan_.sheets.size(), nullptr);
    for (std::size_t i = 0; i < plan_.sheets.size(); ++i) sheet_of_[i] = find(plan_.sheets[i].names);

    // A CSV file (or a one-sheet workbook under another name) fills the sheet whose titles its header has.
    const bool none_named =
        values_sheet_ == nullptr &&
        std::all_of(sheet_of_.begin(), sheet_of_.end(), [](const Sheet* s) { return s == nullptr; });
    if (none_named && workbook_.sheets.size() == 1) {
      const Sheet& only = workbook_.sheets.front();
      std::size_t best = plan_.sheets.size();
      std::size_t best_matched = 0;
      for (std::size_t i = 0; i < plan_.sheets.size(); ++i) {
        const HeaderMatch match = find_header(only, plan_.sheets[i]);
        if (match.found && match.matched > best_matched) {
          best = i;
          best_matched = match.matched;
        }
      }
      if (best < plan_.sheets.size()) {
        sheet_of_[best] = &only;
        notes.push_back("\"" + only.name + "\" was read as the sheet \"" + plan_.sheets[best].names.front() +
                        "\"");
      } else {
        std::string expected;
        for (const auto& sheet : plan_.sheets) {
          std::vector<std::string> titles;
          for (const auto& column : sheet.columns)
            if (column.required) titles.push_back(column.titles.front());
          expected += (expected.empty() ? "" : "; ") + sheet.names.front() + ": " + quoted_list(titles, 4);
        }
        problem(only.name, "expected a header row with the column titles of one of the sheets (" + expected +
                               "), found none in the first " + std::to_string(header_search_rows) + " rows");
      }
    }
    for (const auto& sheet : workbook_.sheets) {
      const bool used =
          &sheet == values_sheet_ || std::find(sheet_of_.begin(), sheet_of_.end(), &sheet) != sheet_of_.end();
      // The import sheet's own explanations are not data.
      if (!used && workbook_.sheets.size() > 1 && sheet.name != explanations_sheet)
        notes.push_back("sheet \"" + sheet.name + "\" was not used");
    }
  }

  // Sets (or clears) a value from a cell; false when the cell could not be converted.
  bool put(Node& holder, const ColumnPlan& column, const CellInput& cell, const std::string& location,
           const std::string& json_path) {
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
        Converted converted = convert_cell(line, column.facets, workbook_.date1904);
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
    Converted converted = convert_cell(cell, column.facets, workbook_.date1904);
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

  void read_values() {
    for (const auto& value : plan_.values)
      sources_.add_value_title(value.json_path, value.titles.front(),
                               values_sheet_ != nullptr ? values_sheet_->name : plan_.values_sheet.front(),
                               value.required);
    if (values_sheet_ == nullptr) return;
    std::map<std::string, std::size_t> labels;
    for (std::size_t i = 0; i < plan_.values.size(); ++i)
      for (const auto& title : plan_.values[i].titles) labels.emplace(title_key(title), i);
    std::map<std::size_t, std::string> seen;  // value -> where its label was
    for (const auto& row : values_sheet_->rows) {
      for (const auto& cell : row.cells) {
        const auto label = labels.find(title_key(header_text(cell)));
        if (label == labels.end()) continue;
        const ColumnPlan& column = plan_.values[label->second];
        const std::string location = cell_location(values_sheet_->name, row.index, cell.column + 1);
        if (const auto [at, added] = seen.emplace(label->second, location); !added) {
          problem(cell_location(values_sheet_->name, row.index, cell.column),
                  "expected \"" + column.titles.front() + "\" once, found it again (first at " + at->second +
                      ")");
          break;
        }
        if (column.shape == ColumnPlan::Shape::spread) break;  // not offered in the values sheet
        put(tree_, column, input_of(cell_at(row, cell.column + 1)), location, column.json_path);
        sources_.add_value(column.json_path, location);
        break;
      }
    }
  }

  void apply_settings() {
    for (const auto& [name, text] : options_.settings) {
      const ColumnPlan* target = nullptr;
      for (const auto& value : plan_.values)
        for (const auto& title : value.titles)
          if (value.json_path == name || title_key(title) == title_key(name)) target = &value;
      const std::string location = "--set " + name;
      if (target == nullptr) {
        problem(location, "expected a single value of the kind, such as " +
                              (plan_.values.empty() ? std::string("none") : plan_.values.front().json_path) +
                              ", found \"" + name + "\"");
        continue;
      }
      CellInput cell;
      cell.text = text;
      put(tree_, *target, cell, location, target->json_path);
      sources_.add_value(target->json_path, location);
    }
  }

  // The data rows of a sheet: after the header, with something in a column the plan reads.
  std::vector<const SheetRow*> data_rows(const SheetRun& run, const SheetPlan& plan) const {
    std::vector<std::uint32_t> read;
    for (const auto& column : run.header.columns)
      if (column) read.push_back(*column);
    if (run.header.parent_key) read.push_back(*run.header.parent_key);
    for (const auto& column : plan.columns)
      if (column.spread_from != nullptr)
        for (const auto& [title, at] : run.header.titles) read.push_back(at);
    std::vector<const SheetRow*> rows;
    for (std::size_t i = run.header.position + 1; i < run.sheet->rows.size(); ++i) {
      const SheetRow& row = run.sheet->rows[i];
      if (std::any_of(read.begin(), read.end(),
                      [&](std::uint32_t column) { return !blank(cell_at(row, column)); }))
        rows.push_back(&row);
    }
    return rows;
  }

  void fill_record(Node& item, const SheetRow& row, const SheetPlan& plan, const SheetRun& run,
                   const std::string& item_path) {
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
      const auto& at = run.header.columns[i];
      if (column.spread_from != nullptr || !at) continue;
      const SheetCell* cell = cell_at(row, *at);
      const std::string location = cell_location(run.sheet->name, row.index, *at);
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
        Converted converted = convert_cell(input_of(cell), column.facets, workbook_.date1904);
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

  void fill_sheet(std::size_t index) {
    const SheetPlan& plan = plan_.sheets[index];
    SheetRun& run = runs_[index];
    run.sheet = sheet_of_[index];
    if (run.sheet == nullptr) {
      bool from_base = find_path(tree_, plan.path) != nullptr;
      if (plan.parent) {
        // The records of the parent sheet have this array only when they came from the base.
        const SheetRun& parent = runs_[*plan.parent];
        const Node* parents = find_path(tree_, plan_.sheets[*plan.parent].path);
        from_base = !parent.filled ||
                    (parents != nullptr &&
                     std::any_of(parents->items().begin(), parents->items().end(), [&](const Node& record) {
                       return record.is_object() && record.find(plan.path.front()) != nullptr;
                     }));
        if (!from_base && plan.required) sources_.add_missing_column(parent.source, plan.json_path);
      }
      if (!from_base && plan.required) {
        std::vector<std::string> found;
        for (const auto& sheet : workbook_.sheets) found.push_back(sheet.name);
        problem("", "expected a sheet named \"" + plan.names.front() + "\" (" + plan.json_path + "), found " +
                        (found.empty() ? std::string("no sheet") : "the sheets " + quoted_list(found)));
        sources_.suppress(plan.json_path);
      }
      return;
    }
    run.header = find_header(*run.sheet, plan);
    if (!run.header.found) {
      std::vector<std::string> titles;
      for (const auto& column : plan.columns)
        if (column.spread_from == nullptr) titles.push_back(column.titles.front());
      problem(run.sheet->name, "expected a header row with the column titles " + quoted_list(titles) +
                                   ", found none in the first " + std::to_string(header_search_rows) +
                                   " rows");
      sources_.suppress(plan.json_path);
      return;
    }
    for (const auto& [location, title] : run.header.repeated)
      problem(location, "expected one column titled \"" + title + "\", found another one");
    run.source = sources_.add_sheet(run.sheet->name);
    const std::string header_row = std::to_string(static_cast<std::uint64_t>(run.header.row) + 1);
    for (std::size_t i = 0; i < plan.columns.size(); ++i) {
      const ColumnPlan& column = plan.columns[i];
      if (run.header.columns[i]) {
        sources_.add_column(run.source, column.json_path, *run.header.columns[i], column.titles.front());
        if (column.shape == ColumnPlan::Shape::spread && column.spread_index == 0)
          sources_.add_column(run.source, column.json_path.substr(0, column.json_path.rfind('[')),
                              *run.header.columns[i], column.titles.front());
      } else if (column.required && column.spread_from == nullptr) {
        problem(run.sheet->name, "expected a column titled \"" + column.titles.front() + "\" (" +
                                     column.json_path + ") in the header row (row " + header_row +
                                     "), found none");
        sources_.add_missing_column(run.source, column.json_path);
      }
    }
    if (plan.parent_key && !run.header.parent_key) {
      problem(run.sheet->name,
              "expected a column titled \"" + plan.parent_key->titles.front() +
                  "\" naming the row of sheet \"" + plan_.sheets[*plan.parent].names.front() +
                  "\" each row belongs to, in the header row (row " + header_row + "), found none");
      return;
    }
    run.filled = true;
    const std::vector<const SheetRow*> rows = data_rows(run, plan);
    if (!plan.parent)
      fill_top(plan, run, rows);
    else
      fill_children(plan, run, rows);
  }

  void fill_top(const SheetPlan& plan, SheetRun& run, const std::vector<const SheetRow*>& rows) {
    // Records of the base with the same key keep the fields this sheet has no column for.
    std::map<std::string, const Node*> base_items;
    Node base_array;
    if (const Node* existing = find_path(tree_, plan.path);
        existing != nullptr && existing->is_array() && !plan.key_field.empty()) {
      base_array = *existing;
      for (const auto& item : base_array.items())
        if (const Node* key = item.is_object() ? item.find(plan.key_field) : nullptr)
          base_items.emplace(key_text(*key), &item);
    }
    std::size_t key_column = plan.columns.size();
    for (std::size_t i = 0; i < plan.columns.size(); ++i)
      if (plan.columns[i].path == std::vector<std::string>{plan.key_field} && run.header.columns[i])
        key_column = i;

    Node array = Node::array();
    std::vector<std::uint32_t> source_rows;
    for (const SheetRow* row : rows) {
      Node item = Node::object();
      if (key_column < plan.columns.size() && !base_items.empty()) {
        const Converted key = convert_cell(input_of(cell_at(*row, *run.header.columns[key_column])),
                                           plan.columns[key_column].facets, workbook_.date1904);
        if (key.value)
          if (const auto found = base_items.find(key_text(*key.value)); found != base_items.end())
            item = *found->second;
      }
      const std::string item_path = dataset::append_index(plan.json_path, array.items().size());
      fill_record(item, *row, plan, run, item_path);
      run.rows.push_back({row, no_parent, array.items().size()});
      array.items().push_back(std::move(item));
      source_rows.push_back(row->index);
    }
    Node* at = make_path(tree_, plan.path);
    if (at == nullptr) {
      problem(run.sheet->name,
              "cannot be placed at " + plan.json_path + ": the value around it is not an object");
      return;
    }
    *at = std::move(array);
    sources_.add_array(plan.json_path, run.source, std::move(source_rows));
  }

  void fill_children(const SheetPlan& plan, SheetRun& run, const std::vector<const SheetRow*>& rows) {
    const SheetPlan& parent = plan_.sheets[*plan.parent];
    Node* parents = make_path(tree_, parent.path);
    if (parents == nullptr || !parents->is_array()) {
      problem(run.sheet->name,
              "expected the sheet \"" + parent.names.front() + "\" too: these rows belong to its rows");
      return;
    }
    std::map<std::string, std::size_t> by_key;
    for (std::size_t i = 0; i < parents->items().size(); ++i) {
      Node& record = parents->items()[i];
      if (!record.is_object()) continue;
      record.set(plan.path.front(), Node::array());
      if (const Node* key = record.find(parent.key_field)) by_key.emplace(key_text(*key), i);
    }
    if (runs_[*plan.parent].filled)
      sources_.add_child_sheet(runs_[*plan.parent].source, plan.json_path, run.sheet->name);
    std::vector<std::vector<std::uint32_t>> source_rows(parents->items().size());
    for (const SheetRow* row : rows) {
      const std::uint32_t key_at = *run.header.parent_key;
      const SheetCell* key_cell = cell_at(*row, key_at);
      const std::string location = cell_location(run.sheet->name, row->index, key_at);
      const Converted key = convert_cell(input_of(key_cell), plan.parent_key->facets, workbook_.date1904);
      if (!key.error.empty()) {
        problem(location, key.error);
        continue;
      }
      const auto found = key.value ? by_key.find(key_text(*key.value)) : by_key.end();
      if (found == by_key.end()) {
        problem(location, "expected the " + plan.parent_key->titles.front() + " of a row of sheet \"" +
                              parent.names.front() + "\", found " +
                              (key.value ? found_text(input_of(key_cell)) : std::string("an empty cell")));
        continue;
      }
      Node& children = *parents->items()[found->second].find(plan.path.front());
      const std::string item_path =
          dataset::append_index(dataset::append_index(parent.json_path, found->second) + "." + plan.json_path,
                                children.items().size());
      Node item = Node::object();
      fill_record(item, *row, plan, run, item_path);
      run.rows.push_back({row, found->second, children.items().size()});
      children.items().push_back(std::move(item));
      source_rows[found->second].push_back(row->index);
    }
    for (std::size_t i = 0; i < source_rows.size(); ++i)
      sources_.add_array(dataset::append_index(parent.json_path, i) + "." + plan.json_path, run.source,
                         std::move(source_rows[i]));
  }

  Node* record_of(std::size_t sheet, const RowRef& ref) {
    const SheetPlan& plan = plan_.sheets[sheet];
    if (!plan.parent) {
      Node* array = make_path(tree_, plan.path);
      return array != nullptr && ref.item < array->items().size() ? &array->items()[ref.item] : nullptr;
    }
    Node* parents = make_path(tree_, plan_.sheets[*plan.parent].path);
    if (parents == nullptr || ref.parent >= parents->items().size()) return nullptr;
    Node* children = parents->items()[ref.parent].find(plan.path.front());
    return children != nullptr && ref.item < children->items().size() ? &children->items()[ref.item]
                                                                      : nullptr;
  }

  // Columns titled by values of the dataset (one per questionnaire item), once the rest is read.
  void fill_spread_from() {
    std::optional<dataset::JsonDocument> document;
    for (std::size_t s = 0; s < plan_.sheets.size(); ++s) {
      const SheetPlan& plan = plan_.sheets[s];
      SheetRun& run = runs_[s];
      for (const auto& column : plan.columns) {
        if (column.spread_from == nullptr || !run.filled) continue;
        if (!document) {
          dataset::JsonReadResult read = dataset::try_read_json_text(to_json(tree_), label_);
          if (!read.document) return;
          document = std::move(read.document);
        }
        std::vector<std::string> titles;
        column.spread_from->for_each_match(document->root, [&](const dataset::Value& value) {
          titles.push_back(value.is_number()   ? plain_number(value.number_text()).value_or("")
                           : value.is_string() ? std::string(value.as_string())
                                               : std::string());
        });
        std::vector<std::uint32_t> columns;
        std::vector<std::string> missing;
        for (const auto& title : titles) {
          const auto found = run.header.titles.find(title_key(title));
          if (found == run.header.titles.end())
            missing.push_back(title);
          else
            columns.push_back(found->second);
        }
        if (!missing.empty()) {
          problem(run.sheet->name, "expected a column for each value at " + column.spread_from->text() +
                                       ", found none titled " + quoted_list(missing));
          sources_.add_missing_column(run.source, column.json_path);
          suppress_column(s, column);
          continue;
        }
        for (std::size_t k = 0; k < columns.size(); ++k)
          sources_.add_column(run.source, dataset::append_index(column.json_path, k), columns[k], titles[k]);
        if (!columns.empty())
          sources_.add_column(run.source, column.json_path, columns.front(), titles.front());
        for (const auto& ref : run.rows) {
          Node* record = record_of(s, ref);
          if (record == nullptr) continue;
          Node array = Node::array();
          bool any = false;
          for (const std::uint32_t at : columns) {
            const SheetCell* cell = cell_at(*ref.row, at);
            Converted converted = convert_cell(input_of(cell), column.facets, workbook_.date1904);
            if (!converted.error.empty())
              problem(cell_location(run.sheet->name, ref.row->index, at), converted.error);
            any = any || converted.value.has_value();
            array.items().push_back(converted.value ? std::move(*converted.value) : Node::null());
          }
          if (any) {
            if (Node* at = make_path(*record, column.path)) *at = std::move(array);
          } else {
            erase_path(*record, column.path);
          }
        }
      }
    }
  }

  void suppress_column(std::size_t sheet, const ColumnPlan& column) {
    const SheetPlan& plan = plan_.sheets[sheet];
    for (const auto& ref : runs_[sheet].rows) {
      const std::string item =
          plan.parent ? dataset::append_index(
                            dataset::append_index(plan_.sheets[*plan.parent].json_path, ref.parent) + "." +
                                plan.json_path,
                            ref.item)
                      : dataset::append_index(plan.json_path, ref.item);
      sources_.suppress(item + "." + column.json_path);
    }
  }

  void apply_defaults() {
    for (const auto& value : plan_.values) {
      if (value.facets.default_value == nullptr || find_path(tree_, value.path) != nullptr) continue;
      std::vector<std::string> holder(value.path.begin(), value.path.end() - 1);
      if (!holder.empty() && find_path(tree_, holder) == nullptr) continue;
      if (Node* at = make_path(tree_, value.path)) *at = Node::from_value(*value.facets.default_value);
    }
  }

  const dataset::Schema& schema_;
  const ImportPlan& plan_;
  const Workbook& workbook_;
  std::string label_;
  const ImportOptions& options_;
  Node tree_;
  SourceMap sources_;
  std::vector<Diagnostic> problems_;
  const Sheet* values_sheet_ = nullptr;
  std::vector<const Sheet*> sheet_of_;
  std::vector<SheetRun> runs_;
};

}  // namespace

ImportResult map_workbook(const dataset::Schema& schema, const ImportPlan& plan, const Workbook& workbook,
                          const std::string& file_label, const ImportOptions& options) {
  return Importer(schema, plan, workbook, file_label, options).run();
}

}  // namespace raingan::intake
