#include "dataset/schema_validator.h"

#include <filesystem>
#include <span>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "dataset/json_path.h"
#include "format/money.h"
#include "format/thai_date.h"
#include "format/value_error.h"

namespace raingan::dataset {
namespace {

// The path to the value being checked, kept as a chain on the stack and written out only for a message.
struct PathLink {
  const PathLink* parent = nullptr;
  std::string_view key;
  std::size_t index = 0;
  bool is_index = false;

  PathLink member(std::string_view name) const { return PathLink{this, name, 0, false}; }
  PathLink item(std::size_t position) const { return PathLink{this, {}, position, true}; }
};

std::string render(const PathLink& link) {
  std::vector<const PathLink*> chain;
  for (const PathLink* step = &link; step != nullptr && step->parent != nullptr; step = step->parent)
    chain.push_back(step);
  std::string path;
  for (auto it = chain.rbegin(); it != chain.rend(); ++it)
    path = (*it)->is_index ? append_index(path, (*it)->index) : append_key(path, (*it)->key);
  return path;
}

std::size_t code_points(std::string_view text) {
  std::size_t count = 0;
  for (const char c : text)
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++count;
  return count;
}

bool type_matches(unsigned types, const Value& value) {
  switch (value.kind()) {
    case ValueKind::null:
      return (types & type_null) != 0;
    case ValueKind::boolean:
      return (types & type_boolean) != 0;
    case ValueKind::string:
      return (types & type_string) != 0;
    case ValueKind::array:
      return (types & type_array) != 0;
    case ValueKind::object:
      return (types & type_object) != 0;
    case ValueKind::number:
      return (types & type_number) != 0 || ((types & type_integer) != 0 && value.as_decimal().is_integer());
  }
  return false;
}

std::string list_of(const std::vector<std::string>& names, std::size_t limit = 12) {
  std::string text;
  for (std::size_t i = 0; i < names.size() && i < limit; ++i) text += (i == 0 ? "" : ", ") + names[i];
  if (names.size() > limit) text += ", …";
  return text;
}

std::string plural(std::size_t count, std::string_view word) {
  return std::to_string(count) + " " + std::string(word) + (count == 1 ? "" : "s");
}

class Validation {
 public:
  Validation(const JsonDocument& document, const ReadScope& file_scope)
      : document_(document), file_scope_(file_scope) {}

  std::vector<Diagnostic> run(const Schema& schema) {
    const PathLink root;
    check(schema.root(), document_.root, root);
    return std::move(problems_);
  }

 private:
  [[gnu::noinline]] void report(const PathLink& at, std::string message) {
    problems_.push_back({document_.file, render(at), std::move(message)});
  }

  // The recursion keeps its frames small (documents may nest up to the reader's depth limit): the checks that
  // build messages live in functions of their own.
  void check(const SchemaNode& node, const Value& value, const PathLink& at) {
    if (node.ref != nullptr) check(*node.ref, value, at);
    if (!check_value(node, value, at)) return;
    if (value.is_object())
      check_members(node, value, at);
    else if (value.is_array())
      check_items(node, value, at);
  }

  void check_members(const SchemaNode& node, const Value& value, const PathLink& at) {
    // The record around the values checked below, for x-references filters such as [code={school}].
    const Value* outer_record = record_;
    record_ = &value;
    for (const auto& member : value.members()) {
      const std::string_view key = member.key();
      const PathLink child = at.member(key);
      const auto property = node.properties.find(key);
      if (property != node.properties.end())
        check(*property->second, member.value, child);
      else if (node.checks_unknown_fields)
        report_unknown_field(node, key, child);
    }
    record_ = outer_record;
    if (!node.required.empty()) check_required(node, value, at);
  }

  void check_items(const SchemaNode& node, const Value& value, const PathLink& at) {
    check_array(node, value, at);
    if (node.items == nullptr) return;
    const auto& items = value.items();
    for (std::size_t i = 0; i < items.size(); ++i) check(*node.items, items[i], at.item(i));
  }

  // Keywords about this value alone; false when its type is wrong (the rest would repeat that problem).
  [[gnu::noinline]] bool check_value(const SchemaNode& node, const Value& value, const PathLink& at) {
    if (node.types != 0 && !type_matches(node.types, value)) {
      report(at, "expected " + type_phrase(node.types) + ", found " + describe(value));
      return false;
    }
    if (node.const_value && !equal_values(*node.const_value, value))
      report(at, "expected " + describe(*node.const_value) + ", found " + describe(value));
    if (!node.enum_values.empty()) check_enum(node, value, at);
    if (value.is_string())
      check_string(node, value, at);
    else if (value.is_number())
      check_number(node, value, at);
    return true;
  }

  void check_enum(const SchemaNode& node, const Value& value, const PathLink& at) {
    for (const auto& allowed : node.enum_values)
      if (equal_values(allowed, value)) return;
    std::vector<std::string> names;
    for (const auto& allowed : node.enum_values) names.push_back(describe(allowed));
    report(at, "expected one of " + list_of(names) + ", found " + describe(value));
  }

