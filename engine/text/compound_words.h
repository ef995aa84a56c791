#pragma once
// Thai compound words: the longer words a line should rather not be broken inside (ปฏิบัติ|การ,
// นาย|อำเภอ), which the segmenter splits into their parts when it finds them in running text. Whether a
// joined span is one word is asked of libthai's own word-break dictionary (thbrk.tri, a double-array trie
// read with libdatrie), the dictionary the segmenter uses: no word list of the project's own.
// Without the dictionary there are no compounds: breaking falls back to the dictionary boundaries alone.

#include <cstddef>
#include <filesystem>
#include <memory>
#include <optional>
#include <string_view>

namespace raingan::text {

class CompoundWords {
 public:
  CompoundWords();  // empty: knows no compound
  // Opens a libthai dictionary; an unreadable file gives an empty one.
  explicit CompoundWords(const std::filesystem::path& file);
  CompoundWords(const CompoundWords&) = delete;
  CompoundWords& operator=(const CompoundWords&) = delete;
  ~CompoundWords();

  // libthai's dictionary, opened once per process (LIBTHAI_DICTDIR, as libthai itself reads it, or the
  // system's folder).
  static const CompoundWords& shared();
  // Where libthai's dictionary is, if anywhere.
  static std::optional<std::filesystem::path> system_file();

  bool empty() const noexcept { return !trie_; }
  // Whether the dictionary holds `word` as one word (Thai code points only).
  bool contains(std::u32string_view word) const;
  // Code points of the longest span worth asking about.
  static constexpr std::size_t longest() noexcept { return 24; }

 private:
  struct TrieDeleter {
    void operator()(void* trie) const noexcept;
  };
  std::unique_ptr<void, TrieDeleter> trie_;
};

}  // namespace raingan::text
