#include "intake/import_plan.h"

#include <map>
#include <set>

#include "core/diagnostic.h"
#include "dataset/json_path.h"
#include "intake/cell_text.h"

namespace raingan::intake {
namespace {

using dataset::SchemaNode;

constexpr std::size_t max_object_depth = 16;

bool is_array_of_objects(const Facets& facets) {
  return facets.items != nullptr && facets_of(*facets.items).is_object();
}

std::vector<std::string> with_alias(std::vector<std::string> titles, const std::string& alias) {
  for (const auto& title : titles)
    if (title_key(title) == title_key(alias)) return titles;
  titles.push_back(alias);
  return titles;
}

class Planner {
 public:
  explicit Planner(const dataset::Schema& schema) : schema_(schema) {}

  ImportPlan run() {
    plan_.schema_file = schema_.file();
    const Facets root = facets_of(schema_.root());
    plan_.values_sheet = root.hints.sheet_names.empty() ? std::vector<std::string>{default_values_sheet}
                                                        : root.hints.sheet_names;
    if (const SchemaNode* const_kind = property(root, "kind"))
      if (const Facets kind = facets_of(*const_kind); kind.const_value && kind.const_value->is_string())
        plan_.kind = kind.const_value->as_string();
    walk_values(root, {}, "", true, 0);
    check_titles();
    const auto keys = [](ColumnPlan& column) {
      column.title_keys.clear();
      for (const auto& title : column.titles) column.title_keys.push_back(title_key(title));
    };
    for (auto& value : plan_.values) keys(value);
    for (auto& sheet : plan_.sheets) {
      for (auto& column : sheet.columns) keys(column);
      if (sheet.parent_key) keys(*sheet.parent_key);
    }
    if (!problems_.empty()) throw InputError(std::move(problems_));
    return std::move(plan_);
  }

 private:
  static const SchemaNode* property(const Facets& facets, const std::string& name) {
    if (facets.object == nullptr) return nullptr;
    const auto found = facets.object->properties.find(name);
    return found == facets.object->properties.end() ? nullptr : found->second;
  }

  void problem(const SchemaNode& node, std::string message) {
    problems_.push_back({schema_.file(), node.location, std::move(message)});
  }

  static bool is_required(const Facets& holder, const std::string& name) {
    if (holder.object == nullptr) return false;
    for (const auto& field : holder.object->required)
      if (field == name) return true;
    return false;
  }

  // The single values below the root, through objects.
  // An object's x-column is the prefix of its fields' titles: "ผู้อำนวยการสำนักงาน (ชื่อ)".
  static std::string prefixed(const std::string& prefix, const Facets& object) {
    if (object.hints.column_titles.empty()) return prefix;
    return prefix.empty() ? object.hints.column_titles.front()
                          : prefix + " " + object.hints.column_titles.front();
  }

  void walk_values(const Facets& holder, std::vector<std::string> path, const std::string& json_path,
                   bool required, std::size_t depth, const std::string& prefix = {}) {
    if (holder.object == nullptr || depth > max_object_depth) return;
    for (const auto& name : holder.object->property_order) {
      const SchemaNode& node = *holder.object->properties.at(name);
      const Facets facets = facets_of(node);
      std::vector<std::string> at = path;
      at.push_back(name);
      const std::string at_json = dataset::append_key(json_path, name);
      const bool at_required = required && is_required(holder, name);
      if (depth == 0 && name == "kind" && facets.const_value != nullptr) continue;
      if (is_array_of_objects(facets)) {
        if (facets.hints.sheet_from_title || !facets.hints.sheet_names.empty())
          add_sheet(facets, at, at_json, std::nullopt, at_required);
        continue;
      }
      if (!facets.hints.sheet_names.empty()) problem(node, "expected x-sheet on an array of objects only");
      if (facets.is_object()) {
        walk_values(facets, at, at_json, at_required, depth + 1, prefixed(prefix, facets));
        continue;
      }
      add_columns(plan_.values, node, facets, at, at_json, at_required, prefix);
    }
  }

