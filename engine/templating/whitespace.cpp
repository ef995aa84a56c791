#include "templating/whitespace.h"

#include "core/utf8.h"

namespace raingan::templating {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
// Thai letters, vowels and marks; Thai digits are not among them, since numbers are set off by spaces.
bool is_thai(char32_t cp) { return cp >= 0x0E01 && cp <= 0x0E4F; }

char32_t last_code_point(const std::string& text) {
  if (text.empty()) return 0;
  std::size_t start = text.size() - 1;
  while (start > 0 && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) --start;
  std::size_t offset = start;
  return utf8::next(text, offset);
}

}  // namespace

bool has_visible_text(const std::string& text) {
  for (char c : text)
    if (!is_space(c)) return true;
  return false;
}

void normalise_whitespace(std::vector<TextPiece>& pieces) {
  std::string emitted_tail;  // the last character written so far, across pieces
  for (std::size_t p = 0; p < pieces.size(); ++p) {
    TextPiece& piece = pieces[p];
    if (piece.verbatim) {
      if (!piece.text.empty()) emitted_tail = piece.text;
      continue;
    }
    std::string out;
    const std::string& in = piece.text;
    std::size_t i = 0;
    while (i < in.size()) {
      if (!is_space(in[i])) {
        const std::size_t start = i;
        while (i < in.size() && !is_space(in[i])) ++i;
        out.append(in, start, i - start);
        continue;
      }
      bool newline = false;
      while (i < in.size() && is_space(in[i])) newline = newline || in[i] == '\n', ++i;
      // What comes before and after this run of whitespace, looking across pieces.
      const char32_t before = !out.empty() ? last_code_point(out) : last_code_point(emitted_tail);
      char32_t after = 0;
      if (i < in.size()) {
        std::size_t k = i;
        after = utf8::next(in, k);
      } else {
        for (std::size_t q = p + 1; q < pieces.size() && after == 0; ++q) {
          const std::string& next = pieces[q].text;
          std::size_t k = 0;
          while (k < next.size() && !pieces[q].verbatim && is_space(next[k])) ++k;
          if (k < next.size()) after = utf8::next(next, k);
        }
      }
      const bool at_start = before == 0;
      const bool at_end = after == 0;
      const bool ends_with_space = before == U' ';
      if (at_start || at_end || ends_with_space) continue;
      if (newline && is_thai(before) && is_thai(after)) continue;
      out += ' ';
    }
    piece.text = std::move(out);
    if (!piece.text.empty()) emitted_tail = piece.text;
  }
}

}  // namespace raingan::templating
