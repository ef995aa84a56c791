#include "text/compound_words.h"

#include <cstdlib>
#include <fstream>
#include <iterator>
#include <utility>
#include <vector>

#include "core/utf8.h"

namespace raingan::text {
namespace {

bool is_thai_letter_or_mark(char32_t c) { return c >= U'\u0E01' && c <= U'\u0E4E'; }

}  // namespace

CompoundWords::CompoundWords(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return;
  const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (utf8::first_invalid_byte(bytes)) return;  // not the list it should be

  std::vector<std::pair<std::size_t, std::size_t>> spans;  // offset and length in buffer_
  buffer_.reserve(bytes.size() / 3);
  std::size_t offset = 0;
  bool first_line = true;
  while (offset < bytes.size()) {
    std::size_t end = bytes.find('\n', offset);
    if (end == std::string::npos) end = bytes.size();
    std::string_view line(bytes.data() + offset, end - offset);
    offset = end + 1;
    if (std::exchange(first_line, false)) continue;  // the word count
    if (const auto flags = line.find('/'); flags != std::string_view::npos) line = line.substr(0, flags);
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ' || line.back() == '\t'))
      line.remove_suffix(1);
    const std::size_t start = buffer_.size();
    bool thai = !line.empty();
    for (std::size_t at = 0; at < line.size() && thai;) {
      const char32_t c = utf8::next(line, at);
      thai = is_thai_letter_or_mark(c);
      buffer_.push_back(c);
    }
    if (thai)
      spans.emplace_back(start, buffer_.size() - start);
    else
      buffer_.resize(start);
  }
  buffer_.shrink_to_fit();  // views are taken only now that the buffer stays where it is
  words_.reserve(spans.size());
  for (const auto& [start, length] : spans) {
    words_.insert(std::u32string_view(buffer_).substr(start, length));
    if (length > longest_) longest_ = length;
  }
}

std::optional<std::filesystem::path> CompoundWords::system_file() {
  std::vector<std::filesystem::path> candidates;
  if (const char* named = std::getenv("RAINGAN_COMPOUND_WORDS"); named && *named)
    candidates.emplace_back(named);
  std::string data_dirs = "/usr/local/share:/usr/share";
  if (const char* xdg = std::getenv("XDG_DATA_DIRS"); xdg && *xdg)
    data_dirs = std::string(xdg) + ":" + data_dirs;
  for (std::size_t at = 0; at <= data_dirs.size();) {
    std::size_t end = data_dirs.find(':', at);
    if (end == std::string::npos) end = data_dirs.size();
    if (end > at) {
      const std::filesystem::path dir = data_dirs.substr(at, end - at);
      candidates.push_back(dir / "hunspell" / "th_TH.dic");
      candidates.push_back(dir / "myspell" / "th_TH.dic");
      candidates.push_back(dir / "myspell" / "dicts" / "th_TH.dic");
    }
    at = end + 1;
  }
  for (const auto& candidate : candidates) {
    std::error_code ec;
    if (std::filesystem::is_regular_file(candidate, ec)) return candidate;
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