  void add_sheet(const Facets& facets, const std::vector<std::string>& path, const std::string& json_path,
                 std::optional<std::size_t> parent, bool required) {
    SheetPlan sheet;
    sheet.names = facets.hints.sheet_names;
    if (sheet.names.empty()) sheet.names.push_back(facets.title.empty() ? path.back() : facets.title);
    for (auto& name : sheet.names)
      if (name.size() > 31 * 3) name.resize(31 * 3);  // Excel's 31 characters, Thai ones being 3 bytes
    sheet.path = path;
    sheet.json_path = json_path;
    sheet.parent = parent;
    sheet.key_field = facets.unique_field;
    sheet.facets = facets;
    sheet.required = required;
    const std::size_t index = plan_.sheets.size();
    plan_.sheets.push_back(sheet);

    const Facets item = facets_of(*facets.items);
    std::vector<ColumnPlan> columns;
    std::vector<std::pair<const SchemaNode*, std::string>> children;  // arrays of records inside
    walk_record(item, {}, "", true, 0, columns, children, parent.has_value(), {});
    plan_.sheets[index].columns = std::move(columns);

    for (const auto& [child_node, name] : children) {
      const Facets child = facets_of(*child_node);
      if (parent) {
        problem(*child_node,
                "expected x-sheet on arrays at most one array deep (a sheet of a sheet's records), "
                "found it deeper");
        continue;
      }
      if (sheet.key_field.empty()) {
        problem(*child_node, "expected x-unique on the array around it (" + json_path +
                                 "): its rows name the record they belong to by that key");
        continue;
      }
      const std::size_t child_index = plan_.sheets.size();
      add_sheet(child, {name}, name, index, is_required(item, name));
      SheetPlan& added = plan_.sheets[child_index];
      // The parent column: x-parent-column, else the parent key's own column titles.
      for (const auto& column : plan_.sheets[index].columns) {
        if (column.path == std::vector<std::string>{sheet.key_field}) {
          ColumnPlan key = column;
          if (!child.hints.parent_column.empty()) key.titles = child.hints.parent_column;
          key.required = true;
          added.parent_key = key;
        }
      }
      if (!added.parent_key)
        problem(*child_node, "expected the key " + sheet.key_field + " of " + json_path +
                                 " to be a column of its sheet, found it without one");
    }
  }

  void walk_record(const Facets& holder, std::vector<std::string> path, const std::string& json_path,
                   bool required, std::size_t depth, std::vector<ColumnPlan>& columns,
                   std::vector<std::pair<const SchemaNode*, std::string>>& children, bool is_child,
                   const std::string& prefix) {
    if (holder.object == nullptr || depth > max_object_depth) return;
    for (const auto& name : holder.object->property_order) {
      const SchemaNode& node = *holder.object->properties.at(name);
      const Facets facets = facets_of(node);
      std::vector<std::string> at = path;
      at.push_back(name);
      const std::string at_json = dataset::append_key(json_path, name);
      const bool at_required = required && is_required(holder, name);
      if (is_array_of_objects(facets)) {
        if (facets.hints.sheet_from_title || !facets.hints.sheet_names.empty()) {
          if (depth > 0 || is_child)
            problem(node, "expected x-sheet on arrays at most one array deep, directly in a record");
          else
            children.emplace_back(&node, name);
        }
        continue;
      }
      if (facets.is_object()) {
        walk_record(facets, at, at_json, at_required, depth + 1, columns, children, is_child,
                    prefixed(prefix, facets));
        continue;
      }
      add_columns(columns, node, facets, at, at_json, at_required, prefix);
    }
  }

