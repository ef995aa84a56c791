#pragma once
// Whitespace in template text, as HTML treats it, with Thai in mind: runs of spaces and newlines become one
// space, except that a line break between two Thai characters disappears (Thai has no spaces between words,
// so a template line wrapped inside a Thai sentence must not add one), and a paragraph has no leading or
// trailing space. Text that comes from the dataset is kept exactly as it is.

#include <string>
#include <vector>

namespace raingan::templating {

struct TextPiece {
  std::string text;
  bool verbatim = false;  // from the dataset: kept as it is
};

// Normalises the template pieces of one paragraph in place.
void normalise_whitespace(std::vector<TextPiece>& pieces);

// True when the text has anything but spaces, tabs and newlines.
bool has_visible_text(const std::string& text);

}  // namespace raingan::templating
