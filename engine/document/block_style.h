#pragma once
// How a block sits between its neighbours and where pages may break around it: shared by every block of the
// document tree.

namespace raingan::document {

struct BlockStyle {
  double space_before = 0;  // pt; collapses with the previous block's space_after (the larger wins)
  double space_after = 0;
  bool page_break_before = false;
  bool keep_with_next = false;       // never the last thing on a page (headings)
  bool keep_together = false;        // never broken across pages
  int keep_with_previous_lines = 0;  // lines of what comes before that stay on its page (a letter's closing)
  int orphans = 2;                   // lines a paragraph keeps at the foot of a page
  int widows = 2;                    // lines it carries to the head of the next
};

}  // namespace raingan::document
