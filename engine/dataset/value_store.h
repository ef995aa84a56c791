#pragma once
// Where a document's values keep their texts, items and members: large blocks filled in order and freed
// together with the document, so that 100,000 records cost a few allocations instead of a million. Keys are
// stored once per document whatever the number of objects that use them.

#include <cstddef>
#include <memory>
#include <span>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "dataset/json_value.h"

namespace raingan::dataset {

class ValueStore {
 public:
  ValueStore() = default;
  ValueStore(ValueStore&&) noexcept = default;
  ValueStore& operator=(ValueStore&&) noexcept = default;
  ValueStore(const ValueStore&) = delete;
  ValueStore& operator=(const ValueStore&) = delete;

  // `text` must be a JSON number ("12", "-0.5", "1.25e3").
  Value number(std::string_view text, std::size_t offset = 0);
  Value string(std::string_view text, std::size_t offset = 0);
  Value array(std::span<const Value> items, std::size_t offset = 0);
  Value object(std::span<const Member> members, std::size_t offset = 0);
  // A member whose key is kept once in this store: members with equal keys share it, so equal keys of one
  // store have the same key().data().
  Member member(std::string_view key, Value value);

 private:
  // Elements handed out in order from chunks that never move.
  template <class T>
  class Pool {
   public:
    T* take(std::size_t count);

   private:
    std::vector<std::unique_ptr<T[]>> chunks_;
    T* next_ = nullptr;
    std::size_t left_ = 0;
  };

  const char* text(std::string_view text);
  const char* key(std::string_view key);

  Pool<Value> values_;
  Pool<Member> members_;
  Pool<char> texts_;
  std::unordered_map<std::string_view, const char*> keys_;  // views into texts_
};

}  // namespace raingan::dataset
