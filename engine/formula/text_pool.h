#pragma once
// The texts of a workbook, each kept once: 100,000 rows naming a few hundred schools hold a few hundred
// texts. Texts live in fixed chunks that never move, so a view of one stays valid as long as the pool.

#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

namespace raingan::formula {

using TextId = std::uint32_t;

class TextPool {
 public:
  TextId intern(std::string_view text);
  std::string_view get(TextId id) const { return {spans_[id].data, spans_[id].size}; }
  std::size_t size() const { return spans_.size(); }
  std::size_t bytes_reserved() const;

 private:
  struct Span {
    const char* data;
    std::uint32_t size;
    std::uint32_t hash;
  };
  const char* store(std::string_view text);
  void grow();

  std::vector<Span> spans_;
  // Open addressing: the text's hash in the high half, id + 1 in the low half (0: an empty slot), so that a
  // probe reads one slot and compares texts only when the hashes agree.
  std::vector<std::uint64_t> slots_;
  std::vector<std::unique_ptr<char[]>> chunks_;
  std::vector<std::unique_ptr<char[]>> long_texts_;
  std::size_t chunk_used_ = 0;
  std::size_t chunk_size_ = 0;
  std::size_t chunk_bytes_ = 0;
};

}  // namespace raingan::formula
