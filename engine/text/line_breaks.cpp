#include "text/line_breaks.h"

#include <thai/thbrk.h>
#include <thai/thwbrk.h>
#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utext.h>

#include <array>
#include <atomic>
#include <future>
#include <mutex>
#include <stdexcept>
#include <system_error>

#include "text/char_classes.h"

namespace raingan::text {
namespace {

bool is_mark(char32_t c) { return (U_GET_GC_MASK(static_cast<UChar32>(c)) & U_GC_M_MASK) != 0; }

constexpr char32_t paiyannoi = U'\u0E2F';  // ฯ
constexpr char32_t lo_ling = U'\u0E25';    // ล

// Character rules that hold for every break, emergency ones included: may a line end before code point i?
// `baht`: whether the text has a ฿ at all (most have none, and the rule looks around every boundary).
bool characters_allow_break(const CodePoints& text, std::size_t i, bool baht) {
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
  if (!baht) return true;
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

// Kinds of characters in the Thai block, as ICU's line iterator sees them.
enum ThaiClass : std::uint8_t {
  not_dictionary = 0,  // digits, ฿, ๏, ๚ ๛: broken by the rules alone
  dictionary_letter,   // in ICU's Thai dictionary set, treated as a letter (AL) by the rules
  dictionary_mark,     // in the set, a combining mark (CM) to the rules
};

// Grapheme cluster classes (UAX #29) of the characters whose clusters are told here rather than by ICU's
// character iterator: Latin, combining diacritics, Thai, general punctuation and currency signs, without
// the classes with rules of their own (Hangul, Prepend, Regional Indicator, ZWJ). Among those characters a
// cluster boundary falls before every code point but an Extend or SpacingMark one (GB9, GB9a), always
// next to a control (GB4, GB5), and never inside CR LF (GB3).
enum ClusterClass : std::uint8_t {
  cluster_by_icu = 0,  // anything else: the text is left to ICU
  cluster_other,
  cluster_control,
  cluster_cr,
  cluster_lf,
  cluster_joins,  // Extend, SpacingMark: continues the cluster before it
};
constexpr char32_t cluster_table_size = 0x20D0;

bool in_cluster_repertoire(char32_t c) {
  return c < 0x0370 || (c >= 0x0E00 && c < 0x0E80) || (c >= 0x2000 && c < 0x2070) ||
         (c >= 0x20A0 && c < 0x20D0);
}

ClusterClass cluster_class_from_icu(char32_t c) {
  if (!in_cluster_repertoire(c)) return cluster_by_icu;
  switch (u_getIntPropertyValue(static_cast<UChar32>(c), UCHAR_GRAPHEME_CLUSTER_BREAK)) {
    case U_GCB_OTHER:
      return cluster_other;
    case U_GCB_CONTROL:
      return cluster_control;
    case U_GCB_CR:
      return cluster_cr;
    case U_GCB_LF:
      return cluster_lf;
    case U_GCB_EXTEND:
    case U_GCB_SPACING_MARK:
      return cluster_joins;
    default:
      return cluster_by_icu;
  }
}

bool cluster_boundary(std::uint8_t before, std::uint8_t after) {
  if (before == cluster_cr && after == cluster_lf) return false;
  const auto control = [](std::uint8_t c) {
    return c == cluster_control || c == cluster_cr || c == cluster_lf;
  };
  if (control(before) || control(after)) return true;
  return after != cluster_joins;
}

// What stands in for a Thai dictionary character whose run's dictionary breaks are known: a character of
// the same line break class to the rules, which no dictionary looks at.
constexpr char16_t letter_stand_in = u'a';
constexpr char16_t mark_stand_in = u'\u0300';

using ThaiSegmenter = std::unique_ptr<ThBrk, ThBrkCloser>;

ThaiSegmenter load_thai_segmenter() { return ThaiSegmenter(th_brk_new(nullptr)); }

// A segmenter holds libthai's dictionary, read from disk on loading (2 to 10 ms). A document makes a finder
// for every table, chart and diagram it lays out (over 200 in a 1,000-page booklet), so a finder done with
// its segmenter leaves it here for the next one. Each is used by one finder at a time: libthai does not say
// that one may be shared between threads. At most `kept_segmenters` wait here; more are closed.
constexpr std::size_t kept_segmenters = 8;
std::atomic<bool> segmenter_shelf_open{false};  // false before the shelf is made and after it is gone

class SegmenterShelf {
 public:
  SegmenterShelf() { segmenter_shelf_open = true; }
  ~SegmenterShelf() { segmenter_shelf_open = false; }
  SegmenterShelf(const SegmenterShelf&) = delete;
  SegmenterShelf& operator=(const SegmenterShelf&) = delete;

  static SegmenterShelf& shared() {
    static SegmenterShelf shelf;
    return shelf;
  }
  ThaiSegmenter take() {
    const std::lock_guard lock(mutex_);
    if (kept_.empty()) return nullptr;
    ThaiSegmenter segmenter = std::move(kept_.back());
    kept_.pop_back();
    return segmenter;
  }
  void keep(ThaiSegmenter segmenter) {
    const std::lock_guard lock(mutex_);
    if (kept_.size() < kept_segmenters) kept_.push_back(std::move(segmenter));
  }

 private:
  std::mutex mutex_;
  std::vector<ThaiSegmenter> kept_;
};

// The cluster class of every code point below cluster_table_size, from ICU's data: the same for every finder.
const std::vector<std::uint8_t>& cluster_class_table() {
  static const std::vector<std::uint8_t> table = [] {
    std::vector<std::uint8_t> classes(cluster_table_size);
    for (char32_t c = 0; c < cluster_table_size; ++c) classes[c] = cluster_class_from_icu(c);
    return classes;
  }();
  return table;
}

}  // namespace

struct LineBreakFinder::Iterators {
  std::unique_ptr<icu::BreakIterator> line;
  std::unique_ptr<icu::BreakIterator> character;
  // libthai reads its dictionary (some 10 ms) on a second thread while the fonts are looked up: it is
  // wanted only once the first paragraph is broken.
  std::future<ThaiSegmenter> thai_loading;
  ThaiSegmenter thai;
  ThBrk& segmenter() {
    if (thai_loading.valid()) thai = thai_loading.get();
    if (!thai) throw std::runtime_error("libthai: cannot load its word break dictionary");
    return *thai;
  }
  std::vector<thwchar_t> run;  // one run of Thai text for libthai (reused)
  std::vector<int> positions;
  std::array<std::uint8_t, 0x80> thai_classes{};               // ThaiClass of U+0E00 + i
  const std::vector<std::uint8_t>* cluster_classes = nullptr;  // cluster_class_table()
  std::uint8_t cluster_class(char32_t c) const {
    return c < cluster_classes->size() ? (*cluster_classes)[c] : static_cast<std::uint8_t>(cluster_by_icu);
  }
};

LineBreakFinder::LineBreakFinder() : iterators_(std::make_unique<Iterators>()) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Locale thai("th");
  iterators_->line.reset(icu::BreakIterator::createLineInstance(thai, status));
  check(status, "ICU line break iterator");
  iterators_->character.reset(icu::BreakIterator::createCharacterInstance(thai, status));
  check(status, "ICU character break iterator");
  iterators_->thai = SegmenterShelf::shared().take();
  if (!iterators_->thai) {
    try {
      iterators_->thai_loading = std::async(std::launch::async, load_thai_segmenter);
    } catch (const std::system_error&) {
      iterators_->thai = load_thai_segmenter();  // no thread to be had: load it now
    }
  }
  iterators_->cluster_classes = &cluster_class_table();
  // ICU hands its Thai dictionary the runs of [[:Thai:]&[:LineBreak=SA:]]; its rules resolve those
  // characters to AL, or to CM for marks (UAX #14, LB1). Taken from ICU's own data.
  for (std::size_t i = 0; i < iterators_->thai_classes.size(); ++i) {
    const auto c = static_cast<UChar32>(0x0E00 + i);
    UErrorCode script_status = U_ZERO_ERROR;
    if (u_getIntPropertyValue(c, UCHAR_LINE_BREAK) != U_LB_COMPLEX_CONTEXT ||
        uscript_getScript(c, &script_status) != USCRIPT_THAI)
      continue;
    iterators_->thai_classes[i] =
        (U_GET_GC_MASK(c) & (U_GC_MN_MASK | U_GC_MC_MASK)) != 0 ? dictionary_mark : dictionary_letter;
  }
}

LineBreakFinder::~LineBreakFinder() {
  if (!iterators_) return;  // moved from
  try {
    if (iterators_->thai_loading.valid()) iterators_->thai = iterators_->thai_loading.get();
  } catch (...) {
    return;  // the loading failed; nothing to keep
  }
  if (iterators_->thai && segmenter_shelf_open) SegmenterShelf::shared().keep(std::move(iterators_->thai));
}

void LineBreakFinder::find_thai_runs(const CodePoints& code_points) {
  runs_.clear();
  if (remembered_ > max_remembered) {
    thai_runs_.clear();
    remembered_ = 0;
  }
  const std::size_t count = code_points.size();
  for (std::size_t start = 0; start < count;) {
    if (!is_thai(code_points[start])) {
      ++start;
      continue;
    }
    std::size_t end = start;
    while (end < count && is_thai(code_points[end])) ++end;
    if (end - start > 1) {
      const auto values = code_points.values();
      thai_key_.assign(values.begin() + static_cast<std::ptrdiff_t>(start),
                       values.begin() + static_cast<std::ptrdiff_t>(end));
      auto [entry, added] = thai_runs_.try_emplace(thai_key_);
      ThaiRun& known = entry->second;
      if (added) {
        remembered_ += thai_key_.size();
        auto& run = iterators_->run;
        run.clear();
        for (std::size_t i = start; i < end; ++i) run.push_back(static_cast<thwchar_t>(code_points[i]));
        run.push_back(0);
        auto& positions = iterators_->positions;
        positions.resize(end - start);
        const int found =
            th_brk_wc_find_breaks(&iterators_->segmenter(), run.data(), positions.data(), positions.size());
        for (int k = 0; k < found; ++k)
          if (positions[k] > 0 && static_cast<std::size_t>(positions[k]) < end - start)
            known.word_ends.push_back(static_cast<std::uint32_t>(positions[k]));
      }
      runs_.push_back(RunInText{start, end, &known, known.dictionary_known});
    }
    start = end;
  }
}

void LineBreakFinder::learn_dictionary_breaks(const CodePoints& code_points,
                                              const std::vector<std::uint8_t>& flags) {
  const auto& classes = iterators_->thai_classes;
  auto in_dictionary = [&](char32_t c) { return c >= 0x0E00 && c < 0x0E80 && classes[c - 0x0E00] != 0; };
  for (const RunInText& run : runs_) {
    if (run.known->dictionary_known) continue;
    // Inside a run of dictionary characters ICU breaks where its dictionary says, and nowhere else.
    for (std::size_t i = run.begin + 1; i < run.end; ++i)
      if (in_dictionary(code_points[i - 1]) && in_dictionary(code_points[i]) &&
          (flags[code_points.byte_offset(i)] & break_allowed))
        run.known->dictionary_breaks.push_back(static_cast<std::uint32_t>(i - run.begin));
    run.known->dictionary_known = true;
  }
}

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
  utf16_index_.clear();
  // Runs of another script's dictionary (Lao, Khmer, Myanmar) would stand next to Thai ones in ICU's
  // segments: such a text is left to ICU whole.
  bool other_dictionary = false;
  bool baht = false;
  bool own_clusters = true;
  for (std::size_t i = 0; i < count; ++i) {
    const char32_t c = code_points[i];
    baht = baht || c == baht_sign;
    own_clusters = own_clusters && iterators_->cluster_class(c) != cluster_by_icu;
    const std::uint32_t byte = code_points.byte_offset(i);
    utf16_index_.push_back(static_cast<std::uint32_t>(utf16_.size()));
    if (c < 0x10000) {
      utf16_.push_back(static_cast<char16_t>(c));
      utf16_bytes_.push_back(byte);
    } else {
      utf16_.push_back(static_cast<char16_t>(0xD800 + ((c - 0x10000) >> 10)));
      utf16_.push_back(static_cast<char16_t>(0xDC00 + ((c - 0x10000) & 0x3FF)));
      utf16_bytes_.push_back(byte);
      utf16_bytes_.push_back(byte);
    }
    if (c >= 0x80 && (c < 0x0E00 || c >= 0x0E80) &&
        u_getIntPropertyValue(static_cast<UChar32>(c), UCHAR_LINE_BREAK) == U_LB_COMPLEX_CONTEXT)
      other_dictionary = true;
  }
  utf16_bytes_.push_back(static_cast<std::uint32_t>(text.size()));
  find_thai_runs(code_points);

  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UText, UTextCloser> utext(
      utext_openUChars(nullptr, utf16_.data(), static_cast<int64_t>(utf16_.size()), &status));
  check(status, "ICU cannot open text");

