#include "layout/continuation_cue.h"

#include <algorithm>
#include <cmath>
#include <vector>

#include "text/code_points.h"

namespace raingan::layout {
namespace {

bool is_space(char32_t c) { return c == U' ' || c == U'\u00A0' || c == U'\t' || c == U'\u200B'; }

// Letters count towards the length of the quoted words; digits and punctuation do not.
bool is_letter(char32_t c) {
  return (c >= U'\u0E01' && c <= U'\u0E2E') || (c >= U'\u0E30' && c <= U'\u0E4E' && c != U'\u0E46') ||
         (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z');
}

}  // namespace

std::string opening_words(std::string_view line, text::PhraseBreakFinder& breaks) {
  text::CodePoints code_points;
  code_points.assign(line);
  std::vector<std::uint8_t> flags;
  breaks.find(line, code_points, flags);
  constexpr int enough_letters = 5;
  std::size_t begin = 0;
  while (begin < code_points.size() && is_space(code_points[begin])) ++begin;
  int letters = 0;
  std::size_t end = begin;
  for (std::size_t i = begin; i < code_points.size(); ++i) {
    const char32_t c = code_points[i];
    if (is_space(c)) {
      if (letters > 0) break;
      continue;  // "๒. การ…": the number alone says too little
    }
    const std::uint8_t f = flags[code_points.byte_offset(i)];
    if (letters >= enough_letters && (f & text::break_allowed) &&
        !(f & (text::break_in_compound | text::break_in_protected)))
      break;
    if (is_letter(c)) ++letters;
    end = i + 1;
  }
  const std::size_t from = code_points.byte_offset(begin);
  return std::string(line.substr(from, code_points.byte_offset(end) - from));
}

std::string first_body_text(const Page& page) {
  // The first line of text may be set in pieces on one baseline: a list item's number and its text, a
  // table row's cells. The cue quotes them as read, left to right.
  struct Piece {
    double x = 0, baseline = 0;
    std::string text;
  };
  std::vector<Piece> pieces;
  for (const auto& strip : page.strips) {
    if (strip.role != PageStrip::Role::body) continue;
    for (std::size_t i = strip.first_item; i < strip.end_item && i < page.frame.items.size(); ++i) {
      const auto* line = std::get_if<TextLine>(&page.frame.items[i]);
      if (!line || line->runs.empty()) continue;
      Piece piece{line->runs.front().origin.x, line->runs.front().origin.y, {}};
      for (const auto& span : line->spans) piece.text += span.text;
      if (!piece.text.empty()) pieces.push_back(std::move(piece));
    }
  }
  if (pieces.empty()) return {};
  const double first_baseline =
      std::min_element(pieces.begin(), pieces.end(), [](const Piece& a, const Piece& b) {
        return a.baseline < b.baseline;
      })->baseline;
  std::erase_if(pieces, [&](const Piece& piece) { return std::abs(piece.baseline - first_baseline) > 0.5; });
  std::sort(pieces.begin(), pieces.end(), [](const Piece& a, const Piece& b) { return a.x < b.x; });
  std::string text;
  for (const auto& piece : pieces) text += (text.empty() ? "" : " ") + piece.text;
  return text;
}

void add_continuation_cue(Page& page, const Page& next, const document::Paragraph& prototype,
                          LayoutEnvironment& environment, text::PhraseBreakFinder& breaks) {
  const std::string words = opening_words(first_body_text(next), breaks);
  if (words.empty()) return;
  document::Paragraph cue = prototype;
  document::InlineStyle style;
  if (!cue.content.empty())
    if (const auto* text = std::get_if<document::TextInline>(&cue.content.front())) style = text->style;
  cue.content = {document::TextInline{"/" + words + "...", style, {}, {}}};
  document::Blocks blocks;
  blocks.push_back({std::move(cue), prototype.source_line});
  BlockLayouter layouter(environment);
  // Just under the content area, where the body's next line would have gone.
  double y = page.content_origin.y + page.content_size.height;
  for (auto& line : layouter.layout_strips(blocks, page.content_size.width)) {
    PageStrip strip{PageStrip::Role::footer,
                    {page.content_origin.x, y},
                    {page.content_size.width, line.height},
                    page.frame.items.size(),
                    0,
                    line.origin};
    page.frame.append(std::move(line.frame), strip.origin);
    strip.end_item = page.frame.items.size();
    page.strips.push_back(std::move(strip));
    y += line.height;
  }
}

}  // namespace raingan::layout
