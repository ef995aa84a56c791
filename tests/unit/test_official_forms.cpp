// The official forms of the สารบรรณ regulation as laid out from their sample datasets, read on frames: the
// heading centred, the committee members' and the meeting participants' columns aligned, the signature where
// the form puts it, and the secrecy mark at the top and the foot of every page, the first included.
#include <doctest/doctest.h>

#include <cmath>
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "core/units.h"
#include "layout/paginate.h"
#include "layout_test_support.h"
#include "sample_test_support.h"
#include "text_test_support.h"

namespace raingan::test {
namespace {

struct DrawnLine {
  std::size_t page = 0;
  std::string text;
  double left = 0, right = 0, baseline = 0;
  geometry::Color color;
  double size = 0;
  double centre() const { return (left + right) / 2; }
};

struct Form : LaidOutSample {
  std::vector<DrawnLine> lines;  // every text line of every page, in drawing order
};

// A laid-out document with its text lines read off the frames.
Form read_lines(LaidOutSample laid_out) {
  Form form{std::move(laid_out), {}};
  for (std::size_t p = 0; p < form.pages.size(); ++p)
    for (const auto& item : form.pages[p].frame.items) {
      const auto* line = std::get_if<layout::TextLine>(&item);
      if (!line || line->runs.empty()) continue;
      DrawnLine drawn;
      drawn.page = p;
      for (const auto& span : line->spans) drawn.text += span.text;
      drawn.left = line->runs.front().origin.x;
      drawn.right = line->runs.back().origin.x + line->runs.back().width();
      drawn.baseline = line->runs.front().origin.y;
      drawn.color = line->runs.front().color;
      drawn.size = line->runs.front().font_size;
      form.lines.push_back(std::move(drawn));
    }
  return form;
}

// The sample laid out, with its text lines read off the frames.
Form build(const std::string& template_name, const std::string& dataset_name) {
  return read_lines(lay_out_sample(template_name, dataset_name));
}

std::vector<const DrawnLine*> lines_starting(const Form& form, const std::string& start) {
  std::vector<const DrawnLine*> found;
  for (const auto& line : form.lines)
    if (line.text.rfind(start, 0) == 0) found.push_back(&line);
  return found;
}

// Official documents write their numbers in Thai digits and set their text at 16 pt, the heading included.
void check_thai_digits_at_16pt(const Form& form) {
  for (const auto& line : form.lines) {
    CHECK_MESSAGE(line.text.find_first_of("0123456789") == std::string::npos, line.text);
    CHECK_MESSAGE(std::abs(line.size - 16) < 0.01, line.text << " is set at " << line.size << " pt");
  }
}

bool is_red(const geometry::Color& c) { return c.r > 180 && c.g < 50 && c.b < 50; }

// The secrecy class at the top and the foot of every page, centred on the text area, red and larger than
// the 16 pt body.
void check_secrecy_marks(const Form& form, const std::string& secrecy) {
  const auto& page = form.document.sections.front().page;
  const double centre = page.margin_left + (page.size.width - page.margin_left - page.margin_right) / 2;
  REQUIRE(form.pages.size() > 1);
  for (std::size_t p = 0; p < form.pages.size(); ++p) {
    int top = 0, bottom = 0;
    for (const auto& line : form.lines) {
      if (line.page != p || line.text != secrecy) continue;
      CHECK(std::abs(line.centre() - centre) < 1.0);
      CHECK(is_red(line.color));
      CHECK(line.size > 16);
      if (line.baseline < page.margin_top) ++top;
      if (line.baseline > page.size.height - page.margin_bottom) ++bottom;
    }
    CHECK_MESSAGE(top == 1, "page " << p + 1 << " has " << top << " marks at the top");
    CHECK_MESSAGE(bottom == 1, "page " << p + 1 << " has " << bottom << " marks at the foot");
  }
}

}  // namespace

TEST_CASE(
    "official forms: an order's heading is centred, its committee columns line up, it is signed "
    "under สั่ง ณ วันที่, and its secrecy mark is on every page") {
  const Form form = build("order.xml", "order-transport-committee.json");
  const auto& page = form.document.sections.front().page;
  const double content_left = page.margin_left;
  const double content_width = page.size.width - page.margin_left - page.margin_right;
  const double centre = content_left + content_width / 2;

  // Heading: the issuer, number and subject centred on the text area, on the first page.
  const auto heading = lines_starting(form, "คำสั่งสำนักงานเขตพื้นที่การศึกษา");
  REQUIRE(heading.size() == 1);
  CHECK(heading.front()->page == 0);
  CHECK(std::abs(heading.front()->centre() - centre) < 1.0);
  const auto number = lines_starting(form, "ที่ ๔๑๒/๒๕๖๙");
  REQUIRE(number.size() == 1);
  CHECK(std::abs(number.front()->centre() - centre) < 1.0);

  // Urgency: red, at least 32 pt, above the heading at the left margin.
  const auto urgency = lines_starting(form, "ด่วน");
  REQUIRE(urgency.size() == 1);
  CHECK(is_red(urgency.front()->color));
  CHECK(urgency.front()->size >= 32);
  CHECK(urgency.front()->baseline < heading.front()->baseline);
  CHECK(std::abs(urgency.front()->left - content_left) < 1.0);

  // Committee members: every name starts at one x, every role at another, on whatever page it lands.
  std::vector<double> names, roles;
  for (const auto& line : form.lines) {
    for (const char* title : {"นาย", "นางสาว", "นาง"})
      if (line.text.rfind(title, 0) == 0 && line.left > content_left + 10 && line.left < centre) {
        names.push_back(line.left);
        break;
      }
    for (const char* role :
         {"ประธานกรรมการ", "รองประธานกรรมการ", "กรรมการ", "กรรมการและเลขานุการ", "ผู้ช่วยเลขานุการ"})
      if (line.text == role) roles.push_back(line.left);
  }
  CHECK(names.size() == 10);  // 4 + 6 members
  CHECK(roles.size() == 10);
  for (double x : names) CHECK(std::abs(x - names.front()) < 0.01);
  for (double x : roles) CHECK(std::abs(x - roles.front()) < 0.01);
  CHECK(roles.front() > centre);

  // สั่ง ณ วันที่ from the middle of the line; below it on the same (last) page the signer's name, centred
  // on the signature block, which takes the text area from 6.5 cm on.
  const auto signed_on = lines_starting(form, "สั่ง ณ วันที่ ๑๒ พฤศจิกายน ๒๕๖๙");
  const auto name = lines_starting(form, "(นายสมชาย ใจดี)");
  REQUIRE(signed_on.size() == 1);
  REQUIRE(name.size() == 1);
  CHECK(signed_on.front()->page == form.pages.size() - 1);
  CHECK(name.front()->page == signed_on.front()->page);
  CHECK(name.front()->baseline > signed_on.front()->baseline + 32);
  const double signature_left = content_left + units::cm(6.5);
  CHECK(std::abs(name.front()->centre() - (signature_left + (content_left + content_width)) / 2) < 1.0);

  check_secrecy_marks(form, "ลับ");
}

}  // namespace raingan::test

