#pragma once
// The continuation cue of official Thai letters (ระเบียบงานสารบรรณ): at the foot of each page but the last, at
// the right, a slash, the first words of the next page and three dots ("/ข้อความ...").

#include <string>
#include <string_view>

#include "document/document.h"
#include "layout/block_layout.h"
#include "layout/page.h"
#include "text/phrase_breaks.h"

namespace raingan::layout {

// The words a cue quotes from a line: from its start to the first space, or to the first word end after five
// letters, whichever comes first (a leading item number such as "๒." takes the word after it along). A word
// end inside a compound (ดำเนิน|การ) or a kept span is not one: the cue never quotes half a word.
std::string opening_words(std::string_view line, text::PhraseBreakFinder& breaks);

// The text of the first body line of `page` that has any, its pieces on one baseline (an item's number and
// its text) joined left to right; empty when its body has no text.
std::string first_body_text(const Page& page);

// Draws the cue for `next` under the content area of `page`, right-aligned, in the style of `prototype` (a
// paragraph whose text is replaced). Nothing when `next` opens without text.
void add_continuation_cue(Page& page, const Page& next, const document::Paragraph& prototype,
                          LayoutEnvironment& environment, text::PhraseBreakFinder& breaks);

}  // namespace raingan::layout
