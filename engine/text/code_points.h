#pragma once
// A UTF-8 text decoded once into code points, each with the byte offset it starts at. Shaping works on the
// code points; everything that reaches a frame (clusters, breaks, spans) speaks byte offsets.

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

namespace raingan::text {

class CodePoints {
 public:
  // `utf8` must be valid UTF-8 (validated where text enters the engine).
  void assign(std::string_view utf8);

  std::size_t size() const noexcept { return values_.size(); }
  char32_t operator[](std::size_t index) const noexcept { return values_[index]; }
  // As HarfBuzz takes them (hb_buffer_add_utf32).
  std::span<const std::uint32_t> values() const noexcept { return values_; }
  // Byte offset of code point `index`; index == size() gives the text's length in bytes.
  std::uint32_t byte_offset(std::size_t index) const noexcept { return byte_offsets_[index]; }
  // Index of the code point that starts at or contains byte `offset` (size() for the end).
  std::size_t index_at_byte(std::uint32_t offset) const noexcept;

  // Replaces the code point at `index` for shaping only (a tab is shaped as a space); offsets are unchanged.
  void substitute(std::size_t index, char32_t value) noexcept { values_[index] = value; }

 private:
  std::vector<std::uint32_t> values_;
  std::vector<std::uint32_t> byte_offsets_;  // size() + 1 entries
};

}  // namespace raingan::text
