#pragma once
// Column widths of a table, as CSS's automatic table layout gives them. Fixed columns (cm, pt) keep their
// width; auto columns take from their cells' content, at least the min-content (the widest piece no line may
// break) and at most the max-content (the widest cell on one line) unless there is room to spare; fr columns
// share what is left. And no column breaks a number of its body cells or a word of its header cells: a fixed
// or fr column narrower than that is widened, the width taken from the flexible columns.

#include <string>
#include <vector>

#include "document/document.h"

namespace raingan::layout {

// What one cell needs across, its padding included.
struct CellNeeds {
  int column = 0, colspan = 1;
  double min = 0;                   // min-content: the widest piece no line may break
  double max = 0;                   // max-content: the widest line when only forced breaks end one
  double keep = 0;                  // the width that keeps its numbers (a header cell: all its words) whole
  std::string min_text, keep_text;  // the pieces that set min and keep, for messages
};

struct ColumnSizes {
  std::vector<double> widths;
  // Per column, the width under which something breaks that must not (a number, a header word, in an auto
  // column any word), and that piece; a column left narrower than its floor has no room to give it.
  std::vector<double> floors;
  std::vector<std::string> floor_text;
  bool fallback = false;  // the floors do not fit: the widths as written, auto columns as 1fr
};

// Column widths for a table `width` wide. Cells spanning columns add what they need beyond those columns'
// own to the columns they span (auto columns first, in proportion to their max-content), narrowest span
// first. Without fr columns, auto columns get their max-content when all fit, and the rest of the width in
// proportion to it; otherwise their min-content and a share of the rest in proportion to (max - min). Beside
// fr columns, auto columns grow towards their max-content only while every fr column keeps its min-content,
// and fr columns share the rest. A table of fixed columns only keeps its width unless a column must widen.
ColumnSizes size_columns(const std::vector<document::TableColumn>& columns,
                         const std::vector<CellNeeds>& cells, double width);

}  // namespace raingan::layout
