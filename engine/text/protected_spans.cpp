#include "text/protected_spans.h"

#include <algorithm>
#include <array>
#include <string_view>

#include "text/char_classes.h"
#include "text/compound_words.h"
#include "text/line_breaks.h"

namespace raingan::text {
namespace {

using namespace std::string_view_literals;

// Longest first where one is the start of another (นางสาว before นาง).
constexpr std::array titles = {
    U"ว่าที่ร้อยตรี"sv,
    U"ว่าที่ร้อยโท"sv,
    U"ว่าที่ร้อยเอก"sv,
    U"ว่าที่"sv,
    U"นางสาว"sv,
    U"นาง"sv,
    U"นาย"sv,
    U"เด็กชาย"sv,
    U"เด็กหญิง"sv,
    U"ด.ช."sv,
    U"ด.ญ."sv,
    U"น.ส."sv,
    U"ร.ต.อ."sv,
    U"ร.ต.ท."sv,
    U"ร.ต.ต."sv,
    U"ร.ต."sv,
    U"ร.ท."sv,
    U"ร.อ."sv,
    U"พ.ต.อ."sv,
    U"พ.ต.ท."sv,
    U"พ.ต.ต."sv,
    U"พ.ต."sv,
    U"พ.ท."sv,
    U"พ.อ."sv,
    U"จ.ส.อ."sv,
    U"ส.อ."sv,
    U"ร้อยตรี"sv,
    U"ร้อยโท"sv,
    U"ร้อยเอก"sv,
    U"พันตรี"sv,
    U"พันโท"sv,
    U"พันเอก"sv,
    U"ศาสตราจารย์"sv,
    U"ศ."sv,
    U"รองศาสตราจารย์"sv,
    U"รศ."sv,
    U"ผู้ช่วยศาสตราจารย์"sv,
    U"ผศ."sv,
    U"ดร."sv,
    U"นพ."sv,
    U"พญ."sv,
};

constexpr std::array months = {
    U"มกราคม"sv,  U"กุมภาพันธ์"sv, U"มีนาคม"sv,  U"เมษายน"sv, U"พฤษภาคม"sv,  U"มิถุนายน"sv,
    U"กรกฎาคม"sv, U"สิงหาคม"sv,  U"กันยายน"sv, U"ตุลาคม"sv,  U"พฤศจิกายน"sv, U"ธันวาคม"sv,
    U"ม.ค."sv,    U"ก.พ."sv,    U"มี.ค."sv,   U"เม.ย."sv,  U"พ.ค."sv,     U"มิ.ย."sv,
    U"ก.ค."sv,    U"ส.ค."sv,    U"ก.ย."sv,   U"ต.ค."sv,   U"พ.ย."sv,     U"ธ.ค."sv,
};

constexpr std::array eras = {U"พ.ศ."sv, U"ค.ศ."sv, U"พุทธศักราช"sv, U"คริสต์ศักราช"sv};

// Units and classifiers after a number.
constexpr std::array units = {
    U"กิโลเมตร"sv, U"กม."sv,    U"เซนติเมตร"sv, U"ซม."sv,     U"มิลลิเมตร"sv, U"มม."sv,     U"ตร.ม."sv,
    U"เมตร"sv,    U"กิโลกรัม"sv, U"กก."sv,      U"ลิตร"sv,     U"ชั่วโมง"sv,   U"ชม."sv,     U"นาที"sv,
    U"นาฬิกา"sv,   U"น."sv,     U"วินาที"sv,     U"สัปดาห์"sv,   U"เดือน"sv,    U"ปี"sv,       U"วัน"sv,
    U"ภาคเรียน"sv, U"ล้านบาท"sv, U"พันบาท"sv,    U"บาท"sv,     U"สตางค์"sv,   U"ล้าน"sv,     U"เปอร์เซ็นต์"sv,
    U"%"sv,       U"คะแนน"sv,  U"คน"sv,       U"ราย"sv,     U"รายการ"sv,  U"ชุด"sv,      U"ครั้ง"sv,
    U"เล่ม"sv,     U"แห่ง"sv,    U"โรงเรียน"sv,  U"โรง"sv,     U"หลัง"sv,     U"ห้องเรียน"sv, U"ห้อง"sv,
    U"เครื่อง"sv,   U"ตัว"sv,     U"อัน"sv,       U"ชิ้น"sv,      U"เรื่อง"sv,    U"ฉบับ"sv,     U"หน้า"sv,
    U"แผ่น"sv,     U"ข้อ"sv,     U"ตำแหน่ง"sv,   U"อัตรา"sv,    U"กลุ่ม"sv,     U"ทีม"sv,      U"คัน"sv,
    U"เที่ยว"sv,    U"ด้าน"sv,    U"ประเภท"sv,   U"ระดับ"sv,    U"หน่วย"sv,    U"ท่าน"sv,     U"รูป"sv,
    U"องค์"sv,     U"ไร่"sv,     U"หลักสูตร"sv,   U"โครงการ"sv, U"กิจกรรม"sv,  U"เขต"sv,     U"อำเภอ"sv,
    U"ตำบล"sv,    U"ชั้น"sv,     U"ระยะ"sv,     U"รุ่น"sv,      U"เท่า"sv,
};

// Words that count what the number after them numbers; เขต an area (เขต ๒), ที่ any other ordinal and ละ any
// other rate, both with the word they are written onto (ศตวรรษที่ ๒๑, วันละ ๑๐ บาท: see glued_counting_words).
constexpr std::array counting_words = {
    U"ปีที่"sv,   U"ครั้งที่"sv, U"ฉบับที่"sv,     U"ลำดับที่"sv,     U"ภาคเรียนที่"sv, U"รุ่นที่"sv,       U"หมู่ที่"sv,
    U"ชั้นที่"sv,  U"ข้อที่"sv,  U"เลขที่"sv,     U"ข้อ"sv,        U"มาตรา"sv,    U"ปีงบประมาณ"sv, U"ปีการศึกษา"sv,
    U"พ.ศ."sv, U"ค.ศ."sv, U"พุทธศักราช"sv, U"คริสต์ศักราช"sv, U"ร้อยละ"sv,    U"จำนวน"sv,     U"หน้า"sv,
    U"คนละ"sv, U"เวลา"sv, U"เขต"sv,      U"ระยะ"sv,      U"ที่"sv,        U"ละ"sv,
};
// What a place's name is written onto, and how long (code points) a name after it may be.
constexpr std::array place_prefixes = {U"จังหวัด"sv, U"อำเภอ"sv, U"ตำบล"sv};
constexpr std::size_t longest_place_name = 14;
// Words that join two numbers into one expression (๒ และ ๓, ๑ ถึง ๕, ๓ จาก ๔).
constexpr std::array number_joiners = {U"และ"sv, U"หรือ"sv, U"ถึง"sv, U"จาก"sv};
// Counting words written onto the word they belong to: the ordinal's noun (ศตวรรษที่), the rate's unit
// (วันละ, ครั้งละ). The span starts at that word, one the dictionary ends no longer than a classifier.
constexpr std::array glued_counting_words = {U"ที่"sv, U"ละ"sv};

// Words a telephone number follows: its groups of digits (๐ ๕๕๒๖ ๗๐๐๐) and extension (ต่อ ๑๐๕) stay together.
constexpr std::array telephone_words = {U"โทรศัพท์"sv, U"โทรสาร"sv, U"โทร."sv};
// ต่อ: a telephone extension (ต่อ ๑๐๕), or "per" after a unit (บาทต่อวัน).
constexpr std::u32string_view extension_or_per = U"ต่อ";

// What a Thai postcode's province starts with, and how many digits a postcode has.
constexpr std::array province_words = {U"จังหวัด"sv, U"จ."sv, U"กรุงเทพ"sv};
constexpr std::size_t postcode_digits = 5;

// Words a date follows as a deadline or a start (ภายในวันที่ ๒๐ พฤศจิกายน ๒๕๖๙).
constexpr std::array date_lead_words = {U"ภายใน"sv, U"ตั้งแต่"sv};
// Words a number with its unit follows as a period (รอบ ๖ เดือน, ในรอบ ๓-๕ ปี).
constexpr std::array period_words = {U"รอบ"sv};

// A number's classifier is a short word: the rest of a word after a number is kept with it up to this long.
constexpr std::size_t longest_classifier = 12;

// The ranks that end a civil servant's or a teacher's position (ระดับตำแหน่ง, วิทยฐานะ): นักวิเคราะห์นโยบาย
// และแผนชำนาญการพิเศษ may break before its rank, never inside it (ชำนาญ|การพิเศษ). Longest first.
constexpr std::array ranks = {
    U"ชำนาญการพิเศษ"sv, U"ชำนาญการ"sv, U"ชำนาญงาน"sv, U"เชี่ยวชาญพิเศษ"sv, U"เชี่ยวชาญ"sv,
    U"ทรงคุณวุฒิ"sv,      U"ปฏิบัติการ"sv,  U"ปฏิบัติงาน"sv,  U"ทักษะพิเศษ"sv,    U"อาวุโส"sv,
};

constexpr std::size_t longest_given_name = 20, longest_surname = 25, longest_parenthesis = 30;
// A parenthesised gloss in Latin letters kept on one line is a term or two (Active Learning, NT และ O-NET),
// not a title spelled out (Self Assessment Report : SAR), which narrow columns must be able to break.
constexpr std::size_t longest_gloss = 20;
// An area office's name kept with its เขต ๒ is one word of at most this many letters (พิษณุโลก, นครราชสีมา).
constexpr std::size_t longest_area_name = 16;
constexpr std::u32string_view area_word = U"เขต";

class Scanner {
 public:
  Scanner(const CodePoints& text, const std::vector<std::uint8_t>& flags, const CompoundWords& words)
      : text_(text), flags_(flags), words_(words), n_(text.size()) {}

