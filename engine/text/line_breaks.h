#pragma once
// Where a paragraph may be broken into lines. ICU's line BreakIterator for locale "th" (dictionary word
// segmentation for Thai, UAX #14 for the rest) proposes; grapheme clusters (UAX #29: worked out here for
// Thai, Latin and punctuation, by ICU's character BreakIterator for any other text) and the Thai rules of
// DOMAIN.md dispose:
//   - never inside a grapheme cluster; no line starts with ๆ, ฯ (except ฯลฯ), ๚ ๛, a following vowel
//     (ะ า ำ ๅ) or a combining mark, nor with ” ’ ) ] } ? ! % , . : ; …; no line ends with “ ‘ ( [ { or a
//     leading vowel (เ แ โ ใ ไ);
//   - ฿ stays with its number (on either side, across spaces);
//   - ZWSP (U+200B) is a break opportunity, WJ (U+2060) and U+FEFF forbid one;
//   - line and paragraph separators (LF, CR LF, U+2028 ...) force a break after them;
//   - inside Thai text, only where libthai's dictionary segmentation agrees that a word ends (ICU alone
//     splits compounds such as งบ|ประมาณ and sometimes mis-segments).
// Emergency positions (every grapheme boundary the character rules allow) serve a word wider than the line.
//
// Dictionary segmentation is the costliest step, and a document repeats its runs of Thai text: libthai's word
// ends and ICU's dictionary breaks are remembered per run. ICU's line breaks are its rules' everywhere but
// strictly inside runs of its Thai dictionary characters, where they are the dictionary's alone and depend on
// nothing but the run; so for a run met before, ICU's rules are given stand-ins of the same line break class
// and the remembered breaks are put back. The breaks are exactly ICU's either way.

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
  // Set by PhraseBreakFinder (text/phrase_breaks.h), which says what a break costs a reader:
  break_in_compound = 16,     // inside a longer word a dictionary knows (ดำเนิน|การ)
  break_after_particle = 32,  // right after a connective, particle or noun prefix (ที่| การ|)
  break_in_protected = 64,    // strictly inside a span kept on one line (a name, a date, a number and unit)
  break_span_space = 128,     // inside such a span, where a line could end were it not there: the span's
                              // own break if it is wider than the line (break_emergency is set too)
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
  // What is remembered of a run of Thai text (U+0E01-U+0E5B), in code points from the run's start: where
  // libthai ends its words, and where ICU's dictionary breaks its runs of Thai letters and marks.
  struct ThaiRun {
    std::vector<std::uint32_t> word_ends;
    std::vector<std::uint32_t> dictionary_breaks;
    bool dictionary_known = false;  // dictionary_breaks has been learnt
  };
  // A run met in the text being broken: where it is and what is known of it.
  struct RunInText {
    std::size_t begin = 0, end = 0;  // code points
    ThaiRun* known = nullptr;
    bool dictionary_known = false;  // when the text was looked up: its breaks stand in for ICU's dictionary
  };

  // Looks the Thai runs of the text up, remembering the ones met for the first time.
  void find_thai_runs(const CodePoints& code_points);
  // Records ICU's breaks inside the Thai letter runs of each run met for the first time.
  void learn_dictionary_breaks(const CodePoints& code_points, const std::vector<std::uint8_t>& flags);

  std::unique_ptr<Iterators> iterators_;
  // ICU iterates UTF-16 fastest: the text in UTF-16 and the byte offset of each UTF-16 unit (reused).
  std::vector<char16_t> utf16_;
  std::vector<std::uint32_t> utf16_bytes_;
  std::vector<std::uint32_t> utf16_index_;  // UTF-16 index of each code point
  std::vector<RunInText> runs_;
  std::vector<bool> thai_breaks_;
  // Dictionary segmentation, libthai's and ICU's, is the costliest step here, and a document repeats its
  // runs: each is segmented once. Some 260,000 code points of distinct runs (a few MB; a 300-page book
  // of unique text) are remembered; past that the memory starts over, so it does not grow with the text.
  static constexpr std::size_t max_remembered = 1 << 18;
  std::unordered_map<std::u32string, ThaiRun> thai_runs_;
  std::size_t remembered_ = 0;
  std::u32string thai_key_;
};

}  // namespace raingan::text
