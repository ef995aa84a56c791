#pragma once
// Names visible to template expressions: loop variables and lets, innermost last, each with the dataset path
// it came from (for messages such as "topics[2].rows[0] has no field 'standard'").

#include <string>
#include <string_view>
#include <vector>

#include "template/value.h"

namespace raingan::tmpl {

struct Binding {
  std::string name;
  Value value;
  std::string path;  // JSON path in the dataset, or empty for computed values
};

class Scope {
 public:
  std::size_t mark() const noexcept { return bindings_.size(); }
  void pop_to(std::size_t mark) { bindings_.resize(mark); }
  void bind(std::string name, Value value, std::string path = {}) {
    bindings_.push_back({std::move(name), std::move(value), std::move(path)});
  }
  // Changes the innermost binding of `name` (counters such as next_row), or binds it when there is none.
  void set(std::string_view name, Value value) {
    for (auto it = bindings_.rbegin(); it != bindings_.rend(); ++it)
      if (it->name == name) {
        it->value = std::move(value);
        return;
      }
    bind(std::string(name), std::move(value));
  }
  const Binding* find(std::string_view name) const {
    for (auto it = bindings_.rbegin(); it != bindings_.rend(); ++it)
      if (it->name == name) return &*it;
    return nullptr;
  }

 private:
  std::vector<Binding> bindings_;
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

}  // namespace raingan::tmpl