  void scan(std::vector<ProtectedSpan>& out) {
    const std::size_t first = out.size();
    std::size_t number_span_end = 0;
    for (std::size_t i = 0; i < n_; ++i) {
      if (text_[i] == U'(') add(parenthesis(i), i, out);
      // A number inside the last number's span (a telephone number's groups) starts nothing of its own.
      if (is_digit(text_[i]) && (i == 0 || !is_digit(text_[i - 1])) && i >= number_span_end) {
        std::size_t end = date(i);
        if (end == 0) end = number_with_unit(i);
        if (end) add(end, lead_in(i), out);
        number_span_end = std::max(number_span_end, end);
        if (const std::size_t province = province_before_postcode(i)) add(digits(i), province - 1, out);
      }
      if (!word_start(i)) continue;
      if (std::size_t end = month_year(i)) add(end, lead_in(i), out);
      if (std::size_t end = document_number(i)) add(end, document_lead_in(i), out);
      if (std::size_t end = person(i)) add(end, i, out);
      if (std::size_t end = whole_word(i, ranks)) add(end, i, out);
      if (std::size_t end = place_name(i)) add(end, i, out);
    }
    std::sort(out.begin() + static_cast<std::ptrdiff_t>(first), out.end(),
              [](const ProtectedSpan& a, const ProtectedSpan& b) { return a.begin < b.begin; });
    std::size_t kept = first;
    for (std::size_t k = first; k < out.size(); ++k) {
      if (kept > first && out[k].begin < out[kept - 1].end)
        out[kept - 1].end = std::max(out[kept - 1].end, out[k].end);
      else
        out[kept++] = out[k];
    }
    out.resize(kept);
  }

