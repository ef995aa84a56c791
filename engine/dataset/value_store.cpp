#include "dataset/value_store.h"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <limits>
#include <stdexcept>

namespace raingan::dataset {
namespace {

// Chunks grow from 4 KB to 256 KB: a schema of a few kilobytes takes a few small chunks, a 100,000-record
// dataset some dozens of large ones. A request larger than a quarter chunk gets a chunk of its own, so the
// space left in the current one is not thrown away.
constexpr std::size_t first_chunk_bytes = 4 * 1024;
constexpr std::size_t last_chunk_bytes = 256 * 1024;

}  // namespace

template <class T>
T* ValueStore::Pool<T>::take(std::size_t count) {
  if (count > left_) {
    const std::size_t chunk_elements =
        std::min(first_chunk_bytes << std::min<std::size_t>(chunks_.size(), 6), last_chunk_bytes) / sizeof(T);
    if (count > chunk_elements / 4) {
      // The current chunk stays open for the small requests after this one.
      chunks_.push_back(std::make_unique_for_overwrite<T[]>(count));
      return chunks_.back().get();
    }
    chunks_.push_back(std::make_unique_for_overwrite<T[]>(chunk_elements));
    next_ = chunks_.back().get();
    left_ = chunk_elements;
  }
  T* taken = next_;
  next_ += count;
  left_ -= count;
  return taken;
}

const char* ValueStore::text(std::string_view text) {
  if (text.size() > std::numeric_limits<std::uint32_t>::max())
    throw std::length_error("a text of 4 GiB or more cannot be stored");
  const auto size = static_cast<std::uint32_t>(text.size());
  char* block = texts_.take(sizeof size + text.size());
  std::memcpy(block, &size, sizeof size);
  if (!text.empty()) std::memcpy(block + sizeof size, text.data(), text.size());
  return block;
}

const char* ValueStore::key(std::string_view key) {
  const auto found = keys_.find(key);
  if (found != keys_.end()) return found->second;
  const char* block = text(key);
  keys_.emplace(std::string_view(block + sizeof(std::uint32_t), key.size()), block);
  return block;
}

Value ValueStore::number(std::string_view text, std::size_t offset) {
  Value v = string(text, offset);
  v.kind_ = ValueKind::number;
  return v;
}

Value ValueStore::string(std::string_view text, std::size_t offset) {
  Value v;
  v.kind_ = ValueKind::string;
  v.offset_ = static_cast<std::uint32_t>(offset);
  if (text.size() <= Value::inline_capacity) {
    v.inline_size_ = static_cast<std::uint8_t>(text.size());
    std::memcpy(v.inline_text_, text.data(), text.size());
  } else {
    v.stored_text_ = true;
    v.block_ = this->text(text);
  }
  return v;
}

Value ValueStore::array(std::span<const Value> items, std::size_t offset) {
  Value* block = values_.take(items.size() + 1);
  block[0].count_ = items.size();
  std::copy(items.begin(), items.end(), block + 1);
  Value v;
  v.kind_ = ValueKind::array;
  v.offset_ = static_cast<std::uint32_t>(offset);
  v.items_ = block + 1;
  return v;
}

Value ValueStore::object(std::span<const Member> members, std::size_t offset) {
  Member* block = members_.take(members.size() + 1);
  block[0].value.count_ = members.size();
  std::copy(members.begin(), members.end(), block + 1);
  Value v;
  v.kind_ = ValueKind::object;
  v.offset_ = static_cast<std::uint32_t>(offset);
  v.members_ = block + 1;
  return v;
}

Member ValueStore::member(std::string_view key, Value value) { return Member(this->key(key), value); }

}  // namespace raingan::dataset