namespace raingan::test {

TEST_CASE(
    "official forms: an announcement's heading is centred, it is signed under ประกาศ ณ วันที่, and "
    "a document without a secrecy class carries no mark") {
  const Form form = build("announcement.xml", "announcement-school-merger.json");
  const auto& page = form.document.sections.front().page;
  const double content_left = page.margin_left;
  const double content_width = page.size.width - page.margin_left - page.margin_right;
  const double centre = content_left + content_width / 2;
  for (const char* head : {"ประกาศสำนักงานเขตพื้นที่การศึกษา", "เรื่อง การรวมโรงเรียนขนาดเล็ก"}) {
    const auto found = lines_starting(form, head);
    REQUIRE(found.size() == 1);
    CHECK(found.front()->page == 0);
    CHECK(std::abs(found.front()->centre() - centre) < 1.0);
  }
  const auto urgency = lines_starting(form, "ด่วนที่สุด");
  REQUIRE(urgency.size() == 1);
  CHECK(is_red(urgency.front()->color));
  CHECK(urgency.front()->size >= 32);

  const auto announced = lines_starting(form, "ประกาศ ณ วันที่ ๑๖ พฤศจิกายน ๒๕๖๙");
  const auto name = lines_starting(form, "(นายสมชาย ใจดี)");
  REQUIRE(announced.size() == 1);
  REQUIRE(name.size() == 1);
  CHECK(name.front()->page == announced.front()->page);
  CHECK(name.front()->page == form.pages.size() - 1);
  const double signature_left = content_left + units::cm(6.5);
  CHECK(std::abs(name.front()->centre() - (signature_left + content_left + content_width) / 2) < 1.0);
  // The signature page also holds body text above the date line.
  CHECK(lines_starting(form, "จึงประกาศให้ทราบโดยทั่วกัน").front()->page == announced.front()->page);

  for (const auto& line : form.lines) CHECK(line.text.rfind("ลับ", 0) != 0);
}

}  // namespace raingan::test

