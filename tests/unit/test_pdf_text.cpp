// The PDF exporter's text: fonts embedded as subset CID fonts with ToUnicode, glyphs placed where HarfBuzz
// put them, and text that the real readers (poppler's pdftotext, qpdf, pdffonts) give back exactly.

#include <doctest/doctest.h>

#include <sstream>

#include "pdf/pdf_writer.h"
#include "pdf_test_support.h"

namespace raingan {
namespace {

using pdf_test::Piece;

// Every font row of pdffonts: {name, emb, sub, uni}.
std::vector<std::vector<std::string>> pdffonts_rows(const std::filesystem::path& pdf) {
  const auto result = pdf_test::run("pdffonts '" + pdf.string() + "'");
  REQUIRE(result.status == 0);
  std::vector<std::vector<std::string>> rows;
  std::istringstream in(result.output);
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    if (++number <= 2 || line.empty()) continue;  // header and dashes
    std::vector<std::string> words;
    std::istringstream fields(line);
    for (std::string word; fields >> word;) words.push_back(word);
    REQUIRE(words.size() >= 7);
    const std::size_t n = words.size();  // ... emb sub uni object-number generation
    rows.push_back({words[0], words[n - 5], words[n - 4], words[n - 3]});
  }
  return rows;
}

void check_qpdf_clean(const std::filesystem::path& pdf) {
  const auto result = pdf_test::run("qpdf --check '" + pdf.string() + "'");
  INFO(result.output);
  CHECK(result.status == 0);
  CHECK(result.output.find("WARNING") == std::string::npos);
  CHECK(result.output.find("No syntax or stream encoding errors found") != std::string::npos);
}

// Lines of Thai whose marks a naive PDF writer gets wrong, with Latin in a fallback font and mixed runs.
const std::vector<std::vector<Piece>>& torture_lines() {
  static const std::vector<std::vector<Piece>> lines = {
      {{&pdf_test::laksaman(), "ที่ ปั้น น้ำ ป่ำ ปู่ ฟื้น"}},
      {{&pdf_test::laksaman(), "ญู ฐู ฎู ฏู ฤๅ ฯลฯ ๆ"}},
      {{&pdf_test::laksaman(), "ตัวเลขไทย ๐๑๒๓๔๕๖๗๘๙ บาท"}},
      {{&pdf_test::laksaman(), "ที่"}, {&pdf_test::noto_sans(), "PDF"}, {&pdf_test::laksaman(), " คำสั่ง"}},
      {{&pdf_test::noto_sans(), "Quarterly report"}, {&pdf_test::laksaman(), " รายงานประจำปี"}},
  };
  return lines;
}

std::string line_text(const std::vector<Piece>& pieces) {
  std::string text;
  for (const auto& piece : pieces) text += piece.text;
  return text;
}

TEST_CASE("pdf text: Thai torture strings are embedded, subset and extracted exactly") {
  pdf_test::ScratchFolder folder;
  const auto target = folder / "thai.pdf";
  auto page = pdf_test::a4_page("๑");
  double baseline = 80;
  for (const auto& pieces : torture_lines()) {
    page.frame.items.push_back(pdf_test::make_line(pieces, 16, {85, baseline}));
    baseline += 28;
  }
  pdf::PdfWriter writer(target, {});
  writer.add_page(page);
  writer.finish();

  check_qpdf_clean(target);

  const auto fonts = pdffonts_rows(target);
  REQUIRE(fonts.size() == 2);
  for (const auto& font : fonts) {
    INFO(font[0]);
    CHECK(font[0].size() > 7);
    CHECK(font[0][6] == '+');
    for (int i = 0; i < 6; ++i) CHECK((font[0][i] >= 'A' && font[0][i] <= 'Z'));
    CHECK(font[1] == "yes");  // embedded
    CHECK(font[2] == "yes");  // subset
    CHECK(font[3] == "yes");  // ToUnicode
  }

  const auto lines = pdf_test::extracted_lines(target);
  REQUIRE(lines.size() == torture_lines().size());
  for (std::size_t i = 0; i < lines.size(); ++i) CHECK(lines[i] == line_text(torture_lines()[i]));
  // Sara am is one character, not nikhahit + sara aa.
  CHECK(lines[0].find("น้ำ") != std::string::npos);
  CHECK(lines[0].find("\u0E4D\u0E32") == std::string::npos);
}

TEST_CASE("pdf text: distributed justification adds no spaces inside words") {
  pdf_test::ScratchFolder folder;
  const auto target = folder / "justified.pdf";
  const std::vector<Piece> pieces = {{&pdf_test::laksaman(), "การจัดสรรงบประมาณ ค่าพาหนะรับส่งนักเรียน ปีการศึกษา"},
                                     {&pdf_test::noto_sans(), " 2567"}};
  auto line = pdf_test::make_line(pieces, 16, {85, 100});
  const double natural = line.runs.back().origin.x + line.runs.back().width();
  pdf_test::stretch_clusters(line, 3);
  const double stretched = line.runs.back().origin.x + line.runs.back().width();
  REQUIRE(stretched - natural > 100);  // the glyphs really are spread out

  auto page = pdf_test::a4_page();
  page.frame.items.push_back(line);
  page.frame.items.push_back(pdf_test::make_line(pieces, 16, {85, 140}));  // the same line, not stretched
  pdf::PdfWriter writer(target, {});
  writer.add_page(page);
  writer.finish();

  const auto lines = pdf_test::extracted_lines(target);
  REQUIRE(lines.size() == 2);
  CHECK(lines[0] == line_text(pieces));
  CHECK(lines[1] == line_text(pieces));
}

TEST_CASE("pdf text: a one-page Thai document is small because fonts are subset") {
  pdf_test::ScratchFolder folder;
  const auto target = folder / "small.pdf";
  auto page = pdf_test::a4_page();
  page.frame.items.push_back(pdf_test::make_line(
      {{&pdf_test::laksaman(), "บันทึกข้อความ ส่วนราชการ สำนักงานเขตพื้นที่การศึกษา"}}, 16, {85, 100}));
  pdf::PdfWriter writer(target, {});
  writer.add_page(page);
  writer.finish();
  const auto size = std::filesystem::file_size(target);
  MESSAGE("one-page Thai PDF: " << size << " bytes");
  CHECK(size < 40000);  // Laksaman.ttf alone is over 150 KB
  CHECK(std::filesystem::file_size(pdf_test::laksaman_path) > 4 * size);
}

}  // namespace
}  // namespace raingan
