// Diagrams through the real PDF writer, read back by poppler: every label and every line of every box and
// cell comes back exactly as drawn, and the file is sound.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>

#include "diagram_test_support.h"
#include "document/document.h"
#include "layout/paginate.h"
#include "pdf_test_support.h"
#include "render/options.h"
#include "render/render.h"

namespace raingan::test {
namespace {

class CollectingSink : public layout::PageSink {
 public:
  std::vector<layout::Page> pages;
  void add_page(layout::Page&& page) override { pages.push_back(std::move(page)); }
  void insert_page(std::size_t index, layout::Page&& page) override {
    pages.insert(pages.begin() + static_cast<long>(index), std::move(page));
  }
};

TEST_CASE("diagram PDF: labels and box text copy back exactly") {
  document::Document doc;
  document::Section section;
  section.body.push_back({policy_group()});
  section.body.push_back({receiving_letters()});
  auto table = receiving_letters();
  table.form = document::Flowchart::Form::table;
  section.body.push_back({table});
  doc.sections.push_back(section);

  pdf_test::ScratchFolder folder;
  const auto pdf = folder / "diagrams.pdf";
  render::Options options;
  options.fonts_folder = std::filesystem::path(RAINGAN_SOURCE_DIR) / "fonts";
  render::write_pdf(doc, pdf, "test", options);
  CHECK(pdf_test::run("qpdf --check '" + pdf.string() + "'").status == 0);
  const auto extracted = pdf_test::run("pdftotext -enc UTF-8 '" + pdf.string() + "' -");
  REQUIRE(extracted.status == 0);
  const std::string& text = extracted.output;

  // Exit labels are single lines: each comes back whole, as many times as it is drawn (free and table).
  std::size_t yes = 0, no = 0;
  for (std::size_t at = text.find("ไม่ใช่"); at != std::string::npos; at = text.find("ไม่ใช่", at + 1)) ++no;
  for (std::size_t at = text.find("ใช่"); at != std::string::npos; at = text.find("ใช่", at + 1)) ++yes;
  CHECK(no == 4);
  CHECK(yes == 8);  // ใช่ also ends each ไม่ใช่
  for (const char* exact : {"เริ่มต้น", "สิ้นสุด", "ระบุผู้รับผิดชอบได้", "สรุปจำนวนหนังสือรับ", "งานธุรการ", "ผังกระบวนการ"})
    CHECK(text.find(exact) != std::string::npos);
  // Every line drawn — a box's wrapped lines, the table's cells — comes back exactly as a line of its own.
  CollectingSink sink;
  layout::layout_document(doc, shared_fonts(), sink, "test");
  std::size_t lines = 0;
  for (const auto& page : sink.pages)
    for (const auto& item : page.frame.items)
      if (const auto* line = std::get_if<layout::TextLine>(&item)) {
        std::string drawn;
        for (const auto& span : line->spans) drawn += span.text;
        while (!drawn.empty() && drawn.back() == ' ') drawn.pop_back();
        if (drawn.empty()) continue;
        ++lines;
        CAPTURE(drawn);
        CHECK(text.find(drawn) != std::string::npos);
      }
  CHECK(lines > 60);
  // The sara am of a Thai word is never split into nikhahit + sara aa.
  CHECK(text.find("\u0e4d\u0e32") == std::string::npos);
}

}  // namespace
}  // namespace raingan::test
