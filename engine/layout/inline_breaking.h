#pragma once
// Choosing where a paragraph's lines end. Justified text uses total fit (Knuth-Plass): every feasible set of
// breaks is weighed by how far each line must be stretched (Thai distributed stretch goes between
// clusters, so a line's stretchability grows with its cluster count) and the set with the least demerits
// wins, which keeps Thai lines evenly set. Ragged lines (other alignments) are chosen the same way, a line's
// badness being its empty share, so a short line is weighed against a costly break over the whole paragraph
// rather than line by line.
// What a break costs is what it costs a reader (text/phrase_breaks.h): nothing at a space, 20 at a boundary
// inside a phrase, 50 after a particle or noun prefix, 150 inside a compound word (200 in justified text,
// whose spacing takes a looser line). A protected span (a name, a date, a number and its unit, <nobreak>) is
// broken only when it alone is wider than the line, at its own spaces first (500), and the line says so
// (broken_inside); a word wider than the line is broken at grapheme boundaries (1000), and only then.

#include <cstdint>
#include <vector>

#include "layout/inline_content.h"

namespace raingan::layout {

// A line of the paragraph: bytes [begin, end) of the logical text, of which [content_begin, content_end) is
// drawn (the break space, ZWSP or newline at its end and spaces after a soft break are not).
struct LineExtent {
  std::uint32_t begin = 0, content_begin = 0, content_end = 0, end = 0;
  bool natural = false;        // the paragraph's last line or one ending at a forced break: never stretched
  bool broken_inside = false;  // it ends inside a protected span (the span is wider than the line)
};

// What a line measures before stretching, and how many leaders it holds.
struct LineMeasure {
  double width = 0;          // natural width in pt, leaders at their minimum width
  double stretch_units = 0;  // weighted cluster boundaries inside the line
  std::uint32_t leaders = 0;
};
LineMeasure measure_line(const InlineContent& content, const LineExtent& line);

// Upper bound (exclusive, as a leaders_before index) of the leaders a line holds: a leader at the line's
// end position belongs to the next line unless the paragraph ends there.
std::uint32_t leader_limit(const InlineContent& content, const LineExtent& line);

struct LineWidths {
  double first = 0;  // available width of the first line (pt)
  double rest = 0;
};

class LineBreaker {
 public:
  // Fills `lines` with the paragraph's lines in order; they tile the logical text. `fitted_box`: the lines
  // of a diagram's box, whose width is then fitted around them (DiagramText), not a column's.
  void break_lines(const InlineContent& content, bool justify, LineWidths widths,
                   std::vector<LineExtent>& lines, bool fitted_box = false);

 private:
  enum class Kind : std::uint8_t { normal, span, emergency, forced };  // span: inside a protected span
  struct Candidate {
    std::uint32_t position = 0;
    std::uint32_t content_end = 0;  // content end of a line ending here
    std::uint32_t next_start = 0;   // content start of the line after
    Kind kind = Kind::normal;
    double penalty = 0;
    // Running sums at the two ends, so that a line's measure is two subtractions.
    double end_width = 0, end_stretch = 0;
    double start_width = 0, start_stretch = 0;
    std::uint32_t end_leaders = 0, start_leaders = 0;
  };
  struct Node {
    std::int32_t candidate = -1;  // -1: the paragraph start
    std::int32_t previous = -1;   // node index
    int fitness = 1;
    double demerits = 0;
  };

  void collect_candidates(const InlineContent& content, double narrowest);
  // Adds candidates of `kind` at the positions with `flag` inside every stretch between candidates that is
  // wider than `narrowest`; false when it added none.
  bool widen(const InlineContent& content, double narrowest, std::uint8_t flag, Kind kind);
  void add_candidate(const InlineContent& content, std::uint32_t position, Kind kind);
  LineExtent extent(std::int32_t from, std::int32_t to) const;
  LineMeasure measure(std::int32_t from, std::int32_t to) const;
  enum class Fit : std::uint8_t { justified, ragged };
  // False when no set of breaks keeps every line's badness within `tolerated_badness`.
  bool total_fit(const InlineContent& content, LineWidths widths, Fit fit, double tolerated_badness,
                 std::vector<std::int32_t>& chosen);

  std::vector<Candidate> candidates_;
  std::vector<Candidate> merged_;
  std::vector<Node> nodes_;
  std::vector<std::int32_t> active_;
  std::vector<std::int32_t> next_active_;
  std::vector<std::int32_t> chosen_;
  std::uint32_t text_size_ = 0;
  double compound_penalty_ = 0;  // justified and ragged text weigh a break inside a compound differently
  double stretch_at_one_ = 0;    // stretch sum at byte 1: where the paragraph's first line starts counting
};

}  // namespace raingan::layout
