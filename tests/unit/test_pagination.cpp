// Pagination on frames: table headers repeat, tall rows split and continue, headings never end a page,
// widows and orphans are held, and the contents list the pages headings landed on.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "document/document.h"
#include "layout/paginate.h"
#include "layout_test_support.h"
#include "text/code_points.h"
#include "text/phrase_breaks.h"
#include "text_test_support.h"

namespace raingan::test {
namespace {

struct PrintedLine {
  double y = 0;  // baseline
  std::string text;
};

// Every text line of a page, top to bottom, as a reader would extract it.
std::vector<PrintedLine> lines_of(const layout::Page& page) {
  std::vector<PrintedLine> lines;
  for (const auto& item : page.frame.items) {
    const auto* line = std::get_if<layout::TextLine>(&item);
    if (!line || line->runs.empty()) continue;
    PrintedLine printed{line->runs.front().origin.y, {}};
    for (const auto& span : line->spans) printed.text += span.text;
    lines.push_back(printed);
  }
  std::stable_sort(lines.begin(), lines.end(), [](const auto& a, const auto& b) { return a.y < b.y; });
  return lines;
}

std::vector<std::pair<std::string, double>> anchors_of(const layout::Page& page) {
  std::vector<std::pair<std::string, double>> anchors;
  for (const auto& item : page.frame.items)
    if (const auto* anchor = std::get_if<layout::Anchor>(&item))
      anchors.emplace_back(anchor->name, anchor->position.y);
  return anchors;
}

document::Block paragraph(const std::string& text, document::BlockStyle block = {}) {
  document::Paragraph p = plain_paragraph(text);
  p.block = block;
  return {std::move(p)};
}

document::Block heading(const std::string& text, const std::string& anchor) {
  document::Heading h;
  h.paragraph = plain_paragraph(text);
  h.paragraph.block.keep_with_next = true;
  h.anchor = anchor;
  h.title = text;
  return {std::move(h)};
}

document::TableCell cell(const std::string& text) {
  document::TableCell c;
  c.content.push_back(paragraph(text));
  return c;
}

std::vector<layout::Page> lay_out_document(const document::Document& document) {
  CollectingSink sink;
  layout::layout_document(document, shared_fonts(), sink, "test");
  return std::move(sink.pages);
}

// `count` one-line paragraphs, to move what follows them down a page a line at a time.
document::Blocks filler_lines(int count) {
  document::Blocks body;
  for (int i = 0; i < count; ++i) body.push_back(paragraph("บรรทัดเติม " + std::to_string(i)));
  return body;
}

document::TableRow row_of(const std::string& first, const std::string& second) {
  document::TableRow row;
  row.cells = {cell(first), cell(second)};
  return row;
}

// How many of a page's text lines start with `prefix`.
int lines_starting(const layout::Page& page, std::string_view prefix) {
  int count = 0;
  for (const auto& line : lines_of(page)) count += line.text.starts_with(prefix) ? 1 : 0;
  return count;
}

document::Document one_section(document::Blocks body) {
  document::Document document;
  document::Section section;
  section.body = std::move(body);
  document.sections.push_back(std::move(section));
  return document;
}

const std::string header_text = "ที่ กิจกรรม";

document::Table table_with_header() {
  document::Table table;
  table.columns = {{document::TableColumn::Unit::points, 40}, {document::TableColumn::Unit::fraction, 1}};
  table.header_rows = 1;
  document::TableRow header;
  header.cells = {cell("ที่"), cell("กิจกรรม")};
  table.rows.push_back(std::move(header));
  return table;
}

}  // namespace

TEST_CASE("pagination: the header rows of a long table are repeated at the top of every page it reaches") {
  document::Table table = table_with_header();
  for (int i = 1; i <= 80; ++i) {
    table.rows.push_back(row_of(std::to_string(i), "กิจกรรมลำดับที่ " + std::to_string(i)));
  }
  const auto pages = lay_out_document(one_section({document::Block{std::move(table)}}));
  REQUIRE(pages.size() >= 3);
  int rows_seen = 0;
  for (const auto& page : pages) {
    const auto lines = lines_of(page);
    REQUIRE(lines.size() >= 3);
    // The first two lines of the page (same baseline) are the header's cells.
    CHECK(lines[0].y == doctest::Approx(lines[1].y));
    std::string first_row = lines[0].text + " " + lines[1].text;
    CHECK(first_row == header_text);
    const auto headers =
        std::count_if(lines.begin(), lines.end(), [](const auto& l) { return l.text == "กิจกรรม"; });
    CHECK(headers == 1);
    for (const auto& line : lines) rows_seen += line.text.starts_with("กิจกรรมลำดับที่") ? 1 : 0;
  }
  CHECK(rows_seen == 80);
}

TEST_CASE(
    "pagination: a row taller than the space left is split between lines and continues on the next page") {
  document::Table table = table_with_header();
  std::string long_text;
  for (int i = 1; i <= 120; ++i) long_text += "ข้อความบรรทัดยาว" + std::to_string(i) + "\n";
  long_text.pop_back();
  document::TableRow row;
  row.cells = {cell("๑"), cell(long_text)};
  table.rows.push_back(std::move(row));
  const auto pages = lay_out_document(one_section({paragraph("ย่อหน้านำ"), document::Block{std::move(table)}}));
  REQUIRE(pages.size() >= 3);
  std::vector<std::string> continued;
  for (const auto& page : pages) {
    const auto lines = lines_of(page);
    // Every page of the table opens with its header.
    const bool header_on_page =
        std::any_of(lines.begin(), lines.end(), [](const auto& l) { return l.text == "กิจกรรม"; });
    CHECK(header_on_page);
    for (const auto& line : lines)
      if (line.text.starts_with("ข้อความบรรทัดยาว")) continued.push_back(line.text);
  }
  // All 120 lines arrive, once each and in order, across the pages.
  REQUIRE(continued.size() == 120);
  for (int i = 1; i <= 120; ++i) CHECK(continued[i - 1] == "ข้อความบรรทัดยาว" + std::to_string(i));
  // The first page holds part of the row (it was split, not pushed whole to the next page).
  const auto first = lines_of(pages[0]);
  CHECK(std::any_of(first.begin(), first.end(), [](const auto& l) { return l.text == "ข้อความบรรทัดยาว1"; }));
}

TEST_CASE("pagination: a cell cut by a page end never carries a single line over") {
  std::string ten;
  for (int i = 1; i <= 10; ++i) ten += "บรรทัดในเซลล์" + std::to_string(i) + (i < 10 ? "\n" : "");
  for (int filler = 10; filler <= 24; ++filler) {
    document::Blocks body = filler_lines(filler);
    document::Table table = table_with_header();
    table.rows.push_back(row_of("๑", ten));
    body.push_back(document::Block{std::move(table)});
    const auto pages = lay_out_document(one_section(std::move(body)));
    CAPTURE(filler);
    int total = 0;
    for (const auto& page : pages) {
      const int here = lines_starting(page, "บรรทัดในเซลล์");
      CHECK(here != 1);
      total += here;
    }
    CHECK(total == 10);
  }
}

TEST_CASE("pagination: a short row after another goes whole to the next page rather than leave one line") {
  // Two lines in one cell and three in the next cannot be cut with two lines of each on either side: wherever
  // the page end falls the row stands whole on one page, never a stray line at a page's foot or head.
  for (int filler = 10; filler <= 30; ++filler) {
    document::Blocks body = filler_lines(filler);
    document::Table table = table_with_header();
    table.rows.push_back(row_of("๑", "แถวก่อน"));
    table.rows.push_back(row_of("ม๑\nม๒", "สามบรรทัด1\nสามบรรทัด2\nสามบรรทัด3"));
    body.push_back(document::Block{std::move(table)});
    const auto pages = lay_out_document(one_section(std::move(body)));
    CAPTURE(filler);
    int total = 0;
    for (const auto& page : pages) {
      const int three = lines_starting(page, "สามบรรทัด"), two = lines_starting(page, "ม");
      CHECK((three == 0 || three == 3));
      CHECK((two == 0 || two == 2));
      total += three;
    }
    CHECK(total == 3);
  }
}

TEST_CASE("pagination: a table's last row (its total) never stands alone under the repeated header") {
  for (int filler = 0; filler <= 40; ++filler) {
    document::Blocks body = filler_lines(filler);
    document::Table table = table_with_header();
    for (int i = 1; i <= 8; ++i) {
      table.rows.push_back(row_of(std::to_string(i), "แถวข้อมูล " + std::to_string(i)));
    }
    table.rows.push_back(row_of("", "รวมทั้งสิ้น"));
    body.push_back(document::Block{std::move(table)});
    const auto pages = lay_out_document(one_section(std::move(body)));
    CAPTURE(filler);
    for (const auto& page : pages) {
      CHECK((lines_starting(page, "รวมทั้งสิ้น") == 0 || lines_starting(page, "แถวข้อมูล") > 0));
    }
  }
}

TEST_CASE("pagination: a row kept with the next (a group title) is never the last row on a page") {
  for (int filler = 0; filler <= 40; ++filler) {
    document::Blocks body = filler_lines(filler);
    document::Table table = table_with_header();
    for (int i = 1; i <= 6; ++i) table.rows.push_back(row_of(std::to_string(i), "แถวก่อนกลุ่ม"));
    document::TableRow title = row_of("", "หัวข้อกลุ่ม");
    title.keep_with_next = true;
    table.rows.push_back(std::move(title));
    for (int i = 1; i <= 3; ++i) table.rows.push_back(row_of(std::to_string(i), "แถวในกลุ่ม"));
    body.push_back(document::Block{std::move(table)});
    const auto pages = lay_out_document(one_section(std::move(body)));
    CAPTURE(filler);
    for (const auto& page : pages)
      CHECK((lines_starting(page, "หัวข้อกลุ่ม") == 0 || lines_starting(page, "แถวในกลุ่ม") > 0));
  }
}

TEST_CASE("pagination: a table's first row kept with the next goes over with it, under other content") {
  // An order's committee list: a member's name row is kept with the row of the position under it. When the
  // first name would end the page, it goes to the next page with its position (and the table with it); the
  // page before ends with the filler, not with a name alone.
  for (int filler = 10; filler <= 40; ++filler) {
    document::Blocks body = filler_lines(filler);
    document::Table table;
    table.columns = {{document::TableColumn::Unit::points, 40}, {document::TableColumn::Unit::fraction, 1}};
    for (int i = 1; i <= 3; ++i) {
      document::TableRow name = row_of(std::to_string(i), "ชื่อกรรมการ" + std::to_string(i));
      name.keep_with_next = true;
      table.rows.push_back(std::move(name));
      table.rows.push_back(row_of("", "ตำแหน่งกรรมการ" + std::to_string(i)));
    }
    body.push_back(document::Block{std::move(table)});
    const auto pages = lay_out_document(one_section(std::move(body)));
    CAPTURE(filler);
    for (const auto& page : pages)
      for (int i = 1; i <= 3; ++i)
        CHECK(lines_starting(page, "ชื่อกรรมการ" + std::to_string(i)) ==
              lines_starting(page, "ตำแหน่งกรรมการ" + std::to_string(i)));
  }
}

TEST_CASE("pagination: a heading is never the last line of a page, wherever the page end falls") {
  for (int filler = 18; filler <= 30; ++filler) {
    document::Blocks body = filler_lines(filler);
    body.push_back(heading("หัวข้อทดสอบ", "h-test"));
    body.push_back(paragraph("เนื้อหาหลังหัวข้อ บรรทัดแรก\nเนื้อหาหลังหัวข้อ บรรทัดที่สอง\nเนื้อหาหลังหัวข้อ บรรทัดที่สาม"));
    const auto pages = lay_out_document(one_section(std::move(body)));
    for (const auto& page : pages) {
      const auto lines = lines_of(page);
      REQUIRE_FALSE(lines.empty());
      CAPTURE(filler);
      CHECK(lines.back().text != "หัวข้อทดสอบ");
      // The heading's anchor is on the same page as its text.
      for (const auto& [name, y] : anchors_of(page)) {
        CHECK(name == "h-test");
        const bool text_here =
            std::any_of(lines.begin(), lines.end(), [](const auto& l) { return l.text == "หัวข้อทดสอบ"; });
        CHECK(text_here);
      }
    }
  }
}

TEST_CASE("pagination: a heading keeps two lines of what follows, even one-line items after it") {
  // A heading over a single one-line item at a page's foot reads as a heading stranded there.
  for (int filler = 18; filler <= 30; ++filler) {
    document::Blocks body = filler_lines(filler);
    body.push_back(heading("หัวข้อทดสอบ", "h-test"));
    for (int i = 1; i <= 4; ++i) body.push_back(paragraph("รายการสั้น " + std::to_string(i)));
    const auto pages = lay_out_document(one_section(std::move(body)));
    CAPTURE(filler);
    for (const auto& page : pages) {
      const auto lines = lines_of(page);
      for (std::size_t k = 0; k < lines.size(); ++k)
        if (lines[k].text == "หัวข้อทดสอบ") CHECK(lines.size() - k - 1 >= 2);
    }
  }
}

TEST_CASE("pagination: widows and orphans are held at every position of a page end") {
  std::string five;
  for (int i = 1; i <= 5; ++i) five += "ย่อหน้าห้าบรรทัด " + std::to_string(i) + (i < 5 ? "\n" : "");
  for (int filler = 16; filler <= 30; ++filler) {
    document::Blocks body = filler_lines(filler);
    body.push_back(paragraph(five));
    body.push_back(paragraph("บรรทัดท้าย"));
    const auto pages = lay_out_document(one_section(std::move(body)));
    std::vector<int> per_page;
    for (const auto& page : pages) {
      const int count = lines_starting(page, "ย่อหน้าห้าบรรทัด");
      if (count) per_page.push_back(count);
    }
    CAPTURE(filler);
    int total = 0;
    for (int count : per_page) {
      total += count;
      // Split or not, no page holds a single line of the paragraph (orphans = widows = 2).
      CHECK(count >= 2);
    }
    CHECK(total == 5);
  }
}

TEST_CASE("pagination: the contents page lists each heading with the page it landed on, before the body") {
  document::Document document;
  document::Section front;
  front.numbering = document::PageNumbering::thai_letters;
  document::TableOfContents contents;
  contents.max_level = 2;
  front.body.push_back({contents});
  document.sections.push_back(std::move(front));
  document::Section body;
  body.numbering = document::PageNumbering::thai_digits;
  for (int part = 1; part <= 4; ++part) {
    document::Block h = heading("ส่วนที่ " + std::to_string(part), "part-" + std::to_string(part));
    std::get<document::Heading>(h.node).paragraph.block.page_break_before = true;
    body.body.push_back(std::move(h));
    for (int i = 0; i < 10 * part; ++i) body.body.push_back(paragraph("เนื้อหา " + std::to_string(i)));
  }
  document.sections.push_back(std::move(body));
  const auto pages = lay_out_document(document);

  // Where each heading landed, read from the anchors on the pages.
  std::map<std::string, std::string> landed;
  for (const auto& page : pages)
    for (const auto& [name, y] : anchors_of(page)) landed[name] = page.label;
  REQUIRE(landed.size() == 4);
  CHECK(landed["part-1"] == "๑");
  CHECK(pages.front().label == "ก");

  // The contents page comes first and its lines end with those page labels.
  const auto contents_lines = lines_of(pages.front());
  REQUIRE(contents_lines.size() == 4);
  for (int part = 1; part <= 4; ++part) {
    const std::string& line = contents_lines[part - 1].text;
    CHECK(line.starts_with("ส่วนที่ " + std::to_string(part)));
    CHECK(line.ends_with(landed["part-" + std::to_string(part)]));
  }
}

namespace {

// Where each page boundary falls in a paragraph's text that runs over pages: the byte offsets, in `text`, of
// the end of each page's last line of it. Lines are found in the text in order, past the spaces between them.
std::vector<std::size_t> page_ends_in(const std::vector<layout::Page>& pages, const std::string& text,
                                      std::vector<std::size_t>* line_ends = nullptr) {
  std::vector<std::size_t> ends;
  std::size_t cursor = 0;
  for (const auto& page : pages) {
    bool here = false;
    for (const auto& line : lines_of(page)) {
      const std::size_t at = text.find(line.text, cursor);
      if (line.text.empty() || at == std::string::npos || at > cursor + 1) continue;
      cursor = at + line.text.size();
      here = true;
      if (line_ends) line_ends->push_back(cursor);
    }
    if (here && cursor < text.size()) ends.push_back(cursor);
  }
  return ends;
}

// On each page, the empty space under the last line of the cell whose lines start with `prefix`, in line
// pitches: the cell's rules less its padding and its lines (0 where fewer than two of them are on the page).
std::vector<double> empty_lines_under(const std::vector<layout::Page>& pages, std::string_view prefix) {
  std::vector<double> empty;
  for (const auto& page : pages) {
    std::vector<double> baselines;
    for (const auto& line : lines_of(page))
      if (line.text.starts_with(prefix)) baselines.push_back(line.y);
    double below = 0;
    if (baselines.size() >= 2) {
      const double pitch = baselines[1] - baselines[0];
      double bottom = 1e9;  // the nearest rule under the last line: the cell's foot
      for (const auto& item : page.frame.items)
        if (const auto* box = std::get_if<layout::Rectangle>(&item); box && box->stroke) {
          const double foot = box->origin.y + box->size.height;
          if (box->origin.y < baselines.back() && foot > baselines.back()) bottom = std::min(bottom, foot);
        }
      double top = -1e9;
      for (const auto& item : page.frame.items)
        if (const auto* box = std::get_if<layout::Rectangle>(&item); box && box->stroke)
          if (box->origin.y < baselines.front() && box->origin.y + box->size.height > baselines.back())
            top = std::max(top, box->origin.y);
      const document::Table defaults;
      const double padding = defaults.padding_top + defaults.padding_bottom;
      below = (bottom - top - padding - static_cast<double>(baselines.size()) * pitch) / pitch;
    }
    empty.push_back(below);
  }
  return empty;
}

}  // namespace

namespace {

// Official prose in long runs without spaces, where some lines must end inside a compound or after a
// connective.
const std::string official_prose =
    "ข้อเสนอแนะของผู้ตรวจราชการไปปรับปรุงและพัฒนางานให้มีประสิทธิภาพและคุณภาพต่อไปโดยสำนักงานเขตพื้นที่การศึกษา"
    "ประถมศึกษาดำเนินการจัดทำแผนปฏิบัติการให้แล้วเสร็จและเสนอคณะกรรมการศึกษาธิการจังหวัดพิจารณาให้ความเห็นชอบ"
    "ภายในกำหนดพร้อมทั้งรายงานผลการดำเนินงานตามแผนปฏิบัติราชการประจำปีของกระทรวงศึกษาธิการต่อผู้บังคับบัญชา"
    "เพื่อใช้เป็นข้อมูลในการวางแผนพัฒนาคุณภาพการจัดการศึกษาของสถานศึกษาในสังกัดให้ได้มาตรฐานการศึกษาขั้นพื้นฐาน";

// Lays `text` out after 10 to 40 filler lines, so that the page end falls at each of its lines in turn, and
// checks that no page ends inside a word or after a joining one. Counts the page ends met and the lines that
// end at such a break (the checks mean something only if both are found).
struct JoinedEnds {
  int page_ends = 0, joining_line_ends = 0;
};
template <typename MakeBody>
JoinedEnds check_page_ends(const std::string& text, MakeBody make_body) {
  text::PhraseBreakFinder finder;
  text::CodePoints code_points;
  code_points.assign(text);
  std::vector<std::uint8_t> flags;
  finder.find(text, code_points, flags);
  constexpr std::uint8_t joining =
      text::break_in_compound | text::break_after_particle | text::break_in_protected;
  JoinedEnds found;
  for (int filler = 10; filler <= 40; ++filler) {
    document::Blocks body = filler_lines(filler);
    body.push_back(make_body());
    const auto pages = lay_out_document(one_section(std::move(body)));
    std::vector<std::size_t> line_ends;
    const auto ends = page_ends_in(pages, text, &line_ends);
    CAPTURE(filler);
    for (std::size_t end : line_ends) found.joining_line_ends += (flags[end] & joining) ? 1 : 0;
    for (std::size_t end : ends) {
      ++found.page_ends;
      CAPTURE(text.substr(end > 30 ? end - 30 : 0, 60));
      CHECK_FALSE((flags[end] & joining));
    }
  }
  return found;
}

}  // namespace

TEST_CASE("pagination: a page does not end after a line that ends inside a word or after a joining word") {
  // Wherever the page end falls, it falls where the reader's eye may leave the text.
  const std::string text = official_prose + official_prose;
  const JoinedEnds found = check_page_ends(text, [&] {
    document::Block block = paragraph(text);
    std::get<document::Paragraph>(block.node).style.align = document::Align::justify;
    return block;
  });
  CHECK(found.page_ends >= 15);
  CHECK(found.joining_line_ends > 0);
}

TEST_CASE("pagination: a table cell cut by a page end is cut where a page may end, as a paragraph is") {
  // Three times the prose: a row taller than two fifths of a page, which a page end may cut.
  const std::string text = official_prose + official_prose + official_prose;
  const JoinedEnds found = check_page_ends(text, [&] {
    document::Table table = table_with_header();
    document::TableRow row = row_of("๑", text);
    std::get<document::Paragraph>(row.cells[1].content.front().node).style.align = document::Align::justify;
    table.rows.push_back(std::move(row));
    return document::Block{std::move(table)};
  });
  CHECK(found.page_ends >= 5);
  CHECK(found.joining_line_ends > 0);
}

TEST_CASE(
    "pagination: a row no taller than two fifths of a page is never cut by a page end, a taller one is") {
  // An indicator's row of eight lines beside its target and result: cut, its second part would read as a row
  // without values. Wherever the page end falls, the row stands whole on one page; a row of thirty lines is
  // still cut rather than leave most of a page empty.
  auto lines = [](int count, const std::string& stem) {
    std::string text;
    for (int i = 1; i <= count; ++i) text += stem + std::to_string(i) + (i < count ? "\n" : "");
    return text;
  };
  int tall_cuts = 0;
  for (int filler = 10; filler <= 40; ++filler) {
    document::Blocks body = filler_lines(filler);
    document::Table table = table_with_header();
    table.rows.push_back(row_of("๑", "แถวก่อน"));
    table.rows.push_back(row_of("๒", lines(8, "แปดบรรทัด")));
    table.rows.push_back(row_of("๓", lines(30, "สามสิบบรรทัด")));
    body.push_back(document::Block{std::move(table)});
    const auto pages = lay_out_document(one_section(std::move(body)));
    CAPTURE(filler);
    int total = 0;
    for (const auto& page : pages) {
      const int here = lines_starting(page, "แปดบรรทัด");
      CHECK((here == 0 || here == 8));
      total += here;
      const int tall = lines_starting(page, "สามสิบบรรทัด");
      tall_cuts += (tall > 0 && tall < 30) ? 1 : 0;
    }
    CHECK(total == 8);
  }
  CHECK(tall_cuts > 0);
}

TEST_CASE("pagination: a row is not cut where a cell would pull a line back and leave it empty at the foot") {
  // Five lines of which four fit: cutting would place three (to carry two over) and leave a line's height
  // empty inside the row at the page foot; the row goes whole to the next page instead.
  std::string five;
  for (int i = 1; i <= 5; ++i) five += "ห้าบรรทัด" + std::to_string(i) + (i < 5 ? "\n" : "");
  // As the table's first row, the table starts on the next page with it.
  for (const bool row_before : {true, false})
    for (int filler = 10; filler <= 34; ++filler) {
      document::Blocks body = filler_lines(filler);
      document::Table table = table_with_header();
      if (row_before) table.rows.push_back(row_of("๑", "แถวก่อน"));
      table.rows.push_back(row_of("๒", five));
      body.push_back(document::Block{std::move(table)});
      const auto pages = lay_out_document(one_section(std::move(body)));
      CAPTURE(row_before);
      CAPTURE(filler);
      for (const double empty : empty_lines_under(pages, "ห้าบรรทัด")) CHECK(empty < 1);
    }
}

TEST_CASE("pagination: a table cell cut by a page end leaves no paragraph's first or last line alone") {
  // A cell of numbered items, each a paragraph of four lines: a page end may fall between an item's second
  // and third lines, or between items, never after an item's first line or before its last.
  int splits = 0;
  for (int filler = 10; filler <= 34; ++filler) {
    document::Blocks body = filler_lines(filler);
    document::Table table = table_with_header();
    document::TableRow row = row_of("๑", "");
    row.cells[1].content.clear();
    for (int item = 1; item <= 4; ++item) {
      std::string lines;
      for (int line = 1; line <= 4; ++line)
        lines += "ข้อ" + std::to_string(item) + "บรรทัด" + std::to_string(line) + (line < 4 ? "\n" : "");
      row.cells[1].content.push_back(paragraph(lines));
    }
    table.rows.push_back(std::move(row));
    body.push_back(document::Block{std::move(table)});
    const auto pages = lay_out_document(one_section(std::move(body)));
    CAPTURE(filler);
    for (const auto& page : pages)
      for (int item = 1; item <= 4; ++item) {
        const int here = lines_starting(page, "ข้อ" + std::to_string(item) + "บรรทัด");
        CHECK(here != 1);
        CHECK(here != 3);
        splits += here == 2 ? 1 : 0;
      }
  }
  CHECK(splits > 0);  // items were cut, two lines on each side
}

}  // namespace raingan::test

