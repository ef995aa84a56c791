#include "dataset/schema.h"

#include <array>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "core/diagnostic.h"
#include "dataset/json_path.h"
#include "dataset/json_reader.h"
#include "dataset/schema_sheet_keywords.h"
#include "format/value_error.h"

namespace raingan::dataset {
namespace {

struct TypeName {
  std::string_view name;
  unsigned bit;
};
constexpr std::array<TypeName, 7> type_names = {{{"object", type_object},
                                                 {"array", type_array},
                                                 {"string", type_string},
                                                 {"number", type_number},
                                                 {"integer", type_integer},
                                                 {"boolean", type_boolean},
                                                 {"null", type_null}}};

constexpr std::string_view known_keywords =
    "type, const, enum, properties, required, additionalProperties, items, minItems, maxItems, minLength, "
    "maxLength, pattern, format, minimum, maximum, exclusiveMinimum, exclusiveMaximum, $ref, definitions, "
    "title, description, default, examples, x-money, x-unique, x-references, x-ascending, x-count-of, "
    "x-sheet, x-column, x-columns, x-columns-from, x-parent-column, x-aliases";

constexpr std::string_view definitions_prefix = "#/definitions/";

std::string in_quotes(std::string_view text) { return "\"" + std::string(text) + "\""; }

}  // namespace

// Turns the JSON of a schema into SchemaNodes, collecting every problem before giving up.
class SchemaCompiler {
 public:
  explicit SchemaCompiler(std::string file) : file_(std::move(file)) {}

  // The schema keeps the document's store: its const and enum values are values of the document.
  Schema compile(JsonDocument document) {
    const Value& json = document.root;
    Schema schema;
    schema.file_ = file_;
    schema.values_ = std::move(document.store);
    schema_ = &schema;
    if (const Value* definitions = json.find("definitions")) compile_definitions(*definitions);
    schema.root_ = compile_node(json, "", true);
    if (const Value* title = json.find("title"); title != nullptr && title->is_string())
      schema.title_ = title->as_string();
    resolve_references();
    if (!problems_.empty()) throw InputError(std::move(problems_));
    return schema;
  }

 private:
  struct PendingRef {
    SchemaNode* node;
    std::string name;
    std::string location;
  };

  void problem(const std::string& location, std::string message) {
    problems_.push_back({file_, location, std::move(message)});
  }

  SchemaNode* new_node(std::string location) {
    schema_->nodes_.push_back(std::make_unique<SchemaNode>());
    SchemaNode* node = schema_->nodes_.back().get();
    node->location = std::move(location);
    return node;
  }

  void compile_definitions(const Value& definitions) {
    const std::string location = "definitions";
    if (!definitions.is_object()) return;  // reported when the root's keywords are read
    // Create every definition first so that $ref may point forward or to itself.
    for (const auto& member : definitions.members())
      definitions_.emplace(member.key(), new_node(append_key(location, member.key())));
  }

  std::optional<std::size_t> count(const Value& value, const std::string& location) {
    if (value.is_number()) {
      const format::Decimal number = value.as_decimal();
      if (number.is_integer() && !number.negative())
        if (const auto exact = number.to_int64()) return static_cast<std::size_t>(*exact);
    }
    problem(location, "expected a whole number >= 0, found " + describe(value));
    return std::nullopt;
  }

  std::optional<format::Decimal> number(const Value& value, const std::string& location) {
    if (value.is_number()) return value.as_decimal();
    problem(location, "expected a number, found " + describe(value));
    return std::nullopt;
  }

  std::optional<std::string> text(const Value& value, const std::string& location) {
    if (value.is_string()) return std::string(value.as_string());
    problem(location, "expected a string, found " + describe(value));
    return std::nullopt;
  }

