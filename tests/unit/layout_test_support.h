#pragma once
// Helpers shared by the pagination and booklet tests: a page sink that keeps every page in memory, and a
// paragraph of plain text.

#include <string>
#include <utility>
#include <vector>

#include "document/document.h"
#include "layout/paginate.h"

namespace raingan::test {

// Keeps the pages pagination hands over, in reading order.
class CollectingSink : public layout::PageSink {
 public:
  std::vector<layout::Page> pages;
  void add_page(layout::Page&& page) override { pages.push_back(std::move(page)); }
  void insert_page(std::size_t index, layout::Page&& page) override {
    pages.insert(pages.begin() + static_cast<long>(index), std::move(page));
  }
};

// A paragraph of one run of text in the default style.
inline document::Paragraph plain_paragraph(const std::string& text) {
  document::Paragraph p;
  document::TextInline run;
  run.text = text;
  p.content.emplace_back(std::move(run));
  return p;
}

}  // namespace raingan::test