namespace raingan::test {

TEST_CASE(
    "official forms: a stamped letter has no signature, and room for the stamp and initials between "
    "the sending office and the date") {
  const Form form = build("stamped-letter.xml", "stamped-letter-survey-reminder.json");
  const auto& page = form.document.sections.front().page;
  const double content_left = page.margin_left;
  const double content_right = page.size.width - page.margin_right;
  for (const auto& line : form.lines) CHECK(line.text.rfind("(", 0) != 0);  // no (name) under a signature
  const auto number = lines_starting(form, "ที่ ศธ ๐๔๑๖๑/๓๘๗๕");
  REQUIRE(number.size() == 1);
  CHECK(std::abs(number.front()->left - content_left) < 1.0);
  const auto office = lines_starting(form, "สำนักงานเขตพื้นที่การศึกษาประถมศึกษา");
  const auto date = lines_starting(form, "๑๘ พฤศจิกายน ๒๕๖๙");
  REQUIRE(!office.empty());
  REQUIRE(date.size() == 1);
  const double block_centre = (content_left + units::cm(6.5) + content_right) / 2;
  CHECK(std::abs(office.back()->centre() - block_centre) < 1.0);
  CHECK(std::abs(date.front()->centre() - block_centre) < 1.0);
  CHECK(date.front()->page == office.back()->page);
  CHECK(date.front()->baseline - office.back()->baseline > units::cm(2.5));
  const auto urgency = lines_starting(form, "ด่วนมาก");
  REQUIRE(urgency.size() == 1);
  CHECK(urgency.front()->baseline < number.front()->baseline);
  CHECK(is_red(urgency.front()->color));
}

}  // namespace raingan::test