 private:
  static bool thai_consonant(char32_t c) { return c >= U'\u0E01' && c <= U'\u0E2E'; }
  static bool dash(char32_t c) { return c == U'-' || c == U'\u2013' || c == U'\u2012' || c == U'\u2212'; }

  bool allowed(std::size_t i) const { return flags_[text_.byte_offset(i)] & break_allowed; }
  // A word starts (or ends) at i: the text's edge, a change between Thai letters and anything else, or a
  // dictionary boundary.
  bool boundary(std::size_t i) const {
    if (i == 0 || i >= n_) return true;
    if (!is_thai_letter(text_[i - 1]) || !is_thai_letter(text_[i])) return true;
    return allowed(i);
  }
  bool word_start(std::size_t i) const { return is_thai_letter(text_[i]) && boundary(i); }

  bool matches(std::size_t i, std::u32string_view word) const {
    if (i + word.size() > n_) return false;
    for (std::size_t k = 0; k < word.size(); ++k)
      if (text_[i + k] != word[k]) return false;
    return true;
  }
  // The first of `list` that stands at i as a whole word; its end, or 0.
  template <std::size_t N>
  std::size_t whole_word(std::size_t i, const std::array<std::u32string_view, N>& list) const {
    for (const auto word : list)
      if (matches(i, word) && (word.back() == U'.' || boundary(i + word.size()))) return i + word.size();
    return 0;
  }
  std::size_t skip_spaces(std::size_t i) const {
    while (i < n_ && is_space(text_[i])) ++i;
    return i;
  }
  std::size_t spaces_before(std::size_t i) const {
    while (i > 0 && is_space(text_[i - 1])) --i;
    return i;
  }
  std::size_t digits(std::size_t i) const {
    while (i < n_ && is_digit(text_[i])) ++i;
    return i;
  }
  // A number at i (a digit): digits with , . : / between digits, and a dash range; its end.
  std::size_t number(std::size_t i) const {
    std::size_t end = digits(i);
    while (end + 1 < n_) {
      const char32_t c = text_[end];
      if ((c == U',' || c == U'.' || c == U':' || c == U'/') && is_digit(text_[end + 1])) {
        end = digits(end + 1);
        continue;
      }
      if (const std::size_t joined = joined_number(end)) {
        end = digits(joined);
        continue;
      }
      std::size_t after = end;
      if (is_space(text_[after]) && after + 1 < n_ && dash(text_[after + 1])) ++after;
      if (after < n_ && dash(text_[after])) {
        std::size_t next = after + 1;
        if (next < n_ && is_space(text_[next]) && after > end) ++next;
        if (next < n_ && is_digit(text_[next])) {
          end = digits(next);
          continue;
        }
      }
      break;
    }
    return end;
  }

