#pragma once
// What a kind's schema says about importing it, worked out once: the sheet of single values (a title
// column and a value column), and one sheet per array of records the schema names with x-sheet, with the
// column that fills each field. An array of records inside a record of another sheet (the schools merged
// into a host school) has a sheet of its own whose rows name the record they belong to by its key
// (x-unique) in a parent column.

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "dataset/path_pattern.h"
#include "dataset/schema.h"
#include "intake/schema_facets.h"

namespace raingan::intake {

struct ColumnPlan {
  std::vector<std::string> path;    // member names from the record (sheets) or from the root (single values)
  std::string json_path;            // the same as messages write it: "responsible.name", "by_quarter[2]"
  std::vector<std::string> titles;  // the first is written; each is accepted
  std::vector<std::string> title_keys;  // the titles as compared (title_key)
  Facets facets;                        // the value's, or for a list or a spread the items'
  enum class Shape { single, list, spread } shape = Shape::single;
  // list: an array of single values in one cell, one per line. spread: one column per item, either the
  // spread_index-th of fixed titles, or one per value of spread_from (titles known from the dataset).
  std::size_t spread_index = 0;
  const dataset::PathPattern* spread_from = nullptr;
  bool required = false;  // required at every level from the record (or the root)
  bool nullable = false;  // null allowed: an empty cell of a required value is null
};

struct SheetPlan {
  std::vector<std::string> names;        // the first is written; each is accepted
  std::vector<std::string> path;         // member names to the array, from the root or the parent's record
  std::string json_path;                 // "students", or for a child sheet "merged"
  std::optional<std::size_t> parent;     // the sheet whose records hold this array
  std::string key_field;                 // x-unique of the array, when it has one
  std::optional<ColumnPlan> parent_key;  // child sheets: the column naming the parent record's key
  std::vector<ColumnPlan> columns;
  Facets facets;  // the array's
  bool required = false;
};

struct ImportPlan {
  std::string kind;
  std::string schema_file;
  std::vector<std::string> values_sheet;  // names of the single values' sheet (the first is written)
  std::vector<ColumnPlan> values;
  std::vector<SheetPlan> sheets;  // a parent before its children
};

// Throws InputError naming the schema file and the place in it when the sheet keywords do not fit
// together (x-sheet on what is not an array of objects, a child sheet without a key to join by, two
// columns of one sheet with the same title …).
ImportPlan make_import_plan(const dataset::Schema& schema);

inline constexpr const char* default_values_sheet = "ข้อมูลทั่วไป";
inline constexpr const char* values_label_title = "รายการ";
inline constexpr const char* values_value_title = "ข้อมูล";
inline constexpr const char* explanations_sheet = "คำอธิบาย";  // the import sheet's guide to its columns

}  // namespace raingan::intake