  unsigned parse_type(const Value& value, const std::string& location) {
    const auto one = [&](const Value& name, const std::string& where) -> unsigned {
      if (name.is_string())
        for (const auto& known : type_names)
          if (known.name == name.as_string()) return known.bit;
      problem(where,
              "expected one of \"object\", \"array\", \"string\", \"number\", \"integer\", \"boolean\", "
              "\"null\", "
              "found " +
                  describe(name));
      return 0;
    };
    if (value.is_array()) {
      if (value.items().empty()) problem(location, "expected at least one type name, found an empty array");
      unsigned bits = 0;
      for (std::size_t i = 0; i < value.items().size(); ++i) {
        const unsigned bit = one(value.items()[i], append_index(location, i));
        if ((bits & bit) != 0) problem(append_index(location, i), "expected each type once, found a repeat");
        bits |= bit;
      }
      return bits;
    }
    return one(value, location);
  }

  SchemaNode* compile_node(const Value& json, const std::string& location, bool is_root,
                           SchemaNode* prepared = nullptr) {
    SchemaNode* node = prepared != nullptr ? prepared : new_node(location);
    if (!json.is_object()) {
      problem(location, "expected a schema object such as {\"type\": \"string\"}, found " + describe(json));
      return node;
    }
    bool speaks_of_objects = false;
    for (const auto& member : json.members()) {
      const std::string_view key = member.key();
      const Value& value = member.value;
      const std::string at = append_key(location, key);
      if (key == "type") {
        node->types = parse_type(value, at);
        if ((node->types & type_object) != 0) speaks_of_objects = true;
      } else if (key == "const") {
        node->const_value = value;
      } else if (key == "enum") {
        if (!value.is_array() || value.items().empty())
          problem(at, "expected a non-empty array of the allowed values, found " + describe(value));
        else
          node->enum_values.assign(value.items().begin(), value.items().end());
      } else if (key == "properties") {
        speaks_of_objects = true;
        if (!value.is_object()) {
          problem(at, "expected an object mapping each field to its schema, found " + describe(value));
          continue;
        }
        for (const auto& property : value.members()) {
          const std::string name(property.key());
          node->properties[name] = compile_node(property.value, append_key(at, name), false);
          node->property_order.push_back(name);
        }
      } else if (key == "required") {
        if (!value.is_array()) {
          problem(at, "expected an array of field names, found " + describe(value));
          continue;
        }
        std::set<std::string, std::less<>> seen;
        for (std::size_t i = 0; i < value.items().size(); ++i) {
          const Value& name = value.items()[i];
          if (!name.is_string()) {
            problem(append_index(at, i), "expected a field name, found " + describe(name));
          } else if (!seen.emplace(name.as_string()).second) {
            problem(append_index(at, i),
                    "expected each required field once, found " + describe(name) + " again");
          } else {
            node->required.emplace_back(name.as_string());
          }
        }
      } else if (key == "additionalProperties") {
        speaks_of_objects = true;
        if (value.is_boolean())
          node->additional_properties = value.as_bool();
        else
          problem(at, "expected true or false (schemas for additional fields are not supported), found " +
                          describe(value));
      } else if (key == "items") {
        if (value.is_array())
          problem(at, "expected one schema for every item (tuples are not supported), found an array");
        else
          node->items = compile_node(value, at, false);
      } else if (key == "minItems") {
        node->min_items = count(value, at);
      } else if (key == "maxItems") {
        node->max_items = count(value, at);
      } else if (key == "minLength") {
        node->min_length = count(value, at);
      } else if (key == "maxLength") {
        node->max_length = count(value, at);
      } else if (key == "pattern") {
        if (const auto source = text(value, at)) {
          try {
            node->pattern.emplace(*source);
          } catch (const format::ValueError& error) {
            problem(at, error.what());
          }
        }
      } else if (key == "format") {
        if (value.is_string() && value.as_string() == "date")
          node->date_format = true;
        else if (value.is_string() && value.as_string() == "file")
          node->file_format = true;
        else
          problem(at, "expected \"date\" or \"file\" (the formats supported), found " + describe(value));
      } else if (key == "minimum") {
        node->minimum = number(value, at);
      } else if (key == "maximum") {
        node->maximum = number(value, at);
      } else if (key == "exclusiveMinimum") {
        node->exclusive_minimum = number(value, at);
      } else if (key == "exclusiveMaximum") {
        node->exclusive_maximum = number(value, at);
      } else if (key == "$ref") {
        if (const auto target = text(value, at)) {
          if (target->substr(0, definitions_prefix.size()) != definitions_prefix ||
              target->size() == definitions_prefix.size())
            problem(at, "expected \"#/definitions/<name>\", found " + in_quotes(*target));
          else
            pending_refs_.push_back({node, target->substr(definitions_prefix.size()), at});
        }
      } else if (key == "definitions") {
        if (!is_root) {
          problem(at, "expected definitions only at the top of the schema, found them here");
        } else if (!value.is_object()) {
          problem(at, "expected an object of named schemas, found " + describe(value));
        } else {
          for (const auto& definition : value.members())
            compile_node(definition.value, append_key(at, definition.key()), false,
                         definitions_.at(std::string(definition.key())));
        }
      } else if (key == "title") {
        if (const auto title = text(value, at)) node->title = *title;
      } else if (key == "description") {
        text(value, at);
      } else if (key == "default") {
        node->default_value = value;
      } else if (key == "examples") {
        // Documentation only.
      } else if (read_sheet_keyword(node->sheet, key, value, at, sheet_problems_)) {
        for (auto& [where, message] : sheet_problems_) problem(where, std::move(message));
        sheet_problems_.clear();
      } else if (key == "x-money") {
        if (value.is_boolean())
          node->money = value.as_bool();
        else
          problem(at, "expected true or false, found " + describe(value));
      } else if (key == "x-unique") {
        if (value.is_string() && !value.as_string().empty())
          node->unique_field = value.as_string();
        else
          problem(at, "expected the name of the field that must be unique, found " + describe(value));
      } else if (key == "x-references") {
        if (const auto source = text(value, at)) {
          try {
            node->references = PathPattern::parse(*source);
          } catch (const format::ValueError& error) {
            problem(at, error.what());
          }
        }
      } else if (key == "x-ascending") {
        compile_ascending(*node, value, at);
      } else if (key == "x-count-of") {
        if (const auto source = text(value, at)) {
          try {
            node->count_of = PathPattern::parse(*source);
          } catch (const format::ValueError& error) {
            problem(at, error.what());
          }
        }
      } else {
        problem(at,
                "expected a schema keyword (" + std::string(known_keywords) + "), found " + in_quotes(key));
      }
    }
    node->checks_unknown_fields = speaks_of_objects && !node->additional_properties;
    check_consistency(*node, location);
    return node;
  }

