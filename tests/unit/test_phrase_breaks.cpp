// Phrase-aware line breaking: the spans a line must not end inside (names, dates, numbers with their unit,
// document numbers), the costs a reader would give each break (compounds, particles), and paragraphs of the
// sample datasets laid out at many widths without a line ending inside a span.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/units.h"
#include "dataset/json_reader.h"
#include "document/image_source.h"
#include "layout/diagram_text.h"
#include "layout/inline_breaking.h"
#include "layout/inline_content.h"
#include "templating/document_binder.h"
#include "templating/template_file.h"
#include "text/compound_words.h"
#include "text/phrase_breaks.h"
#include "text_test_support.h"

using namespace raingan;

namespace {

struct Breaks {
  std::string text;
  text::CodePoints code_points;
  std::vector<std::uint8_t> flags;
  std::vector<text::ProtectedSpan> spans;

  explicit Breaks(std::string t, std::span<const text::ByteRange> keep_whole = {}) : text(std::move(t)) {
    static text::PhraseBreakFinder finder;
    code_points.assign(text);
    finder.find(text, code_points, flags, keep_whole);
    spans = finder.spans();
  }
  std::string span_text(const text::ProtectedSpan& span) const {
    const auto begin = code_points.byte_offset(span.begin), end = code_points.byte_offset(span.end);
    return text.substr(begin, end - begin);
  }
  std::vector<std::string> span_texts() const {
    std::vector<std::string> out;
    for (const auto& span : spans) out.push_back(span_text(span));
    return out;
  }
  // The flags at the byte offset where `before` ends, `before` being the first occurrence of it.
  std::uint8_t after(const std::string& before) const {
    const auto at = text.find(before);
    REQUIRE(at != std::string::npos);
    return flags[at + before.size()];
  }
  // No allowed break strictly inside any span.
  bool spans_hold() const {
    for (const auto& span : spans)
      for (std::size_t i = span.begin + 1; i < span.end; ++i)
        if (flags[code_points.byte_offset(i)] & text::break_allowed) return false;
    return true;
  }
};

bool has(const std::vector<std::string>& list, const std::string& item) {
  return std::find(list.begin(), list.end(), item) != list.end();
}

// The byte offsets where each line but the last ends, the paragraph laid out at every width from `from_cm`
// to `to_cm` in steps of `step_cm`.
std::vector<std::vector<std::size_t>> line_ends_at_widths(const std::string& paragraph, layout::Align align,
                                                          double from_cm, double to_cm, double step_cm) {
  std::vector<std::vector<std::size_t>> out;
  for (double cm = from_cm; cm <= to_cm + 1e-9; cm += step_cm) {
    const auto laid = test::lay_out(paragraph, units::cm(cm), align);
    auto& ends = out.emplace_back();
    for (std::size_t k = 0; k + 1 < laid.lines.size(); ++k) ends.push_back(laid.lines[k].text_end);
  }
  return out;
}

// Every eighth string of the sample datasets long enough to be a paragraph (some 200: enough variety, quick).
std::vector<std::string> sample_paragraphs() {
  std::vector<std::string> out;
  const std::filesystem::path folder = std::filesystem::path(RAINGAN_SOURCE_DIR) / "datasets";
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(folder))
    if (entry.path().extension() == ".json" && entry.path().filename() != "manifest.json")
      files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  std::size_t seen = 0;
  auto walk = [&](auto&& self, const nlohmann::json& value) -> void {
    if (value.is_string()) {
      const auto& s = value.get_ref<const std::string&>();
      if (s.size() >= 90 && s.find("\xE0\xB8") != std::string::npos && seen++ % 8 == 0) out.push_back(s);
    } else if (value.is_structured()) {
      for (const auto& item : value) self(self, item);
    }
  };
  for (const auto& file : files) {
    std::ifstream in(file);
    walk(walk, nlohmann::json::parse(in));
  }
  return out;
}

}  // namespace

TEST_CASE("phrase breaks: compounds are asked of libthai's dictionary and hunspell-th's word list") {
  const auto trie = text::CompoundWords::system_file();
  const auto word_list = text::CompoundWords::system_word_list();
  REQUIRE(trie);       // libthai-data
  REQUIRE(word_list);  // hunspell-th, installed by scripts/install-deps
  const text::CompoundWords libthai_only(*trie);
  CHECK(libthai_only.contains(U"ปฏิบัติการ"));
  CHECK(libthai_only.contains(U"นายอำเภอ"));
  CHECK_FALSE(libthai_only.contains(U"ดำเนินการ"));  // why the word list is asked too
  CHECK_FALSE(libthai_only.contains(U"ปฏิบัติการณ"));

  const auto& words = text::CompoundWords::shared();
  for (const auto* word :
       {U"ปฏิบัติการ", U"ดำเนินการ", U"ปฏิบัติงาน", U"ผู้อำนวยการ", U"ปีการศึกษา", U"ขนาดเล็ก", U"ระยะทาง"})
    CHECK(words.contains(word));
  CHECK_FALSE(words.contains(U"ปฏิบัติการณ"));
  CHECK_FALSE(words.contains(U"hello"));
  CHECK(text::CompoundWords("/nonexistent/thbrk.tri", "/nonexistent/th_TH.dic").empty());

  // A word list of the hunspell form: count, words, flags after '/'; what is not Thai is left out.
  const auto list = std::filesystem::temp_directory_path() / "raingan-test-th.dic";
  {
    std::ofstream out(list);
    out << "3\nขนาดเล็ก/A\nhello\nก\n";
  }
  const text::CompoundWords from_list({}, list);
  std::filesystem::remove(list);
  CHECK(from_list.contains(U"ขนาดเล็ก"));
  CHECK_FALSE(from_list.contains(U"hello"));
  CHECK_FALSE(from_list.empty());
}

