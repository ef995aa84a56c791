#include "layout/inline_breaking.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "core/utf8.h"
#include "text/char_classes.h"

namespace raingan::layout {
namespace {

constexpr double tolerance = 1e-6;   // pt: widths are sums of doubles
constexpr double line_penalty = 10;  // Knuth-Plass: favours fewer lines
// A paragraph's last line narrower than this share of the width (a runt: ท่าน or นั้น alone) costs as much
// as a line stretched to its limit, so looser lines before it carry a word or two down to it.
constexpr double runt_share = 1.0 / 6;
constexpr double runt_demerits = 10000;
constexpr double fitness_penalty = 3000;     // a loose line next to a tight one
constexpr double badness_limit = 10000;      // "infinitely bad", still allowed: Thai lines can always stretch
constexpr double first_pass_badness = 1000;  // first pass: a boundary stretched by at most ~0.2 em
constexpr double stretch_per_unit_em = 0.1;  // stretchability of one cluster boundary, in em of the base size
// What a line end costs a reader (text/phrase_breaks.h); a break after a space costs nothing.
constexpr double phrase_penalty = 20;    // a word boundary inside a space-delimited phrase
constexpr double particle_penalty = 50;  // right after a connective, particle or noun prefix
// Inside a compound word: in justified text, worse than two lines stretched to their limit, for distributed
// spacing absorbs a loose line where a split word (ดำเนิน|งาน, การจัดการ|ศึกษา) stops the reader; in ragged text
// (table cells, lists) worse than a line more (ragged_line_demerits below), for a cell a line taller costs
// the reader nothing and a split word stops them; in a diagram's box about a line more, for its width is
// fitted around its lines (DiagramText) and a box a line taller makes the whole chart taller.
constexpr double justified_compound_penalty = 300;
constexpr double ragged_compound_penalty = 400;
constexpr double box_compound_penalty = 150;
constexpr double span_penalty = 500;        // at a space inside a protected span wider than the line
constexpr double emergency_penalty = 1000;  // inside a word too wide for the line
// Ragged lines (text not justified) are not stretched: a line's badness is its empty share, as if it could
// stretch by this share of the width (TeX's \raggedright stretch). Spaces are where Thai phrases end, so a
// ragged edge is cheap: a line a third empty costs less than a break inside a phrase, one half empty about
// what a break after a particle does, and only one four fifths empty what a break inside a compound does.
constexpr double ragged_stretch_share = 0.75;
// A ragged line more costs about what a break inside a compound does: a paragraph (a table cell most often)
// grows by a line only to avoid one. (Cheaper lines made the samples' diagram boxes and cells taller: four
// pages more.)
constexpr double ragged_line_demerits = 20000;

char32_t code_point_at(const std::string& text, std::size_t offset) { return utf8::next(text, offset); }

std::uint32_t previous_start(const std::string& text, std::uint32_t offset) {
  do {
    --offset;
  } while (offset > 0 && (static_cast<unsigned char>(text[offset]) & 0xC0) == 0x80);
  return offset;
}

bool strippable(char32_t c) { return text::is_breaking_space(c) || text::is_invisible_control(c); }

}  // namespace

std::uint32_t leader_limit(const InlineContent& content, const LineExtent& line) {
  const auto size = static_cast<std::uint32_t>(content.text.size());
  return (line.content_end < line.end || line.end == size) ? line.content_end + 1 : line.content_end;
}

LineMeasure measure_line(const InlineContent& content, const LineExtent& line) {
  LineMeasure measure;
  const std::uint32_t begin = line.content_begin;
  const std::uint32_t end = std::max(line.content_end, begin);
  LineExtent clamped = line;
  clamped.content_end = end;
  const std::uint32_t limit = leader_limit(content, clamped);
  measure.width = content.width_before[end] - content.width_before[begin] +
                  content.leader_width_before(limit) - content.leader_width_before(begin);
  measure.leaders = content.leaders_before(limit) - content.leaders_before(begin);
  if (end > begin) measure.stretch_units = content.stretch_before[end] - content.stretch_before[begin + 1];
  return measure;
}

void LineBreaker::add_candidate(const InlineContent& content, std::uint32_t position, Kind kind) {
  const std::string& text = content.text;
  Candidate candidate;
  candidate.position = position;
  candidate.kind = kind;

  std::uint32_t end = position;
  while (end > 0) {
    if (content.leader_at(end) && (end < position || position == text_size_)) break;
    const std::uint32_t start = previous_start(text, end);
    if (!strippable(code_point_at(text, start))) break;
    end = start;
  }
  candidate.content_end = end;

  std::uint32_t next = position;
  if (kind != Kind::forced) {
    while (next < text_size_ && !content.leader_at(next)) {
      const char32_t c = code_point_at(text, next);
      if (!strippable(c) || text::is_line_separator(c)) break;
      next += static_cast<std::uint32_t>(utf8::sequence_length(static_cast<unsigned char>(text[next])));
    }
  }
  candidate.next_start = next;

  LineExtent ending{0, end, end, position, kind == Kind::forced};
  const std::uint32_t limit = leader_limit(content, ending);
  candidate.end_width = content.width_before[end] + content.leader_width_before(limit);
  candidate.end_stretch = content.stretch_before[end];
  candidate.end_leaders = content.leaders_before(limit);
  candidate.start_width = content.width_before[next] + content.leader_width_before(next);
  candidate.start_stretch = content.stretch_before[next + 1];
  candidate.start_leaders = content.leaders_before(next);

  const std::uint8_t f = content.flags[position];
  if (kind == Kind::emergency) {
    candidate.penalty = emergency_penalty;
  } else if (kind == Kind::span) {
    candidate.penalty = span_penalty;
  } else if (kind == Kind::normal) {
    const bool after_space =
        position > 0 && text::is_space(code_point_at(text, previous_start(text, position)));
    candidate.penalty = (f & text::break_in_compound)      ? compound_penalty_
                        : (f & text::break_after_particle) ? particle_penalty
                        : after_space                      ? 0
                                                           : phrase_penalty;
  }
  candidates_.push_back(candidate);
}

LineExtent LineBreaker::extent(std::int32_t from, std::int32_t to) const {
  LineExtent line;
  if (from >= 0) {
    line.begin = candidates_[static_cast<std::size_t>(from)].position;
    line.content_begin = candidates_[static_cast<std::size_t>(from)].next_start;
  }
  const Candidate& last = candidates_[static_cast<std::size_t>(to)];
  line.content_end = last.content_end;
  line.end = last.position;
  line.natural = last.kind == Kind::forced;
  return line;
}

LineMeasure LineBreaker::measure(std::int32_t from, std::int32_t to) const {
  const Candidate& last = candidates_[static_cast<std::size_t>(to)];
  double start_width = 0, start_stretch = 0;
  std::uint32_t start_leaders = 0;
  if (from >= 0) {
    const Candidate& first = candidates_[static_cast<std::size_t>(from)];
    start_width = first.start_width;
    start_stretch = first.start_stretch;
    start_leaders = first.start_leaders;
  } else {
    start_stretch = stretch_at_one_;
  }
  LineMeasure result;
  result.width = std::max(0.0, last.end_width - start_width);
  result.stretch_units = std::max(0.0, last.end_stretch - start_stretch);
  result.leaders = last.end_leaders > start_leaders ? last.end_leaders - start_leaders : 0;
  return result;
}

void LineBreaker::collect_candidates(const InlineContent& content, double narrowest) {
  candidates_.clear();
  const auto& flags = content.flags;
  const bool leaders = !content.leaders.empty();  // most paragraphs have none: no lookup per byte
  for (std::uint32_t q = 1; q <= text_size_; ++q) {
    const std::uint8_t f = flags[q];
    if (f & text::break_forced)
      add_candidate(content, q, Kind::forced);
    else if ((f & text::break_allowed) || (leaders && (f & text::grapheme_boundary) && content.leader_at(q)))
      add_candidate(content, q, Kind::normal);
  }

  // A protected span wider than the narrowest line may break at its own spaces; what is still wider (a word
  // longer than the line) at its grapheme boundaries.
  widen(content, narrowest, text::break_span_space, Kind::span);
  widen(content, narrowest, text::break_emergency, Kind::emergency);
}

bool LineBreaker::widen(const InlineContent& content, double narrowest, std::uint8_t flag, Kind kind) {
  const auto& flags = content.flags;
  merged_.clear();
  std::uint32_t segment_start = 0, segment_content_start = 0;
  bool any = false;
  for (std::size_t k = 0; k < candidates_.size(); ++k) {
    const Candidate here = candidates_[k];
    LineExtent segment{segment_start, segment_content_start, here.content_end, here.position, false};
    if (measure_line(content, segment).width > narrowest + tolerance) {
      for (std::uint32_t q = segment_content_start + 1; q < here.content_end; ++q) {
        if (!(flags[q] & flag)) continue;
        const std::size_t before = candidates_.size();
        add_candidate(content, q, kind);
        merged_.push_back(candidates_.back());
        candidates_.resize(before);
        any = true;
      }
    }
    merged_.push_back(here);
    segment_start = here.position;
    segment_content_start = here.next_start;
  }
  if (any) candidates_.swap(merged_);
  return any;
}

bool LineBreaker::total_fit(const InlineContent& content, LineWidths widths, Fit fit,
                            double tolerated_badness, std::vector<std::int32_t>& chosen) {
  const double infinity = std::numeric_limits<double>::infinity();
  const double stretch_unit = stretch_per_unit_em * content.base_size;
  const bool allow_overfull = tolerated_badness >= badness_limit;
  nodes_.clear();
  active_.clear();
  nodes_.push_back(Node{});
  active_.push_back(0);

  for (std::int32_t j = 0; j < static_cast<std::int32_t>(candidates_.size()); ++j) {
    const Candidate& candidate = candidates_[static_cast<std::size_t>(j)];
    double best[4] = {infinity, infinity, infinity, infinity};
    std::int32_t best_node[4] = {-1, -1, -1, -1};
    next_active_.clear();
    for (const std::int32_t index : active_) {
      const Node& node = nodes_[static_cast<std::size_t>(index)];
      const LineMeasure measure = this->measure(node.candidate, j);
      const double available = node.candidate < 0 ? widths.first : widths.rest;
      const bool overfull = measure.width > available + tolerance;
      if (overfull && !(allow_overfull && node.candidate == j - 1)) continue;  // only grows: drop the node
      next_active_.push_back(index);

      double badness = 0;
      int fitness = 1;
      if (overfull) {  // a single cluster wider than the line
        badness = badness_limit;
        fitness = 3;
      } else if (candidate.kind != Kind::forced && measure.leaders == 0 && fit == Fit::ragged) {
        const double ratio = (available - measure.width) / (ragged_stretch_share * available);
        badness = std::min(badness_limit, 100 * ratio * ratio * ratio);
      } else if (candidate.kind != Kind::forced && measure.leaders == 0) {
        const double ratio = measure.stretch_units > 0
                                 ? (available - measure.width) / (measure.stretch_units * stretch_unit)
                                 : infinity;
        badness = std::min(badness_limit, 100 * ratio * ratio * ratio);
        fitness = ratio > 1 ? 3 : ratio > 0.5 ? 2 : 1;
      }
      if (badness > tolerated_badness) continue;  // too loose to end a line here; the node stays active
      double demerits = (line_penalty + badness) * (line_penalty + badness) +
                        candidate.penalty * candidate.penalty +
                        (fit == Fit::ragged ? ragged_line_demerits : 0);
      if (candidate.kind == Kind::forced && node.candidate >= 0 &&
          candidates_[static_cast<std::size_t>(node.candidate)].kind != Kind::forced &&
          measure.width < runt_share * available)
        demerits += runt_demerits;
      if (std::abs(fitness - node.fitness) > 1) demerits += fitness_penalty;
      const double total = node.demerits + demerits;
      if (total < best[fitness]) {
        best[fitness] = total;
        best_node[fitness] = index;
      }
    }
    if (candidate.kind == Kind::forced) next_active_.clear();
    for (int fitness = 0; fitness < 4; ++fitness) {
      if (best_node[fitness] < 0) continue;
      nodes_.push_back(Node{j, best_node[fitness], fitness, best[fitness]});
      next_active_.push_back(static_cast<std::int32_t>(nodes_.size() - 1));
    }
    active_.swap(next_active_);
    if (active_.empty()) return false;  // no way past here within the tolerance
  }

  // The paragraph end is forced, so only its nodes are left.
  std::int32_t best_end = -1;
  for (const std::int32_t index : active_)
    if (best_end < 0 || nodes_[static_cast<std::size_t>(index)].demerits <
                            nodes_[static_cast<std::size_t>(best_end)].demerits)
      best_end = index;
  chosen.clear();
  for (std::int32_t index = best_end; index > 0; index = nodes_[static_cast<std::size_t>(index)].previous)
    chosen.push_back(nodes_[static_cast<std::size_t>(index)].candidate);
  std::reverse(chosen.begin(), chosen.end());
  return true;
}

void LineBreaker::break_lines(const InlineContent& content, bool justify, LineWidths widths,
                              std::vector<LineExtent>& lines, bool fitted_box) {
  lines.clear();
  text_size_ = static_cast<std::uint32_t>(content.text.size());
  if (text_size_ == 0) {
    lines.push_back(LineExtent{0, 0, 0, 0, true});
    return;
  }
  stretch_at_one_ = content.stretch_before[1];
  compound_penalty_ = justify      ? justified_compound_penalty
                      : fitted_box ? box_compound_penalty
                                   : ragged_compound_penalty;
  collect_candidates(content, std::min(widths.first, widths.rest));
  // First only lines stretched within reason, as Knuth and Plass's first pass; then anything that fits.
  const Fit fit = justify ? Fit::justified : Fit::ragged;
  if (!total_fit(content, widths, fit, first_pass_badness, chosen_))
    total_fit(content, widths, fit, badness_limit, chosen_);
  std::int32_t from = -1;
  for (const std::int32_t to : chosen_) {
    lines.push_back(extent(from, to));
    const std::uint32_t end = lines.back().end;
    lines.back().broken_inside = end < text_size_ && (content.flags[end] & text::break_in_protected);
    from = to;
  }
}

}  // namespace raingan::layout
