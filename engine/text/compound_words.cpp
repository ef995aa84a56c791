#include "text/compound_words.h"

#include <datrie/trie.h>

#include <algorithm>
#include <array>
#include <cstdlib>
#include <fstream>
#include <string>
#include <system_error>

#include "core/utf8.h"
#include "text/char_classes.h"

namespace raingan::text {

void CompoundWords::TrieDeleter::operator()(void* trie) const noexcept {
  trie_free(static_cast<Trie*>(trie));
}

CompoundWords::CompoundWords() = default;
CompoundWords::~CompoundWords() = default;

CompoundWords::CompoundWords(const std::filesystem::path& trie_file, const std::filesystem::path& word_list) {
  std::error_code ec;
  if (std::filesystem::is_regular_file(trie_file, ec)) trie_.reset(trie_new_from_file(trie_file.c_str()));
  if (!word_list.empty()) read_word_list(word_list);
}

// A hunspell .dic file: its word count on the first line, then a word a line, each perhaps followed by
// "/FLAGS" (th_TH.dic has none on the words that matter here). Only Thai words that fit longest() are kept,
// as views into the file's text: a sorted list of some 50,000 words in 1.5 MB.
void CompoundWords::read_word_list(const std::filesystem::path& file) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(file, ec)) return;
  constexpr std::uintmax_t largest_list = 16u << 20;  // th_TH.dic is 1.2 MB
  const std::uintmax_t size = std::filesystem::file_size(file, ec);
  if (ec || size > largest_list) return;
  std::ifstream in(file, std::ios::binary);
  word_text_.resize(static_cast<std::size_t>(size));
  if (!in.read(word_text_.data(), static_cast<std::streamsize>(size))) {
    word_text_.clear();
    return;
  }
  const std::string_view text(word_text_);
  std::size_t line_start = text.find('\n');  // past the count
  while (line_start != std::string_view::npos && line_start < text.size()) {
    ++line_start;
    std::size_t line_end = text.find('\n', line_start);
    if (line_end == std::string_view::npos) line_end = text.size();
    std::string_view word = text.substr(line_start, line_end - line_start);
    word = word.substr(0, word.find('/'));
    while (!word.empty() && (word.back() == '\r' || word.back() == ' ' || word.back() == '\t'))
      word.remove_suffix(1);
    std::size_t at = 0, count = 0;
    bool thai = true;
    while (at < word.size() && thai) {
      const char32_t c = utf8::next(word, at);
      thai = is_thai_letter(c);
      ++count;
    }
    if (thai && count >= 2 && count <= longest()) words_.push_back(word);
    line_start = line_end;
  }
  std::sort(words_.begin(), words_.end());
}

bool CompoundWords::contains(std::u32string_view word) const {
  if (word.empty() || word.size() > longest()) return false;
  if (!words_.empty()) {
    // Asked for every span of every run of Thai text: the encoding buffer is kept, per thread (renders run in
    // parallel under raingan serve), so a lookup allocates nothing.
    thread_local std::string utf8_word;
    utf8_word.clear();
    for (const char32_t c : word) utf8::append(utf8_word, c);
    if (std::binary_search(words_.begin(), words_.end(), std::string_view(utf8_word))) return true;
  }
  if (!trie_) return false;
  std::array<AlphaChar, longest() + 1> key{};
  for (std::size_t i = 0; i < word.size(); ++i) key[i] = static_cast<AlphaChar>(word[i]);
  key[word.size()] = 0;
  return trie_retrieve(static_cast<const Trie*>(trie_.get()), key.data(), nullptr) == TRUE;
}

std::optional<std::filesystem::path> CompoundWords::system_file() {
  std::array<std::filesystem::path, 3> candidates;
  if (const char* dir = std::getenv("LIBTHAI_DICTDIR"); dir && *dir)
    candidates[0] = std::filesystem::path(dir);
  candidates[1] = "/usr/share/libthai";
  candidates[2] = "/usr/local/share/libthai";
  for (const auto& dir : candidates) {
    if (dir.empty()) continue;
    std::error_code ec;
    if (std::filesystem::is_regular_file(dir / "thbrk.tri", ec)) return dir / "thbrk.tri";
  }
  return std::nullopt;
}

std::optional<std::filesystem::path> CompoundWords::system_word_list() {
  for (const char* file : {"/usr/share/hunspell/th_TH.dic", "/usr/share/myspell/dicts/th_TH.dic"}) {
    std::error_code ec;
    if (std::filesystem::is_regular_file(file, ec)) return file;
  }
  return std::nullopt;
}

const CompoundWords& CompoundWords::shared() {
  static const CompoundWords words(system_file().value_or(std::filesystem::path()),
                                   system_word_list().value_or(std::filesystem::path()));
  return words;
}

}  // namespace raingan::text