TEST_CASE("phrase breaks: the dictionaries walked from each start find the words asked for span by span") {
  // word_lengths is what marking compounds asks, in place of contains over every span of a run: the two must
  // agree on every span of the samples' Thai text, with each dictionary alone and with both.
  const auto trie = text::CompoundWords::system_file();
  const auto word_list = text::CompoundWords::system_word_list();
  REQUIRE(trie);
  REQUIRE(word_list);
  const text::CompoundWords libthai_only(*trie), list_only({}, *word_list);
  const std::array<const text::CompoundWords*, 3> dictionaries = {&libthai_only, &list_only,
                                                                  &text::CompoundWords::shared()};
  std::size_t spans = 0, words = 0;
  std::vector<std::uint32_t> lengths;
  for (const auto& paragraph : sample_paragraphs()) {
    text::CodePoints code_points;
    code_points.assign(paragraph);
    const std::u32string text(code_points.values().begin(), code_points.values().end());
    for (const auto* dictionary : dictionaries) {
      dictionary->word_lengths(text, lengths);
      REQUIRE(lengths.size() == text.size());
      for (std::size_t p = 0; p < text.size(); ++p)
        for (std::size_t n = 1; n <= text::CompoundWords::longest() && p + n <= text.size(); ++n) {
          const bool walked = ((lengths[p] >> n) & 1u) != 0;
          const bool asked = dictionary->contains(std::u32string_view(text).substr(p, n));
          ++spans;
          words += asked ? 1 : 0;
          if (walked != asked) CHECK(walked == asked);
        }
    }
  }
  CHECK(spans > 100000);
  CHECK(words > 1000);
}

TEST_CASE("phrase breaks: lines do not end inside the compounds of official prose") {
  // ดำเนิน|การ, ผู้|อำนวยการ, ปี|การศึกษา, ระยะ|ทาง: every segmenter boundary inside them is a costly break.
  const Breaks b("โรงเรียนขนาดเล็กดำเนินการตามระยะทางที่ผู้อำนวยการกำหนดในปีการศึกษา");
  for (const auto* inside : {"โรงเรียนขนาด", "ดำเนิน", "ระยะ", "ผู้", "ผู้อำนวย", "ในปี", "ปีการ"}) {
    const std::uint8_t f = b.after(inside);
    const bool cheap =
        (f & text::break_allowed) && !(f & (text::break_in_compound | text::break_after_particle));
    CHECK_MESSAGE(!cheap, inside);
  }
  for (const auto* inside : {"ดำเนิน", "ระยะ", "ผู้อำนวย"})
    CHECK_MESSAGE((b.after(inside) & text::break_in_compound) != 0, inside);

  // The segmenters join การกลุ่ม, which neither knows: ผู้อำนวยการ is still found, ending inside that segment
  // where the rest (กลุ่ม) is a word too.
  const Breaks joined("งานที่ผู้อำนวยการกลุ่มมอบหมาย");
  CHECK((joined.after("งานที่ผู้") & text::break_in_compound) != 0);
}

TEST_CASE("phrase breaks: a flowchart box's balanced lines do not split a compound to look even") {
  // Balancing narrows a box while its line count holds; it may not buy evenness with ผู้|อำนวยการ. (Boxes
  // narrower than some 4 cm at 14 pt can still split it: their lines are filled one after another.)
  const std::string label = "รับหนังสือราชการ/งานที่ผู้อำนวยการกลุ่มมอบหมาย";
  const Breaks b(label);
  layout::ParagraphLayouter paragraphs(test::shared_fonts());
  layout::DiagramText text(paragraphs);
  document::InlineStyle style;
  style.font.size = 14;
  for (const double cm : {4.5, 5.0, 5.5, 6.0, 7.0}) {
    const auto box = text.fit(label, style, units::cm(cm));
    REQUIRE(box.lines.size() >= 2);
    for (std::size_t k = 0; k + 1 < box.lines.size(); ++k)
      CHECK_MESSAGE((b.flags[box.lines[k].text_end] & text::break_in_compound) == 0, cm, " cm: ",
                    label.substr(box.lines[k].text_begin, box.lines[k].text_end - box.lines[k].text_begin),
                    "|", label.substr(box.lines[k].text_end));
  }
}

TEST_CASE("phrase breaks: names, numbers with units, dates and document numbers are spans") {
  const Breaks b(
      "เรียน นายสมชาย ใจดี และนางสาวพิมพ์ชนก ศรีสุข ผู้เข้าร่วม (๗ คน) ระยะทาง ๓–๑๐ กิโลเมตร ตามหนังสือที่ ศธ "
      "๐๔๐๐๙/ว ๕๑๒๐ ลงวันที่ ๑๐ ธันวาคม ๒๕๖๘ ค่าเฉลี่ย (x̄ = ๔.๕๖) ว่าที่ ร.ต. ธนพล แก้วมณี จำนวน ๒๐๐ วัน "
      "ปีการศึกษา ๒๕๖๘ เมื่อเดือนมกราคม ๒๕๖๙ ทักษะในศตวรรษที่ ๒๑ สพป.พิษณุโลก เขต ๒");
  const auto spans = b.span_texts();
  CHECK(has(spans, "นายสมชาย ใจดี"));
  CHECK(has(spans, "นางสาวพิมพ์ชนก ศรีสุข"));
  CHECK(has(spans, "(๗ คน)"));
  CHECK(has(spans, "๓–๑๐ กิโลเมตร"));
  CHECK(has(spans, "ที่ ศธ ๐๔๐๐๙/ว ๕๑๒๐"));
  CHECK(has(spans, "ลงวันที่ ๑๐ ธันวาคม ๒๕๖๘"));
  CHECK(has(spans, "(x̄ = ๔.๕๖)"));
  CHECK(has(spans, "ว่าที่ ร.ต. ธนพล แก้วมณี"));
  CHECK(has(spans, "จำนวน ๒๐๐ วัน"));
  CHECK(has(spans, "ปีการศึกษา ๒๕๖๘"));
  CHECK(has(spans, "มกราคม ๒๕๖๙"));
  const Breaks era("หลักสูตรการศึกษาปฐมวัย พุทธศักราช ๒๕๖๐ และ พ.ศ. ๒๕๖๘");
  CHECK(has(era.span_texts(), "พุทธศักราช ๒๕๖๐"));  // an era written out keeps its year as พ.ศ. does
  CHECK(has(spans, "ศตวรรษที่ ๒๑"));                // an ordinal with the noun it is written onto
  CHECK(has(spans, "พิษณุโลก เขต ๒"));              // an area office's number with the name it belongs to
  CHECK(b.spans_hold());
  // The name is the word before เขต: in a long run of words only its last one joins the span.
  const Breaks office("ผู้อำนวยการสำนักงานเขตพื้นที่การศึกษาประถมศึกษาขอนแก่น เขต ๕ และในเขต ๒ แห่ง");
  const auto office_spans = office.span_texts();
  CHECK(has(office_spans, "ขอนแก่น เขต ๕"));
  CHECK((office.after("ประถมศึกษา") & text::break_allowed));
  CHECK(has(office_spans, "เขต ๒ แห่ง"));
  // Inside a span a line may end only as an emergency, at the span's own space.
  CHECK(
      (b.after("นายสมชาย ") & (text::break_emergency | text::break_span_space | text::break_in_protected)) ==
      (text::break_emergency | text::break_span_space | text::break_in_protected));
}