  if (own_clusters) {
    flags[0] |= grapheme_boundary;
    for (std::size_t i = 1; i < count; ++i)
      if (cluster_boundary(iterators_->cluster_class(code_points[i - 1]),
                           iterators_->cluster_class(code_points[i])))
        flags[code_points.byte_offset(i)] |= grapheme_boundary;
    flags[text.size()] |= grapheme_boundary;
  } else {
    icu::BreakIterator& characters = *iterators_->character;
    characters.setText(utext.get(), status);
    check(status, "ICU character break iterator");
    for (int32_t at = characters.first(); at != icu::BreakIterator::DONE; at = characters.next())
      flags[utf16_bytes_[static_cast<std::size_t>(at)]] |= grapheme_boundary;
  }

  // ICU's line breaks are its rules' everywhere but inside runs of Thai dictionary characters, where they
  // are its dictionary's alone, and the dictionary sees nothing but the run. So a run met before is not
  // segmented again: its characters stand in as what the rules take them for, and its breaks are added.
  bool stand_ins = false;
  if (!other_dictionary) {
    const auto& classes = iterators_->thai_classes;
    for (const RunInText& run : runs_) {
      if (!run.dictionary_known) continue;
      for (std::size_t i = run.begin; i < run.end; ++i) {
        const char32_t c = code_points[i];
        const std::uint8_t kind =
            c >= 0x0E00 && c < 0x0E80 ? classes[c - 0x0E00] : static_cast<std::uint8_t>(not_dictionary);
        if (kind == not_dictionary) continue;
        utf16_[utf16_index_[i]] = kind == dictionary_mark ? mark_stand_in : letter_stand_in;
        stand_ins = true;
      }
    }
  }
  if (stand_ins) {
    utext.reset(utext_openUChars(nullptr, utf16_.data(), static_cast<int64_t>(utf16_.size()), &status));
    check(status, "ICU cannot open text");
  }

