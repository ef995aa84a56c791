// BAHTTEXT: amounts in Thai words.
#include <doctest/doctest.h>

#include <limits>
#include <string>

#include "format/baht_text.h"
#include "format/money.h"

using namespace raingan::format;

namespace {
std::string words(const char* baht) { return baht_text(parse_satang(baht)); }
std::string tens_only(const char* baht) { return baht_text(parse_satang(baht), EtStyle::tens_only); }
}  // namespace

TEST_CASE("BAHTTEXT: the documented cases") {
  CHECK(words("21") == "ยี่สิบเอ็ดบาทถ้วน");
  CHECK(words("101") == "หนึ่งร้อยเอ็ดบาทถ้วน");
  CHECK(words("101.25") == "หนึ่งร้อยเอ็ดบาทยี่สิบห้าสตางค์");
  CHECK(words("0.50") == "ห้าสิบสตางค์");
  CHECK(words("1000000") == "หนึ่งล้านบาทถ้วน");
  CHECK(words("0") == "ศูนย์บาทถ้วน");
  CHECK(words("0.01") == "หนึ่งสตางค์");
  CHECK(words("11") == "สิบเอ็ดบาทถ้วน");
  CHECK(words("1001") == "หนึ่งพันเอ็ดบาทถ้วน");
  CHECK(words("100000000") == "หนึ่งร้อยล้านบาทถ้วน");
  CHECK(words("1000000.50") == "หนึ่งล้านบาทห้าสิบสตางค์");
  CHECK(words("10000000000021") == "สิบล้านล้านยี่สิบเอ็ดบาทถ้วน");
  CHECK(words("-5") == "ลบห้าบาทถ้วน");
  CHECK(words("-0.75") == "ลบเจ็ดสิบห้าสตางค์");
}

TEST_CASE("BAHTTEXT: results recorded from Excel's BAHTTEXT") {
  CHECK(words("0.11") == "สิบเอ็ดสตางค์");
  CHECK(words("0.21") == "ยี่สิบเอ็ดสตางค์");
  CHECK(words("1.5") == "หนึ่งบาทห้าสิบสตางค์");
  CHECK(words("11.01") == "สิบเอ็ดบาทหนึ่งสตางค์");
  CHECK(words("111") == "หนึ่งร้อยสิบเอ็ดบาทถ้วน");
  CHECK(words("201") == "สองร้อยเอ็ดบาทถ้วน");
  CHECK(words("501.11") == "ห้าร้อยเอ็ดบาทสิบเอ็ดสตางค์");
  CHECK(words("2001") == "สองพันเอ็ดบาทถ้วน");
  CHECK(words("2111") == "สองพันหนึ่งร้อยสิบเอ็ดบาทถ้วน");
  CHECK(words("31000000.31") == "สามสิบเอ็ดล้านบาทสามสิบเอ็ดสตางค์");
  CHECK(words("501000000") == "ห้าร้อยเอ็ดล้านบาทถ้วน");
  CHECK(words("-11001001") == "ลบสิบเอ็ดล้านหนึ่งพันเอ็ดบาทถ้วน");
}

TEST_CASE("BAHTTEXT: tens and twenties") {
  CHECK(words("10") == "สิบบาทถ้วน");
  CHECK(words("12") == "สิบสองบาทถ้วน");
  CHECK(words("20") == "ยี่สิบบาทถ้วน");
  CHECK(words("22") == "ยี่สิบสองบาทถ้วน");
  CHECK(words("99") == "เก้าสิบเก้าบาทถ้วน");
  CHECK(words("120000") == "หนึ่งแสนสองหมื่นบาทถ้วน");
  CHECK(words("210") == "สองร้อยสิบบาทถ้วน");
  CHECK(words("0.10") == "สิบสตางค์");
  CHECK(words("0.20") == "ยี่สิบสตางค์");
}

