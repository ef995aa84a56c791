#pragma once
// Turns byte offsets in a text file into the line and column a clerk sees in an editor.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace raingan::dataset {

class LineIndex {
 public:
  LineIndex() = default;
  explicit LineIndex(std::string_view text);

  // 1-based line of a byte offset.
  std::size_t line_of(std::size_t offset) const noexcept;
  // 1-based column in characters (code points), which is what editors show for Thai text.
  std::size_t column_of(std::string_view text, std::size_t offset) const noexcept;

  // "line 12, column 5 (byte 4031)".
  std::string describe(std::string_view text, std::size_t offset) const;

 private:
  // 32 bits: files are at most 4 GiB (--max-dataset-mb), and a 100,000-record file has a million lines.
  std::vector<std::uint32_t> line_starts_{0};
};

}  // namespace raingan::dataset
