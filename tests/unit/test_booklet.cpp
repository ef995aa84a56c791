// Booklets built through the real pipeline (template + dataset -> document tree -> laid-out pages): the
// contents page lists every heading it should, each with the label of the page its anchor landed on; the
// outline has one entry per heading, in reading order; front matter and body number their pages apart.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "layout/document_outline.h"
#include "layout/paginate.h"
#include "layout_test_support.h"
#include "sample_test_support.h"
#include "text_test_support.h"

namespace raingan::test {
namespace {

using Booklet = LaidOutSample;

Booklet build(const std::string& template_name, const std::string& dataset_name) {
  return lay_out_sample(template_name, dataset_name);
}

struct TreeHeading {
  std::string anchor, title;
  int level = 1;
  bool in_outline = true, in_contents = true;
};

void collect_headings(const document::Blocks& blocks, std::vector<TreeHeading>& out);

void collect_headings(const document::Block& block, std::vector<TreeHeading>& out) {
  std::visit(
      [&](const auto& node) {
        using T = std::decay_t<decltype(node)>;
        if constexpr (std::is_same_v<T, document::Heading>) {
          out.push_back({node.anchor, node.title, node.level, node.in_outline, node.in_contents});
        } else if constexpr (std::is_same_v<T, document::List>) {
          for (const auto& item : node.items) collect_headings(item.body, out);
        } else if constexpr (std::is_same_v<T, document::Table>) {
          for (const auto& row : node.rows)
            for (const auto& cell : row.cells) collect_headings(cell.content, out);
        } else if constexpr (std::is_same_v<T, document::Container>) {
          collect_headings(node.children, out);
        }
      },
      block.node);
}

void collect_headings(const document::Blocks& blocks, std::vector<TreeHeading>& out) {
  for (const auto& block : blocks) collect_headings(block, out);
}

// Every heading of the document tree, in reading order (sections in order, their bodies in order).
std::vector<TreeHeading> headings_of(const document::Document& document) {
  std::vector<TreeHeading> out;
  for (const auto& section : document.sections) collect_headings(section.body, out);
  return out;
}

// The label of the page each anchor was placed on, read from the pages themselves.
std::map<std::string, std::string> landed(const std::vector<layout::Page>& pages) {
  std::map<std::string, std::string> where;
  for (const auto& page : pages)
    for (const auto& item : page.frame.items)
      if (const auto* anchor = std::get_if<layout::Anchor>(&item)) {
        CHECK_MESSAGE(!where.count(anchor->name), "anchor placed twice: " << anchor->name);
        where[anchor->name] = page.label;
      }
  return where;
}

std::string text_of(const layout::TextLine& line) {
  std::string text;
  for (const auto& span : line.spans) text += span.text;
  return text;
}

struct ContentsEntry {
  std::string anchor;
  std::string printed_page;  // the page number printed at the end of the entry
  std::size_t page_index = 0;
};

// The contents page as a reader uses it: an entry's page number is linked and ends at the right edge of the
// text area (`content_right`), at the end of the line that also holds the title's last words and the dots.
std::vector<ContentsEntry> contents_entries(const std::vector<layout::Page>& pages, double content_right) {
  std::vector<ContentsEntry> entries;
  for (std::size_t p = 0; p < pages.size(); ++p) {
    for (const auto& item : pages[p].frame.items) {
      const auto* link = std::get_if<layout::Link>(&item);
      if (!link || link->anchor.empty() || link->origin.x + link->size.width < content_right - 0.5) continue;
      for (const auto& other : pages[p].frame.items) {
        const auto* line = std::get_if<layout::TextLine>(&other);
        if (!line || line->runs.empty()) continue;
        const double baseline = line->runs.front().origin.y;
        if (baseline < link->origin.y || baseline > link->origin.y + link->size.height) continue;
        const std::string text = text_of(*line);
        const std::size_t dots = text.find_last_of('.');
        CHECK_MESSAGE(dots != std::string::npos, "an entry without its leader: " << text);
        std::string number = text.substr(dots == std::string::npos ? 0 : dots + 1);
        number.erase(0, number.find_first_not_of(' '));
        entries.push_back({link->anchor, number, p});
      }
    }
  }
  return entries;
}

// What the booklet tests check on any booklet: contents right by construction, outline complete.
void check_booklet(const Booklet& booklet, int contents_max_level) {
  const auto tree = headings_of(booklet.document);
  const auto where = landed(booklet.pages);
  REQUIRE(!tree.empty());

  // Every heading's anchor landed on exactly one page.
  for (const auto& heading : tree)
    CHECK_MESSAGE(where.count(heading.anchor), "no page has " << heading.anchor);

  // The contents lists exactly the headings that ask for it, in order, each with its landing page's label.
  std::vector<std::string> expected;
  for (const auto& heading : tree)
    if (heading.in_contents && heading.level <= contents_max_level) expected.push_back(heading.anchor);
  const document::PageSetup& contents_page =
      booklet.document.sections.at(2).page;  // cover, foreword, contents
  const auto entries = contents_entries(booklet.pages, contents_page.size.width - contents_page.margin_right);
  std::vector<std::string> listed;
  for (const auto& entry : entries) {
    listed.push_back(entry.anchor);
    CHECK_MESSAGE(entry.printed_page == where.at(entry.anchor),
                  entry.anchor << " is listed on page " << entry.printed_page << " but landed on page "
                               << where.at(entry.anchor));
  }
  CHECK(listed == expected);
  REQUIRE(entries.size() > 3);

  // The outline: one entry per heading that asks for it, in reading order, with its title and level.
  const auto outline = layout::outline_of(booklet.result.headings);
  std::vector<TreeHeading> in_outline;
  for (const auto& heading : tree)
    if (heading.in_outline) in_outline.push_back(heading);
  REQUIRE(outline.size() == in_outline.size());
  for (std::size_t i = 0; i < outline.size(); ++i) {
    CHECK(outline[i].anchor == in_outline[i].anchor);
    CHECK(outline[i].title == in_outline[i].title);
    CHECK(outline[i].level == in_outline[i].level);
  }
  // Reading order: no outline entry points at an earlier page than the one before it.
  std::map<std::string, std::size_t> page_of;
  for (std::size_t p = 0; p < booklet.pages.size(); ++p)
    for (const auto& item : booklet.pages[p].frame.items)
      if (const auto* anchor = std::get_if<layout::Anchor>(&item)) page_of[anchor->name] = p;
  for (std::size_t i = 1; i < outline.size(); ++i)
    CHECK(page_of.at(outline[i - 1].anchor) <= page_of.at(outline[i].anchor));

  // The labels the layout reports are the pages' labels, in order.
  REQUIRE(booklet.result.page_labels.size() == booklet.pages.size());
  for (std::size_t p = 0; p < booklet.pages.size(); ++p)
    CHECK(booklet.result.page_labels[p] == booklet.pages[p].label);
}

// Labels in order of the pages, without the unnumbered ones (covers).
// The labels of the numbered pages (the covers are labelled ปก and ปกหลัง, not numbered).
std::vector<std::string> printed_labels(const std::vector<layout::Page>& pages) {
  std::vector<std::string> labels;
  for (const auto& page : pages)
    if (!page.label.empty() && page.label != "ปก" && page.label != "ปกหลัง") labels.push_back(page.label);
  return labels;
}

}  // namespace

TEST_CASE("booklet: the operations manual's contents and outline match where its headings landed") {
  const Booklet booklet = build("manual.xml", "operations-manual-2567.json");
  check_booklet(booklet, 2);

  // Cover unnumbered; front matter ก ข ค …; the body ๑ ๒ ๓ … from its first page; the back cover unnumbered.
  const auto& pages = booklet.pages;
  REQUIRE(pages.size() > 20);
  CHECK(pages.front().label == "ปก");
  CHECK(pages.back().label == "ปกหลัง");
  const auto labels = printed_labels(pages);
  std::size_t front = 0;
  while (front < labels.size() && labels[front] == layout::page_label(static_cast<int>(front) + 1,
                                                                      document::PageNumbering::thai_letters))
    ++front;
  CHECK(front >= 2);  // คำนำ and สารบัญ
  // The foreword fits its one page, as in the printed manual: the contents start on the page after it.
  const document::PageSetup& contents_page = booklet.document.sections.at(2).page;
  const auto entries = contents_entries(pages, contents_page.size.width - contents_page.margin_right);
  REQUIRE(!entries.empty());
  CHECK(entries.front().page_index == 2);  // cover, คำนำ, สารบัญ
  for (std::size_t i = front; i < labels.size(); ++i)
    CHECK(labels[i] ==
          layout::page_label(static_cast<int>(i - front) + 1, document::PageNumbering::thai_digits));

  // Each part starts a page of its own (its anchor is the first thing under the top margin), and its pages
  // carry "ส่วนที่ n …" as their running title, up to the next chapter: all but its opening page, whose
  // header has only the page number, as a book's chapter-opening page.
  const double top_margin = booklet.document.sections[3].page.margin_top;
  std::size_t body_start = 0;
  while (body_start < pages.size() && pages[body_start].label != "๑") ++body_start;
  std::vector<const layout::LaidOutHeading*> chapters;
  for (const auto& heading : booklet.result.headings)
    if (heading.level == 1 && heading.page_index >= body_start) chapters.push_back(&heading);
  REQUIRE(chapters.size() >= 5);  // four parts and the bibliography
  for (std::size_t c = 0; c < chapters.size(); ++c) {
    const auto& heading = *chapters[c];
    const auto& page = pages[heading.page_index];
    for (const auto& item : page.frame.items)
      if (const auto* anchor = std::get_if<layout::Anchor>(&item); anchor && anchor->name == heading.anchor)
        CHECK(anchor->position.y == doctest::Approx(top_margin).epsilon(0.01));
    if (!heading.title.starts_with("ส่วนที่")) continue;
    const std::string part = heading.title.substr(0, heading.title.find(' ', heading.title.find(' ') + 1));
    const std::size_t end = c + 1 < chapters.size() ? chapters[c + 1]->page_index : pages.size();
    for (std::size_t p = heading.page_index; p < end; ++p) {
      std::string header;
      for (const auto& strip : pages[p].strips) {
        if (strip.role != layout::PageStrip::Role::header) continue;
        for (std::size_t i = strip.first_item; i < strip.end_item; ++i)
          if (const auto* line = std::get_if<layout::TextLine>(&pages[p].frame.items[i]))
            header += (header.empty() ? "" : " ") + text_of(*line);
      }
      if (p == heading.page_index)
        CHECK_MESSAGE(header == pages[p].label,
                      "opening page " << pages[p].label << " is headed \"" << header << "\"");
      else
        CHECK_MESSAGE(header.starts_with(part),
                      "page " << pages[p].label << " is headed \"" << header << "\"");
    }
  }
}

TEST_CASE("booklet: the annual report's contents and outline match where its headings landed") {
  const Booklet booklet = build("annual-report.xml", "annual-report-2569.json");
  check_booklet(booklet, 2);
  // The appendix tables are set on landscape pages that number on from the body without a gap.
  const auto& pages = booklet.pages;
  CHECK(pages.front().frame.size.width < pages.front().frame.size.height);
  const auto first_body =
      std::find_if(pages.begin(), pages.end(), [](const auto& page) { return page.label == "๑"; });
  REQUIRE(first_body != pages.end());
  for (auto page = first_body; page != pages.end(); ++page)
    CHECK(page->label ==
          layout::page_label(static_cast<int>(page - first_body) + 1, document::PageNumbering::thai_digits));
}

namespace {

std::string page_text(const layout::Page& page) {
  std::string text;
  for (const auto& item : page.frame.items)
    if (const auto* line = std::get_if<layout::TextLine>(&item)) text += text_of(*line) + "\n";
  return text;
}

bool landscape(const layout::Page& page) { return page.frame.size.width > page.frame.size.height; }

// The value of Thai (or Arabic) digits at the start of `text`.
int leading_number(const std::string& text) {
  int value = 0;
  for (std::size_t i = 0; i < text.size();) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte >= '0' && byte <= '9') {
      value = value * 10 + (byte - '0');
      ++i;
    } else if (text.compare(i, 2, "\xE0\xB9") == 0 && i + 2 < text.size() &&
               static_cast<unsigned char>(text[i + 2]) >= 0x90 &&
               static_cast<unsigned char>(text[i + 2]) <= 0x99) {
      value = value * 10 + (static_cast<unsigned char>(text[i + 2]) - 0x90);
      i += 3;
    } else {
      break;
    }
  }
  return value;
}

}  // namespace

