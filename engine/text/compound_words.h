#pragma once
// Thai compound words: the longer words a line should rather not be broken inside (ปฏิบัติ|งาน,
// ผู้|อำนวยการ, ปี|การศึกษา), which the segmenters split into their parts in running text. Whether a joined
// span is one word is asked of two maintained dictionaries, no word list of the project's own:
//   - libthai's word-break dictionary (thbrk.tri, a double-array trie read with libdatrie), the one the
//     segmenter uses (นายอำเภอ, ปฏิบัติการ);
//   - hunspell-th's word list (th_TH.dic, LibreOffice's Thai spelling dictionary, plain UTF-8 words), which
//     holds the compounds of official prose that neither segmenter knows (ดำเนินการ, ผู้อำนวยการ, ระยะทาง).
// Without either there are no compounds: breaking falls back to the dictionary boundaries alone.

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace raingan::text {

class CompoundWords {
 public:
  CompoundWords();  // empty: knows no compound
  // Opens a libthai dictionary and, when given, a hunspell word list; an unreadable file adds nothing.
  explicit CompoundWords(const std::filesystem::path& trie_file, const std::filesystem::path& word_list = {});
  CompoundWords(const CompoundWords&) = delete;
  CompoundWords& operator=(const CompoundWords&) = delete;
  ~CompoundWords();

  // libthai's dictionary, opened once per process (LIBTHAI_DICTDIR, as libthai itself reads it, or the
  // system's folder).
  static const CompoundWords& shared();
  // Where libthai's dictionary is, if anywhere.
  static std::optional<std::filesystem::path> system_file();
  // Where hunspell-th's word list is, if anywhere.
  static std::optional<std::filesystem::path> system_word_list();

  bool empty() const noexcept { return !trie_ && words_.empty(); }
  // Whether the dictionary holds `word` as one word (Thai code points only).
  bool contains(std::u32string_view word) const;
  // For every start p in `text`, bit L of lengths[p] is set when contains(text.substr(p, L)) would be true:
  // both dictionaries are walked once from each start, which costs less than asking for each span of a run.
  void word_lengths(std::u32string_view text, std::vector<std::uint32_t>& lengths) const;
  // Code points of the longest span worth asking about.
  static constexpr std::size_t longest() noexcept { return 24; }

 private:
  struct TrieDeleter {
    void operator()(void* trie) const noexcept;
  };
  void read_word_list(const std::filesystem::path& file);

  std::unique_ptr<void, TrieDeleter> trie_;
  // The word list's Thai words of two code points or more, as UTF-8 views into its text, sorted.
  std::string word_text_;
  std::vector<std::string_view> words_;
  // Where the words starting with each pair of Thai code points stand in words_ (U+0E00 + i, U+0E00 + j at
  // i * 128 + j), so that a walk starts with the words it may still reach.
  std::vector<std::pair<std::uint32_t, std::uint32_t>> words_by_first_pair_;
};

}  // namespace raingan::text