TEST_CASE("BAHTTEXT: each group of six digits before ล้าน is a number of its own") {
  // The 1 that ends the part after ล้าน is หนึ่ง when that part is just 1 (as LibreOffice writes it too).
  CHECK(words("1000001") == "หนึ่งล้านหนึ่งบาทถ้วน");
  CHECK(words("1000011") == "หนึ่งล้านสิบเอ็ดบาทถ้วน");
  CHECK(words("1001000") == "หนึ่งล้านหนึ่งพันบาทถ้วน");
  CHECK(words("21000000") == "ยี่สิบเอ็ดล้านบาทถ้วน");
  CHECK(words("1000000000000") == "หนึ่งล้านล้านบาทถ้วน");
  CHECK(words("1000001000000") == "หนึ่งล้านหนึ่งล้านบาทถ้วน");
  CHECK(words("5001000000") == "ห้าพันเอ็ดล้านบาทถ้วน");
  CHECK(words("1234567.89") == "หนึ่งล้านสองแสนสามหมื่นสี่พันห้าร้อยหกสิบเจ็ดบาทแปดสิบเก้าสตางค์");
}

TEST_CASE("BAHTTEXT: the tens-only style reads a final 1 as เอ็ด only after a tens digit") {
  CHECK(tens_only("101") == "หนึ่งร้อยหนึ่งบาทถ้วน");
  CHECK(tens_only("1001") == "หนึ่งพันหนึ่งบาทถ้วน");
  CHECK(tens_only("21") == "ยี่สิบเอ็ดบาทถ้วน");
  CHECK(tens_only("111") == "หนึ่งร้อยสิบเอ็ดบาทถ้วน");
  CHECK(tens_only("501000000") == "ห้าร้อยหนึ่งล้านบาทถ้วน");
  CHECK(tens_only("0.01") == "หนึ่งสตางค์");
  CHECK(tens_only("0.11") == "สิบเอ็ดสตางค์");
}

TEST_CASE("BAHTTEXT: the whole int64 range") {
  CHECK(baht_text(std::numeric_limits<std::int64_t>::max()) ==
        "เก้าหมื่นสองพันสองร้อยสามสิบสามล้านเจ็ดแสนสองหมื่นสามร้อยหกสิบแปดล้านห้าแสนสี่หมื่นเจ็ดพันเจ็ดร้อยห้าสิบแปดบาท"
        "เจ็ดสตางค์");
  CHECK(baht_text(std::numeric_limits<std::int64_t>::min()).rfind("ลบเก้าหมื่น", 0) == 0);
  CHECK(thai_number_words(0) == "ศูนย์");
  CHECK(thai_number_words(1) == "หนึ่ง");
  CHECK(thai_number_words(101) == "หนึ่งร้อยเอ็ด");
}

TEST_CASE("BAHTTEXT: a line may end between the groups of an amount in words, never inside one") {
  auto parts = [](std::string_view words) {
    std::vector<std::string> out;
    std::string joined;
    for (std::string_view part : raingan::format::baht_text_parts(words)) {
      out.emplace_back(part);
      joined += part;
    }
    CHECK(joined == words);
    return out;
  };
  using Parts = std::vector<std::string>;
  CHECK(parts(words("6702000.50")) == Parts{"หกล้าน", "เจ็ดแสน", "สองพันบาท", "ห้าสิบสตางค์"});
  CHECK(parts(words("4475500")) == Parts{"สี่ล้าน", "สี่แสน", "เจ็ดหมื่น", "ห้าพัน", "ห้าร้อยบาทถ้วน"});
  CHECK(parts(words("207999.50")) == Parts{"สองแสน", "เจ็ดพัน", "เก้าร้อย", "เก้าสิบเก้าบาท", "ห้าสิบสตางค์"});
  // Before the unit a group counts, before ถ้วน and inside the count of millions: no end.
  CHECK(parts(words("100000000")) == Parts{"หนึ่งร้อยล้านบาทถ้วน"});
  CHECK(parts(words("5001000000")) == Parts{"ห้าพันเอ็ดล้านบาทถ้วน"});
  CHECK(parts(words("1000001000000")) == Parts{"หนึ่งล้าน", "หนึ่งล้านบาทถ้วน"});
  CHECK(parts(words("0.50")) == Parts{"ห้าสิบสตางค์"});
  CHECK(parts("") == Parts{""});
}