TEST_CASE("booklet: the annual report's appendix tables are landscape, its list of names one portrait page") {
  const Booklet booklet = build("annual-report.xml", "annual-report-2569.json");
  const auto& pages = booklet.pages;
  const auto holding = [&](const std::string& words) {
    std::vector<std::size_t> found;
    for (std::size_t p = 0; p < pages.size(); ++p)
      if (page_text(pages[p]).find(words) != std::string::npos) found.push_back(p);
    return found;
  };
  const auto tables = holding("ก. งบประมาณและผลการเบิกจ่ายรายโครงการ");
  REQUIRE(!tables.empty());  // the last: the contents page names it first
  CHECK(landscape(pages[tables.back()]));
  const auto committee = holding("ค. คณะผู้จัดทำ");
  REQUIRE(!committee.empty());
  CHECK_FALSE(landscape(pages[committee.back()]));
  CHECK(committee.back() + 1 == pages.size());  // the whole list on its one page
}

TEST_CASE("booklet: a strategy's indicator chart shows each indicator or names it in a note below") {
  const Booklet booklet = build("annual-report.xml", "annual-report-2569.json");
  // From a chapter's opening ("… จาก N ตัวชี้วัด") to its table of projects, every indicator 1..N is named.
  std::string chapter;
  int chapters = 0;
  const auto check_chapter = [&] {
    if (chapter.empty()) return;
    ++chapters;
    const std::string from_word = " จาก ";
    const std::size_t of = chapter.find(from_word);
    REQUIRE_MESSAGE(of != std::string::npos, chapter);
    const int count = leading_number(chapter.substr(of + from_word.size()));
    REQUIRE_MESSAGE(count > 0, chapter.substr(of, 40));
    std::set<int> named;
    const std::string word = "ตัวชี้วัดที่ ";
    for (std::size_t at = chapter.find(word); at != std::string::npos; at = chapter.find(word, at + 1))
      named.insert(leading_number(chapter.substr(at + word.size())));
    for (int n = 1; n <= count; ++n)
      CHECK_MESSAGE(named.count(n), "indicator ", n, " of ", chapter.substr(0, 60));
    chapter.clear();
  };
  for (const auto& page : booklet.pages) {
    std::size_t from = 0;
    const std::string text = page_text(page);
    while (from < text.size()) {
      const std::size_t end = text.find('\n', from);
      const std::string line = text.substr(from, end - from);
      from = end == std::string::npos ? text.size() : end + 1;
      if (line.rfind("กลยุทธ์ที่ ", 0) == 0 && line.find(" มี ") != std::string::npos) {
        check_chapter();
        chapter = line + "\n";
      } else if (!chapter.empty() && line.rfind("โครงการภายใต้กลยุทธ์ที่", 0) == 0) {
        check_chapter();
      } else if (!chapter.empty()) {
        chapter += line + "\n";
      }
    }
  }
  CHECK(chapters == 4);
}

TEST_CASE("booklet: the annual report's key figures each have their label on one line") {
  const Booklet booklet = build("annual-report.xml", "annual-report-2569.json");
  // The band's labels, as the executive summary gives them; each must be one whole line of the page.
  const std::vector<std::string> labels = {"โครงการ", "งบประมาณ (ล้านบาท)", "ร้อยละการเบิกจ่าย", "ตัวชี้วัดที่บรรลุ"};
  const auto band = std::find_if(booklet.pages.begin(), booklet.pages.end(), [](const layout::Page& page) {
    return page_text(page).find("\nร้อยละการเบิกจ่าย\n") != std::string::npos;
  });
  REQUIRE(band != booklet.pages.end());
  const std::string text = "\n" + page_text(*band);
  for (const auto& label : labels) CHECK_MESSAGE(text.find("\n" + label + "\n") != std::string::npos, label);
}

}  // namespace raingan::test