TEST_CASE(
    "phrase breaks: a number keeps its classifier, a telephone number its groups, a deadline its date") {
  const Breaks b(
      "อย่างน้อย ๑ เครือข่าย คุณธรรม ๑๒ ประการ ในรอบ ๓-๕ ปีย้อนหลัง ชั้นประถมศึกษาปีที่ ๑ โทร. ๐ ๕๕๒๖ ๗๐๐๐ "
      "ต่อ ๑๐๕ ส่งคืนภายในวันที่ ๒๗ พฤศจิกายน ๒๕๖๙ ขอให้ ไม่เกิน ๓ กิโลเมตร คนละ ๑๐ บาทต่อวัน "
      "ประกาศ ณ วันที่ ๒๒ พฤศจิกายน ๒๕๖๐ กลุ่ม หน้า ๑๓ วันที่ ๒๙ พฤศจิกายน ๒๕๖๐ อำเภอวังทอง จังหวัดพิษณุโลก ๖๕๑๓๐");
  const auto spans = b.span_texts();
  CHECK(has(spans, "๑ เครือข่าย"));
  CHECK(has(spans, "๑๒ ประการ"));
  CHECK(has(spans, "รอบ ๓-๕ ปี"));  // a period with the word that makes it one
  CHECK(has(spans, "ปีที่ ๑"));
  CHECK(has(spans, "โทร. ๐ ๕๕๒๖ ๗๐๐๐ ต่อ ๑๐๕"));
  CHECK(has(spans, "ภายในวันที่ ๒๗ พฤศจิกายน ๒๕๖๙"));
  CHECK(has(spans, "คนละ ๑๐ บาท"));        // บาทต่อวัน: a unit per another
  CHECK(has(spans, "จังหวัดพิษณุโลก ๖๕๑๓๐"));  // a postcode ending an address stays with its province
  // In running prose the pair is not kept (the province's name is, alone): it would only loosen the lines
  // around it.
  const Breaks prose("ตั้งอยู่อำเภอชุมแพ จังหวัดขอนแก่น ๔๐๑๓๐ มีสถานศึกษาในสังกัด ๑๑๘ แห่ง");
  for (const auto& span : prose.span_texts()) CHECK(span.find("ขอนแก่น ๔๐๑๓๐") == std::string::npos);
  CHECK(b.spans_hold());
  // A year ends its date: the word after it may start a line (กลุ่ม, a unit after a number, too); a page
  // number is no day's count (หน้า ๑๓ วันที่ …).
  CHECK((b.after("๒๕๖๙ ") & text::break_allowed));
  CHECK((b.after("พฤศจิกายน ๒๕๖๐ ") & text::break_allowed));
  CHECK(has(spans, "หน้า ๑๓"));
  CHECK((b.after("หน้า ๑๓ ") & text::break_allowed));
}

TEST_CASE(
    "phrase breaks: a compound that starts inside a segment, and a hyphenated word, are costly inside") {
  if (text::CompoundWords::shared().empty()) return;
  // ทาง + การศึกษา, ตาม + พระราชบัญญัติ: the segmenters join ทางการ and ตามพระ, the compound starts inside.
  const Breaks b("ความเท่าเทียมทางการศึกษา งบประมาณตามพระราชบัญญัติ แผนพัฒนาการศึกษา ตามคำสั่งฯ");
  for (const char* before : {"ทางการ", "ตามพระ", "แผนพัฒนาการ", "ตามคำ"}) {
    const std::uint8_t at = b.after(before);
    CHECK_MESSAGE((!(at & text::break_allowed) || (at & text::break_in_compound)), before);
  }
  const Breaks hyphen("ค่าพาหนะรับ-ส่งนักเรียน ผลการทดสอบ O-NET ระดับชาติ");
  CHECK((hyphen.after("รับ-") & text::break_in_compound));
  CHECK((hyphen.after("O-") & text::break_in_compound));
  // Laid out at many widths, no line ends after the hyphen of รับ-ส่ง.
  const std::string sentence = "ขอแจ้งการจัดสรรงบประมาณรายการค่าพาหนะรับ-ส่งนักเรียน ปีการศึกษา ๒๕๖๙ ให้โรงเรียนหลักทราบ";
  for (double cm = 6; cm <= 14; cm += 0.25) {
    const auto laid = test::lay_out(sentence, units::cm(cm), layout::Align::justify);
    for (std::size_t k = 0; k + 1 < laid.lines.size(); ++k) {
      const std::string line = test::extracted(laid.lines[k]);
      CHECK_MESSAGE(!line.ends_with("-"), cm, " cm: ", line);
    }
  }
}

TEST_CASE("phrase breaks: a position may break before its rank, never inside it") {
  const Breaks b("นักวิเคราะห์นโยบายและแผนชำนาญการพิเศษ ครูชำนาญการ");
  const auto spans = b.span_texts();
  CHECK(has(spans, "ชำนาญการพิเศษ"));
  CHECK(has(spans, "ชำนาญการ"));
  CHECK(b.spans_hold());
  CHECK((b.after("นักวิเคราะห์นโยบายและแผน") & text::break_allowed) != 0);
  // In columns as narrow as the order's positions the rank stays whole on the last line.
  const std::string position = "นักวิเคราะห์นโยบายและแผนชำนาญการพิเศษ";
  for (const double cm : {5.0, 6.0, 7.0, 8.0}) {
    const auto laid = test::lay_out(position, units::cm(cm), layout::Align::left);
    REQUIRE(laid.lines.size() >= 2);
    CHECK_MESSAGE(test::extracted(laid.lines.back()).find("ชำนาญการพิเศษ") != std::string::npos, cm,
                  " cm: ", test::extracted(laid.lines[0]), "|", test::extracted(laid.lines[1]));
  }
}

