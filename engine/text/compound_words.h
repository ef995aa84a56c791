#pragma once
// Thai compound words: the longer words a line should rather not be broken inside (ปฏิบัติ|งาน,
// ผู้|อำนวยการ, ปี|การศึกษา), which the segmenting dictionaries of ICU and libthai split into their parts.
// The list is the Thai spelling dictionary's word list (hunspell-th, th_TH.dic: a count on the first line,
// then one word a line, optionally with "/flags"); only words wholly in Thai letters and marks are kept.
// Without the file there are no compounds: breaking falls back to the dictionary boundaries alone.

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>

namespace raingan::text {

class CompoundWords {
 public:
  CompoundWords() = default;  // empty: knows no compound
  // Reads a word list; an unreadable file gives an empty list.
  explicit CompoundWords(const std::filesystem::path& file);
  CompoundWords(const CompoundWords&) = delete;
  CompoundWords& operator=(const CompoundWords&) = delete;

  // The system's list, read once per process (the first of the usual dictionary folders that has it;
  // RAINGAN_COMPOUND_WORDS names another file).
  static const CompoundWords& shared();
  // Where the system's list is, if anywhere.
  static std::optional<std::filesystem::path> system_file();

  bool empty() const noexcept { return words_.empty(); }
  std::size_t size() const noexcept { return words_.size(); }
  bool contains(std::u32string_view word) const { return words_.contains(word); }
  std::size_t longest() const noexcept { return longest_; }  // code points of the longest word

 private:
  std::u32string buffer_;  // every word, one after the other; words_ views into it
  std::unordered_set<std::u32string_view> words_;
  std::size_t longest_ = 0;
};

}  // namespace raingan::text