namespace raingan::test {

TEST_CASE(
    "official forms: minutes head centred, the participants' columns line up, every agenda item carries "
    "its resolution, and the recorder and the checker sign under the close time on the last page") {
  const Form form = build("minutes.xml", "minutes-action-plan-committee-2-2569.json");
  const auto& page = form.document.sections.front().page;
  const double content_left = page.margin_left;
  const double content_right = page.size.width - page.margin_right;
  const double centre = (content_left + content_right) / 2;

  for (const char* head : {"รายงานการประชุมคณะกรรมการจัดทำแผนปฏิบัติการ", "ครั้งที่ ๒/๒๕๖๙", "เมื่อวันที่ ๒๐ พฤศจิกายน ๒๕๖๙",
                           "ณ ห้องประชุมพุทธชินราช"}) {
    const auto found = lines_starting(form, head);
    REQUIRE_MESSAGE(found.size() == 1, head);
    CHECK(found.front()->page == 0);
    CHECK_MESSAGE(std::abs(found.front()->centre() - centre) < 1.0, head);
  }
  check_thai_digits_at_16pt(form);

  // ผู้มาประชุม, ผู้ไม่มาประชุม, ผู้เข้าร่วมประชุม: every name at one x, every role or reason at another, right
  // of the middle, whichever group and page it is on.
  std::vector<double> names, notes;
  for (const auto& line : form.lines) {
    for (const char* title : {"นาย", "นาง"})
      if (line.text.rfind(title, 0) == 0 && line.left > content_left + 10 && line.left < centre) {
        names.push_back(line.left);
        break;
      }
    for (const char* note : {"ประธานกรรมการ", "รองประธานกรรมการ", "กรรมการ", "กรรมการและเลขานุการ",
                             "กรรมการและผู้ช่วยเลขานุการ", "ติดราชการ", "ลาป่วย", "ผู้แทนผู้บริหารสถานศึกษา"})
      if (line.text == note) notes.push_back(line.left);
  }
  CHECK(names.size() == 12);  // 8 present, 2 absent, 2 attending
  CHECK(notes.size() == 11);  // one attending has no role
  REQUIRE(!names.empty());
  REQUIRE(!notes.empty());
  for (double x : names) CHECK(std::abs(x - names.front()) < 0.01);
  for (double x : notes) CHECK(std::abs(x - notes.front()) < 0.01);
  CHECK(notes.front() > centre);
  for (const char* group : {"ผู้มาประชุม", "ผู้ไม่มาประชุม", "ผู้เข้าร่วมประชุม"}) {
    const auto label = lines_starting(form, group);
    REQUIRE_MESSAGE(label.size() == 1, group);
    CHECK(std::abs(label.front()->left - content_left) < 1.0);
  }

  // The start time, agenda items ๑ to ๖ in order at the left margin, each with at least one มติที่ประชุม
  // before the next, and the close time after the last.
  const auto position = [&](const DrawnLine* line) { return line - form.lines.data(); };
  const auto started = lines_starting(form, "เริ่มประชุมเวลา ๐๙.๐๐ น.");
  const auto closed = lines_starting(form, "เลิกประชุมเวลา ๑๒.๐๐ น.");
  const auto items = lines_starting(form, "ระเบียบวาระที่ ");
  const auto resolutions = lines_starting(form, "มติที่ประชุม");
  REQUIRE(started.size() == 1);
  REQUIRE(closed.size() == 1);
  REQUIRE(items.size() == 6);
  REQUIRE(!resolutions.empty());
  const char* numbers[] = {"๑", "๒", "๓", "๔", "๕", "๖"};
  for (std::size_t k = 0; k < items.size(); ++k) {
    CHECK(items[k]->text.rfind(std::string("ระเบียบวาระที่ ") + numbers[k] + " เรื่อง", 0) == 0);
    CHECK(std::abs(items[k]->left - content_left) < 1.0);
    const auto end = k + 1 < items.size() ? position(items[k + 1]) : position(closed.front());
    int resolved = 0;
    for (const auto* r : resolutions)
      if (position(r) > position(items[k]) && position(r) < end) ++resolved;
    CHECK_MESSAGE(resolved >= 1, "agenda item " << k + 1 << " has no resolution");
  }
  CHECK(position(started.front()) < position(items.front()));
  CHECK(position(resolutions.back()) < position(closed.front()));
  CHECK(items[3]->text == "ระเบียบวาระที่ ๔ เรื่องเพื่อทราบ");

  // Both signatures, the recorder's above the checker's, centred on the block from 6.5 cm, on the last page
  // with the close time and the last resolution.
  const auto recorder = lines_starting(form, "(นางสาวกนกวรรณ บุญมา)");
  const auto checker = lines_starting(form, "(นางสาวสุมาลี ยอดยิ่ง)");
  const auto recorder_role = lines_starting(form, "ผู้จดรายงานการประชุม");
  const auto checker_role = lines_starting(form, "ผู้ตรวจรายงานการประชุม");
  REQUIRE(recorder.size() == 1);
  REQUIRE(checker.size() == 1);
  REQUIRE(recorder_role.size() == 1);
  REQUIRE(checker_role.size() == 1);
  const double block_centre = (content_left + units::cm(6.5) + content_right) / 2;
  for (const auto* line : {recorder.front(), checker.front(), recorder_role.front(), checker_role.front()}) {
    CHECK(line->page == form.pages.size() - 1);
    CHECK_MESSAGE(std::abs(line->centre() - block_centre) < 1.0, line->text);
  }
  CHECK(recorder.front()->baseline > closed.front()->baseline + 32);
  CHECK(recorder_role.front()->baseline > recorder.front()->baseline);
  CHECK(checker.front()->baseline > recorder_role.front()->baseline + 32);
  CHECK(checker_role.front()->baseline > checker.front()->baseline);
  CHECK(closed.front()->page == form.pages.size() - 1);
  CHECK(resolutions.back()->page == form.pages.size() - 1);

  for (const auto& line : form.lines) CHECK(line.text.rfind("ลับ", 0) != 0);
}

TEST_CASE("official forms: minutes given a secrecy class carry it at the top and the foot of every page") {
  std::string text = sample_dataset_text("minutes-action-plan-committee-2-2569.json");
  const auto kind = text.find("\"kind\": \"minutes\",");
  REQUIRE(kind != std::string::npos);
  text.insert(kind, "\"secrecy\": \"ลับมาก\", ");
  const Form form =
      read_lines(lay_out_dataset_text("minutes.xml", "minutes-action-plan-committee-2-2569.json", text));
  check_secrecy_marks(form, "ลับมาก");
}

TEST_CASE(
    "official forms: a certificate has ที่ at the left, หนังสือรับรอง centred, the body from "
    "หนังสือฉบับนี้ให้ไว้เพื่อรับรองว่า with a 2.5 cm indent, and is signed under ให้ไว้ ณ วันที่ on its page") {
  const Form form = build("certificate.xml", "certificate-teacher-employment.json");
  const auto& page = form.document.sections.front().page;
  const double content_left = page.margin_left;
  const double content_right = page.size.width - page.margin_right;
  const double centre = (content_left + content_right) / 2;
  CHECK(form.pages.size() == 1);
  check_thai_digits_at_16pt(form);

  const auto number = lines_starting(form, "ที่ ศธ ๐๔๑๖๑/๔๐๑๒");
  REQUIRE(number.size() == 1);
  CHECK(std::abs(number.front()->left - content_left) < 1.0);
  const auto office = lines_starting(form, "สำนักงานเขตพื้นที่การศึกษาประถมศึกษา");
  REQUIRE(!office.empty());
  CHECK(office.front()->left > centre - units::cm(2));
  CHECK(std::abs(office.front()->baseline - number.front()->baseline) < 0.01);

  std::vector<const DrawnLine*> title;
  for (const auto& line : form.lines)
    if (line.text == "หนังสือรับรอง") title.push_back(&line);
  REQUIRE(title.size() == 1);
  CHECK(std::abs(title.front()->centre() - centre) < 1.0);
  CHECK(title.front()->baseline > number.front()->baseline);

  const auto opening = lines_starting(form, "หนังสือฉบับนี้ให้ไว้เพื่อรับรองว่า นางสาวรัชนี แสงทอง");
  REQUIRE(opening.size() == 1);
  CHECK(opening.front()->baseline > title.front()->baseline);
  CHECK(std::abs(opening.front()->left - (content_left + units::cm(2.5))) < 1.0);

  const auto given = lines_starting(form, "ให้ไว้ ณ วันที่ ๒๔ พฤศจิกายน ๒๕๖๙");
  const auto name = lines_starting(form, "(นายสมชาย ใจดี)");
  const auto last_body = lines_starting(form, "ให้ไว้เพื่อใช้เป็นหลักฐาน");
  REQUIRE(given.size() == 1);
  REQUIRE(name.size() == 1);
  REQUIRE(last_body.size() == 1);
  CHECK(std::abs(given.front()->left - (content_left + units::cm(5.5))) < 1.0);
  CHECK(given.front()->baseline > last_body.front()->baseline);
  CHECK(name.front()->baseline > given.front()->baseline + 32);
  CHECK(name.front()->page == given.front()->page);
  CHECK(last_body.front()->page == given.front()->page);
  CHECK(std::abs(name.front()->centre() - (content_left + units::cm(6.5) + content_right) / 2) < 1.0);
}

TEST_CASE("official forms: header blocks set in layout tables are 16 pt like the body, labels aside") {
  // The header fields of the notices and memos stand in borderless tables; a template's table style (14 pt,
  // for its data tables) must not shrink them. Every glyph of the first page's header lines, up to the
  // salutation, is 16 pt, except a memo's 20 pt labels and its 29 pt title.
  const std::vector<std::pair<std::string, std::string>> samples = {
      {"transport-allocation-notice.xml", "transport-allowance-2569-2.json"},
      {"transport-budget-adjustment.xml", "transport-allowance-2569-2.json"},
      {"transport-allocation-memo.xml", "transport-allowance-2569-2.json"},
      {"memo.xml", "memo-work-standards.json"},
      {"letter.xml", "letter-transport-data-request.json"},
  };
  for (const auto& sample : samples) {
    const std::string& template_name = sample.first;
    const LaidOutSample laid = lay_out_sample(template_name, sample.second);
    REQUIRE(!laid.pages.empty());
    std::size_t checked = 0;
    for (const auto& item : laid.pages.front().frame.items) {
      const auto* line = std::get_if<layout::TextLine>(&item);
      if (!line || line->runs.empty()) continue;
      std::string text;
      for (const auto& span : line->spans) text += span.text;
      if (text.rfind("เรียน", 0) == 0) break;  // the header block ends at the salutation
      for (const auto& run : line->runs) {
        if (run.font_size == 20 || run.font_size == 29) continue;  // a memo's labels and title
        CHECK_MESSAGE(std::abs(run.font_size - 16) < 0.01,
                      template_name << ": \"" << text << "\" has text at " << run.font_size << " pt");
        ++checked;
      }
    }
    CHECK_MESSAGE(checked >= 3, template_name);
  }
}

TEST_CASE(
    "official forms: every line of the official documents and their attachments keeps the 3 cm left margin") {
  // ระเบียบงานสารบรรณ: left 3 cm, right 2 cm, the inspection report's attachment tables included.
  const std::vector<std::pair<std::string, std::string>> samples = {
      {"inspection-followup-report.xml", "inspection-followup-2569-1.json"},
      {"budget-allocation-notice.xml", "budget-allocation-2569.json"},
      {"memo.xml", "memo-work-standards.json"},
  };  // (portrait throughout; the transport notice's landscape attachment has margins of its own)
  for (const auto& sample : samples) {
    const std::string& template_name = sample.first;
    const Form form = build(template_name, sample.second);
    REQUIRE(!form.lines.empty());
    for (const auto& line : form.lines) {
      CHECK_MESSAGE(line.left >= units::cm(3) - 0.5, template_name << " p" << line.page + 1 << ": \""
                                                                   << line.text << "\" starts at "
                                                                   << line.left);
      CHECK_MESSAGE(line.right <= units::cm(21 - 2) + 0.5, template_name << " p" << line.page + 1 << ": \""
                                                                         << line.text << "\" ends at "
                                                                         << line.right);
    }
  }
}

TEST_CASE(
    "official forms: a centred title is centred though its style inherits the body's first-line indent") {
  // The attachment titles of the budget notice and the inspection report are centred headings in documents
  // whose body indents its first lines 2.5 cm; a centred line takes no indent.
  const std::vector<std::pair<std::string, std::pair<std::string, std::string>>> titles = {
      {"บัญชีจัดสรรงบประมาณ ปีงบประมาณ", {"budget-allocation-notice.xml", "budget-allocation-2569.json"}},
      {"รายงานผลการติดตามการดำเนินงาน", {"inspection-followup-report.xml", "inspection-followup-2569-1.json"}},
  };
  for (const auto& title : titles) {
    const Form form = build(title.second.first, title.second.second);
    const auto& page = form.document.sections.front().page;
    const double centre = page.margin_left + (page.size.width - page.margin_left - page.margin_right) / 2;
    const auto found = lines_starting(form, title.first);
    REQUIRE(!found.empty());
    CHECK_MESSAGE(
        std::abs(found.front()->centre() - centre) < 1.0,
        title.first << " is centred at " << found.front()->centre() << ", the text area at " << centre);
  }
}

}  // namespace raingan::test