  // Two numbers joined by และ, หรือ, ถึง or จาก read as one (รุ่นที่ ๒ และ ๓, ข้อ ๑ ถึง ๕, ๓ จาก ๔ กลุ่มสาระ): where
  // the second starts when one such word between single spaces follows the number ending at `end`; 0
  // otherwise.
  std::size_t joined_number(std::size_t end) const {
    if (end + 1 >= n_ || !is_space(text_[end])) return 0;
    for (const auto word : number_joiners) {
      const std::size_t after = end + 1 + word.size();
      if (after + 1 < n_ && matches(end + 1, word) && is_space(text_[after]) && is_digit(text_[after + 1]))
        return after + 1;
    }
    return 0;
  }

  // A province, district or subdistrict with its name written onto it (จังหวัดขอนแก่น, อำเภอชุมแพ), as an
  // address or a list of places writes it: starting a space-delimited word, the name running to the next
  // space or sign. Its end; 0 when i starts none, when the word is written onto what comes before it
  // (ศึกษาธิการจังหวัดเห็นชอบ: no place is named) or runs on too long to be a name alone.
  std::size_t place_name(std::size_t i) const {
    if (i > 0 && !is_space(text_[i - 1]) && !is_line_separator(text_[i - 1])) return 0;
    for (const auto prefix : place_prefixes) {
      if (!matches(i, prefix)) continue;
      const std::size_t name = i + prefix.size();
      std::size_t end = name;
      while (end < n_ && is_thai_letter(text_[end])) ++end;
      return end - name >= 2 && end - name <= longest_place_name ? end : 0;
    }
    return 0;
  }