  void compile_ascending(SchemaNode& node, const Value& value, const std::string& at) {
    if (!value.is_object()) {
      problem(at, "expected {\"field\": \"<name>\", \"nulls\": \"last\"}, found " + describe(value));
      return;
    }
    AscendingRule rule;
    for (const auto& member : value.members()) {
      const std::string where = append_key(at, member.key());
      if (member.key() == "field") {
        if (const auto field = text(member.value, where)) rule.field = *field;
      } else if (member.key() == "nulls") {
        if (member.value.is_string() && member.value.as_string() == "last")
          rule.nulls_last = true;
        else
          problem(where, "expected \"last\", found " + describe(member.value));
      } else {
        problem(where, "expected \"field\" or \"nulls\", found " + in_quotes(member.key()));
      }
    }
    if (rule.field.empty())
      problem(at, "expected a \"field\" naming what the items ascend by, found none");
    else
      node.ascending = rule;
  }

  void check_consistency(const SchemaNode& node, const std::string& location) {
    const auto allows = [&node](unsigned bits) { return node.types == 0 || (node.types & bits) != 0; };
    if (node.checks_unknown_fields)
      for (const auto& field : node.required)
        if (node.properties.find(field) == node.properties.end())
          problem(append_key(location, "required"),
                  "expected every required field to be listed in properties, found " + in_quotes(field) +
                      " missing there (no dataset could pass)");
    if (node.money && !allows(type_number | type_integer))
      problem(append_key(location, "x-money"),
              "expected x-money on a number, found it on " + type_phrase(node.types));
    if (!node.unique_field.empty() && !allows(type_array))
      problem(append_key(location, "x-unique"),
              "expected x-unique on an array, found it on " + type_phrase(node.types));
    if (node.ascending && !allows(type_array))
      problem(append_key(location, "x-ascending"),
              "expected x-ascending on an array, found it on " + type_phrase(node.types));
    if (node.count_of && !allows(type_array))
      problem(append_key(location, "x-count-of"),
              "expected x-count-of on an array, found it on " + type_phrase(node.types));
    if (node.references && !allows(type_string | type_number | type_integer))
      problem(append_key(location, "x-references"),
              "expected x-references on a string or number, found it on " + type_phrase(node.types));
  }