namespace raingan::test {
namespace {

// A closing kept together with two body lines before it: a name, the space for a stamp or signature (a
// spacer of 80 pt that may give way to 40 pt, or a fixed one), and a date.
document::Block closing_with_space(double min_height) {
  document::Container closing;
  closing.block.keep_together = true;
  closing.block.keep_with_previous_lines = 2;
  closing.children.push_back(paragraph("ส่วนราชการผู้ส่ง"));
  closing.children.push_back({document::Spacer{80, min_height}});
  closing.children.push_back(paragraph("วันที่ส่ง"));
  return {std::move(closing)};
}

struct ClosingPlace {
  std::size_t page = 0;
  double gap = 0;         // baseline to baseline, name to date
  double room_under = 0;  // between the date's line and the foot of the content area
};

ClosingPlace place_of_closing(const std::vector<layout::Page>& pages) {
  ClosingPlace place;
  for (std::size_t p = 0; p < pages.size(); ++p) {
    double name_y = -1, date_y = -1;
    for (const auto& line : lines_of(pages[p])) {
      if (line.text == "ส่วนราชการผู้ส่ง") name_y = line.y;
      if (line.text == "วันที่ส่ง") date_y = line.y;
    }
    if (date_y < 0) continue;
    REQUIRE_MESSAGE(name_y >= 0, "the closing is split between pages");
    place.page = p;
    place.gap = date_y - name_y;
    const auto& page = pages[p];
    const auto& last = page.strips.back();
    REQUIRE(last.role == layout::PageStrip::Role::body);
    place.room_under = page.content_origin.y + page.content_size.height - (last.origin.y + last.size.height);
  }
  return place;
}

}  // namespace

TEST_CASE("pagination: a flexible space in a kept closing gives way only as far as keeps it on its page") {
  // Moved down a line at a time, the closing first stands with its full space, then (where it would not fit)
  // with its space given way so that it ends at the page's foot, and only when even the least space does not
  // fit goes to the next page, with its full space again. A fixed space never gives way.
  int shrunk = 0, moved = 0;
  double full_gap = 0;
  for (int filler = 10; filler <= 30; ++filler) {
    CAPTURE(filler);
    document::Blocks body = filler_lines(filler);
    body.push_back(closing_with_space(40));
    const auto pages = lay_out_document(one_section(std::move(body)));
    const ClosingPlace place = place_of_closing(pages);
    document::Blocks fixed_body = filler_lines(filler);
    fixed_body.push_back(closing_with_space(-1));
    const ClosingPlace fixed = place_of_closing(lay_out_document(one_section(std::move(fixed_body))));
    if (full_gap == 0) full_gap = fixed.gap;
    CHECK(fixed.gap == doctest::Approx(full_gap));
    CHECK(place.gap <= full_gap + 1e-6);
    CHECK(place.gap >= full_gap - 40 - 1e-6);
    if (place.gap < full_gap - 1e-3) {
      ++shrunk;
      CHECK(place.page == 0);
      CHECK(fixed.page == 1);                    // without the flexible space the closing would have moved
      CHECK(std::abs(place.room_under) < 0.01);  // it gave just what the page lacked
    } else if (place.page > 0) {
      ++moved;
      CHECK(place.room_under > 0);
    }
    CHECK(place.page <= fixed.page);
  }
  CHECK(shrunk >= 1);
  CHECK(moved >= 1);
}

}  // namespace raingan::test
