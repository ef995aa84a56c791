#pragma once
// Names visible to template expressions: loop variables and lets, innermost last, each with the dataset path
// it came from (for messages such as "topics[2].rows[0] has no field 'standard'").

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "templating/value.h"

namespace raingan::templating {

struct Binding {
  std::string name;
  Value value;
  std::string path;  // JSON path in the dataset, or empty for computed values
  // A loop's item instead names its list's path and its position; the text is made only for a message.
  const std::string* list_path = nullptr;
  std::size_t item = 0;
  // A function's parameter refers to the item it is applied to (which outlives the call) instead of
  // holding a copy.
  const Value* borrowed = nullptr;

  const Value& current() const noexcept { return borrowed ? *borrowed : value; }

  std::string dataset_path() const {
    return list_path ? *list_path + "[" + std::to_string(item) + "]" : path;
  }
};

class Scope {
 public:
  std::size_t mark() const noexcept { return bindings_.size(); }
  void pop_to(std::size_t mark) {
    for (std::size_t i = mark; i < bindings_.size(); ++i) --bound_[bucket(bindings_[i].name)];
    bindings_.resize(mark);
  }
  void bind(std::string name, Value value, std::string path = {}) {
    push({std::move(name), std::move(value), std::move(path)});
  }
  // Binds `name` to a value that stays where it is until the binding is popped.
  void bind_borrowed(std::string name, const Value& value) {
    push({std::move(name), Value(), {}, nullptr, 0, &value});
  }
  // Points the innermost binding, made by bind_borrowed(), at another value.
  void rebind_borrowed(const Value& value) { bindings_.back().borrowed = &value; }
  // Binds item `item` of the list whose dataset path is `list_path`, which must outlive the binding.
  void bind_item(std::string name, Value value, const std::string& list_path, std::size_t item) {
    push({std::move(name), std::move(value), {}, &list_path, item});
  }
  // Changes the innermost binding of `name` (counters such as next_row), or binds it when there is none.
  void set(std::string_view name, Value value) {
    for (auto it = bindings_.rbegin(); it != bindings_.rend(); ++it)
      if (it->name == name) {
        it->value = std::move(value);
        it->borrowed = nullptr;
        return;
      }
    bind(std::string(name), std::move(value));
  }
  const Binding* find(std::string_view name) const {
    // Most names that are not bound are the dataset's fields (rates, school_days): they are told apart
    // without a search.
    if (bound_[bucket(name)] == 0) return nullptr;
    // Names are short and many share a length: the first byte settles most comparisons.
    for (auto it = bindings_.rbegin(); it != bindings_.rend(); ++it)
      if (it->name.size() == name.size() && (name.empty() || it->name[0] == name[0]) && it->name == name)
        return &*it;
    return nullptr;
  }

 private:
  static std::size_t bucket(std::string_view name) noexcept {
    if (name.empty()) return 0;
    return (name.size() * 31U + static_cast<unsigned char>(name.front()) * 7U +
            static_cast<unsigned char>(name.back())) %
           buckets;
  }
  void push(Binding binding) {
    ++bound_[bucket(binding.name)];
    bindings_.push_back(std::move(binding));
  }

  static constexpr std::size_t buckets = 256;
  std::vector<Binding> bindings_;
  std::array<std::uint32_t, buckets> bound_{};  // bindings per bucket of names
};

// Restores a scope to where it was when the guard was made.
class ScopeGuard {
 public:
  explicit ScopeGuard(Scope& scope) : scope_(scope), mark_(scope.mark()) {}
  ScopeGuard(const ScopeGuard&) = delete;
  ScopeGuard& operator=(const ScopeGuard&) = delete;
  ~ScopeGuard() { scope_.pop_to(mark_); }

 private:
  Scope& scope_;
  std::size_t mark_;
};

}  // namespace raingan::templating