namespace raingan::test {

TEST_CASE(
    "official forms: every signed form leaves one room to sign in, the same in letters, memos, notices, "
    "orders, announcements, certificates, reports and minutes") {
  struct Signed {
    const char* template_name;
    const char* dataset_name;
    const char* name_line;  // the signer's name in parentheses, under the room to sign
  };
  const Signed forms[] = {
      {"letter.xml", "letter-transport-data-request.json", "(นายสมชาย ใจดี)"},
      {"memo.xml", "memo-work-standards.json", "(นางสาวสุมาลี ยอดยิ่ง)"},
      {"transport-allocation-memo.xml", "transport-allowance-2569-2.json", "(นางสาวสุมาลี ยอดยิ่ง)"},
      {"transport-allocation-notice.xml", "transport-allowance-2569-2.json", "(นายสมชาย ใจดี)"},
      {"transport-budget-adjustment.xml", "transport-allowance-2569-2.json", "(นายสมชาย ใจดี)"},
      {"budget-allocation-notice.xml", "budget-allocation-2569.json", "(นายประเสริฐ ศรีสุวรรณ)"},
      {"inspection-followup-report.xml", "inspection-followup-2569-1.json", "(นางสาวสุมาลี ยอดยิ่ง)"},
      {"order.xml", "order-transport-committee.json", "(นายสมชาย ใจดี)"},
      {"announcement.xml", "announcement-school-merger.json", "(นายสมชาย ใจดี)"},
      {"certificate.xml", "certificate-teacher-employment.json", "(นายสมชาย ใจดี)"},
      {"minutes.xml", "minutes-action-plan-committee-2-2569.json", "(นางสาวสุมาลี ยอดยิ่ง)"},
  };
  std::vector<double> rooms;
  for (const auto& signed_form : forms) {
    const Form form = build(signed_form.template_name, signed_form.dataset_name);
    // The last line set from the signature column with the signer's name is the name under the room to sign;
    // the line nearest above it on that page is the closing or the last line of the text it signs.
    const auto& page = form.document.sections.front().page;
    const DrawnLine* name = nullptr;
    for (const auto& line : form.lines)
      if (line.text == signed_form.name_line && line.left > page.margin_left + units::cm(5)) name = &line;
    REQUIRE_MESSAGE(name != nullptr, signed_form.template_name);
    const DrawnLine* above = nullptr;
    for (const auto& line : form.lines)
      if (line.page == name->page && line.baseline < name->baseline - 1 &&
          (!above || line.baseline > above->baseline))
        above = &line;
    REQUIRE_MESSAGE(above != nullptr, signed_form.template_name);
    const double room = name->baseline - above->baseline;
    const std::string form_name = signed_form.template_name;
    INFO(form_name << ": " << room << " pt between \"" << above->text << "\" and the name");
    // Room for a handwritten signature: about two blank lines of the 16 pt body, as in the regulation's
    // examples.
    CHECK(room >= 60);
    rooms.push_back(room);
  }
  for (double room : rooms) CHECK(std::abs(room - rooms.front()) < 0.5);
}

}  // namespace raingan::test

