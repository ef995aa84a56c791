#include "dataset/line_index.h"

#include <algorithm>
#include <cstring>
#include <limits>

namespace raingan::dataset {

LineIndex::LineIndex(std::string_view text) {
  if (text.empty()) return;
  const char* const begin = text.data();
  const char* const end = begin + text.size();
  const auto next_newline = [end](const char* from) {
    return static_cast<const char*>(std::memchr(from, '\n', static_cast<std::size_t>(end - from)));
  };
  // Counted first, so that the index takes its exact size rather than up to twice it.
  std::size_t lines = 1;
  for (const char* at = next_newline(begin); at != nullptr; at = next_newline(at + 1)) ++lines;
  line_starts_.reserve(lines);
  for (const char* at = next_newline(begin); at != nullptr; at = next_newline(at + 1)) {
    const auto start = static_cast<std::size_t>(at + 1 - begin);
    if (start > std::numeric_limits<std::uint32_t>::max()) break;  // past the last byte a message can name
    line_starts_.push_back(static_cast<std::uint32_t>(start));
  }
}

std::size_t LineIndex::line_of(std::size_t offset) const noexcept {
  const auto after = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  return static_cast<std::size_t>(after - line_starts_.begin());
}

std::size_t LineIndex::column_of(std::string_view text, std::size_t offset) const noexcept {
  const std::size_t start = line_starts_[line_of(offset) - 1];
  std::size_t column = 1;
  // A byte-order mark is invisible in editors: columns on the first line start after it.
  const bool bom = start == 0 && text.substr(0, 3) == "\xEF\xBB\xBF" && offset >= 3;
  for (std::size_t i = bom ? 3 : start; i < offset && i < text.size(); ++i)
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++column;
  if (offset > text.size()) column += offset - std::max(text.size(), start);
  return column;
}

std::string LineIndex::describe(std::string_view text, std::size_t offset) const {
  return "line " + std::to_string(line_of(offset)) + ", column " + std::to_string(column_of(text, offset)) +
         " (byte " + std::to_string(offset) + ")";
}

}  // namespace raingan::dataset