TEST_CASE("phrase breaks: a title is a title only when it is a whole word") {
  const Breaks prime("นายกรัฐมนตรี มอบนโยบาย แก่ผู้บริหาร");
  for (const auto& span : prime.span_texts()) CHECK(span.rfind("นายก", 0) != 0);
  const Breaks district("นายอำเภอเมือง เปิดงาน วันนี้");
  CHECK(district.spans.empty());
  const Breaks doctor("ผศ.ดร.สมหญิง รักเรียน บรรยาย");
  CHECK(has(doctor.span_texts(), "ผศ.ดร.สมหญิง รักเรียน"));
}

TEST_CASE("phrase breaks: compounds and particles are marked costly") {
  if (text::CompoundWords::shared().empty()) return;
  const Breaks b("ผู้อำนวยการโรงเรียนจัดทำแผนปฏิบัติการในปีการศึกษานี้เพื่อพัฒนาโรงเรียนขนาดเล็ก");
  CHECK((b.after("ผู้") & text::break_allowed));
  CHECK((b.after("ผู้") & text::break_after_particle));
  // ปฏิบัติการ is one word to libthai: a break inside it, if offered at all, is a compound's.
  const std::uint8_t inside = b.after("แผนปฏิบัติ");
  CHECK((!(inside & text::break_allowed) || (inside & text::break_in_compound)));
  CHECK((b.after("แผนปฏิบัติการใน") & text::break_after_particle));
  CHECK((b.after("เพื่อ") & text::break_after_particle));
  // Between whole words no mark: the break is a plain boundary inside the phrase.
  const std::uint8_t between = b.after("ผู้อำนวยการโรงเรียน");
  CHECK((between & text::break_allowed));
  CHECK_FALSE((between & (text::break_in_compound | text::break_after_particle)));
}

TEST_CASE("phrase breaks: kept-whole ranges are protected like the spans found") {
  const std::string text = "ขอเชิญประชุมคณะกรรมการพิจารณาผลงานวิชาการ ณ ห้องประชุม";
  const auto end = static_cast<std::uint32_t>(text.find(" ณ"));
  const text::ByteRange whole{0, end};
  const Breaks b(text, std::span(&whole, 1));
  REQUIRE(b.spans.size() == 1);
  CHECK(b.span_text(b.spans[0]) == text.substr(0, end));
  CHECK(b.spans_hold());
}

TEST_CASE("phrase breaks: sample paragraphs at every width never end a line inside a span") {
  const auto paragraphs = sample_paragraphs();
  REQUIRE(paragraphs.size() > 100);
  const std::vector<std::string> names = {
      "เรื่อง ขอความอนุเคราะห์ข้อมูล ตามหนังสือที่ ศธ ๐๔๐๐๙/ว ๕๑๒๐ ลงวันที่ ๑๐ ธันวาคม ๒๕๖๘ "
      "ผู้อำนวยการโรงเรียนบ้านหนองบัว นายประเสริฐ ศรีบุญเรือง มอบหมายให้ว่าที่ ร.ต. ธนพล แก้วมณี "
      "จัดนักเรียน (๗ คน) เดินทางระยะทาง ๓–๑๐ กิโลเมตร เป็นเวลา ๒๐๐ วัน ค่าเฉลี่ย (x̄ = ๔.๕๖) "
      "งบประมาณ ๑๕,๐๐๐ บาท ปีการศึกษา ๒๕๖๘"};
  std::size_t checked = 0;
  for (const auto* list : {&names, &paragraphs}) {
    for (const auto& paragraph : *list) {
      const Breaks b(paragraph);
      for (const double cm : {5.5, 9.5, 13.5}) {
        for (const auto align : {layout::Align::justify, layout::Align::left}) {
          const auto laid = test::lay_out(paragraph, units::cm(cm), align);
          for (const auto& line : laid.lines) {
            ++checked;
            const auto end = line.text_end;
            if (end >= paragraph.size()) continue;
            // A span narrower than the line is never broken; a wider one says so.
            const bool inside = b.flags[end] & text::break_in_protected;
            INFO(paragraph.substr(line.text_begin, end - line.text_begin + 30), " at ", cm, " cm");
            CHECK(inside == !line.broken_span.empty());
            if (inside) CHECK(cm < 6.0);  // only names wider than a very narrow column
          }
        }
      }
    }
  }
  CHECK(checked > 1000);
}

TEST_CASE("phrase breaks: a span wider than the line breaks at its space and says so") {
  const std::string name = "ผู้ช่วยศาสตราจารย์ ดร.สมชาย ประเสริฐวงศ์สกุลไทย";
  const Breaks b(name + " เป็นประธาน");
  REQUIRE(b.span_texts().size() == 1);
  CHECK(b.span_texts()[0] == name);
  const auto laid = test::lay_out(name + " เป็นประธาน", units::cm(5), layout::Align::justify);
  REQUIRE(laid.lines.size() >= 2);
  CHECK(test::extracted(laid.lines[0]) == "ผู้ช่วยศาสตราจารย์");
  CHECK(laid.lines[0].broken_span == "ผู้ช่วยศาสตราจารย์ |ดร.สมชาย ประเสริฐวงศ์สกุลไทย");
  const auto left = test::lay_out(name + " เป็นประธาน", units::cm(5), layout::Align::left);
  CHECK(test::extracted(left.lines[0]) == "ผู้ช่วยศาสตราจารย์");
  CHECK_FALSE(left.lines[0].broken_span.empty());
}

