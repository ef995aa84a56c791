// Official letters and memos kept whole, read on frames: bodies grown half a line at a time put the closing
// at every height of a page, and in every variant the page of the signature also holds two lines of the body,
// the closing group (signature, contact lines, สำเนาส่ง) is on one page, no body paragraph leaves a single
// line at a page's foot or head, and every page but the last ends with the continuation cue of the next.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <iterator>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/units.h"
#include "layout/continuation_cue.h"
#include "sample_test_support.h"
#include "text/phrase_breaks.h"

namespace raingan::test {
namespace {

using layout::PageStrip;
using layout::StripOrigin;

// About half a line of body text at 16 pt on a 16 cm column.
constexpr const char* phrase = "กลุ่มนโยบายและแผนได้ทบทวนกระบวนการปฏิบัติงาน ";

// The body of variant `n`: n phrases in paragraphs of up to six (one to three lines each), then the
// one-line request that ends every letter.
std::string paragraphs_json(int n, const std::string& last) {
  std::string json = "[";
  for (int start = 0; start < n; start += 6) {
    json += "\"";
    for (int k = start; k < std::min(n, start + 6); ++k) json += phrase;
    json += "\", ";
  }
  return json + "\"" + last + "\"]";
}

// The sample's dataset with its "paragraphs" array replaced.
std::string with_paragraphs(const std::string& dataset, const std::string& paragraphs) {
  const std::size_t key = dataset.find("\"paragraphs\"");
  REQUIRE(key != std::string::npos);
  const std::size_t open = dataset.find('[', key);
  const std::size_t close = dataset.find(']', open);
  return dataset.substr(0, open) + paragraphs + dataset.substr(close + 1);
}

struct BodyLine {
  std::size_t page = 0;
  bool opens_paragraph = false;  // drawn at the first-line indent
};

std::optional<double> text_left(const layout::Page& page, const PageStrip& strip) {
  for (std::size_t i = strip.first_item; i < strip.end_item; ++i)
    if (const auto* line = std::get_if<layout::TextLine>(&page.frame.items[i]); line && !line->runs.empty())
      return line->runs.front().origin.x;
  return std::nullopt;
}

// The continuation cues of a page: text lines under its content area, in the footer's role.
std::vector<std::string> cues_of(const layout::Page& page) {
  std::vector<std::string> cues;
  for (const auto& strip : page.strips) {
    if (strip.role != PageStrip::Role::footer) continue;
    if (strip.origin.y + 0.01 < page.content_origin.y + page.content_size.height) continue;
    for (std::size_t i = strip.first_item; i < strip.end_item; ++i)
      if (const auto* line = std::get_if<layout::TextLine>(&page.frame.items[i]);
          line && !line->runs.empty()) {
        std::string text;
        for (const auto& span : line->spans) text += span.text;
        cues.push_back(text);
      }
  }
  return cues;
}

// Rule 2 of official letters and memos on the laid-out pages, and the continuation cue. Returns the number of
// body lines, to show the body grew by at most one line from the previous variant.
std::size_t check_letter(const LaidOutSample& sample, const std::string& name,
                         text::PhraseBreakFinder& breaks) {
  INFO(name << ": " << sample.pages.size() << " pages");
  const auto& setup = sample.document.sections.front().page;
  const double indent = units::cm(2.5);
  std::optional<std::size_t> signature_page;
  std::size_t lines_above_signature = 0;  // on the signature's page
  std::vector<BodyLine> body;
  bool after_signature = false;
  std::size_t lines_since_table = 0;  // text lines since the last table or picture before the signature
  for (std::size_t p = 0; p < sample.pages.size(); ++p) {
    const auto& page = sample.pages[p];
    for (const auto& strip : page.strips) {
      if (strip.role != PageStrip::Role::body) continue;
      if (strip.source.kind == StripOrigin::Kind::signature) {
        if (!signature_page) signature_page = p;
        CHECK_MESSAGE(*signature_page == p, "the signature block is split between pages");
        after_signature = true;
        continue;
      }
      if (after_signature) {  // contact lines and สำเนาส่ง: on the signature's page
        CHECK_MESSAGE(p == *signature_page, "a line after the signature is on page " << p + 1);
        continue;
      }
      if (strip.source.kind != StripOrigin::Kind::text) {
        if (strip.size.height > 0) lines_since_table = 0;  // the keep does not reach back past a table
        continue;
      }
      ++lines_since_table;
      const auto left = text_left(page, strip);
      if (!left) continue;
      body.push_back({p, std::abs(*left - (setup.margin_left + indent)) < 0.5});
    }
  }
  REQUIRE(signature_page);
  for (const auto& line : body)
    if (line.page == *signature_page) ++lines_above_signature;
  CHECK_MESSAGE(lines_above_signature >= std::min<std::size_t>(2, lines_since_table),
                "the signature's page holds " << lines_above_signature << " lines of the body");
  CHECK(*signature_page + 1 == sample.pages.size());
  // Two lines of a paragraph at least at a page's foot and at its head.
  for (std::size_t i = 0; i + 1 < body.size(); ++i) {
    if (body[i].page == body[i + 1].page) continue;
    CHECK_MESSAGE(!(body[i].opens_paragraph && !body[i + 1].opens_paragraph),
                  "a paragraph leaves one line at the foot of page " << body[i].page + 1);
    const bool last_of_paragraph = i + 2 >= body.size() || body[i + 2].opens_paragraph;
    CHECK_MESSAGE(!(!body[i + 1].opens_paragraph && last_of_paragraph),
                  "a paragraph carries one line to the head of page " << body[i + 1].page + 1);
  }
  // The continuation cue: at the foot of every page but the last, at the right, "/" + the next page's first
  // words + "...".
  for (std::size_t p = 0; p < sample.pages.size(); ++p) {
    const auto& page = sample.pages[p];
    std::vector<std::string> cues;
    for (const auto& strip : page.strips) {
      if (strip.role != PageStrip::Role::footer) continue;
      if (strip.origin.y + 0.01 < page.content_origin.y + page.content_size.height) continue;
      CHECK(strip.origin.y + strip.size.height <= setup.size.height - setup.margin_bottom / 3);
      for (std::size_t i = strip.first_item; i < strip.end_item; ++i)
        if (const auto* line = std::get_if<layout::TextLine>(&page.frame.items[i]);
            line && !line->runs.empty()) {
          std::string text;
          for (const auto& span : line->spans) text += span.text;
          cues.push_back(text);
          const double right = line->runs.back().origin.x + line->runs.back().width();
          CHECK(std::abs(right - (setup.size.width - setup.margin_right)) < 1.0);
        }
    }
    if (p + 1 == sample.pages.size()) {
      CHECK_MESSAGE(cues.empty(), "the last page carries a continuation cue");
      continue;
    }
    REQUIRE_MESSAGE(cues.size() == 1, "page " << p + 1 << " has " << cues.size() << " continuation cues");
    const std::string next = layout::first_body_text(sample.pages[p + 1]);
    const std::string words = layout::opening_words(next, breaks);
    CHECK(!words.empty());
    CHECK(next.rfind(words, 0) == 0);
    CHECK(cues.front() == "/" + words + "...");
  }
  return body.size();
}

void check_growing_bodies(const std::string& template_name, const std::string& dataset_name,
                          const std::string& last_paragraph, int variants) {
  const std::string dataset = sample_dataset_text(dataset_name);
  text::PhraseBreakFinder breaks;
  std::size_t previous_lines = 0;
  std::set<std::size_t> page_counts;
  std::set<long> signature_heights;  // where the signature starts, in whole points from the content's top
  double lowest_gap = 1e9;           // least room left under the closing group on its page
  double line_height = 0;
  for (int n = 0; n < variants; ++n) {
    const std::string name = template_name + " with " + std::to_string(n) + " phrases";
    const LaidOutSample sample = lay_out_dataset_text(
        template_name, dataset_name, with_paragraphs(dataset, paragraphs_json(n, last_paragraph)));
    const std::size_t lines = check_letter(sample, name, breaks);
    if (n > 0)
      CHECK_MESSAGE(lines <= previous_lines + 1, name << " grew by " << lines - previous_lines << " lines");
    previous_lines = lines;
    page_counts.insert(sample.pages.size());
    const auto& last = sample.pages.back();
    bool signature_seen = false;
    for (const auto& strip : last.strips) {
      if (strip.role != PageStrip::Role::body) continue;
      if (strip.source.kind == StripOrigin::Kind::signature && !signature_seen) {
        signature_seen = true;
        signature_heights.insert(std::lround(strip.origin.y - last.content_origin.y));
      }
      if (strip.source.kind == StripOrigin::Kind::text)
        line_height = std::max(line_height, strip.size.height);
      lowest_gap = std::min(lowest_gap, last.content_origin.y + last.content_size.height -
                                            (strip.origin.y + strip.size.height));
    }
  }
  // The bodies reached a third page, and the signature stood at many heights on its page.
  CHECK(page_counts.size() >= 3);
  // The signature stood at every line of its page, from under the two lines it keeps down to where the
  // closing group ends at the foot of the page.
  REQUIRE(signature_heights.size() >= 6);
  CHECK(*signature_heights.begin() < 3 * line_height);
  for (auto it = std::next(signature_heights.begin()); it != signature_heights.end(); ++it)
    CHECK_MESSAGE(*it - *std::prev(it) <= line_height + 8,
                  "no variant puts the signature between " << *std::prev(it) << " and " << *it << " pt");
  CHECK(lowest_gap < line_height + 8);
}

}  // namespace

TEST_CASE("closing keeps: letters whose bodies grow put the closing at every height and keep rule 2") {
  check_growing_bodies("letter.xml", "letter-transport-data-request.json", "จึงเรียนมาเพื่อโปรดดำเนินการ", 130);
}

TEST_CASE("closing keeps: memos whose bodies grow put the signature at every height and keep rule 2") {
  check_growing_bodies("memo.xml", "memo-work-standards.json", "จึงเรียนมาเพื่อโปรดพิจารณา", 130);
}

TEST_CASE(
    "closing keeps: stamped letters whose bodies grow put the stamp's space at every height and keep rule "
    "2") {
  check_growing_bodies("stamped-letter.xml", "stamped-letter-survey-reminder.json",
                       "จึงขอความร่วมมือตอบแบบสอบถามภายในกำหนด", 130);
}

TEST_CASE(
    "closing keeps: the sample stamped letter stands on one page, its stamp's space given way no further "
    "than 1.6 cm") {
  // Its closing is 1.2 cm taller than the room its page has left: the stamp's space (2.6 cm, at least 1.6)
  // and the space over the contact lines give that much rather than carry the closing to a second page.
  const LaidOutSample sample = lay_out_sample("stamped-letter.xml", "stamped-letter-survey-reminder.json");
  REQUIRE(sample.pages.size() == 1);
  const auto& page = sample.pages.front();
  std::vector<const PageStrip*> signature;
  for (const auto& strip : page.strips)
    if (strip.source.kind == StripOrigin::Kind::signature) signature.push_back(&strip);
  REQUIRE(signature.size() >= 3);  // the sender's name (two lines), the stamp's space, the date
  const PageStrip* space = nullptr;
  for (const PageStrip* strip : signature)
    if (strip->first_item == strip->end_item) space = strip;
  REQUIRE(space);
  CHECK(space->size.height >= units::cm(1.6) - 0.01);
  CHECK(space->size.height < units::cm(2.6) - 1);
}

TEST_CASE("closing keeps: the shipped letters and memos keep rule 2 and carry the continuation cue") {
  text::PhraseBreakFinder breaks;
  check_letter(lay_out_sample("letter.xml", "letter-transport-data-request.json"), "letter", breaks);
  check_letter(lay_out_sample("memo.xml", "memo-work-standards.json"), "memo", breaks);
}

TEST_CASE("closing keeps: a letter's annex after a page break carries no continuation cue") {
  const LaidOutSample sample = lay_out_sample("budget-allocation-notice.xml", "budget-allocation-2569.json");
  std::optional<std::size_t> signature_page;
  for (std::size_t p = 0; p < sample.pages.size() && !signature_page; ++p)
    for (const auto& strip : sample.pages[p].strips)
      if (strip.source.kind == StripOrigin::Kind::signature) signature_page = p;
  REQUIRE(signature_page);
  REQUIRE(*signature_page > 0);
  REQUIRE(sample.pages.size() > *signature_page + 1);  // the annex follows
  for (std::size_t p = 0; p < sample.pages.size(); ++p)
    CHECK_MESSAGE(cues_of(sample.pages[p]).size() == (p < *signature_page ? 1u : 0u), "page " << p + 1);
}

TEST_CASE("closing keeps: the continuation cue quotes the first words of a line") {
  text::PhraseBreakFinder breaks;
  CHECK(layout::opening_words("ข้อความที่ต่อจากหน้าก่อน", breaks) == "ข้อความ");
  CHECK(layout::opening_words("จึงเรียนมาเพื่อโปรดพิจารณา", breaks) == "จึงเรียน");
  CHECK(layout::opening_words("๒. ข้อเท็จจริง กลุ่ม", breaks) == "๒. ข้อเท็จจริง");
  CHECK(layout::opening_words("ตาม ที่", breaks) == "ตาม");
  // Never half a compound: ดำเนิน|การ is one word to a reader.
  CHECK(layout::opening_words("ดำเนินการจัดทำแผนปฏิบัติการ", breaks) == "ดำเนินการ");
  CHECK(layout::opening_words("ผู้อำนวยการโรงเรียน", breaks) == "ผู้อำนวยการ");
  CHECK(layout::opening_words("", breaks).empty());
}

}  // namespace raingan::test