  [[gnu::noinline]] void report_unknown_field(const SchemaNode& node, std::string_view key,
                                              const PathLink& at) {
    const std::string quoted = "\"" + std::string(key) + "\"";
    report(at, node.property_order.empty() ? "expected no fields here, found unknown field " + quoted
                                           : "expected one of the fields " + list_of(node.property_order) +
                                                 ", found unknown field " + quoted);
  }

  [[gnu::noinline]] void check_required(const SchemaNode& node, const Value& value, const PathLink& at) {
    for (const auto& field : node.required)
      if (value.find(field) == nullptr)
        report(at.member(field), "expected required field \"" + field + "\", found it missing");
  }

  [[gnu::noinline]] void check_array(const SchemaNode& node, const Value& value, const PathLink& at) {
    const auto& items = value.items();
    if (node.min_items && items.size() < *node.min_items)
      report(at, "expected at least " + plural(*node.min_items, "item") + ", found " + describe(value));
    if (node.max_items && items.size() > *node.max_items)
      report(at, "expected at most " + plural(*node.max_items, "item") + ", found " + describe(value));
    if (!node.unique_field.empty()) check_unique(node.unique_field, items, at);
    if (node.ascending) check_ascending(*node.ascending, items, at);
    if (node.count_of) check_count_of(*node.count_of, items.size(), at);
  }

  // x-count-of: one item for each value the pattern reaches (counted once per record for a plain pattern).
  void check_count_of(const PathPattern& pattern, std::size_t found, const PathLink& at) {
    std::size_t expected = 0;
    if (pattern.record_fields().empty()) {
      auto cached = counts_.find(pattern.text());
      if (cached == counts_.end()) {
        pattern.for_each_match(document_.root, nullptr, [&expected](const Value&) { ++expected; });
        cached = counts_.emplace(pattern.text(), expected).first;
      }
      expected = cached->second;
    } else {
      if (record_ == nullptr) return;
      pattern.for_each_match(document_.root, record_, [&expected](const Value&) { ++expected; });
    }
    if (found != expected)
      report(at, "expected " + plural(expected, "item") + ", one for each value at " +
                     (pattern.record_fields().empty() || record_ == nullptr ? pattern.text()
                                                                            : pattern.text_for(*record_)) +
                     ", found " + plural(found, "item"));
  }

  void check_unique(const std::string& field, std::span<const Value> items, const PathLink& at) {
    std::unordered_map<std::string, std::size_t> first_seen;
    for (std::size_t i = 0; i < items.size(); ++i) {
      const Value* key = items[i].find(field);
      if (key == nullptr) continue;  // a missing field is the business of "required"
      const auto [where, inserted] = first_seen.emplace(canonical_key(*key), i);
      if (!inserted) {
        const PathLink item = at.item(i);
        const PathLink first = at.item(where->second);
        report(item.member(field), "expected a unique " + field + ", found " + describe(*key) +
                                       " again (first at " + render(first.member(field)) + ")");
      }
    }
  }

  void check_ascending(const AscendingRule& rule, std::span<const Value> items, const PathLink& at) {
    const Value* previous = nullptr;
    std::size_t previous_index = 0;
    for (std::size_t i = 0; i < items.size(); ++i) {
      const Value* key = items[i].find(rule.field);
      if (key == nullptr) continue;
      const PathLink item = at.item(i);
      const PathLink place = item.member(rule.field);
      if (key->is_null()) {
        if (!rule.nulls_last)
          report(place, "expected a value to order the items by, found null");
        else if (i + 1 != items.size())
          report(place, "expected null only on the last item (nulls last), found null before the end");
        continue;
      }
      if (previous != nullptr) {
        const bool comparable =
            (previous->is_number() && key->is_number()) || (previous->is_string() && key->is_string());
        const PathLink before = at.item(previous_index);
        if (!comparable) {
          report(place, "expected " + std::string(kind_name(previous->kind())) + " like " +
                            render(before.member(rule.field)) + ", found " + describe(*key));
        } else {
          const bool ascending = key->is_number() ? key->as_decimal() > previous->as_decimal()
                                                  : key->as_string() > previous->as_string();
          if (!ascending)
            report(place, "expected a value greater than " + describe(*previous) + " (at " +
                              render(before.member(rule.field)) + ": items ascend by " + rule.field +
                              "), found " + describe(*key));
        }
      }
      if (key->is_number() || key->is_string()) {
        previous = key;
        previous_index = i;
      }
    }
  }

  void check_string(const SchemaNode& node, const Value& value, const PathLink& at) {
    const std::string_view text = value.as_string();
    if (node.min_length || node.max_length) {
      const std::size_t length = code_points(text);
      if (node.min_length && length < *node.min_length)
        report(at, "expected at least " + plural(*node.min_length, "character") + ", found " +
                       (length == 0 ? std::string("an empty string")
                                    : plural(length, "character") + " " + describe(value)));
      if (node.max_length && length > *node.max_length)
        report(at, "expected at most " + plural(*node.max_length, "character") + ", found " +
                       plural(length, "character") + " " + describe(value));
    }
    if (node.pattern) {
      try {
        if (!node.pattern->search(text))
          report(at, "expected text matching the pattern " + node.pattern->source() + ", found " +
                         describe(value));
      } catch (const format::ValueError& error) {
        report(at, error.what());
      }
    }
    if (node.date_format) {
      try {
        format::parse_iso_date(text);
      } catch (const format::ValueError& error) {
        report(at, error.what());
      }
    }
    if (node.file_format) check_file(text, at);
    if (node.references) check_reference(*node.references, value, at);
  }

