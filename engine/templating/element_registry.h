#pragma once
// The elements a template language knows, each written once: its name, the attributes it accepts and the
// function that binds it, registered in the table of the place where it may stand (a document's blocks, the
// inline content of a paragraph, a workbook's sheet, …). The table checks attributes and answers an unknown
// name with the names it expects there and the nearest of them, so adding an element is one file under
// templating/elements/ and one registration; nothing else keeps a list of names.

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "templating/binder_core.h"
#include "templating/markup.h"

namespace raingan::templating {

// Attributes every element of a family accepts besides its own (a document's style attributes, a
// workbook's cell-style attributes).
struct AttributeGroup {
  std::string_view description;  // for messages: "the style attributes"
  bool (*contains)(std::string_view name);
};

// An element's name and the attributes it accepts.
struct ElementRule {
  std::string_view name;
  std::vector<std::string_view> attributes;
  const AttributeGroup* group = nullptr;  // also accepted, when set
};

// Unknown attributes are errors (a misspelt attribute would otherwise be silently ignored). Linear in the
// element's attributes.
void check_attributes(const BinderCore& core, const Element& element,
                      const std::vector<std::string_view>& accepted, const AttributeGroup* group);
inline void check_attributes(const BinderCore& core, const Element& element, const ElementRule& rule) {
  check_attributes(core, element, rule.attributes, rule.group);
}

// The registered name nearest to `name` by edit distance, when one is close enough to be a likely slip.
std::optional<std::string_view> nearest_name(std::string_view name,
                                             const std::vector<std::string_view>& names);

// "unknown element <tabel> here (expected one of p, h1, …; did you mean <table>?)"
std::string unknown_element_message(std::string_view place, std::string_view name,
                                    const std::vector<std::string_view>& expected);

// The elements that may stand in one place, with what binds each; `Bind` is the binding function (or a
// struct holding one) that suits the place.
template <class Bind>
class ElementTable {
 public:
  struct Entry {
    ElementRule rule;
    Bind bind;
  };

  // `place` completes "unknown element <x> …" ("here", "inside text").
  explicit ElementTable(std::string_view place) : place_(place) {}

  void add(ElementRule rule, Bind bind) {
    names_.push_back(rule.name);
    index_.emplace(rule.name, entries_.size());
    entries_.push_back({std::move(rule), std::move(bind)});
  }

  const Entry* find(std::string_view name) const {
    const auto found = index_.find(name);
    return found == index_.end() ? nullptr : &entries_[found->second];
  }

  // Registered names in registration order.
  const std::vector<std::string_view>& names() const noexcept { return names_; }

  // The entry for `element`, its attributes checked; an error naming the expected elements when there is
  // none.
  const Entry& checked(const BinderCore& core, const Element& element) const {
    const Entry* entry = find(element.name);
    if (!entry) unknown(core, element);
    check_attributes(core, element, entry->rule);
    return *entry;
  }

  [[noreturn]] void unknown(const BinderCore& core, const Element& element) const {
    core.fail(element.line, unknown_element_message(place_, element.name, names_));
  }

 private:
  std::string_view place_;
  std::vector<Entry> entries_;
  std::vector<std::string_view> names_;
  std::unordered_map<std::string_view, std::size_t> index_;
};

}  // namespace raingan::templating
