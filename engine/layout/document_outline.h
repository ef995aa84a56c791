#pragma once
// The PDF outline (bookmarks) of a laid-out document: one entry per heading that asks to be in it, in reading
// order, each pointing at the heading's anchor; the exporter nests them by level.

#include <vector>

#include "layout/page.h"
#include "layout/paginate.h"

namespace raingan::layout {

std::vector<OutlineEntry> outline_of(const std::vector<LaidOutHeading>& headings);

}  // namespace raingan::layout