  // A path the dataset names for a file (a photo): it must not lead out of the folders raingan reads from.
  void check_file(std::string_view text, const PathLink& at) {
    if (!file_scope_.confined() || text.empty()) return;
    const std::filesystem::path named(text);
    const std::filesystem::path path =
        named.is_absolute() ? named : std::filesystem::absolute(document_.file).parent_path() / named;
    if (!file_scope_.admits(path)) report(at, file_scope_.refusal(path, "file"));
  }

  void check_number(const SchemaNode& node, const Value& value, const PathLink& at) {
    if (node.minimum || node.maximum || node.exclusive_minimum || node.exclusive_maximum) {
      const format::Decimal number = value.as_decimal();
      const auto bound = [&](const std::optional<format::Decimal>& limit, bool ok,
                             std::string_view relation) {
        if (limit && !ok)
          report(at, "expected a number " + std::string(relation) + " " +
                         limit->to_fixed(static_cast<int>(limit->decimal_places())) + ", found " +
                         describe(value));
      };
      bound(node.minimum, !node.minimum || number >= *node.minimum, ">=");
      bound(node.maximum, !node.maximum || number <= *node.maximum, "<=");
      bound(node.exclusive_minimum, !node.exclusive_minimum || number > *node.exclusive_minimum, ">");
      bound(node.exclusive_maximum, !node.exclusive_maximum || number < *node.exclusive_maximum, "<");
    }
    if (node.money) {
      try {
        format::parse_satang(value.number_text());
      } catch (const format::ValueError& error) {
        report(at, error.what());
      }
    }
    if (node.references) check_reference(*node.references, value, at);
  }

  void check_reference(const PathPattern& pattern, const Value& value, const PathLink& at) {
    if (!pattern.record_fields().empty()) {
      check_record_reference(pattern, value, at);
      return;
    }
    const auto& set = reference_set(pattern, nullptr, pattern.text());
    if (set.count(canonical_key(value)) == 0)
      report(at, "expected a value found at " + pattern.text() +
                     (set.empty() ? " (there is none in this dataset)" : "") + ", found " + describe(value));
  }

  // A pair reference such as schools[code={school}].merged[*].code: the values allowed depend on fields of
  // the record around the value. Checked only when the record has those fields (else "required" speaks).
  [[gnu::noinline]] void check_record_reference(const PathPattern& pattern, const Value& value,
                                                const PathLink& at) {
    if (record_ == nullptr) return;
    std::string key = pattern.text();
    for (const auto& field : pattern.record_fields()) {
      const Value* own = record_->find(field);
      if (own == nullptr) return;
      const std::string part = canonical_key(*own);
      key += '\x1f' + std::to_string(part.size()) + ":" + part;
    }
    const auto& set = reference_set(pattern, record_, key);
    if (set.count(canonical_key(value)) != 0) return;
    const PathPattern& wide = widened(pattern);
    const auto& everywhere = reference_set(wide, nullptr, wide.text());
    std::string why;
    if (set.empty())
      why = " (there is none in this dataset)";
    else if (everywhere.count(canonical_key(value)) != 0)
      why = " (it is at " + wide.text() + ", but not there)";
    else
      why = " (it is nowhere at " + wide.text() + ")";
    report(at,
           "expected a value found at " + pattern.text_for(*record_) + ", found " + describe(value) + why);
  }

  const std::unordered_set<std::string>& reference_set(const PathPattern& pattern, const Value* record,
                                                       const std::string& key) {
    auto [set, inserted] = reference_sets_.try_emplace(key);
    if (inserted)
      pattern.for_each_match(document_.root, record, [&values = set->second](const Value& target) {
        values.insert(canonical_key(target));
      });
    return set->second;
  }

  const PathPattern& widened(const PathPattern& pattern) {
    auto found = widened_.find(pattern.text());
    if (found == widened_.end()) found = widened_.emplace(pattern.text(), pattern.widened()).first;
    return found->second;
  }

  const JsonDocument& document_;
  const ReadScope& file_scope_;
  std::vector<Diagnostic> problems_;
  std::unordered_map<std::string, std::unordered_set<std::string>> reference_sets_;
  std::unordered_map<std::string, PathPattern> widened_;
  std::unordered_map<std::string, std::size_t> counts_;  // x-count-of of plain patterns
  const Value* record_ = nullptr;                        // the object whose members are being checked
};

}  // namespace

std::vector<Diagnostic> validate(const JsonDocument& document, const Schema& schema,
                                 const ReadScope& file_scope) {
  return Validation(document, file_scope).run(schema);
}

}  // namespace raingan::dataset
