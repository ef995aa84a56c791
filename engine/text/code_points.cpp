#include "text/code_points.h"

#include <algorithm>

#include "core/utf8.h"

namespace raingan::text {

void CodePoints::assign(std::string_view utf8) {
  values_.clear();
  byte_offsets_.clear();
  values_.reserve(utf8.size());
  byte_offsets_.reserve(utf8.size() + 1);
  std::size_t offset = 0;
  while (offset < utf8.size()) {
    byte_offsets_.push_back(static_cast<std::uint32_t>(offset));
    values_.push_back(utf8::next(utf8, offset));
  }
  byte_offsets_.push_back(static_cast<std::uint32_t>(utf8.size()));
}

std::size_t CodePoints::index_at_byte(std::uint32_t offset) const noexcept {
  const auto it = std::upper_bound(byte_offsets_.begin(), byte_offsets_.end(), offset);
  return static_cast<std::size_t>(it - byte_offsets_.begin()) - 1;
}

}  // namespace raingan::text
