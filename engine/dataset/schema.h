#pragma once
// A dataset schema (/datasets/schemas/<kind>.schema.json): a subset of JSON Schema draft-07 plus raingan's
// x-money, x-unique, x-references, x-ascending and x-count-of (and the spreadsheet keywords of SheetHints),
// compiled once so that validating a large dataset is linear. A schema that uses anything outside that language is rejected with the schema file and
// the path in it.

#include <cstddef>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "dataset/ecma_pattern.h"
#include "dataset/json_value.h"
#include "dataset/path_pattern.h"
#include "dataset/value_store.h"
#include "format/decimal.h"

namespace raingan::dataset {

// The JSON types a schema names, as bits ("integer" is a number with no fractional part).
enum TypeBit : unsigned {
  type_object = 1U << 0,
  type_array = 1U << 1,
  type_string = 1U << 2,
  type_number = 1U << 3,
  type_integer = 1U << 4,
  type_boolean = 1U << 5,
  type_null = 1U << 6,
};

// x-ascending: numbers compare by exact value, strings by code point (right for ISO dates and codes, not a
// Thai dictionary order).
struct AscendingRule {
  std::string field;
  bool nulls_last = false;  // null allowed as the last item's value only
};

// Where a value comes from in a spreadsheet (raingan import, engine/intake); validation ignores these.
struct SheetHints {
  // x-sheet, on an array of objects: the sheet whose rows are its items, then other names the sheet may
  // have. On the root: the sheet of the single values (a label column and a value column).
  std::vector<std::string> sheet_names;
  bool sheet_from_title = false;  // "x-sheet": true: the sheet is named by the array's title
  // x-column: the column's title as offices write it, then aliases.
  std::vector<std::string> column_titles;
  // x-columns, on an array of single values: one column per item, titled in order.
  std::vector<std::string> spread_titles;
  // x-columns-from, on an array of single values: one column per value the pattern reaches in the dataset,
  // titled with that value (one answer per questionnaire item).
  std::optional<PathPattern> spread_from;
  // x-parent-column, on an array of objects inside an item of another: the title of the column that holds
  // the key (x-unique) of the item each row belongs to.
  std::vector<std::string> parent_column;
  // x-aliases: what a cell may say instead of a value ({"ประถมศึกษาปีที่ 2": "ป.2"}).
  std::vector<std::pair<std::string, Value>> aliases;
};

// One schema object, keywords already checked.
struct SchemaNode {
  std::string location;  // where it sits in the schema file, e.g. properties.schools.items

  unsigned types = 0;  // 0: any type
  const SchemaNode* ref = nullptr;
  std::optional<Value> const_value;
  std::vector<Value> enum_values;

  // Objects. Unknown fields are checked when the node speaks about objects (properties,
  // additionalProperties or "type": "object").
  std::map<std::string, const SchemaNode*, std::less<>> properties;
  std::vector<std::string> property_order;
  std::vector<std::string> required;
  bool additional_properties = false;
  bool checks_unknown_fields = false;

  // Arrays.
  const SchemaNode* items = nullptr;
  std::optional<std::size_t> min_items;
  std::optional<std::size_t> max_items;
  std::string unique_field;                // x-unique
  std::optional<AscendingRule> ascending;  // x-ascending
  // x-count-of: as many items as the pattern reaches in the dataset (one answer per questionnaire item,
  // "aspects[*].items[*]"); a {field} filter reads the object that holds the array.
  std::optional<PathPattern> count_of;

  // Strings (lengths in code points).
  std::optional<std::size_t> min_length;
  std::optional<std::size_t> max_length;
  std::optional<EcmaPattern> pattern;
  bool date_format = false;
  bool file_format = false;  // "format": "file": a path relative to the dataset's folder

  // Numbers, compared exactly.
  std::optional<format::Decimal> minimum;
  std::optional<format::Decimal> maximum;
  std::optional<format::Decimal> exclusive_minimum;
  std::optional<format::Decimal> exclusive_maximum;
  bool money = false;  // x-money

  std::optional<PathPattern> references;  // x-references (strings and numbers)

  // Documentation that the spreadsheet intake also reads.
  std::string title;
  std::optional<Value> default_value;
  SheetHints sheet;
};

class Schema {
 public:
  // Throw InputError naming the schema file and the path inside it for every problem found.
  static Schema load_file(const std::filesystem::path& path);
  static Schema load_text(std::string_view text, std::string file_label);

  Schema(Schema&&) noexcept;
  Schema& operator=(Schema&&) noexcept;
  ~Schema();

  const SchemaNode& root() const noexcept { return *root_; }
  const std::string& file() const noexcept { return file_; }
  const std::string& title() const noexcept { return title_; }

 private:
  Schema() = default;
  std::string file_;
  std::string title_;
  std::vector<std::unique_ptr<SchemaNode>> nodes_;
  const SchemaNode* root_ = nullptr;
  ValueStore values_;  // what the nodes' const and enum values refer to

  friend class SchemaCompiler;
};

// Phrase for a set of types: "a string", "an integer or null".
std::string type_phrase(unsigned types);

}  // namespace raingan::dataset