  std::size_t number_with_unit(std::size_t i) const {
    const std::size_t end = number(i);
    if (word_before(i, telephone_words)) return telephone_number(end);
    // A year ends its date (the day and month were found with it): the word after it is no unit.
    if (word_before(i, months)) return 0;
    if (word_before(i, eras)) return end;
    // A unit ends where the Thai letters do (วัน in "๑๓ วันที่" is no unit; ปี in "๓-๕ ปีย้อนหลัง" is
    // found as a classifier below), or goes on with ต่อ (บาทต่อวัน).
    const std::size_t unit = whole_word(skip_spaces(end), units);
    if (unit && (unit >= n_ || !is_thai_letter(text_[unit]) || matches(unit, extension_or_per))) return unit;
    if (counting_word_before(i)) return end;
    return after_a_word(i) ? classifier(end) : 0;
  }

  // After a number that nothing before counts, one space and a Thai word: the word is its classifier
  // (อย่างน้อย ๑ เครือข่าย, คนไทย ๑๒ ประการ), kept with it up to the next dictionary boundary; or 0.
  std::size_t classifier(std::size_t number_end) const {
    if (number_end + 1 >= n_ || !is_space(text_[number_end]) || !is_thai_letter(text_[number_end + 1]))
      return 0;
    std::size_t end = number_end + 2;
    while (end < n_ && !boundary(end)) ++end;
    return end - number_end - 1 <= longest_classifier ? end : 0;
  }
  // Whether a word of Thai letters and a space stand before the number at i, and the word is not the letters
  // of a document number (ศธ ๐๔๑๖๑/ว ๕๑๒๐ ลงวันที่: ๕๑๒๐ counts nothing).
  bool after_a_word(std::size_t i) const {
    const std::size_t start = word_before_space(i);
    return start != no_word && (start == 0 || text_[start - 1] != U'/');
  }
  // Where the run of Thai letters that ends, then a space or more, before i starts; no_word when there is
  // none.
  std::size_t word_before_space(std::size_t i) const {
    std::size_t start = spaces_before(i);
    if (start == i || start == 0 || !is_thai_letter(text_[start - 1])) return no_word;
    while (start > 0 && is_thai_letter(text_[start - 1])) --start;
    return start;
  }
  static constexpr std::size_t no_word = static_cast<std::size_t>(-1);
  // Where the province before the postcode at i starts, + 1 (จังหวัดพิษณุโลก ๖๕๑๓๐, กรุงเทพมหานคร ๑๐๓๐๐): an
  // address's last line keeps the two together. 0 when the number is no postcode, ends no line or nothing
  // names a province.
  std::size_t province_before_postcode(std::size_t i) const {
    const std::size_t end = digits(i);
    // Only where the postcode ends its line of text, as an address's last line does: in running prose
    // (… จังหวัดขอนแก่น ๔๐๑๓๐ มีสถานศึกษา …) the pair would only make the lines around it looser.
    const std::size_t after = skip_spaces(end);
    if (end - i != postcode_digits || (after < n_ && !is_line_separator(text_[after]))) return 0;
    const std::size_t start = word_before_space(i);
    if (start == no_word) return 0;
    for (const auto word : province_words)
      if (matches(start, word)) return start + 1;
    return 0;
  }
  // A telephone number's further groups of digits after its first, and its extension; its end.
  std::size_t telephone_number(std::size_t end) const {
    for (;;) {
      std::size_t next = skip_spaces(end);
      if (next > end + 1 || next >= n_) return end;
      if (dash(text_[next])) next = skip_spaces(next + 1);
      if (matches(next, extension_or_per)) next = skip_spaces(next + extension_or_per.size());
      if (next >= n_ || !is_digit(text_[next])) return end;
      end = number(next);
    }
  }
  // Where the word of `list` that ends (perhaps before spaces) at i starts, + 1; 0 when there is none.
  template <std::size_t N>
  std::size_t word_before(std::size_t i, const std::array<std::u32string_view, N>& list) const {
    const std::size_t end = spaces_before(i);
    for (const auto word : list)
      if (end >= word.size() && matches(end - word.size(), word) && boundary(end - word.size()))
        return end - word.size() + 1;  // + 1: 0 stays "none"
    return 0;
  }
  // Where the counting word before the number at i starts, + 1, or 0 when there is none.
  std::size_t counting_word_before(std::size_t i) const {
    if (const std::size_t phone = word_before(i, telephone_words)) return phone;
    return word_before(i, counting_words);
  }
  // Where a span that starts with the number at i really starts: at its counting word or at วันที่.
  std::size_t lead_in(std::size_t i) const {
    const std::size_t end = spaces_before(i);
    static constexpr std::u32string_view day = U"วันที่", signed_on = U"ลง";
    if (end >= day.size() && matches(end - day.size(), day)) {
      const std::size_t start = end - day.size();
      if (start >= signed_on.size() && matches(start - signed_on.size(), signed_on)) return start - 2;
      if (const std::size_t lead = word_before(start, date_lead_words)) return lead - 1;
      return start;
    }
    if (const std::size_t counted = counting_word_before(i)) {
      const std::size_t start = counted - 1;
      if (matches(start, area_word)) return area_name_before(start);
      if (whole_word(start, glued_counting_words) == spaces_before(i)) return word_glued_before(start);
      return start;
    }
    if (const std::size_t period = word_before(i, period_words)) return period - 1;
    return i;
  }
  // Where the word written directly before `at` starts (its dictionary boundary), if it is a short word of
  // Thai letters; `at` otherwise.
  std::size_t word_glued_before(std::size_t at) const {
    if (at == 0 || !is_thai_letter(text_[at - 1])) return at;
    std::size_t start = at - 1;
    while (start > 0 && is_thai_letter(text_[start - 1]) && !allowed(start)) --start;
    return at - start <= longest_classifier ? start : at;
  }
  // Where the name an area number belongs to starts, its เขต at `area` (… ประถมศึกษาพิษณุโลก เขต ๒,
  // สพป.ขอนแก่น เขต ๕): the word before the space, so the three are read on one line. `area` itself when no
  // short word stands there.
  std::size_t area_name_before(std::size_t area) const {
    const std::size_t end = spaces_before(area);
    if (end == area || end == 0 || !is_thai_letter(text_[end - 1])) return area;
    std::size_t start = end - 1;
    while (start > 0 && is_thai_letter(text_[start - 1]) && !allowed(start)) --start;
    return end - start <= longest_area_name ? start : area;
  }