namespace raingan::test {

TEST_CASE(
    "official forms: orders, announcements and minutes carry the continuation cue on each page but the "
    "last, quoting words, not a bare item number") {
  struct Sample {
    const char* template_name;
    const char* dataset_name;
  };
  for (const Sample sample : {Sample{"order.xml", "order-transport-committee.json"},
                              Sample{"announcement.xml", "announcement-school-merger.json"},
                              Sample{"minutes.xml", "minutes-action-plan-committee-2-2569.json"}}) {
    const Form form = build(sample.template_name, sample.dataset_name);
    const std::string name = sample.template_name;
    REQUIRE_MESSAGE(form.pages.size() >= 2, name);
    const auto& page = form.document.sections.front().page;
    const double content_bottom = page.size.height - page.margin_bottom;
    for (std::size_t p = 0; p < form.pages.size(); ++p) {
      std::vector<std::string> cues;
      for (const auto& line : form.lines)
        if (line.page == p && line.baseline > content_bottom && line.text.starts_with("/") &&
            line.text.ends_with("..."))
          cues.push_back(line.text);
      if (p + 1 == form.pages.size()) {
        CHECK_MESSAGE(cues.empty(), name << ": the last page has a cue");
        continue;
      }
      REQUIRE_MESSAGE(cues.size() == 1, name << " page " << p + 1 << " has " << cues.size() << " cues");
      // A Thai letter besides the number: "/๘. นางสาว...", not "/๘....".
      bool has_letter = false;
      for (std::size_t i = 0; i + 2 < cues.front().size(); ++i) {
        const auto b1 = static_cast<unsigned char>(cues.front()[i + 1]),
                   b2 = static_cast<unsigned char>(cues.front()[i + 2]);
        // U+0E01..U+0E2E: E0 B8 81 .. E0 B8 AE
        if (static_cast<unsigned char>(cues.front()[i]) == 0xE0 && b1 == 0xB8 && b2 >= 0x81 && b2 <= 0xAE)
          has_letter = true;
      }
      CHECK_MESSAGE(has_letter, name << " page " << p + 1 << ": " << cues.front());
    }
  }
}

}  // namespace raingan::test