  icu::BreakIterator& lines = *iterators_->line;
  lines.setText(utext.get(), status);
  check(status, "ICU line break iterator");
  // Forced breaks are told by the separator before them below, not by the rule status: ICU gives the
  // dictionary breaks of a Thai line the status of the hard break that precedes it.
  for (int32_t at = lines.next(); at != icu::BreakIterator::DONE; at = lines.next())
    flags[utf16_bytes_[static_cast<std::size_t>(at)]] |= break_allowed;
  if (stand_ins)
    for (const RunInText& run : runs_)
      if (run.dictionary_known)
        for (const std::uint32_t k : run.known->dictionary_breaks)
          flags[code_points.byte_offset(run.begin + k)] |= break_allowed;
  learn_dictionary_breaks(code_points, flags);

  // Inside Thai text a break must be a word boundary for both segmenters: ICU's dictionary splits compounds
  // that libthai's keeps whole (งบ|ประมาณ, ร้อย|ละ) and libthai splits some that ICU keeps; where they
  // disagree the line is not broken.
  for (const RunInText& run : runs_) {
    std::vector<bool>& agreed = thai_breaks_;
    agreed.assign(run.end - run.begin + 1, false);
    for (const std::uint32_t word_end : run.known->word_ends) agreed[word_end] = true;
    for (std::size_t i = run.begin + 1; i < run.end; ++i)
      if (!agreed[i - run.begin])
        flags[code_points.byte_offset(i)] &= static_cast<std::uint8_t>(~break_allowed);
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
    if (characters_allow_break(code_points, i, baht))
      f |= break_emergency;
    else
      f &= static_cast<std::uint8_t>(~break_allowed);
  }
  flags[0] = grapheme_boundary;
  flags[text.size()] = grapheme_boundary | break_forced;
}

}  // namespace raingan::text
