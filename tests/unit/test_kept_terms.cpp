// A template's terms list (<document terms="terms.txt">): read with its problems named by line, bounded,
// confined to the folders a build may read; in layout, a line ending inside a listed term costs as inside a
// compound word, so the office's names stay whole where a dictionary does not know them.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "core/diagnostic.h"
#include "core/read_scope.h"
#include "core/units.h"
#include "dataset/json_reader.h"
#include "document/image_source.h"
#include "error_test_support.h"
#include "layout/paragraph.h"
#include "templating/document_binder.h"
#include "templating/kept_terms.h"
#include "templating/template_file.h"
#include "text/phrase_breaks.h"
#include "text_test_support.h"

using namespace raingan;
using test::contains;

namespace {

// A folder of its own under the system's temporary folder, removed at the end of the test.
struct TemporaryFolder {
  std::filesystem::path path;
  explicit TemporaryFolder(const std::string& name)
      : path(std::filesystem::temp_directory_path() / ("raingan-test-" + name)) {
    std::filesystem::remove_all(path);
    std::filesystem::create_directories(path);
  }
  ~TemporaryFolder() { std::filesystem::remove_all(path); }
  void write(const std::string& file, const std::string& text) const { std::ofstream(path / file) << text; }
};

document::Document bound(const TemporaryFolder& folder, const std::string& source,
                         const ReadScope& reads = {}) {
  folder.write("t.xml", source);
  const templating::TemplateFile file = templating::load_template(folder.path / "t.xml");
  const dataset::JsonDocument data = dataset::read_json_text("{}", "d.json");
  document::ImageSource images;
  templating::BindOptions options;
  options.reads = reads;
  return templating::bind_document(file, data, options, images).document;
}

// Where each line but the last ends, `text` laid out ragged `cm` wide with `terms` kept.
std::vector<std::size_t> line_ends(layout::ParagraphLayouter& paragraphs, const std::string& text,
                                   double cm) {
  layout::ParagraphStyle style;
  style.align = layout::Align::left;
  std::vector<layout::Inline> inlines{layout::TextInline{text, {}, {}, {}}};
  const auto laid = paragraphs.layout(inlines, style, units::cm(cm));
  std::vector<std::size_t> ends;
  for (std::size_t k = 0; k + 1 < laid.lines.size(); ++k) ends.push_back(laid.lines[k].text_end);
  return ends;
}

}  // namespace

TEST_CASE("kept terms: one per line, comments and blank lines skipped, blanks around a term trimmed") {
  const auto terms = templating::parse_kept_terms("# names\n\nกลุ่มนโยบายและแผน\n  ตัวชี้วัด \r\n# end", "t.txt");
  CHECK(terms == std::vector<std::string>{"กลุ่มนโยบายและแผน", "ตัวชี้วัด"});
  CHECK(templating::parse_kept_terms("", "t.txt").empty());
}

TEST_CASE("kept terms: a bad line is named by its file and line") {
  const auto problem = [](const std::string& source) {
    return test::first_problem([&] { templating::parse_kept_terms(source, "terms.txt"); });
  };
  CHECK(contains(problem("ตัวชี้วัด\n\xff\n"), "line 2: expected a term in UTF-8 text"));
  CHECK(contains(problem("a\x01\n"), "line 1: expected a term in UTF-8 text"));
  CHECK(
      contains(problem(std::string(61, 'a')), "line 1: expected a term of at most 60 characters, found 61"));
  std::string many;
  for (std::size_t k = 0; k <= templating::max_kept_terms; ++k) many += "t\n";
  CHECK(contains(problem(many), "line 2001: expected at most 2000 terms"));
}

TEST_CASE("kept terms: <document terms> reads the list beside the template, inside the folders allowed") {
  const TemporaryFolder folder("kept-terms");
  folder.write("terms.txt", "เขตพื้นที่\nกลุ่มนโยบายและแผน\n");
  const auto document = bound(folder, "<document terms=\"terms.txt\"><p>ก</p></document>");
  CHECK(document.kept_terms == std::vector<std::string>{"เขตพื้นที่", "กลุ่มนโยบายและแผน"});
  CHECK(bound(folder, "<document><p>ก</p></document>").kept_terms.empty());

  try {
    bound(folder, "<document terms=\"other.txt\"><p>ก</p></document>");
    FAIL("a missing list binds");
  } catch (const InputError& error) {
    CHECK(contains(error.diagnostics().front().to_string(), (folder.path / "other.txt").string()));
    CHECK(contains(error.diagnostics().front().to_string(), "terms list"));
  }

  // A list outside the folders a build may read is refused like any other file there.
  const TemporaryFolder elsewhere("kept-terms-elsewhere");
  elsewhere.write("terms.txt", "เขตพื้นที่\n");
  const std::string outside = test::first_problem([&] {
    bound(folder, "<document terms=\"" + (elsewhere.path / "terms.txt").string() + "\"><p>ก</p></document>",
          ReadScope({folder.path}));
  });
  CHECK(contains(outside, "terms list"));
}

