#include "formula/text_pool.h"

#include <cstring>
#include <functional>
#include <stdexcept>

namespace raingan::formula {
namespace {

constexpr std::size_t chunk_capacity = 64 * 1024;

std::uint32_t hash_text(std::string_view text) {
  const std::size_t h = std::hash<std::string_view>{}(text);
  return static_cast<std::uint32_t>(h ^ (h >> 32));
}

}  // namespace

const char* TextPool::store(std::string_view text) {
  if (text.empty()) return "";
  if (text.size() > chunk_capacity / 4) {
    // A long text gets storage of its own, so the current chunk keeps its free space.
    auto& own = long_texts_.emplace_back(std::make_unique<char[]>(text.size()));
    std::memcpy(own.get(), text.data(), text.size());
    chunk_bytes_ += text.size();
    return own.get();
  }
  if (chunks_.empty() || chunk_used_ + text.size() > chunk_size_) {
    chunks_.push_back(std::make_unique<char[]>(chunk_capacity));
    chunk_used_ = 0;
    chunk_size_ = chunk_capacity;
    chunk_bytes_ += chunk_capacity;
  }
  char* at = chunks_.back().get() + chunk_used_;
  std::memcpy(at, text.data(), text.size());
  chunk_used_ += text.size();
  return at;
}

void TextPool::grow() {
  std::vector<std::uint64_t> slots(slots_.empty() ? 1024 : slots_.size() * 2, 0);
  const std::size_t mask = slots.size() - 1;
  for (std::uint32_t id = 0; id < spans_.size(); ++id) {
    std::size_t i = spans_[id].hash & mask;
    while (slots[i] != 0) i = (i + 1) & mask;
    slots[i] = static_cast<std::uint64_t>(spans_[id].hash) << 32 | (id + 1);
  }
  slots_.swap(slots);
}

TextId TextPool::intern(std::string_view text) {
  if (text.size() > 0xFFFFFFFFu) throw std::length_error("text longer than 4 GB");
  if ((spans_.size() + 1) * 2 > slots_.size()) grow();
  const std::uint32_t hash = hash_text(text);
  const std::size_t mask = slots_.size() - 1;
  std::size_t i = hash & mask;
  while (slots_[i] != 0) {
    if (static_cast<std::uint32_t>(slots_[i] >> 32) == hash) {
      const auto id = static_cast<TextId>((slots_[i] & 0xFFFFFFFFu) - 1);
      if (std::string_view(spans_[id].data, spans_[id].size) == text) return id;
    }
    i = (i + 1) & mask;
  }
  const TextId id = static_cast<TextId>(spans_.size());
  spans_.push_back(Span{store(text), static_cast<std::uint32_t>(text.size()), hash});
  slots_[i] = static_cast<std::uint64_t>(hash) << 32 | (id + 1);
  return id;
}

std::size_t TextPool::bytes_reserved() const {
  return chunk_bytes_ + spans_.capacity() * sizeof(Span) + slots_.capacity() * sizeof(std::uint64_t);
}

}  // namespace raingan::formula
