#include "text/compound_words.h"

#include <datrie/trie.h>

#include <algorithm>
#include <array>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <string>
#include <system_error>

#include "core/utf8.h"
#include "text/char_classes.h"

namespace raingan::text {

namespace {

constexpr char32_t thai_block_start = U'\u0E00';
constexpr std::size_t thai_block = 0x80;
bool in_thai_block(char32_t c) { return c >= thai_block_start && c < thai_block_start + thai_block; }

}  // namespace

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
  // Thai letters are three bytes each in UTF-8, in code point order: words sharing their first two code
  // points stand together in the sorted list.
  words_by_first_pair_.assign(thai_block * thai_block, {0, 0});
  for (std::size_t k = 0; k < words_.size(); ++k) {
    std::size_t at = 0;
    const char32_t first = utf8::next(words_[k], at), second = utf8::next(words_[k], at);
    auto& range = words_by_first_pair_[(first - thai_block_start) * thai_block + (second - thai_block_start)];
    if (range.first == range.second) range.first = static_cast<std::uint32_t>(k);
    range.second = static_cast<std::uint32_t>(k + 1);
  }
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

void CompoundWords::word_lengths(std::u32string_view text, std::vector<std::uint32_t>& lengths) const {
  static_assert(longest() < 32, "a length is a bit of a 32-bit mask");
  lengths.assign(text.size(), 0);
  struct StateFree {
    void operator()(TrieState* state) const noexcept { trie_state_free(state); }
  };
  const std::unique_ptr<TrieState, StateFree> state(trie_ ? trie_root(static_cast<const Trie*>(trie_.get()))
                                                          : nullptr);
  thread_local std::string prefix;  // UTF-8, as the word list is kept
  for (std::size_t p = 0; p < text.size(); ++p) {
    std::uint32_t mask = 0;
    const std::size_t limit = std::min(longest(), text.size() - p);
    if (state) {
      trie_state_rewind(state.get());
      for (std::size_t n = 1; n <= limit; ++n) {
        if (!trie_state_walk(state.get(), static_cast<AlphaChar>(text[p + n - 1]))) break;
        if (trie_state_is_terminal(state.get())) mask |= 1u << n;
      }
    }
    // The words that start with the prefix so far stand together in the sorted list: the first two code
    // points give their range, each one more narrows it, until none is left.
    if (limit >= 2 && !words_by_first_pair_.empty() && in_thai_block(text[p]) && in_thai_block(text[p + 1])) {
      const auto range =
          words_by_first_pair_[(text[p] - thai_block_start) * thai_block + (text[p + 1] - thai_block_start)];
      auto first = words_.begin() + range.first, last = words_.begin() + range.second;
      prefix.clear();
      utf8::append(prefix, text[p]);
      utf8::append(prefix, text[p + 1]);
      for (std::size_t n = 2; n <= limit && first != last; ++n) {
        if (n > 2) {
          utf8::append(prefix, text[p + n - 1]);
          const std::string_view start(prefix);
          first = std::lower_bound(first, last, start);
          last = std::upper_bound(first, last, start, [](std::string_view key, std::string_view word) {
            return key < word.substr(0, key.size());
          });
        }
        if (first != last && *first == prefix) mask |= 1u << n;
      }
    }
    lengths[p] = mask;
  }
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
