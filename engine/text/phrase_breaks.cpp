#include "text/phrase_breaks.h"

#include <algorithm>
#include <array>
#include <vector>

#include "core/utf8.h"
#include "text/char_classes.h"

namespace raingan::text {
namespace {

using namespace std::string_view_literals;

// A line ending right after one of these leaves the reader waiting for what it joins or governs.
constexpr std::array connectives = {
    U"ที่"sv,  U"ซึ่ง"sv,  U"อัน"sv,  U"และ"sv, U"หรือ"sv, U"ใน"sv, U"ของ"sv, U"แต่"sv,
    U"กับ"sv, U"โดย"sv, U"เพื่อ"sv, U"จาก"sv, U"ตาม"sv, U"แก่"sv, U"ต่อ"sv,  U"ถึง"sv,
    U"ว่า"sv, U"ให้"sv,  U"ได้"sv,  U"ก็"sv,   U"จึง"sv,  U"จะ"sv, U"ไม่"sv,  U"แห่ง"sv,
    U"ทั้ง"sv, U"ต้อง"sv, U"ควร"sv, U"ยัง"sv,  U"เป็น"sv, U"มี"sv,  U"ด้าน"sv, U"ระหว่าง"sv,
};
// Noun prefixes, glued to the word they make a noun of.
constexpr std::array noun_prefixes = {U"การ"sv, U"ความ"sv, U"ผู้"sv, U"นัก"sv, U"ชาว"sv};

bool is_connective(std::u32string_view word) {
  return std::find(connectives.begin(), connectives.end(), word) != connectives.end();
}

bool is_particle(std::u32string_view word) {
  return is_connective(word) ||
         std::find(noun_prefixes.begin(), noun_prefixes.end(), word) != noun_prefixes.end();
}

// What a body is, the head of its name: written onto the rest of the name (คณะกรรมการศึกษาธิการจังหวัด,
// กลุ่มนโยบายและแผน, กระทรวงศึกษาธิการ), a line ending after it leaves the name hanging as a noun prefix does;
// less costly than a break inside a compound, so สำนักงานคณะกรรมการ|การศึกษา… still breaks after it.
constexpr std::array name_heads = {
    U"คณะกรรมการ"sv, U"คณะทำงาน"sv, U"กลุ่ม"sv, U"กระทรวง"sv, U"สำนักงาน"sv, U"กรม"sv,
};

// Whether a name's head ends at boundaries[k], from an earlier boundary (the segmenters split คณะ|กรรมการ).
// A head followed by a connective names nothing (กลุ่มที่รับผิดชอบ, คณะกรรมการและ…): the line may end after it.
bool ends_name_head(std::u32string_view run, const std::vector<std::size_t>& boundaries, std::size_t k) {
  const std::size_t end = boundaries[k];
  if (k + 1 < boundaries.size() && is_connective(run.substr(end, boundaries[k + 1] - end))) return false;
  for (const auto head : name_heads)
    if (end >= head.size() && run.substr(end - head.size(), head.size()) == head &&
        std::binary_search(boundaries.begin(), boundaries.begin() + static_cast<std::ptrdiff_t>(k),
                           end - head.size()))
      return true;
  return false;
}

constexpr std::size_t kept_term_prefix_bytes = 6;  // two Thai letters
constexpr std::size_t min_soft_head_length = 6;  // code points: คณะกรรมการ, สำนักงาน, กระทรวง, not กลุ่ม

// A hyphen between letters joins one word (รับ-ส่ง, O-NET, e-office): a line ending after it splits that word.
void mark_hyphens(const CodePoints& code_points, std::vector<std::uint8_t>& flags) {
  auto letter = [](char32_t c) {
    return is_thai_letter(c) || (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z');
  };
  for (std::size_t i = 1; i + 1 < code_points.size(); ++i) {
    if (code_points[i] != U'-' || !letter(code_points[i - 1]) || !letter(code_points[i + 1])) continue;
    std::uint8_t& f = flags[code_points.byte_offset(i + 1)];
    if (f & break_allowed) f = static_cast<std::uint8_t>(f | break_in_compound);
  }
}

}  // namespace

void PhraseBreakFinder::find(std::string_view text, const CodePoints& code_points,
                             std::vector<std::uint8_t>& flags, std::span<const ByteRange> keep_whole) {
  lines_.find(text, code_points, flags);

  spans_.clear();
  find_protected_spans(code_points, flags, words_, spans_);
  if (!keep_whole.empty()) {
    for (const ByteRange& range : keep_whole)
      if (range.end > range.begin)
        spans_.push_back({code_points.index_at_byte(range.begin), code_points.index_at_byte(range.end)});
    std::sort(spans_.begin(), spans_.end(),
              [](const ProtectedSpan& a, const ProtectedSpan& b) { return a.begin < b.begin; });
    std::size_t kept = 0;
    for (std::size_t k = 0; k < spans_.size(); ++k) {
      if (kept > 0 && spans_[k].begin < spans_[kept - 1].end)
        spans_[kept - 1].end = std::max(spans_[kept - 1].end, spans_[k].end);
      else
        spans_[kept++] = spans_[k];
    }
    spans_.resize(kept);
  }

  mark_words(code_points, flags);
  mark_hyphens(code_points, flags);
  mark_kept_terms(text, flags);
  // Kept-whole ranges that meet are one expression kept whole in parts (an amount in words: หกล้าน|เจ็ดแสน|…
  // บาทถ้วน): a line may end where they meet, but at the cost of a break inside a word, and a page may not.
  for (const ByteRange& range : keep_whole)
    for (const ByteRange& next : keep_whole)
      if (next.begin == range.end && range.end > range.begin && next.end > next.begin &&
          (flags[range.end] & break_allowed))
        flags[range.end] = static_cast<std::uint8_t>(flags[range.end] | break_in_compound);

  for (const ProtectedSpan& span : spans_)
    for (std::size_t i = span.begin + 1; i < span.end; ++i) {
      std::uint8_t& f = flags[code_points.byte_offset(i)];
      if (f & break_forced) continue;
      f |= break_in_protected;
      if (f & break_allowed)
        f = static_cast<std::uint8_t>((f & ~break_allowed) | break_emergency | break_span_space);
    }
}

void PhraseBreakFinder::set_kept_terms(std::vector<std::string> terms) {
  kept_terms_ = std::move(terms);
  terms_by_prefix_.clear();
  short_terms_.clear();
  term_head_ends_.assign(kept_terms_.size(), {});
  std::vector<std::string> heads;
  for (const auto head : name_heads) {
    // A short head alone at a line end (กลุ่ม|อำนวยการ, กรม|…) reads as a stray word: inside a term it stays
    // as costly as the rest.
    if (head.size() < min_soft_head_length) continue;
    heads.emplace_back();
    for (const char32_t c : head) utf8::append(heads.back(), c);
  }
  for (std::size_t k = 0; k < kept_terms_.size(); ++k) {
    const std::string& term = kept_terms_[k];
    for (const std::string& head : heads)
      for (std::size_t at = term.find(head); at != std::string::npos; at = term.find(head, at + 1))
        if (at + head.size() < term.size()) term_head_ends_[k].push_back(at + head.size());
    if (term.size() >= kept_term_prefix_bytes)
      terms_by_prefix_.emplace(std::string_view(term).substr(0, kept_term_prefix_bytes), k);
    else if (!term.empty())
      short_terms_.push_back(k);
  }
}

void PhraseBreakFinder::mark_kept_terms(std::string_view text, std::vector<std::uint8_t>& flags) const {
  auto mark_inside = [&](std::size_t at, std::size_t term_index) {
    const std::vector<std::size_t>& head_ends = term_head_ends_[term_index];
    for (std::size_t q = at + 1; q < at + kept_terms_[term_index].size(); ++q)
      if ((flags[q] & break_allowed) &&
          std::find(head_ends.begin(), head_ends.end(), q - at) == head_ends.end())
        flags[q] = static_cast<std::uint8_t>(flags[q] | break_in_compound);
  };
  if (!terms_by_prefix_.empty())
    for (std::size_t at = 0; at + kept_term_prefix_bytes <= text.size(); ++at) {
      if ((static_cast<unsigned char>(text[at]) & 0xC0) == 0x80) continue;  // inside a character
      const auto [first, last] = terms_by_prefix_.equal_range(text.substr(at, kept_term_prefix_bytes));
      for (auto found = first; found != last; ++found) {
        const std::string& term = kept_terms_[found->second];
        if (text.substr(at, term.size()) == term) mark_inside(at, found->second);
      }
    }
  for (const std::size_t k : short_terms_) {
    const std::string& term = kept_terms_[k];
    for (std::size_t at = text.find(term); at != std::string_view::npos; at = text.find(term, at + 1))
      mark_inside(at, k);
  }
}

// Compound and particle marks, run by run of Thai letters: the boundaries inside the run are the dictionary's
// (break_allowed); a compound is a known word from one boundary to another that spans two or more.
void PhraseBreakFinder::mark_words(const CodePoints& code_points, std::vector<std::uint8_t>& flags) {
  const std::size_t n = code_points.size();
  auto allowed = [&](std::size_t i) { return (flags[code_points.byte_offset(i)] & break_allowed) != 0; };
  auto mark = [&](std::size_t i, BreakFlag bit) {
    std::uint8_t& f = flags[code_points.byte_offset(i)];
    f = static_cast<std::uint8_t>(f | bit);
  };
  for (std::size_t start = 0; start < n;) {
    if (!is_thai_letter(code_points[start])) {
      ++start;
      continue;
    }
    std::size_t end = start;
    while (end < n && is_thai_letter(code_points[end])) ++end;
    run_.assign(code_points.values().begin() + static_cast<std::ptrdiff_t>(start),
                code_points.values().begin() + static_cast<std::ptrdiff_t>(end));
    boundaries_.clear();
    boundaries_.push_back(0);
    for (std::size_t i = start + 1; i < end; ++i)
      if (allowed(i)) boundaries_.push_back(i - start);
    boundaries_.push_back(end - start);
    const std::u32string_view run(run_);
    if (!words_.empty()) words_.word_lengths(run, word_lengths_);
    // Whether run.substr(at, length) is a word, as CompoundWords::contains would say.
    const auto is_word = [&](std::size_t at, std::size_t length) {
      return length <= CompoundWords::longest() && ((word_lengths_[at] >> length) & 1u) != 0;
    };

    // A word of the run ends in a particle: a line ending there (inside the run, or just after it where
    // something other than a space follows) leaves it hanging.
    const std::size_t last = boundaries_.size() - 1;
    for (std::size_t k = 1; k <= last; ++k) {
      const std::size_t at = start + boundaries_[k];
      if (k == last && (at >= n || !allowed(at))) continue;
      const std::u32string_view word = run.substr(boundaries_[k - 1], boundaries_[k] - boundaries_[k - 1]);
      if (is_particle(word)) mark(at, break_after_particle);
      if (k < last && ends_name_head(run, boundaries_, k)) mark(at, break_after_particle);
    }

    // Every boundary inside some known word is costly, not only inside the longest from the left: in
    // การ|ปฏิบัติ|งาน both การปฏิบัติ and ปฏิบัติงาน are words. A word may also end inside a segment when
    // the rest of that segment is a word too (ผู้|อำนวย|การกลุ่ม: ผู้อำนวยการ + กลุ่ม), for the segmenters
    // join what they do not know.
    if (!words_.empty())
      for (std::size_t k = 0; k + 1 < last; ++k) {
        const std::size_t from = boundaries_[k];
        std::size_t found = 0;  // the last boundary inside the furthest word found
        for (std::size_t m = k + 1; m < last && boundaries_[m] - from < words_.longest(); ++m) {
          const std::size_t segment_end = boundaries_[m + 1];
          // ฯ abbreviates what the word goes on with (คำสั่งฯ): the word is what comes before it.
          const std::size_t word_end = run[segment_end - 1] == U'ฯ' ? segment_end - 1 : segment_end;
          if (is_word(from, word_end - from)) found = m;
          for (std::size_t at = boundaries_[m] + 1; at < segment_end && at - from <= words_.longest(); ++at)
            if (is_word(from, at - from) && is_word(at, segment_end - at)) found = m;
        }
        for (std::size_t inner = k + 1; inner <= found; ++inner)
          mark(start + boundaries_[inner], break_in_compound);
      }

    // The mirror case: a word may also start inside a segment when what comes before it there is a word
    // (ทางการ|ศึกษา: ทาง + การศึกษา; ตามพระ|ราชบัญญัติ: ตาม + พระราชบัญญัติ).
    if (!words_.empty())
      for (std::size_t k = 1; k < last; ++k) {
        const std::size_t segment_start = boundaries_[k - 1];
        std::size_t found = 0;  // the boundary after the furthest word found
        for (std::size_t at = segment_start + 1; at < boundaries_[k]; ++at) {
          if (!is_word(segment_start, at - segment_start)) continue;
          for (std::size_t m = k + 1; m <= last && boundaries_[m] - at <= words_.longest(); ++m)
            if (is_word(at, boundaries_[m] - at)) found = std::max(found, m);
        }
        for (std::size_t inner = k; inner < found; ++inner)
          mark(start + boundaries_[inner], break_in_compound);
      }
    start = end;
  }
}

}  // namespace raingan::text
