// A line that ends inside a span kept on one line: only possible when the span is wider than its column.
#include "preflight/preflight.h"

namespace raingan::preflight {

PageCheck broken_span_check() {
  return [](const layout::Page& page, std::vector<Finding>& findings) {
    for (const auto& strip : page.strips) {
      if (strip.source.broken_span.empty()) continue;
      findings.push_back({Rule::protected_span_broken, 0, page.label, strip.source.source_line,
                          "a line ends inside \"" + strip.source.broken_span +
                              "\", which is wider than its column; widen the column or shorten the text"});
    }
  };
}

}  // namespace raingan::preflight
