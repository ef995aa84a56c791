#pragma once
// What blocks need across before they are laid out (the min- and max-content of automatic table layout): the
// widest piece no line of theirs may break and their widest line when only forced breaks end one, each with
// the indents, list labels and padding of what holds it.

#include <string>

#include "document/document.h"
#include "layout/block_layout.h"

namespace raingan::layout {

struct ContentExtent {
  double min = 0;
  double max = 0;
  double number = 0;  // the widest piece that is a number (ParagraphExtent::number)
  std::string widest_number;
  std::string widest_word;  // the piece that sets `min`, for messages
};

// Paragraphs and headings are measured at their break opportunities; lists add their labels' room,
// containers their indents and padding; pictures and charts of a set width need it. Other blocks (nested
// tables, diagrams) take whatever width they are given and need none.
ContentExtent measure_blocks(BlockLayouter& layouter, const document::Blocks& blocks);

}  // namespace raingan::layout
