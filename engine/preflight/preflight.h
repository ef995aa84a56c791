#pragma once
// Preflight: raingan checks its own pages after layout and before export. Each finding names the page and the
// template line of what it found there; a build prints them as warnings, or refuses the document with
// --strict. Checks read frames only (positions, sizes, the strips pagination recorded), never the PDF.

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "core/diagnostic.h"
#include "layout/page.h"
#include "layout/paginate.h"

namespace raingan::preflight {

enum class Rule {
  outside_page,           // an item reaches past the page's edge
  outside_content,        // a body item reaches past the content area (into a margin)
  header_overlap,         // a header or footer line overlaps the body
  overfull_line,          // a text line is wider than the column it was broken for
  empty_page,             // a page with nothing in its body
  signature_alone,        // a page whose signature block has no body line above it
  missing_figure,         // a figure whose picture is not there
  protected_span_broken,  // a span that must stay on one line was broken (filled by a PageCheck)
  narrow_column           // a table column too narrow for a number or header word, which breaks
};

// The short name of a rule, as findings print it ("outside-content").
const char* rule_name(Rule rule);

struct Finding {
  Rule rule = Rule::outside_content;
  std::size_t page_index = 0;  // in the finished document, from 0
  std::string page_label;      // the number printed on the page, may be empty
  int source_line = 0;         // template line; 0 = unknown
  std::string message;
};

// A check that can be added to the built-in ones (a rule another part of layout knows best, such as spans
// that must not break). It appends findings for one page; page_index is set by the caller.
using PageCheck = std::function<void(const layout::Page& page, std::vector<Finding>& findings)>;

// Lines that end inside a protected span (layout/flow_item.h StripOrigin::broken_span): a name, a date, a
// number and its unit or a <nobreak> wider than its column (a paragraph's or a table cell's), so that a reader
// meets it in two pieces.
PageCheck broken_span_check();

// Every built-in check on one page. Distances below `tolerance` points are not findings (rounding).
inline constexpr double tolerance = 0.5;
std::vector<Finding> check_page(const layout::Page& page);

// "page 3 (๓), line 42" as a Diagnostic of `source_name`, the message saying what and where.
Diagnostic to_diagnostic(const Finding& finding, const std::string& source_name);

// Passes pages on to `next` after checking them; keeps the findings in the order of the finished document
// (pages inserted before others, as a contents section is, move the findings of the pages after them).
class PreflightSink final : public layout::PageSink {
 public:
  explicit PreflightSink(layout::PageSink& next, std::vector<PageCheck> extra_checks = {})
      : next_(next), extra_(std::move(extra_checks)) {}
  void add_page(layout::Page&& page) override;
  void insert_page(std::size_t index, layout::Page&& page) override;

  // Findings of every page so far, pages in document order.
  std::vector<Finding> findings() const;

 private:
  std::vector<Finding> check(const layout::Page& page) const;

  layout::PageSink& next_;
  std::vector<PageCheck> extra_;
  std::vector<std::vector<Finding>> per_page_;  // in document order
};

}  // namespace raingan::preflight
