#pragma once
// A finished page and what a document says about itself: the unit the PDF exporter consumes.

#include <string>
#include <vector>

#include "geometry/document_info.h"
#include "layout/frame.h"

namespace raingan::layout {

struct Page {
  Frame frame;        // frame.size is the page size in points
  std::string label;  // the number printed on the page ("๑", "ก"), used as the PDF page label
};

// An outline (bookmark) entry pointing at an Anchor placed in some page's frame.
struct OutlineEntry {
  std::string title;
  int level = 1;  // 1 = top level; deeper levels nest under the previous shallower entry
  std::string anchor;
};

using geometry::DocumentInfo;

}  // namespace raingan::layout