TEST_CASE("phrase breaks: lines seldom end at costly breaks though many are offered") {
  const auto paragraphs = sample_paragraphs();
  std::size_t offered = 0, costly_offered = 0, ends = 0, costly_ends = 0, space_ends = 0;
  for (const auto& paragraph : paragraphs) {
    const Breaks b(paragraph);
    for (std::size_t q = 1; q < paragraph.size(); ++q) {
      if (!(b.flags[q] & text::break_allowed) || paragraph[q - 1] == ' ') continue;
      ++offered;
      if (b.flags[q] & (text::break_in_compound | text::break_after_particle)) ++costly_offered;
    }
    for (const double cm : {10.0, 14.0}) {
      for (const auto align : {layout::Align::justify, layout::Align::left}) {
        const auto laid = test::lay_out(paragraph, units::cm(cm), align);
        for (std::size_t k = 0; k + 1 < laid.lines.size(); ++k) {
          const auto end = laid.lines[k].text_end;
          if (end >= paragraph.size()) continue;
          ++ends;
          if (paragraph[end - 1] == ' ') ++space_ends;
          if (b.flags[end] & (text::break_in_compound | text::break_after_particle)) ++costly_ends;
        }
      }
    }
  }
  REQUIRE(ends > 500);
  const double offered_share = static_cast<double>(costly_offered) / static_cast<double>(offered);
  const double ended_share = static_cast<double>(costly_ends) / static_cast<double>(ends - space_ends);
  MESSAGE("costly breaks: ", costly_offered, " of ", offered, " offered, ", costly_ends, " of ",
          ends - space_ends, " line ends between words (", space_ends, " of ", ends, " ends at spaces)");
  if (!text::CompoundWords::shared().empty())
    CHECK(ended_share < 0.7 * offered_share);  // equal costs would give about the same share
}

TEST_CASE("phrase breaks: <nobreak> keeps its text on one line") {
  const auto file = templating::parse_template(
      "<document><p>ขอเชิญ <nobreak>คณะกรรมการพิจารณา</nobreak> และ <b>ผู้แทน</b><nobreak> "
      "ครู</nobreak></p></document>",
      "t.xml");
  const auto data = dataset::read_json_text("{}", "d.json");
  document::ImageSource images;
  const auto bound = templating::bind_document(file, data, templating::BindOptions{}, images);
  const auto& body = bound.document.sections.at(0).body;
  REQUIRE(body.size() == 1);
  const auto& paragraph = std::get<document::Paragraph>(body[0].node);
  std::vector<std::pair<std::string, bool>> pieces;
  for (const auto& piece : paragraph.content)
    if (const auto* text = std::get_if<document::TextInline>(&piece))
      pieces.emplace_back(text->text, text->keep_whole);
  REQUIRE(pieces.size() == 5);
  CHECK(pieces[0] == std::pair<std::string, bool>{"ขอเชิญ ", false});
  CHECK(pieces[1] == std::pair<std::string, bool>{"คณะกรรมการพิจารณา", true});
  CHECK(pieces[4].second);

  // Laid out in a column that would otherwise break inside it, the kept text stays on one line.
  std::vector<layout::Inline> inlines;
  for (const auto& piece : paragraph.content) inlines.emplace_back(std::get<document::TextInline>(piece));
  layout::ParagraphStyle style;
  bool kept_somewhere = false;
  for (double cm = 2.5; cm <= 6.001; cm += 0.25) {
    const auto laid = layout::layout_paragraph(inlines, style, units::cm(cm), test::shared_fonts());
    bool broken = false;
    for (const auto& line : laid.lines) broken = broken || !line.broken_span.empty();
    for (const auto& line : laid.lines) {
      if (broken) break;  // the kept text alone is wider than this column
      const auto text = test::extracted(line);
      const bool starts = text.find("คณะ") != std::string::npos,
                 ends = text.find("พิจารณา") != std::string::npos;
      if (starts || ends) {
        CHECK(starts == ends);
        kept_somewhere = kept_somewhere || (starts && ends);
      }
    }
  }
  CHECK(kept_somewhere);
}

TEST_CASE("phrase breaks: a paragraph's last line is seldom a runt") {
  // A last line under a sixth of the width (ท่าน or นั้น alone) costs like a line stretched to its limit, so
  // the lines before it carry a word or two down where they can. Sample paragraphs at two widths: about one
  // in eight ended in a runt without the rule (39 of 307), one in ten with it (31 of 308, most of them a
  // two-line paragraph whose tail is a kept span: ๑ เครือข่าย ขึ้นไป, ศตวรรษที่ ๒๑).
  const auto paragraphs = sample_paragraphs();
  std::size_t laid_out = 0, runts = 0;
  for (const auto& paragraph : paragraphs)
    for (const double cm : {10.0, 14.0}) {
      const auto laid = test::lay_out(paragraph, units::cm(cm), layout::Align::justify);
      if (laid.lines.size() < 2) continue;
      ++laid_out;
      if (laid.lines.back().width < units::cm(cm) / 6) ++runts;
    }
  REQUIRE(laid_out > 200);
  MESSAGE(runts, " of ", laid_out, " paragraphs end in a runt");
  CHECK(runts * 9 < laid_out);
}

TEST_CASE("phrase breaks: a formatter's date or amount is kept whole, other printed values are not") {
  // date_short's "๒๒ พ.ย. ๖๙" has a two-digit year, which the spans found in text do not cover; the
  // formatter's output is kept whole as <nobreak> would keep it.
  const auto file = templating::parse_template(
      "<document><p>ขอให้ส่งภายใน {{ due | date_short }} จำนวน {{ amount | money }} โดย {{ who "
      "}}</p></document>",
      "t.xml");
  const auto data = dataset::read_json_text(
      R"({"due": "2026-11-22", "amount": 1234.5, "who": "กลุ่มนโยบายและแผน"})", "d.json");
  document::ImageSource images;
  const auto bound = templating::bind_document(file, data, templating::BindOptions{}, images);
  const auto& paragraph = std::get<document::Paragraph>(bound.document.sections.at(0).body.at(0).node);
  std::vector<std::pair<std::string, bool>> pieces;
  for (const auto& piece : paragraph.content)
    if (const auto* text = std::get_if<document::TextInline>(&piece))
      pieces.emplace_back(text->text, text->keep_whole);
  REQUIRE(pieces.size() == 5);
  CHECK(pieces[1] == std::pair<std::string, bool>{"๒๒ พ.ย. ๖๙", true});
  CHECK(pieces[3].second);  // the amount
  CHECK_FALSE(pieces[4].second);  // " โดย กลุ่มนโยบายและแผน": template text and a plain value

  std::vector<layout::Inline> inlines;
  for (const auto& piece : paragraph.content) inlines.emplace_back(std::get<document::TextInline>(piece));
  layout::ParagraphStyle style;
  for (double cm = 3.0; cm <= 8.001; cm += 0.25) {
    const auto laid = layout::layout_paragraph(inlines, style, units::cm(cm), test::shared_fonts());
    for (const auto& line : laid.lines) {
      const auto text = test::extracted(line);
      CHECK_MESSAGE((text.find("๒๒") != std::string::npos) == (text.find("๖๙") != std::string::npos), cm,
                    " cm: ", text);
    }
  }
}

