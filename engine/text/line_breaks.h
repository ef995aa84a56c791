#pragma once
// Where a paragraph may be broken into lines. ICU's line BreakIterator for locale "th" (dictionary word
// segmentation for Thai, UAX #14 for the rest) proposes; grapheme clusters (ICU's character BreakIterator)
// and the Thai rules of DOMAIN.md dispose:
//   - never inside a grapheme cluster; no line starts with ๆ, ฯ (except ฯลฯ), ๚ ๛, a following vowel
//     (ะ า ำ ๅ) or a combining mark, nor with ” ’ ) ] } ? ! % , . : ; …; no line ends with “ ‘ ( [ { or a
//     leading vowel (เ แ โ ใ ไ);
//   - ฿ stays with its number (on either side, across spaces);
//   - ZWSP (U+200B) is a break opportunity, WJ (U+2060) and U+FEFF forbid one;
//   - line and paragraph separators (LF, CR LF, U+2028 ...) force a break after them;
//   - inside Thai text, only where libthai's dictionary segmentation agrees that a word ends (ICU alone
//     splits compounds such as งบ|ประมาณ and sometimes mis-segments).
// Emergency positions (every grapheme boundary the character rules allow) serve a word wider than the line.

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "text/code_points.h"

namespace raingan::text {

enum BreakFlag : std::uint8_t {
  grapheme_boundary = 1,  // a grapheme cluster starts here (or the text ends)
  break_allowed = 2,      // a line may end here
  break_forced = 4,       // a line must end here (after a line separator)
  break_emergency = 8,    // a line may end here if a word does not fit on a line by itself
};

class LineBreakFinder {
 public:
  LineBreakFinder();
  LineBreakFinder(const LineBreakFinder&) = delete;
  LineBreakFinder& operator=(const LineBreakFinder&) = delete;
  ~LineBreakFinder();

  // Fills flags[0 .. text.size()] with BreakFlag bits for each byte offset of `text` (valid UTF-8, decoded
  // into `code_points`). Offset 0 is never a break; text.size() is always a forced one. The iterators are
  // reused between calls.
  void find(std::string_view text, const CodePoints& code_points, std::vector<std::uint8_t>& flags);

 private:
  struct Iterators;
  std::unique_ptr<Iterators> iterators_;
  // ICU iterates UTF-16 fastest: the text in UTF-16 and the byte offset of each UTF-16 unit (reused).
  std::vector<char16_t> utf16_;
  std::vector<std::uint32_t> utf16_bytes_;
  std::vector<bool> thai_breaks_;
  // libthai's word ends for each run of Thai text met so far (offsets into the run): its dictionary search
  // is the costliest step here, and a document repeats its runs. Bounded by max_remembered code points.
  static constexpr std::size_t max_remembered = 1 << 20;
  std::unordered_map<std::u32string, std::vector<std::uint32_t>> thai_words_;
  std::size_t remembered_ = 0;
  std::u32string thai_key_;
};

}  // namespace raingan::text
