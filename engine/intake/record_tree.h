#pragma once
// The dataset an import is building: a small mutable JSON tree whose numbers are kept as the exact decimal
// text they were read as (never a double), written out as JSON text for the dataset reader to read back and
// the validator to check.

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "dataset/json_value.h"

namespace raingan::intake {

class Node {
 public:
  enum class Kind { null, boolean, number, string, array, object };

  Node() = default;
  static Node null() { return Node(); }
  static Node boolean(bool value);
  static Node number(std::string text);  // a JSON number: "12", "-0.5", "2.62"
  static Node string(std::string text);
  static Node array();
  static Node object();
  // A copy of a dataset value (numbers keep their text).
  static Node from_value(const dataset::Value& value);

  Kind kind() const noexcept { return kind_; }
  bool is_object() const noexcept { return kind_ == Kind::object; }
  bool is_array() const noexcept { return kind_ == Kind::array; }
  const std::string& text() const noexcept { return text_; }  // number or string
  bool flag() const noexcept { return flag_; }                // boolean

  std::vector<Node>& items() noexcept { return items_; }
  const std::vector<Node>& items() const noexcept { return items_; }
  std::vector<std::pair<std::string, Node>>& members() noexcept { return members_; }
  const std::vector<std::pair<std::string, Node>>& members() const noexcept { return members_; }

  // Objects: the member or nullptr.
  Node* find(std::string_view key);
  const Node* find(std::string_view key) const;
  // Sets a member (replacing one of the same key, else appended).
  Node& set(std::string_view key, Node value);
  void erase(std::string_view key);

 private:
  Kind kind_ = Kind::null;
  bool flag_ = false;
  std::string text_;
  std::vector<Node> items_;
  std::vector<std::pair<std::string, Node>> members_;
};

// The value at a path of member names below `root`, making the objects on the way; nullptr when a value on
// the way is not an object.
Node* make_path(Node& root, const std::vector<std::string>& path);
const Node* find_path(const Node& root, const std::vector<std::string>& path);
void erase_path(Node& root, const std::vector<std::string>& path);

// JSON text, UTF-8, one member per line; small objects and arrays of single values on one line, as the
// project's datasets are written.
std::string to_json(const Node& root);

// The value's text as a cell shows it and as titles are matched: a string as it is, a number as written,
// true/false.
std::string scalar_text(const Node& value);

}  // namespace raingan::intake