  void resolve_references() {
    for (const auto& pending : pending_refs_) {
      const auto found = definitions_.find(pending.name);
      if (found == definitions_.end()) {
        std::string names;
        for (const auto& [name, node] : definitions_) names += (names.empty() ? "" : ", ") + name;
        problem(pending.location, "expected a reference to one of the definitions (" +
                                      (names.empty() ? std::string("there are none") : names) + "), found " +
                                      in_quotes(std::string(definitions_prefix) + pending.name));
        continue;
      }
      pending.node->ref = found->second;
    }
    // A chain of $ref that comes back to itself would never reach a schema that checks anything.
    for (const auto& pending : pending_refs_) {
      std::unordered_set<const SchemaNode*> seen{pending.node};
      for (const SchemaNode* step = pending.node->ref; step != nullptr; step = step->ref) {
        if (!seen.insert(step).second) {
          problem(pending.location, "expected $ref to lead to a schema, found a cycle of $ref");
          break;
        }
      }
    }
  }

  std::string file_;
  Schema* schema_ = nullptr;
  std::vector<Diagnostic> problems_;
  std::unordered_map<std::string, SchemaNode*> definitions_;
  std::vector<PendingRef> pending_refs_;
  std::vector<std::pair<std::string, std::string>> sheet_problems_;
};

Schema::Schema(Schema&&) noexcept = default;
Schema& Schema::operator=(Schema&&) noexcept = default;
Schema::~Schema() = default;

Schema Schema::load_text(std::string_view text, std::string file_label) {
  JsonDocument document = read_json_text(text, file_label);
  return SchemaCompiler(std::move(file_label)).compile(std::move(document));
}

Schema Schema::load_file(const std::filesystem::path& path) {
  JsonDocument document = read_json_file(path);
  return SchemaCompiler(path.string()).compile(std::move(document));
}

std::string type_phrase(unsigned types) {
  if (types == 0) return "any value";
  std::string phrase;
  std::size_t written = 0;
  std::size_t total = 0;
  for (const auto& known : type_names)
    if ((types & known.bit) != 0) ++total;
  for (const auto& known : type_names) {
    if ((types & known.bit) == 0) continue;
    std::string word;
    if (known.bit == type_null) {
      word = "null";
    } else if (known.bit == type_boolean) {
      word = "true or false";
    } else {
      const bool vowel = known.name[0] == 'o' || known.name[0] == 'a' || known.name[0] == 'i';
      word = std::string(vowel ? "an " : "a ") + std::string(known.name);
    }
    if (written > 0) phrase += written + 1 == total ? " or " : ", ";
    phrase += word;
    ++written;
  }
  return phrase;
}

}  // namespace raingan::dataset
