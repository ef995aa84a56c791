#pragma once
// Patterns over the values of a dataset, as x-references names them: "schools[*].code",
// "schools[*].merged[*].code", "codes[*]", "settings.ceiling", "rounds[0].date".
//
// A bracket may also hold a filter that ties the pattern to the record being checked (a pair reference):
// "schools[code={school}].merged[*].code" reaches only the merged codes of the school whose code equals the
// record's own field "school". The record is the nearest object around the value being checked.

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "dataset/json_value.h"

namespace raingan::dataset {

class PathPattern {
 public:
  // Throws format::ValueError "expected a path such as schools[*].code, found …".
  static PathPattern parse(std::string_view text);

  const std::string& text() const noexcept { return text_; }

  // The fields of the record that the filters read ("school" for [code={school}]), in pattern order; empty
  // for a plain pattern.
  const std::vector<std::string>& record_fields() const noexcept { return record_fields_; }

  // Calls visit for every value the pattern reaches from root, in document order. A filter keeps the items
  // whose field equals (equal_values) the record's field; without a record (nullptr) it keeps none.
  void for_each_match(const Value& root, const std::function<void(const Value&)>& visit) const;
  void for_each_match(const Value& root, const Value* record,
                      const std::function<void(const Value&)>& visit) const;

  // The pattern as a message shows it for one record: each {field} replaced by the record's value,
  // schools[code="65020001"].merged[*].code.
  std::string text_for(const Value& record) const;

  // The same pattern with every filter widened to [*]: schools[*].merged[*].code.
  PathPattern widened() const;

 private:
  struct Step {
    enum class Kind { key, any_item, item, filter } kind = Kind::key;
    std::string key;           // key: the member; filter: the item's field compared
    std::size_t index = 0;     // item
    std::string record_field;  // filter: the record's field it is compared with
  };
  void walk(const Value& value, std::size_t step, const Value* record,
            const std::function<void(const Value&)>& visit) const;
  static std::string format(const std::vector<Step>& steps, const Value* record);

  std::string text_;
  std::vector<Step> steps_;
  std::vector<std::string> record_fields_;
};

}  // namespace raingan::dataset
