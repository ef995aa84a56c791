#pragma once
// Where a paragraph may be broken, and what each break costs a reader, as a Thai typesetter weighs it.
// LineBreakFinder (text/line_breaks.h) proposes every dictionary boundary; here they are told apart:
//   - a space, the Thai phrase separator: the break a reader expects;
//   - a boundary inside a space-delimited phrase: legal, a little costly;
//   - inside a longer word a dictionary knows (CompoundWords: ดำเนิน|การ, ผู้|อำนวยการ) or right after a
//   connective or particle
//     (ที่ ซึ่ง และ หรือ ใน ของ …), a noun prefix (การ ความ ผู้ นัก ชาว) or the head of a body's name written
//     onto the name (คณะกรรมการ|ศึกษาธิการจังหวัด, กลุ่ม|นโยบายและแผน): costly (break_in_compound,
//     break_after_particle);
//   - inside one of the office's kept terms (a template's terms list: สำนักงานเขต|พื้นที่การศึกษา,
//     กลุ่มนโยบาย|และแผน, ตัวชี้|วัด), names and terms no dictionary holds: costly as inside a compound,
//     except right after a long head of a body's name inside the term (คณะกรรมการ|การศึกษา), where a
//     long name is best broken;
//   - where two ranges the caller keeps whole meet (an amount in words, kept whole in its groups): costly
//     as inside a compound;
//   - inside a protected span (text/protected_spans.h, or a range the caller keeps whole): no break at all
//     unless the span alone is wider than the line; its boundaries become emergency breaks marked
//     break_in_protected | break_span_space, and every position inside it is marked break_in_protected.
// The costs themselves are layout's (layout/inline_breaking.cpp).

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "text/code_points.h"
#include "text/compound_words.h"
#include "text/line_breaks.h"
#include "text/protected_spans.h"

namespace raingan::text {

struct ByteRange {
  std::uint32_t begin = 0, end = 0;
};

class PhraseBreakFinder {
 public:
  explicit PhraseBreakFinder(const CompoundWords& words = CompoundWords::shared()) : words_(words) {}

  // As LineBreakFinder::find, with the phrase bits added; `keep_whole` are byte ranges of `text` (a
  // template's <nobreak>) protected as the spans found are.
  void find(std::string_view text, const CodePoints& code_points, std::vector<std::uint8_t>& flags,
            std::span<const ByteRange> keep_whole = {});

  // The protected spans of the last text, in code points (found ones and kept-whole ranges, merged).
  const std::vector<ProtectedSpan>& spans() const noexcept { return spans_; }

  // Terms (UTF-8) a line should rather not end inside, wherever they occur; replaces the previous ones.
  void set_kept_terms(std::vector<std::string> terms);

 private:
  void mark_words(const CodePoints& code_points, std::vector<std::uint8_t>& flags);
  void mark_kept_terms(std::string_view text, std::vector<std::uint8_t>& flags) const;

  LineBreakFinder lines_;
  const CompoundWords& words_;
  std::vector<ProtectedSpan> spans_;
  std::vector<std::size_t> boundaries_;
  std::u32string run_;
  std::vector<std::uint32_t> word_lengths_;  // of run_: CompoundWords::word_lengths
  std::vector<std::string> kept_terms_;
  // For each term, the byte offsets inside it where a long head of a body's name ends (คณะกรรมการ|การศึกษา,
  // สำนักงาน|…): a break there costs as after a name's head, not as inside the term.
  std::vector<std::vector<std::size_t>> term_head_ends_;
  // The terms by their first bytes (two Thai letters), so that a paragraph is searched once for all of them:
  // every Thai letter starts with the same UTF-8 byte, which defeats a search term by term.
  std::unordered_multimap<std::string_view, std::size_t> terms_by_prefix_;
  std::vector<std::size_t> short_terms_;  // shorter than a prefix: searched one by one
};

}  // namespace raingan::text