namespace raingan::test {

TEST_CASE(
    "official forms: letters, notices and certificates set the sending office in one column, its address "
    "ending with the province and postcode on one line") {
  struct Sample {
    const char* template_name;
    const char* dataset_name;
    const char* province;  // the address's last line starts with the district and ends with this
  };
  const Sample samples[] = {
      {"letter.xml", "letter-transport-data-request.json", "จังหวัดพิษณุโลก ๖๕๑๓๐"},
      {"transport-allocation-notice.xml", "transport-allowance-2569-2.json", "จังหวัดพิษณุโลก ๖๕๑๓๐"},
      {"transport-budget-adjustment.xml", "transport-allowance-2569-2.json", "จังหวัดพิษณุโลก ๖๕๑๓๐"},
      {"budget-allocation-notice.xml", "budget-allocation-2569.json", "จังหวัดขอนแก่น ๔๐๑๓๐"},
      {"certificate.xml", "certificate-teacher-employment.json", "จังหวัดพิษณุโลก ๖๕๑๓๐"},
  };
  std::vector<double> office_lefts;
  for (const auto& sample : samples) {
    const Form form = build(sample.template_name, sample.dataset_name);
    const std::string name = sample.template_name;
    const auto office = lines_starting(form, "สำนักงานเขตพื้นที่การศึกษาประถมศึกษา");
    REQUIRE_MESSAGE(!office.empty(), name);
    CHECK_MESSAGE(office.front()->page == 0, name);
    office_lefts.push_back(office.front()->left);
    // The district, the province and the postcode on one line, as the address is written.
    const auto district = lines_starting(form, "อำเภอ");
    REQUIRE_MESSAGE(!district.empty(), name);
    CHECK_MESSAGE(district.front()->text.ends_with(sample.province), name << ": " << district.front()->text);
    CHECK_MESSAGE(std::abs(district.front()->left - office.front()->left) < 0.5, name);
  }
  for (double left : office_lefts) CHECK(std::abs(left - office_lefts.front()) < 0.5);
}

}  // namespace raingan::test
