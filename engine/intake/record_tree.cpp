#include "intake/record_tree.h"

#include <algorithm>

namespace raingan::intake {

Node Node::boolean(bool value) {
  Node node;
  node.kind_ = Kind::boolean;
  node.flag_ = value;
  return node;
}

Node Node::number(std::string text) {
  Node node;
  node.kind_ = Kind::number;
  node.text_ = std::move(text);
  return node;
}

Node Node::string(std::string text) {
  Node node;
  node.kind_ = Kind::string;
  node.text_ = std::move(text);
  return node;
}

Node Node::array() {
  Node node;
  node.kind_ = Kind::array;
  return node;
}

Node Node::object() {
  Node node;
  node.kind_ = Kind::object;
  return node;
}

Node Node::from_value(const dataset::Value& value) {
  switch (value.kind()) {
    case dataset::ValueKind::null:
      return null();
    case dataset::ValueKind::boolean:
      return boolean(value.as_bool());
    case dataset::ValueKind::number:
      return number(std::string(value.number_text()));
    case dataset::ValueKind::string:
      return string(std::string(value.as_string()));
    case dataset::ValueKind::array: {
      Node node = array();
      node.items_.reserve(value.items().size());
      for (const auto& item : value.items()) node.items_.push_back(from_value(item));
      return node;
    }
    case dataset::ValueKind::object: {
      Node node = object();
      for (const auto& member : value.members())
        if (node.find(member.key()) == nullptr) node.set(member.key(), from_value(member.value));
      return node;
    }
  }
  return null();
}

Node* Node::find(std::string_view key) {
  for (auto& [name, value] : members_)
    if (name == key) return &value;
  return nullptr;
}

const Node* Node::find(std::string_view key) const {
  for (const auto& [name, value] : members_)
    if (name == key) return &value;
  return nullptr;
}

Node& Node::set(std::string_view key, Node value) {
  if (Node* existing = find(key)) {
    *existing = std::move(value);
    return *existing;
  }
  members_.emplace_back(std::string(key), std::move(value));
  return members_.back().second;
}

void Node::erase(std::string_view key) {
  std::erase_if(members_, [key](const auto& member) { return member.first == key; });
}

Node* make_path(Node& root, const std::vector<std::string>& path) {
  Node* at = &root;
  for (std::size_t i = 0; i < path.size(); ++i) {
    if (at->kind() == Node::Kind::null) *at = Node::object();
    if (!at->is_object()) return nullptr;
    Node* next = at->find(path[i]);
    at = next != nullptr ? next : &at->set(path[i], Node::null());
  }
  return at;
}

const Node* find_path(const Node& root, const std::vector<std::string>& path) {
  const Node* at = &root;
  for (const auto& key : path) {
    if (!at->is_object()) return nullptr;
    at = at->find(key);
    if (at == nullptr) return nullptr;
  }
  return at;
}

void erase_path(Node& root, const std::vector<std::string>& path) {
  if (path.empty()) return;
  Node* at = &root;
  for (std::size_t i = 0; i + 1 < path.size(); ++i) {
    if (!at->is_object() || (at = at->find(path[i])) == nullptr) return;
  }
  if (at->is_object()) at->erase(path.back());
}

namespace {

void write_string(std::string& out, std::string_view text) {
  out += '"';
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (byte < 0x20) {
          static constexpr char hex[] = "0123456789abcdef";
          out += "\\u00";
          out += hex[byte >> 4];
          out += hex[byte & 0xF];
        } else {
          out += c;
        }
    }
  }
  out += '"';
}

bool is_flat(const Node& node) {
  const auto scalar = [](const Node& value) { return !value.is_array() && !value.is_object(); };
  if (node.is_array()) return std::all_of(node.items().begin(), node.items().end(), scalar);
  return std::all_of(node.members().begin(), node.members().end(),
                     [&](const auto& member) { return scalar(member.second); });
}

void write_compact(std::string& out, const Node& node) {
  switch (node.kind()) {
    case Node::Kind::null:
      out += "null";
      break;
    case Node::Kind::boolean:
      out += node.flag() ? "true" : "false";
      break;
    case Node::Kind::number:
      out += node.text();
      break;
    case Node::Kind::string:
      write_string(out, node.text());
      break;
    case Node::Kind::array:
      out += '[';
      for (std::size_t i = 0; i < node.items().size(); ++i) {
        if (i > 0) out += ", ";
        write_compact(out, node.items()[i]);
      }
      out += ']';
      break;
    case Node::Kind::object:
      out += '{';
      for (std::size_t i = 0; i < node.members().size(); ++i) {
        if (i > 0) out += ", ";
        write_string(out, node.members()[i].first);
        out += ": ";
        write_compact(out, node.members()[i].second);
      }
      out += '}';
      break;
  }
}

void write_pretty(std::string& out, const Node& node, std::size_t depth) {
  constexpr std::size_t one_line_limit = 160;
  const bool container = node.is_array() || node.is_object();
  const bool empty = node.is_array() ? node.items().empty() : node.members().empty();
  if (!container || empty || (depth > 0 && is_flat(node))) {
    const std::size_t start = out.size();
    write_compact(out, node);
    if (!container || empty || out.size() - start <= one_line_limit) return;
    out.resize(start);
  }
  const std::string indent(depth + 1, ' ');
  out += node.is_array() ? "[\n" : "{\n";
  const std::size_t count = node.is_array() ? node.items().size() : node.members().size();
  for (std::size_t i = 0; i < count; ++i) {
    out += indent;
    if (node.is_array()) {
      write_pretty(out, node.items()[i], depth + 1);
    } else {
      write_string(out, node.members()[i].first);
      out += ": ";
      write_pretty(out, node.members()[i].second, depth + 1);
    }
    out += i + 1 < count ? ",\n" : "\n";
  }
  out += std::string(depth, ' ');
  out += node.is_array() ? ']' : '}';
}

}  // namespace

std::string to_json(const Node& root) {
  std::string out;
  write_pretty(out, root, 0);
  out += '\n';
  return out;
}

std::string scalar_text(const Node& value) {
  switch (value.kind()) {
    case Node::Kind::boolean:
      return value.flag() ? "true" : "false";
    case Node::Kind::number:
    case Node::Kind::string:
      return value.text();
    default:
      return {};
  }
}

}  // namespace raingan::intake