TEST_CASE("phrase breaks: an amount in words ends a line only between its groups") {
  // baht_text prints its groups as spans kept whole one by one: a line may end after หกล้าน or สี่บาท, never
  // inside ห้าสิบสตางค์ or between สอง and พัน.
  const auto file = templating::parse_template(
      "<document><p>ได้รับจัดสรรงบประมาณ วงเงิน {{ amount | money }} บาท ({{ amount | baht_text }}) "
      "ความละเอียดแจ้งแล้ว นั้น</p></document>",
      "t.xml");
  const auto data = dataset::read_json_text(R"({"amount": 6702004.5})", "d.json");
  document::ImageSource images;
  const auto bound = templating::bind_document(file, data, templating::BindOptions{}, images);
  const auto& paragraph = std::get<document::Paragraph>(bound.document.sections.at(0).body.at(0).node);
  std::vector<std::string> kept;
  for (const auto& piece : paragraph.content)
    if (const auto* text = std::get_if<document::TextInline>(&piece); text && text->keep_whole)
      kept.push_back(text->text);
  CHECK(kept == std::vector<std::string>{"๖,๗๐๒,๐๐๔.๕๐", "หกล้าน", "เจ็ดแสน", "สองพัน", "สี่บาท", "ห้าสิบสตางค์"});

  std::vector<layout::Inline> inlines;
  for (const auto& piece : paragraph.content) inlines.emplace_back(std::get<document::TextInline>(piece));
  layout::ParagraphStyle style;
  std::size_t ends_inside = 0;
  for (double cm = 3.0; cm <= 12.001; cm += 0.25) {
    const auto laid = layout::layout_paragraph(inlines, style, units::cm(cm), test::shared_fonts());
    for (std::size_t i = 0; i + 1 < laid.lines.size(); ++i) {
      const std::string text = test::extracted(laid.lines[i]);
      const std::string next = test::extracted(laid.lines[i + 1]);
      const bool inside_amount = text.find('(') != std::string::npos && text.find(')') == std::string::npos;
      if (!inside_amount) continue;
      bool at_group_end = false;
      for (const char* end : {"หกล้าน", "เจ็ดแสน", "สองพัน", "สี่บาท"})
        at_group_end = at_group_end || text.ends_with(end);
      if (!at_group_end) ++ends_inside;
      CHECK_MESSAGE(at_group_end, cm, " cm: \"", text, "\" / \"", next, "\"");
    }
  }
  CHECK(ends_inside == 0);
}

TEST_CASE(
    "phrase breaks: an ordinal keeps its noun, a rate and a period their word, a short gloss its brackets") {
  const Breaks b(
      "ค่าพาหนะวันละ ๑๐ บาท ครั้งละ ๒ คน รายงานรอบ ๖ เดือน การเรียนรู้เชิงรุก (Active Learning) ผลการทดสอบ "
      "(NT และ O-NET) งบประมาณ (ล้านบาท) รายงานการประเมินตนเอง (Self Assessment Report : SAR)");
  const auto spans = b.span_texts();
  CHECK(has(spans, "วันละ ๑๐ บาท"));
  CHECK(has(spans, "ครั้งละ ๒ คน"));
  CHECK(has(spans, "รอบ ๖ เดือน"));
  CHECK(has(spans, "(Active Learning)"));
  CHECK(has(spans, "(NT และ O-NET)"));
  CHECK(has(spans, "(ล้านบาท)"));
  // A title spelled out in brackets is no term: a narrow column must be able to break it.
  CHECK_FALSE(has(spans, "(Self Assessment Report : SAR)"));
  CHECK((b.after("(Self ") & text::break_allowed));
  CHECK(b.spans_hold());
  // The word before an ordinal joins it only when written onto it, and only a word, not a run of them.
  const Breaks spaced("ลำดับ ที่ ๓ และผู้เรียนในศตวรรษที่ ๒๑");
  CHECK(has(spaced.span_texts(), "ที่ ๓"));
  CHECK(has(spaced.span_texts(), "ศตวรรษที่ ๒๑"));
}

TEST_CASE(
    "phrase breaks: a line ending after the head of a body's name is costly, less than inside a compound") {
  if (text::CompoundWords::shared().empty()) return;
  const Breaks b("และเสนอคณะกรรมการศึกษาธิการจังหวัดพิษณุโลก ภายในกลุ่มนโยบายและแผน สำนักงานคณะกรรมการการศึกษาขั้นพื้นฐาน");
  CHECK((b.after("เสนอคณะกรรมการ") & text::break_after_particle));
  CHECK((b.after("ภายในกลุ่ม") & text::break_after_particle));
  // Inside the next name the break after its head stays the cheaper one: การ|ศึกษา is a compound's.
  const std::uint8_t after_head = b.after("สำนักงานคณะกรรมการ");
  CHECK((after_head & text::break_after_particle));
  CHECK_FALSE((after_head & text::break_in_compound));
  CHECK((b.after("สำนักงานคณะกรรมการการ") & text::break_in_compound));
  // A head followed by a space heads nothing written onto it.
  const Breaks apart("ประชุมกลุ่ม ครั้งที่ ๒");
  CHECK_FALSE((apart.after("ประชุมกลุ่ม") & text::break_after_particle));
  // A head followed by a particle names nothing: the line ends before ที่ rather than after it.
  const Breaks relative("พิจารณาสั่งการให้กลุ่มที่รับผิดชอบประเด็นที่เกินกำหนด");
  CHECK_FALSE((relative.after("ให้กลุ่ม") & text::break_after_particle));
  CHECK((relative.after("ให้กลุ่มที่") & text::break_after_particle));
}

