// A body read block by block as layout goes (a long text file) gives the pages the same body held in memory
// gives, whatever the source does with a block once the next is asked for; what only a whole body can
// hold is refused.
#include <doctest/doctest.h>

#include <stdexcept>
#include <string>
#include <vector>

#include "core/diagnostic.h"
#include "document/document.h"
#include "layout/paginate.h"
#include "layout_test_support.h"
#include "text_test_support.h"

namespace raingan::test {
namespace {

// Each page as text: its label, then every line's glyph ids and positions and the text it extracts to.
std::string describe(const layout::Page& page) {
  std::string out = "[" + page.label + "]";
  for (const auto& item : page.frame.items) {
    const auto* line = std::get_if<layout::TextLine>(&item);
    if (!line) continue;
    for (const auto& run : line->runs) {
      out += " @" + std::to_string(run.origin.x) + "," + std::to_string(run.origin.y);
      for (const auto& glyph : run.glyphs) out += " " + std::to_string(glyph.glyph_id);
    }
    for (const auto& span : line->spans) out += "|" + span.text;
    out += "\n";
  }
  return out;
}

document::Block paragraph(const std::string& text, document::Align align) {
  document::Paragraph p = plain_paragraph(text);
  p.style.align = align;
  p.block.space_after = 8;
  return {std::move(p)};
}

// Hands out every block from one object that it overwrites on the next call: anything layout kept pointing
// into an earlier block would read the wrong text.
class OverwritingSource : public document::BlockSource {
 public:
  explicit OverwritingSource(const document::Blocks& blocks) : blocks_(blocks) {}
  const document::Block* next() override {
    if (next_ == blocks_.size()) return nullptr;
    current_ = blocks_[next_++];
    return &current_;
  }

 private:
  const document::Blocks& blocks_;
  std::size_t next_ = 0;
  document::Block current_;
};

document::Section seed_section() {
  document::Section section;
  section.numbering = document::PageNumbering::thai_digits;
  document::Paragraph footer;
  footer.content.push_back(document::FieldInline{document::FieldInline::Kind::page_number, {}});
  footer.style.align = document::Align::center;
  section.footer.push_back({std::move(footer)});
  const auto paragraphs = seed_paragraphs();
  for (std::size_t k = 0; k < 60 && k < paragraphs.size(); ++k)
    section.body.push_back(
        paragraph(paragraphs[k], k % 2 ? document::Align::justify : document::Align::left));
  return section;
}

}  // namespace

TEST_CASE("streamed layout: a body read block by block gives the pages of the body held whole") {
  const document::Section whole = seed_section();
  document::Document document;
  document.sections.push_back(whole);
  CollectingSink in_memory;
  const auto expected = layout::layout_document(document, shared_fonts(), in_memory, "test");
  REQUIRE(in_memory.pages.size() > 3);  // enough pages for page ends to matter

  document::Section shell = whole;
  shell.body.clear();
  OverwritingSource source(whole.body);
  CollectingSink streamed;
  const auto result = layout::layout_streamed_section(shell, source, shared_fonts(), streamed, "test");
  CHECK(result.page_count == expected.page_count);
  CHECK(result.page_labels == expected.page_labels);
  REQUIRE(streamed.pages.size() == in_memory.pages.size());
  for (std::size_t k = 0; k < streamed.pages.size(); ++k) {
    CAPTURE(k);
    CHECK(describe(streamed.pages[k]) == describe(in_memory.pages[k]));
  }
}

TEST_CASE("streamed layout: an empty body gives one blank page, as a body held whole does") {
  document::Section section;
  document::Blocks none;
  document::BlocksInMemory source(none);
  CollectingSink sink;
  const auto result = layout::layout_streamed_section(section, source, shared_fonts(), sink, "test");
  CHECK(result.page_count == 1);
  CHECK(sink.pages.size() == 1);
}

TEST_CASE("streamed layout: what needs the whole body before the first page is refused") {
  document::Blocks body{paragraph("สวัสดี", document::Align::left), {document::TableOfContents{}}};
  document::Section section;
  document::BlocksInMemory with_contents(body);
  CollectingSink sink;
  CHECK_THROWS_AS(layout::layout_streamed_section(section, with_contents, shared_fonts(), sink, "test"),
                  std::invalid_argument);

  document::Blocks plain{paragraph("สวัสดี", document::Align::left)};
  document::Paragraph count;
  count.content.push_back(document::FieldInline{document::FieldInline::Kind::page_count, {}});
  section.footer.push_back({std::move(count)});
  document::BlocksInMemory source(plain);
  CHECK_THROWS_AS(layout::layout_streamed_section(section, source, shared_fonts(), sink, "test"),
                  std::invalid_argument);
}

TEST_CASE("streamed layout: the page cap stops a streamed body too") {
  const document::Section whole = seed_section();
  document::Section shell = whole;
  shell.body.clear();
  document::BlocksInMemory source(whole.body);
  CollectingSink sink;
  CHECK_THROWS_AS(layout::layout_streamed_section(shell, source, shared_fonts(), sink, "test", 2),
                  InputError);
  CHECK(sink.pages.size() == 2);
}

}  // namespace raingan::test
