#include "templating/field_index.h"

#include <algorithm>

namespace raingan::templating {

const FieldIndex* FieldIndexes::of(const Value& list, const std::string& field) {
  const bool computed = list.data_value() == nullptr;
  std::weak_ptr<const void> alive = list.watch();
  if (computed && alive.use_count() <= 1) return nullptr;
  // An index goes with its list; while the list exists no other can have its identity.
  std::erase_if(entries_, [](const Entry& entry) { return entry.computed && entry.alive.expired(); });
  const void* identity = list.identity();
  for (const Entry& entry : entries_)
    if (entry.identity == identity && entry.field == field) return &entry.index;
  if (entries_.size() >= max_kept) entries_.erase(entries_.begin());
  Entry& entry = entries_.emplace_back(Entry{identity, computed, std::move(alive), field, {}});
  FieldIndex& index = entry.index;
  const std::size_t size = list.size();
  index.first.reserve(size);
  for (; index.indexed < size; ++index.indexed) {
    const Value item = list.at(index.indexed);
    if (item.kind() != Value::Kind::object) break;
    const std::optional<Value> key = item.member(field);
    if (!key) break;
    if (key->kind() == Value::Kind::text)
      index.first.emplace(std::string(key->text()), static_cast<std::uint32_t>(index.indexed));
  }
  return &index;
}

}  // namespace raingan::templating