TEST_CASE("phrase breaks: a unit alone in parentheses labels a figure and is kept whole") {
  // A key figure's label: ๔.๔๘ over งบประมาณ (ล้านบาท) must not read งบประมาณ (ล้าน / บาท).
  const Breaks b("งบประมาณ (ล้านบาท) ได้รับจัดสรร (พันบาท) จำนวน (คน)");
  const auto spans = b.span_texts();
  CHECK(has(spans, "(ล้านบาท)"));
  CHECK(has(spans, "(พันบาท)"));
  CHECK(has(spans, "(คน)"));
  CHECK(b.spans_hold());
}

TEST_CASE("phrase breaks: a looser line is preferred to a break inside a compound such as การ|ศึกษา") {
  // An office's name runs long without a space; at the end of a line its การศึกษา was split to fill the line.
  const std::string paragraph =
      "เพื่อจัดทำแผนปฏิบัติการประจำปี ของสำนักงานเขตพื้นที่การศึกษาประถมศึกษาขอนแก่น เขต ๕ "
      "สำหรับใช้เป็นกรอบทิศทางและแนวทางการบริหารจัดการและพัฒนาคุณภาพการศึกษาในรอบปีงบประมาณ";
  const Breaks b(paragraph);
  const std::size_t office = paragraph.find("การศึกษาประถม");
  const std::size_t inside = office + std::string("การ").size();
  REQUIRE((b.flags[inside] & text::break_in_compound));
  const auto widths = line_ends_at_widths(paragraph, layout::Align::justify, 9.0, 16.0, 0.25);
  CHECK(widths.size() == 29);
  for (const auto& ends : widths) CHECK(std::find(ends.begin(), ends.end(), inside) == ends.end());
}

TEST_CASE("phrase breaks: ragged lines are weighed over the whole paragraph, not filled one by one") {
  // A narrow table cell of the annual report: filling each line in turn ended one with พระมหา|กษัตริย์;
  // weighing the paragraph's lines together moves a word down earlier instead, and takes no more lines.
  const std::string cell =
      "ส่งเสริมให้ผู้เรียนมีคุณธรรม จริยธรรม สมานฉันท์ สันติวิธี ต่อต้านการทุจริตคอร์รัปชันและยึดมั่น"
      "ในการปกครองระบอบประชาธิปไตยอันมีพระมหากษัตริย์ทรงเป็นประมุข";
  const Breaks b(cell);
  const std::size_t royal = cell.find("พระมหากษัตริย์");
  const std::size_t royal_end = royal + std::string("พระมหากษัตริย์").size();
  const auto widths = line_ends_at_widths(cell, layout::Align::left, 4.0, 7.0, 0.1);
  std::size_t inside_royal = 0, compound_ends = 0, lines = 0;
  for (const auto& ends : widths) {
    for (const std::size_t end : ends) {
      if (end > royal && end < royal_end) ++inside_royal;
      if (b.flags[end] & text::break_in_compound) ++compound_ends;
    }
    lines += ends.size() + 1;
  }
  CHECK(widths.size() == 31);
  CHECK(inside_royal == 0);
  // Filling line by line ended 20 of 274 lines inside a compound here; weighed together, 11 of 270.
  CHECK(compound_ends * 20 < lines);
}

