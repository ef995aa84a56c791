#include "dataset/json_path.h"

#include "core/utf8.h"

namespace raingan::dataset {
namespace {

bool needs_brackets(std::string_view key) {
  if (key.empty()) return true;
  for (const char c : key) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte <= 0x20 || c == '.' || c == '[' || c == ']' || c == '"' || c == '\\' || byte == 0x7F)
      return true;
  }
  return false;
}

std::string quoted(std::string_view key) {
  std::string out = "\"";
  for (const char c : key) {
    const auto byte = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (byte < 0x20) {
      static constexpr char hex[] = "0123456789abcdef";
      out += "\\u00";
      out += hex[byte >> 4];
      out += hex[byte & 15];
    } else {
      out += c;
    }
  }
  return out + "\"";
}

// Moves an offset back to the start of the UTF-8 sequence it points into.
std::size_t sequence_start(std::string_view text, std::size_t offset) {
  while (offset > 0 && offset < text.size() && (static_cast<unsigned char>(text[offset]) & 0xC0) == 0x80)
    --offset;
  return offset;
}

}  // namespace

std::string append_key(std::string_view path, std::string_view key) {
  if (needs_brackets(key)) return std::string(path) + "[" + quoted(key) + "]";
  return path.empty() ? std::string(key) : std::string(path) + "." + std::string(key);
}

std::string append_index(std::string_view path, std::size_t index) {
  return std::string(path) + "[" + std::to_string(index) + "]";
}

std::string shorten_path(std::string_view path, std::size_t limit) {
  if (path.size() <= limit) return std::string(path);
  const std::size_t head = sequence_start(path, limit / 2);
  const std::size_t tail = sequence_start(path, path.size() - limit / 2);
  return std::string(path.substr(0, head)) + "…" + std::string(path.substr(tail));
}

}  // namespace raingan::dataset
