#include "layout/document_outline.h"

namespace raingan::layout {

std::vector<OutlineEntry> outline_of(const std::vector<LaidOutHeading>& headings) {
  std::vector<OutlineEntry> outline;
  for (const auto& heading : headings)
    if (heading.in_outline) outline.push_back({heading.title, heading.level, heading.anchor});
  return outline;
}

}  // namespace raingan::layout
