#pragma once
// What block layout hands to pagination: a stream of unbreakable horizontal strips (lines of text, images,
// charts) and tables, each saying whether a page may end before it. Pagination only stacks these.

#include <memory>
#include <string>
#include <variant>
#include <vector>

#include "layout/frame.h"

namespace raingan::layout {

// A heading that starts in a strip: where the contents, the outline and running headers learn about it.
struct HeadingMark {
  std::string anchor;
  std::string title;
  int level = 1;
  bool in_outline = true;
  bool in_contents = true;
  std::string running_title;  // empty = does not change the running header
};

// Where a strip comes from and what it is, so that a check of the finished pages (preflight) can name the
// template line and knows what to expect of it.
struct StripOrigin {
  enum class Kind {
    other,           // rules, spacers, tables, pictures, charts
    text,            // a line of a body paragraph or list item (not a heading, not in a signature)
    heading,         // a line of a heading
    signature,       // anything in a signature block
    missing_figure,  // the caption of a figure whose picture is not there
  };
  Kind kind = Kind::other;
  int source_line = 0;  // template line; 0 = unknown
  // For text lines: the column the line was broken for, from the content area's left edge (overfull check).
  double column_left = 0;
  double column_right = 0;
  std::string note;  // for a missing figure: what is missing
  // For a table whose columns cannot all keep their numbers and header words whole: what breaks, column by
  // column. Set on the table's first part only.
  std::string too_narrow;
  // For text lines that end inside a protected span (wider than the column): the span, '|' where it breaks.
  std::string broken_span = {};
};

// What a strip adds when a page end falls next to it, so that a drawing cut by the page end reads on (a
// flowchart's off-page connectors, the header of the table it belongs to). Pagination keeps room for the foot
// under every strip that has one.
struct PageCues {
  Frame head;  // drawn above the strip when it begins a page; origin at the head's top-left
  double head_height = 0;
  Frame foot;  // drawn under the strip when the page ends after it
  double foot_height = 0;
};

struct FlowLine {
  Frame frame;  // origin at the strip's top-left; x = 0 is the left edge of the content area
  double height = 0;
  double baseline = 0;  // of the strip's first text line, from its top (list labels align to it)
  double space_before = 0;
  double space_after = 0;
  double shrink = 0;  // height the strip may give up to keep what follows on its page (a flexible spacer)
  bool break_before = true;  // a page may end just before this strip
  bool force_break_before = false;
  int keep_with_previous_lines = 0;  // lines before this strip that go onto its page with it (a closing)
  bool ends_in_word = false;         // a text line ending inside a word: no page ends after it if avoidable
  std::vector<HeadingMark> marks;
  StripOrigin origin;
  std::shared_ptr<const PageCues> cues;  // none for most strips
};

struct TableLayout;

struct FlowTable {
  std::shared_ptr<const TableLayout> table;
  double x = 0;  // left edge within the content area
  double space_before = 0;
  double space_after = 0;
  bool break_before = true;
  bool force_break_before = false;
  bool keep_together = false;  // starts a new page rather than split, when a page can hold it whole
  int keep_with_previous_lines = 0;
  StripOrigin origin;
};

using FlowItem = std::variant<FlowLine, FlowTable>;

// The break and spacing settings every flow item has.
inline double& space_before_of(FlowItem& item) {
  return std::visit([](auto& it) -> double& { return it.space_before; }, item);
}
inline double& space_after_of(FlowItem& item) {
  return std::visit([](auto& it) -> double& { return it.space_after; }, item);
}
inline bool& break_before_of(FlowItem& item) {
  return std::visit([](auto& it) -> bool& { return it.break_before; }, item);
}
inline bool& force_break_of(FlowItem& item) {
  return std::visit([](auto& it) -> bool& { return it.force_break_before; }, item);
}
inline int& keep_with_previous_lines_of(FlowItem& item) {
  return std::visit([](auto& it) -> int& { return it.keep_with_previous_lines; }, item);
}
inline StripOrigin& origin_of(FlowItem& item) {
  return std::visit([](auto& it) -> StripOrigin& { return it.origin; }, item);
}

}  // namespace raingan::layout
