#include "intake/importer.h"

#include <algorithm>
#include <map>

#include "dataset/json_path.h"
#include "dataset/schema_validator.h"
#include "intake/cell_conversion.h"
#include "intake/cell_text.h"
#include "intake/record_filler.h"
#include "intake/record_tree.h"
#include "intake/sheet_header.h"
#include "intake/sheet_matching.h"
#include "intake/source_map.h"

namespace raingan::intake {
namespace {

constexpr std::size_t no_parent = static_cast<std::size_t>(-1);

// A key as records are joined by: numbers by value (1 and 1.0 are one key).
std::string key_text(const Node& node) {
  if (node.kind() == Node::Kind::number) return plain_number(node.text()).value_or(node.text());
  return scalar_text(node);
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
    const SheetMatch matched = match_sheets(plan_, workbook_, result.notes);
    values_sheet_ = matched.values;
    sheet_of_ = matched.sheets;
    if (!matched.problem.empty()) problem(workbook_.sheets.front().name, matched.problem);
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
    // The dataset path of each problem: from its cell, or what the validator said it of.
    std::vector<std::string> validated_paths(problems_.size());
    if (read.document) {
      for (auto& problem : dataset::validate(*read.document, schema_))
        for (auto& [translated, path] : sources_.translate(std::move(problem))) {
          translated.file = label_;
          problems_.push_back(std::move(translated));
          validated_paths.push_back(std::move(path));
        }
      result.document = std::move(read.document);
    }
    validated_paths.resize(problems_.size());
    result.json_paths = sources_.json_paths(problems_);
    for (std::size_t i = 0; i < problems_.size(); ++i)
      if (result.json_paths[i].empty()) result.json_paths[i] = std::move(validated_paths[i]);
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
        filler_.put(tree_, column, input_of(cell_at(row, cell.column + 1)), location, column.json_path);
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
      filler_.put(tree_, *target, cell, location, target->json_path);
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
      filler_.fill(item, *row, plan, run.header, run.sheet->name, item_path);
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
      filler_.fill(item, *row, plan, run.header, run.sheet->name, item_path);
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
  RecordFiller filler_{workbook_.date1904, sources_, problems_, label_};
};

}  // namespace

ImportResult map_workbook(const dataset::Schema& schema, const ImportPlan& plan, const Workbook& workbook,
                          const std::string& file_label, const ImportOptions& options) {
  return Importer(schema, plan, workbook, file_label, options).run();
}

}  // namespace raingan::intake
