#pragma once
// Pagination: stacks the flow of each section onto pages, honouring the break rules of its strips, repeats
// table headers, adds headers and footers with the page's number, and records where every heading landed.
// Pages go to a PageSink as soon as they are finished, so memory does not grow with the page count.

#include <cstddef>
#include <string>
#include <vector>

#include "document/block_source.h"
#include "document/document.h"
#include "layout/page.h"

namespace raingan::text {
class FontLibrary;
}

namespace raingan::layout {

class PageSink {
 public:
  virtual ~PageSink() = default;
  virtual void add_page(Page&& page) = 0;
  // Puts a page before the page now at `index` (front matter laid out after the body it lists).
  virtual void insert_page(std::size_t index, Page&& page) = 0;
};

struct LaidOutHeading {
  std::string anchor;
  std::string title;
  int level = 1;
  bool in_outline = true;
  bool in_contents = true;
  std::string page_label;
  std::size_t page_index = 0;  // in the finished document
};

struct LayoutResult {
  std::vector<LaidOutHeading> headings;  // in document order
  std::size_t page_count = 0;
  std::vector<std::string> page_labels;  // in document order
};

// Lays out the whole document into `sink`. Problems (characters no font has, spans that leave a table) are
// thrown as one InputError naming `source_name` once layout is done; nothing is sent to the sink after that.
// A document that runs past `max_pages` pages, in any pass (also the passes that only measure, for the page
// count and the contents), stops with an InputError naming --max-pages: no input can make layout run on.
inline constexpr std::size_t default_max_pages = 5'000;
LayoutResult layout_document(const document::Document& document, text::FontLibrary& fonts, PageSink& sink,
                             const std::string& source_name, std::size_t max_pages = default_max_pages);

// Lays out a document of one section whose body is read from `body` as layout goes (section.body is left
// empty: it is not read), in one pass, so that memory does not grow with the body's length. Headers and
// footers may not show the page count and the body may hold no table of contents: both need the whole body
// laid out before the first page (std::invalid_argument). Otherwise as layout_document.
LayoutResult layout_streamed_section(const document::Section& section, document::BlockSource& body,
                                     text::FontLibrary& fonts, PageSink& sink, const std::string& source_name,
                                     std::size_t max_pages = default_max_pages);

// The printed form of page number `n` in a numbering style: ๑๒, 12, ก, ข … ฮ, กก …
std::string page_label(int n, document::PageNumbering numbering);

}  // namespace raingan::layout
