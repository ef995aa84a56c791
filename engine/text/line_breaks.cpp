#include "text/line_breaks.h"

#include <thai/thbrk.h>
#include <thai/thwbrk.h>
#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>

#include <stdexcept>

#include "text/char_classes.h"

namespace raingan::text {
namespace {

bool is_mark(char32_t c) { return (U_GET_GC_MASK(static_cast<UChar32>(c)) & U_GC_M_MASK) != 0; }

constexpr char32_t paiyannoi = U'\u0E2F';  // ฯ
constexpr char32_t lo_ling = U'\u0E25';    // ล

// Character rules that hold for every break, emergency ones included: may a line end before code point i?
bool characters_allow_break(const CodePoints& text, std::size_t i) {
  const std::size_t count = text.size();
  const char32_t before = text[i - 1];
  const char32_t after = text[i];
  if (before == word_joiner || after == word_joiner || before == U'\uFEFF' || after == U'\uFEFF')
    return false;
  if (never_ends_line(before) || is_mark(after)) return false;
  const bool starts_etcetera =
      after == paiyannoi && i + 2 < count && text[i + 1] == lo_ling && text[i + 2] == paiyannoi;
  if (never_starts_line(after) && !starts_etcetera) return false;  // ฯลฯ may start a line, ฯ alone not
  if (before == paiyannoi && after == lo_ling && i + 1 < count && text[i + 1] == paiyannoi)
    return false;  // ฯ|ลฯ
  // ฿ stays with its number: ฿100, ฿ 100, 100฿, 100 ฿.
  std::size_t back = i;
  while (back > 0 && is_space(text[back - 1])) --back;
  std::size_t ahead = i;
  while (ahead < count && is_space(text[ahead])) ++ahead;
  if (back > 0 && ahead < count) {
    const char32_t left = text[back - 1], right = text[ahead];
    if ((left == baht_sign && is_digit(right)) || (is_digit(left) && right == baht_sign)) return false;
  }
  return true;
}

struct ThBrkCloser {
  void operator()(ThBrk* brk) const noexcept { th_brk_delete(brk); }
};

bool is_thai(char32_t c) { return c >= U'\u0E01' && c <= U'\u0E5B'; }

struct UTextCloser {
  void operator()(UText* text) const noexcept { utext_close(text); }
};

void check(UErrorCode status, const char* what) {
  if (U_FAILURE(status)) throw std::runtime_error(std::string(what) + ": " + u_errorName(status));
}

}  // namespace

struct LineBreakFinder::Iterators {
  std::unique_ptr<icu::BreakIterator> line;
  std::unique_ptr<icu::BreakIterator> character;
  std::unique_ptr<ThBrk, ThBrkCloser> thai;
  std::vector<thwchar_t> run;  // one run of Thai text for libthai (reused)
  std::vector<int> positions;
};

LineBreakFinder::LineBreakFinder() : iterators_(std::make_unique<Iterators>()) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Locale thai("th");
  iterators_->line.reset(icu::BreakIterator::createLineInstance(thai, status));
  check(status, "ICU line break iterator");
  iterators_->character.reset(icu::BreakIterator::createCharacterInstance(thai, status));
  check(status, "ICU character break iterator");
  iterators_->thai.reset(th_brk_new(nullptr));
  if (!iterators_->thai) throw std::runtime_error("libthai: cannot load its word break dictionary");
}

LineBreakFinder::~LineBreakFinder() = default;

