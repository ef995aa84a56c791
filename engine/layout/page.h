#pragma once
// A finished page and what a document says about itself: the unit the PDF exporter consumes.

#include <string>
#include <vector>

#include "geometry/document_info.h"
#include "layout/flow_item.h"
#include "layout/frame.h"

namespace raingan::layout {

// One strip as pagination placed it: where it sits on the page, which of the page frame's items it drew, and
// where it came from. Exporters ignore these; the check of the finished pages (preflight) reads them.
struct PageStrip {
  enum class Role { body, header, footer };
  Role role = Role::body;
  Point origin;                // top-left of the strip's box, on the page
  Size size;                   // the box's width is the content area's
  std::size_t first_item = 0;  // items [first_item, end_item) of the page's frame
  std::size_t end_item = 0;
  StripOrigin source;
};

struct Page {
  Frame frame;           // frame.size is the page size in points
  std::string label;     // the number printed on the page ("๑", "ก"), used as the PDF page label
  Point content_origin;  // the content area (the page less its margins): body strips belong inside it
  Size content_size;
  std::vector<PageStrip> strips;  // in the order they were drawn
};

// An outline (bookmark) entry pointing at an Anchor placed in some page's frame.
struct OutlineEntry {
  std::string title;
  int level = 1;  // 1 = top level; deeper levels nest under the previous shallower entry
  std::string anchor;
};

using geometry::DocumentInfo;

}  // namespace raingan::layout
