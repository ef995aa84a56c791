#pragma once
// Where each text of one field first appears in a list, for lookup(list, 'field', value): a register that
// looks up each of 900 merged-in schools among 900 groups would otherwise compare 810,000 keys. An index is
// built the first time a list is looked up by a field and kept while the list exists (it does not keep the
// list), at most max_kept of them.

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "templating/value.h"

namespace raingan::templating {

struct FieldIndex {
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view text) const noexcept {
      return std::hash<std::string_view>{}(text);
    }
  };
  // A text value of the field -> the position of the first item with it.
  std::unordered_map<std::string, std::uint32_t, Hash, std::equal_to<>> first;
  // The items indexed are those before this position: the item here is not an object or lacks the field,
  // which only a search that reaches it may report (the rest are searched one by one).
  std::size_t indexed = 0;
};

class FieldIndexes {
 public:
  // The index of `list` (a list) by `field`, built on first use; nullptr for a list that nothing else holds
  // (made for this one lookup), which is searched one by one. Valid until the next call.
  const FieldIndex* of(const Value& list, const std::string& field);

  // Lists shorter than this are searched one by one.
  static constexpr std::size_t min_items = 16;
  // Indexes kept at most; past this many they are all dropped and built again as needed.
  static constexpr std::size_t max_kept = 32;

 private:
  struct Entry {
    const void* identity;
    bool computed;                    // a list the template made, not a dataset array
    std::weak_ptr<const void> alive;  // when computed: whether the list still exists
    std::string field;
    FieldIndex index;
  };
  std::vector<Entry> entries_;
};

}  // namespace raingan::templating