void LineBreakFinder::find(std::string_view text, const CodePoints& code_points,
                           std::vector<std::uint8_t>& flags) {
  flags.assign(text.size() + 1, 0);
  if (text.empty()) {
    flags[0] = grapheme_boundary | break_forced;
    return;
  }
  const std::size_t count = code_points.size();
  utf16_.clear();
  utf16_bytes_.clear();
  for (std::size_t i = 0; i < count; ++i) {
    const char32_t c = code_points[i];
    const std::uint32_t byte = code_points.byte_offset(i);
    if (c < 0x10000) {
      utf16_.push_back(static_cast<char16_t>(c));
      utf16_bytes_.push_back(byte);
    } else {
      utf16_.push_back(static_cast<char16_t>(0xD800 + ((c - 0x10000) >> 10)));
      utf16_.push_back(static_cast<char16_t>(0xDC00 + ((c - 0x10000) & 0x3FF)));
      utf16_bytes_.push_back(byte);
      utf16_bytes_.push_back(byte);
    }
  }
  utf16_bytes_.push_back(static_cast<std::uint32_t>(text.size()));

  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UText, UTextCloser> utext(
      utext_openUChars(nullptr, utf16_.data(), static_cast<int64_t>(utf16_.size()), &status));
  check(status, "ICU cannot open text");

  icu::BreakIterator& characters = *iterators_->character;
  characters.setText(utext.get(), status);
  check(status, "ICU character break iterator");
  for (int32_t at = characters.first(); at != icu::BreakIterator::DONE; at = characters.next())
    flags[utf16_bytes_[static_cast<std::size_t>(at)]] |= grapheme_boundary;

  icu::BreakIterator& lines = *iterators_->line;
  lines.setText(utext.get(), status);
  check(status, "ICU line break iterator");
  // Forced breaks are told by the separator before them below, not by the rule status: ICU gives the
  // dictionary breaks of a Thai line the status of the hard break that precedes it.
  for (int32_t at = lines.next(); at != icu::BreakIterator::DONE; at = lines.next())
    flags[utf16_bytes_[static_cast<std::size_t>(at)]] |= break_allowed;

  // Inside Thai text a break must be a word boundary for both segmenters: ICU's dictionary splits compounds
  // that libthai's keeps whole (งบ|ประมาณ, ร้อย|ละ) and libthai splits some that ICU keeps; where they
  // disagree the line is not broken.
  for (std::size_t start = 0; start < count;) {
    if (!is_thai(code_points[start])) {
      ++start;
      continue;
    }
    std::size_t end = start;
    while (end < count && is_thai(code_points[end])) ++end;
    if (end - start > 1) {
      thai_key_.clear();
      for (std::size_t i = start; i < end; ++i) thai_key_.push_back(code_points[i]);
      auto known = thai_words_.find(thai_key_);
      if (known == thai_words_.end()) {
        auto& run = iterators_->run;
        run.clear();
        for (std::size_t i = start; i < end; ++i) run.push_back(static_cast<thwchar_t>(code_points[i]));
        run.push_back(0);
        auto& positions = iterators_->positions;
        positions.resize(end - start);
        const int found =
            th_brk_wc_find_breaks(iterators_->thai.get(), run.data(), positions.data(), positions.size());
        std::vector<std::uint32_t> word_ends;
        for (int k = 0; k < found; ++k)
          if (positions[k] > 0 && static_cast<std::size_t>(positions[k]) < end - start)
            word_ends.push_back(static_cast<std::uint32_t>(positions[k]));
        if (remembered_ + thai_key_.size() > max_remembered) {
          thai_words_.clear();
          remembered_ = 0;
        }
        remembered_ += thai_key_.size();
        known = thai_words_.emplace(thai_key_, std::move(word_ends)).first;
      }
      std::vector<bool>& agreed = thai_breaks_;
      agreed.assign(end - start + 1, false);
      for (const std::uint32_t word_end : known->second) agreed[word_end] = true;
      for (std::size_t i = start + 1; i < end; ++i)
        if (!agreed[i - start])
          flags[code_points.byte_offset(i)] &= static_cast<std::uint8_t>(~break_allowed);
    }
    start = end;
  }

  for (std::size_t i = 1; i < count; ++i) {
    std::uint8_t& f = flags[code_points.byte_offset(i)];
    if (!(f & grapheme_boundary)) {
      f = 0;
      continue;
    }
    if (is_line_separator(code_points[i - 1])) {
      f = grapheme_boundary | break_forced;  // CR LF is one cluster, so this is after the whole separator
      continue;
    }
    // ZWSP offers a break wherever the character rules allow one, whatever ICU's rules say.
    if (code_points[i - 1] == zero_width_space) f |= break_allowed;
    if (characters_allow_break(code_points, i))
      f |= break_emergency;
    else
      f &= static_cast<std::uint8_t>(~break_allowed);
  }
  flags[0] = grapheme_boundary;
  flags[text.size()] = grapheme_boundary | break_forced;
}

}  // namespace raingan::text
