#include "text/compound_words.h"

#include <datrie/trie.h>

#include <array>
#include <cstdlib>
#include <system_error>

namespace raingan::text {

void CompoundWords::TrieDeleter::operator()(void* trie) const noexcept {
  trie_free(static_cast<Trie*>(trie));
}

CompoundWords::CompoundWords() = default;
CompoundWords::~CompoundWords() = default;

CompoundWords::CompoundWords(const std::filesystem::path& file) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(file, ec)) return;
  trie_.reset(trie_new_from_file(file.c_str()));
}

bool CompoundWords::contains(std::u32string_view word) const {
  if (!trie_ || word.empty() || word.size() > longest()) return false;
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

const CompoundWords& CompoundWords::shared() {
  static const CompoundWords words = [] {
    const auto file = system_file();
    return file ? CompoundWords(*file) : CompoundWords();
  }();
  return words;
}

}  // namespace raingan::text