  void add_columns(std::vector<ColumnPlan>& columns, const SchemaNode& node, const Facets& facets,
                   const std::vector<std::string>& path, const std::string& json_path, bool required,
                   const std::string& prefix) {
    ColumnPlan column;
    column.path = path;
    column.json_path = json_path;
    column.required = required;
    column.nullable = facets.allows(dataset::type_null) && facets.types != 0;
    if (facets.is_array()) {
      if (facets.items == nullptr) return;
      column.facets = facets_of(*facets.items);
      if (column.facets.is_array() || column.facets.is_object()) return;  // not a spreadsheet's shape
      if (!facets.hints.spread_titles.empty()) {
        column.shape = ColumnPlan::Shape::spread;
        for (std::size_t i = 0; i < facets.hints.spread_titles.size(); ++i) {
          ColumnPlan one = column;
          one.spread_index = i;
          one.json_path = dataset::append_index(json_path, i);
          one.titles = with_alias({prefix.empty() ? facets.hints.spread_titles[i]
                                                  : prefix + " (" + facets.hints.spread_titles[i] + ")"},
                                  dataset::append_index(json_path, i));
          columns.push_back(std::move(one));
        }
        return;
      }
      if (facets.hints.spread_from) {
        if (!node.sheet.spread_from) {
          problem(node, "expected x-columns-from on the array itself, not through $ref");
          return;
        }
        column.shape = ColumnPlan::Shape::spread;
        column.spread_from = &*node.sheet.spread_from;
        column.titles = {json_path};
        columns.push_back(std::move(column));
        return;
      }
      column.shape = ColumnPlan::Shape::list;
    } else {
      column.facets = facets;
    }
    std::vector<std::string> titles = facets.hints.column_titles;
    if (titles.empty()) titles.push_back(facets.title.empty() ? json_path : facets.title);
    if (!prefix.empty())
      for (auto& title : titles) title = prefix + " (" + title + ")";
    column.titles = with_alias(std::move(titles), json_path);
    columns.push_back(std::move(column));
  }

  void check_titles() {
    std::map<std::string, std::string> sheet_names;
    const auto check_sheet_name = [&](const std::string& name, const std::string& what) {
      const auto [at, added] = sheet_names.emplace(title_key(name), what);
      if (!added && at->second != what)
        problems_.push_back({schema_.file(), "",
                             "expected each sheet name once, found \"" + name + "\" for both " + at->second +
                                 " and " + what});
    };
    for (const auto& name : plan_.values_sheet) check_sheet_name(name, "the single values");
    for (const auto& sheet : plan_.sheets) {
      for (const auto& name : sheet.names) check_sheet_name(name, sheet.json_path);
      std::map<std::string, std::string> titles;
      std::vector<const ColumnPlan*> all;
      if (sheet.parent_key) all.push_back(&*sheet.parent_key);
      for (const auto& column : sheet.columns) all.push_back(&column);
      for (const ColumnPlan* column : all)
        for (const auto& title : column->titles) {
          const auto [at, added] = titles.emplace(title_key(title), column->json_path);
          if (!added && at->second != column->json_path)
            problems_.push_back({schema_.file(), sheet.json_path,
                                 "expected each column title of sheet \"" + sheet.names.front() +
                                     "\" once, found \"" + title + "\" for both " + at->second + " and " +
                                     column->json_path +
                                     (column == all.front() && sheet.parent_key
                                          ? " (give the parent column an x-parent-column)"
                                          : "")});
        }
    }
    std::map<std::string, std::string> labels;
    for (const auto& value : plan_.values)
      for (const auto& title : value.titles) {
        const auto [at, added] = labels.emplace(title_key(title), value.json_path);
        if (!added && at->second != value.json_path)
          problems_.push_back({schema_.file(), value.json_path,
                               "expected each title of the single values once, found \"" + title +
                                   "\" for both " + at->second + " and " + value.json_path});
      }
  }

  const dataset::Schema& schema_;
  ImportPlan plan_;
  std::vector<Diagnostic> problems_;
};

}  // namespace

ImportPlan make_import_plan(const dataset::Schema& schema) { return Planner(schema).run(); }

}  // namespace raingan::intake