TEST_CASE(
    "kept terms: a line ending inside a listed term costs as inside a compound, at its edges nothing more") {
  text::PhraseBreakFinder finder;
  finder.set_kept_terms({"เขตพื้นที่", "กลุ่มนโยบายและแผน"});
  const std::string text = "มาตรฐานสำนักงานเขตพื้นที่การศึกษา ของกลุ่มนโยบายและแผน";
  text::CodePoints code_points;
  code_points.assign(text);
  std::vector<std::uint8_t> flags;
  finder.find(text, code_points, flags);
  const auto after = [&](const std::string& before) { return flags[text.find(before) + before.size()]; };
  CHECK((after("สำนักงานเขต") & text::break_in_compound));
  CHECK((after("กลุ่มนโยบาย") & text::break_in_compound));
  CHECK_FALSE((after("เขตพื้นที่") & text::break_in_compound));  // พื้นที่|การศึกษา: where the name may break

  text::PhraseBreakFinder plain;
  plain.find(text, code_points, flags);
  CHECK_FALSE((after("สำนักงานเขต") & text::break_in_compound));  // what the dictionaries alone say
}

TEST_CASE("kept terms: inside a term, the end of a long name head is where the name may break") {
  // สำนักงานคณะกรรมการการศึกษาขั้นพื้นฐาน is wider than many lines: คณะกรรมการ|การศึกษา reads as the name's
  // parts, คณะกรรมการการ|ศึกษา does not. A short head stays whole with its name: กลุ่ม|อำนวยการ leaves กลุ่ม
  // as a stray word.
  text::PhraseBreakFinder finder;
  finder.set_kept_terms({"คณะกรรมการการศึกษา", "กลุ่มอำนวยการ"});
  const std::string text = "ถึงสำนักงานคณะกรรมการการศึกษาขั้นพื้นฐาน และกลุ่มอำนวยการ";
  text::CodePoints code_points;
  code_points.assign(text);
  std::vector<std::uint8_t> flags;
  finder.find(text, code_points, flags);
  const auto after = [&](const std::string& before) { return flags[text.find(before) + before.size()]; };
  REQUIRE((after("คณะกรรมการ") & text::break_allowed));
  CHECK_FALSE((after("คณะกรรมการ") & text::break_in_compound));
  CHECK((after("คณะกรรมการ") & text::break_after_particle));  // as after a name's head
  if (after("คณะกรรมการการ") & text::break_allowed) CHECK((after("คณะกรรมการการ") & text::break_in_compound));
  if (after("และกลุ่ม") & text::break_allowed) CHECK((after("และกลุ่ม") & text::break_in_compound));
}

TEST_CASE("kept terms: with the office's list, table-cell lines keep its names whole") {
  // Cells of the work standards whose lines ended inside names no dictionary joins: สำนักงานเขต|พื้นที่,
  // กลุ่ม|อำนวยการ, กลุ่มนโยบาย|และแผน, ตัวชี้|วัด.
  const std::vector<std::pair<std::string, std::string>> cells = {
      {"งานสารบรรณสำนักงานเขตพื้นที่การศึกษาและงานอื่นที่ได้รับมอบหมาย", "สำนักงานเขต"},
      {"ตามมาตรฐานสำนักงานเขตพื้นที่การศึกษามีข้อมูลการวิเคราะห์การดำเนินการ", "สำนักงานเขต"},
      {"ประเมินผลการปฏิบัติงานของบุคลากรในกลุ่มอำนวยการโดยดูจากผลงาน", "กลุ่ม"},
      {"รายงานผลการดำเนินงานตามภารกิจงานกลุ่มอำนวยการต่อผู้บังคับบัญชา", "กลุ่ม"},
      {"ส่งเสริมให้บุคลากรในกลุ่มนโยบายและแผนได้รับการพัฒนาอย่างต่อเนื่อง", "กลุ่มนโยบาย"},
      {"จัดทำรายละเอียดตัวชี้วัดตามมาตรการที่กำหนดเพื่อดำเนินงาน", "ตัวชี้"},
  };
  const auto terms = templating::load_kept_terms(
      std::filesystem::path(RAINGAN_SOURCE_DIR) / "templates" / "terms.txt", ReadScope{});
  layout::ParagraphLayouter with_terms(test::shared_fonts()), without(test::shared_fonts());
  with_terms.set_kept_terms(terms);
  int split_with = 0, split_without = 0, widths = 0;
  for (const auto& [cell, split] : cells) {
    const std::size_t inside = cell.find(split) + split.size();
    for (double cm = 3.5; cm <= 8.0 + 1e-9; cm += 0.25) {
      ++widths;
      for (const std::size_t end : line_ends(with_terms, cell, cm)) split_with += end == inside;
      for (const std::size_t end : line_ends(without, cell, cm)) split_without += end == inside;
    }
  }
  CHECK(widths == 114);
  // Without the list 37 lines ended inside these names, with it 11: those where every other break cost as
  // much or took a line more.
  CHECK(split_without >= 20);
  CHECK(split_with * 2 < split_without);
}