  // month [พ.ศ.] year, the month at i; its end, or 0.
  std::size_t year_after_month(std::size_t month_end) const {
    std::size_t at = skip_spaces(month_end);
    if (const std::size_t era = whole_word(at, eras)) at = skip_spaces(era);
    if (at >= n_ || !is_digit(text_[at])) return 0;
    const std::size_t end = digits(at);
    return end - at == 4 ? end : 0;
  }
  std::size_t month_year(std::size_t i) const {
    const std::size_t month = whole_word(i, months);
    return month ? year_after_month(month) : 0;
  }
  // day month [[พ.ศ.] year], the day's digits at i.
  std::size_t date(std::size_t i) const {
    const std::size_t day = digits(i);
    if (day - i > 2) return 0;
    const std::size_t month = whole_word(skip_spaces(day), months);
    if (!month) return 0;
    const std::size_t year = year_after_month(month);
    return year ? year : month;
  }

  // ศธ ๐๔๑๖๑/ว ๕๑๒๐: an abbreviation (Thai consonants and dots), a number, '/', a letter or two, a number.
  std::size_t document_number(std::size_t i) const {
    std::size_t at = i;
    while (at < n_ && (thai_consonant(text_[at]) || (text_[at] == U'.' && at > i))) ++at;
    if (at - i < 1 || at - i > 6) return 0;
    at = skip_spaces(at);
    if (at >= n_ || !is_digit(text_[at])) return 0;
    at = digits(at);
    while (at + 1 < n_ && text_[at] == U'.' && is_digit(text_[at + 1])) at = digits(at + 1);
    if (at >= n_ || text_[at] != U'/') return 0;
    ++at;
    const std::size_t letters = at;
    while (at < n_ && at - letters < 3 && (thai_consonant(text_[at]) || text_[at] == U'.')) ++at;
    at = skip_spaces(at);
    if (at >= n_ || !is_digit(text_[at])) return 0;
    return digits(at);
  }
  std::size_t document_lead_in(std::size_t i) const {
    const std::size_t end = spaces_before(i);
    static constexpr std::u32string_view number_word = U"ที่";
    if (end < i && end >= number_word.size() && matches(end - number_word.size(), number_word) &&
        boundary(end - number_word.size()))
      return end - number_word.size();
    return i;
  }

