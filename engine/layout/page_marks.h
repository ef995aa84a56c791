#pragma once
// Page marks: text a section prints in the top or bottom margin of every one of its pages (the secrecy class
// of a classified document), placed after the page's body, header and footer.

#include "document/document.h"
#include "layout/block_layout.h"
#include "layout/page.h"

namespace raingan::layout {

// Draws each of the section's marks on `page`, centred on the content width as the section's header is: a
// top mark `offset` below the page's top edge, a bottom mark ending `offset` above its bottom edge.
void add_page_marks(const document::Section& section, LayoutEnvironment& environment, Page& page);

}  // namespace raingan::layout
