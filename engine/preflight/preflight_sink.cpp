// Checks each page on its way to the exporter.
#include <algorithm>

#include "preflight/preflight.h"

namespace raingan::preflight {

std::vector<Finding> PreflightSink::check(const layout::Page& page) const {
  std::vector<Finding> found = check_page(page);
  for (const auto& extra : extra_) extra(page, found);
  for (auto& finding : found) finding.page_label = page.label;
  return found;
}

void PreflightSink::add_page(layout::Page&& page) {
  per_page_.push_back(check(page));
  next_.add_page(std::move(page));
}

void PreflightSink::insert_page(std::size_t index, layout::Page&& page) {
  std::vector<Finding> found = check(page);
  per_page_.insert(per_page_.begin() + static_cast<std::ptrdiff_t>(std::min(index, per_page_.size())),
                   std::move(found));
  next_.insert_page(index, std::move(page));
}

std::vector<Finding> PreflightSink::findings() const {
  std::vector<Finding> all;
  for (std::size_t p = 0; p < per_page_.size(); ++p)
    for (Finding finding : per_page_[p]) {
      finding.page_index = p;
      all.push_back(std::move(finding));
    }
  return all;
}

}  // namespace raingan::preflight