  // (…) short, not nested, and read as one term: with a digit or '=' inside (a count, a formula), with Latin
  // letters (a gloss: Active Learning, NT และ O-NET), or a word or unit without a space (ล้านบาท); its end
  // after ')'.
  std::size_t parenthesis(std::size_t i) const {
    bool counts = false, latin = false, spaced = false;
    for (std::size_t at = i + 1; at < n_ && at - i <= longest_parenthesis; ++at) {
      const char32_t c = text_[at];
      if (c == U'(' || is_line_separator(c)) return 0;
      if (c == U')') {
        const bool one_word = !spaced && at - i - 1 <= longest_classifier;
        const bool gloss = latin && at - i - 1 <= longest_gloss;
        return counts || gloss || one_word ? at + 1 : 0;
      }
      counts = counts || is_digit(c) || c == U'=';
      latin = latin || (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z');
      spaced = spaced || is_space(c);
    }
    return 0;
  }

  // A run of Thai letters from i up to a space; its end, or 0 when it is not a name's length.
  std::size_t name_part(std::size_t i, std::size_t longest) const {
    std::size_t end = i;
    while (end < n_ && is_thai_letter(text_[end])) ++end;
    if (end - i < 2 || end - i > longest) return 0;
    if (end < n_ && !is_space(text_[end]) &&
        std::u32string_view(U",.;:)”").find(text_[end]) == std::u32string_view::npos)
      return 0;
    return end;
  }
  // A title not followed directly by more of a longer word libthai's dictionary knows (นายก, นายอำเภอ).
  std::size_t title(std::size_t i) const {
    const std::size_t end = whole_word(i, titles);
    if (!end || words_.empty()) return end;
    std::u32string candidate(text_.values().begin() + static_cast<std::ptrdiff_t>(i),
                             text_.values().begin() + static_cast<std::ptrdiff_t>(end));
    for (std::size_t at = end; at < n_ && is_thai_letter(text_[at]) && at - i < words_.longest(); ++at) {
      candidate.push_back(text_[at]);
      if (boundary(at + 1) && words_.contains(candidate)) return 0;
    }
    return end;
  }
  // Title(s), given name and surname at i; the span's end, or 0.
  std::size_t person(std::size_t i) const {
    std::size_t end = title(i);
    if (!end) return 0;
    for (std::size_t more = title(skip_spaces(end)); more; more = title(skip_spaces(end))) end = more;
    const std::size_t given = name_part(skip_spaces(end), longest_given_name);
    if (!given) return 0;
    if (given < n_ && is_space(text_[given]))
      if (const std::size_t surname = name_part(skip_spaces(given), longest_surname)) return surname;
    return given;
  }

  void add(std::size_t end, std::size_t begin, std::vector<ProtectedSpan>& out) const {
    if (end > begin + 1) out.push_back({begin, end});
  }

  const CodePoints& text_;
  const std::vector<std::uint8_t>& flags_;
  const CompoundWords& words_;
  std::size_t n_;
};

}  // namespace

void find_protected_spans(const CodePoints& text, const std::vector<std::uint8_t>& flags,
                          const CompoundWords& words, std::vector<ProtectedSpan>& out) {
  Scanner(text, flags, words).scan(out);
}

}  // namespace raingan::text