namespace raingan::test {

TEST_CASE("phrase breaks: justified lines rarely end inside a compound, their spacing takes a looser line") {
  // Distributed spacing absorbs a loose justified line (its spaces the most), so a split word (ดำเนิน|งาน,
  // มาตรฐานการ|ปฏิบัติงาน) weighs more than a looser line. Paragraphs of the memo and the operations manual
  // over a sweep of widths: none of 336 lines ends inside a compound (13 when such a break weighed 200 and
  // spaces took two shares of the stretch, 21 when it weighed 150).
  const std::vector<std::string> paragraphs = {
      "สำนักงานเขตพื้นที่การศึกษาประถมศึกษาพิษณุโลก เขต ๒ ได้มอบหมายให้ทุกกลุ่มงานจัดทำมาตรฐานการปฏิบัติงาน "
      "เพื่อใช้เป็นแนวทางในการปฏิบัติงานและการประเมินคุณภาพการให้บริการของสำนักงานเขตพื้นที่การศึกษา",
      "สำนักงานเขตพื้นที่การศึกษาประถมศึกษาขอนแก่น เขต ๕ ได้จัดให้มีการประชุมระดมความคิดเห็นเพื่อกำหนดค่านิยม "
      "วิสัยทัศน์ พันธกิจ เป้าหมาย การให้บริการกลยุทธ์ เป้าหมายความสำเร็จ มาตรการ "
      "ซึ่งที่ประชุมได้กำหนดทิศทางการพัฒนาองค์กรและแนวทางการพัฒนาการศึกษาขั้นพื้นฐาน ปี พ.ศ. ๒๕๖๑ - ๒๕๖๔ ดังนี้",
  };
  std::size_t justified_inside = 0, justified_lines = 0;
  for (const auto& paragraph : paragraphs) {
    const Breaks b(paragraph);
    for (const auto& ends : line_ends_at_widths(paragraph, layout::Align::justify, 12.0, 16.0, 0.1))
      for (const std::size_t end : ends) {
        ++justified_lines;
        justified_inside += (b.flags[end] & text::break_in_compound) ? 1 : 0;
      }
  }
  CHECK(justified_lines > 300);
  CHECK(justified_inside * 100 <= justified_lines);
}

TEST_CASE(
    "phrase breaks: an amount in words kept whole in its groups breaks between them only as inside a word") {
  // baht_text's groups are kept whole each: a line may end between them when it must, but that costs as a
  // break inside a word (so the amount moves down whole when it can, and a page never ends inside it); the
  // space before the amount stays the cheap break.
  const std::string before = "รวมเป็นเงิน ๒,๙๕๔,๐๐๐.๐๐ บาท (";
  const std::vector<std::string> groups = {"สองล้าน", "เก้าแสน", "ห้าหมื่น", "สี่พันบาทถ้วน"};
  std::string text = before;
  std::vector<text::ByteRange> kept;
  for (const auto& group : groups) {
    const auto begin = static_cast<std::uint32_t>(text.size());
    text += group;
    kept.push_back({begin, static_cast<std::uint32_t>(text.size())});
  }
  text += ")";
  const Breaks b(text, kept);
  for (std::size_t k = 0; k + 1 < kept.size(); ++k) {
    CAPTURE(k);
    const std::uint8_t at_junction = b.flags[kept[k].end];
    CHECK((at_junction & text::break_allowed));
    CHECK((at_junction & text::break_in_compound));
  }
  CHECK_FALSE((b.flags[text.find("(")] & text::break_in_compound));  // before the bracket: a phrase break
}

TEST_CASE("phrase breaks: a span of years after ระยะ is kept with it") {
  // The operations manual's references: "แผนพัฒนาการศึกษาแห่งชาติระยะ / ๒๐ ปี" left ระยะ behind its number.
  const Breaks b("๓) แผนพัฒนาการศึกษาแห่งชาติระยะ ๒๐ ปี(พ.ศ. ๒๕๖๑ - ๒๕๘๐) และแผนระยะ ๓-๕ ปี");
  const auto spans = b.span_texts();
  CHECK(has(spans, "ระยะ ๒๐ ปี"));
  CHECK(has(spans, "ระยะ ๓-๕ ปี"));
  CHECK(b.spans_hold());
}

TEST_CASE("phrase breaks: two numbers joined by และ, หรือ, ถึง or จาก are kept together") {
  // The action plan's note "จัดอบรมรุ่นที่ ๒ และ / ๓ ในไตรมาสที่ ๓" left ๓ alone at the head of a line.
  const Breaks b("จัดอบรมรุ่นที่ ๒ และ ๓ ในไตรมาสที่ ๓ ตามข้อ ๑ ถึง ๕ ของแผน มี ๖ หรือ ๗ คน และกลุ่ม");
  const auto spans = b.span_texts();
  CHECK(has(spans, "รุ่นที่ ๒ และ ๓"));
  CHECK(has(spans, "ข้อ ๑ ถึง ๕"));
  CHECK(has(spans, "๖ หรือ ๗ คน"));
  CHECK(b.spans_hold());
  // The annual report's "สูงขึ้นใน ๓ จาก / ๔ กลุ่มสาระ": a count out of a whole.
  CHECK(has(Breaks("ผลการทดสอบสูงขึ้นใน ๓ จาก ๔ กลุ่มสาระ").span_texts(), "๓ จาก ๔ กลุ่ม"));
  // และ before a word, not a number, joins nothing.
  CHECK_FALSE(has(spans, "๗ คน และกลุ่ม"));
}

TEST_CASE("phrase breaks: a place named after its prefix in an address or a list is kept whole") {
  // The annual report's profile: "ได้แก่ อำเภอ / ชุมแพ อำเภอภูผาม่าน". A prefix written onto the word before it
  // names no place (ศึกษาธิการจังหวัดเห็นชอบ): nothing is kept there.
  const Breaks b(
      "ในพื้นที่ ๔ อำเภอ ได้แก่ อำเภอชุมแพ อำเภอภูผาม่าน ตำบลชุมแพ จังหวัดขอนแก่น "
      "เสนอคณะกรรมการศึกษาธิการจังหวัดเห็นชอบ");
  const auto spans = b.span_texts();
  CHECK(has(spans, "อำเภอชุมแพ"));
  CHECK(has(spans, "อำเภอภูผาม่าน"));
  CHECK(has(spans, "ตำบลชุมแพ"));
  CHECK(has(spans, "จังหวัดขอนแก่น"));
  for (const auto& span : spans) CHECK(span.find("เห็นชอบ") == std::string::npos);
  CHECK(b.spans_hold());
}

}  // namespace raingan::test

namespace raingan::test {

TEST_CASE(
    "phrase breaks: a table cell takes a line more rather than split a word; a diagram's box weighs it "
    "less") {
  // Cells of the work standards (ragged, 4 to 7 cm): a line taller costs the reader nothing there, a split
  // word (ดำเนิน|งาน, สำนักงานเขต|พื้นที่, คณะ|กรรมการ) stops them. A diagram's box, whose width is fitted
  // around its lines, still weighs such a break at about a line more: a box a line taller makes the chart
  // taller. Here: cells 3 of 636 lines end inside a compound, boxes 23 of 616.
  const std::vector<std::string> cells = {
      "รวบรวม สรุปผลการดำเนินงานของบุคลากรในกลุ่มทุกคน เพื่อรายงานต่อผู้บังคับบัญชา",
      "ศึกษา วิเคราะห์ แนวทางการบริหารจัดการสำนักงานเขตพื้นที่การศึกษา มาตรฐาน ตัวบ่งชี้ กรอบการติดตามหลักเกณฑ์",
      "มีปฏิทินการดำเนินการตามมาตรฐานสำนักงานเขตพื้นที่การศึกษา",
      "ศึกษานโยบายเป้าหมายสำนักงานคณะกรรมการการศึกษาขั้นพื้นฐาน และสำนักงานเขตพื้นที่การศึกษา",
  };
  layout::ParagraphLayouter paragraphs(shared_fonts());
  layout::ParagraphStyle style;
  style.align = layout::Align::left;
  std::size_t cell_inside = 0, cell_lines = 0, box_inside = 0, box_lines = 0;
  for (const auto& cell : cells) {
    const Breaks b(cell);
    const std::vector<layout::Inline> inlines{layout::TextInline{cell, {}, {}, {}}};
    for (double cm = 4.0; cm <= 7.0 + 1e-9; cm += 0.1) {
      for (const bool box : {false, true}) {
        const auto laid = paragraphs.layout(inlines, style, units::cm(cm), box);
        std::size_t& inside = box ? box_inside : cell_inside;
        (box ? box_lines : cell_lines) += laid.lines.size();
        for (std::size_t k = 0; k + 1 < laid.lines.size(); ++k)
          inside += (b.flags[laid.lines[k].text_end] & text::break_in_compound) ? 1 : 0;
      }
    }
  }
  MESSAGE("cells: " << cell_inside << " of " << cell_lines
                    << " lines end inside a compound; boxes: " << box_inside << " of " << box_lines);
  CHECK(cell_inside * 4 < box_inside);
  CHECK(cell_lines > box_lines);
}

}  // namespace raingan::test
