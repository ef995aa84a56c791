// How cells' texts become values: Thai digits, numbers with separators, exact decimals, dates in both of
// Excel's date systems and as Thai offices write them, enum values, yes and no.
#include <doctest/doctest.h>

#include <string>

#include "dataset/schema.h"
#include "intake/cell_conversion.h"
#include "intake/cell_text.h"
#include "intake/schema_facets.h"

using namespace raingan;
using namespace raingan::intake;

namespace {

std::string iso(const std::optional<format::Date>& date) { return date ? format::to_iso(*date) : "none"; }

// The cell converted for the schema, as JSON text or "error: …".
std::string converted(const std::string& schema, CellInput cell, bool date1904 = false) {
  const dataset::Schema compiled = dataset::Schema::load_text(schema, "s.schema.json");
  const Converted result = convert_cell(cell, facets_of(compiled.root()), date1904);
  if (!result.error.empty()) return "error: " + result.error;
  if (!result.value) return "empty";
  return to_json(*result.value).substr(0, to_json(*result.value).size() - 1);
}

CellInput text(std::string_view value) { return {CellType::text, false, value, false}; }
CellInput stored(std::string_view value, bool date = false) { return {CellType::number, date, value, true}; }

}  // namespace

TEST_CASE("intake cells: Excel serials in the 1900 system, with its day that never was") {
  CHECK(iso(serial_date("1", false)) == "1900-01-01");
  CHECK(iso(serial_date("59", false)) == "1900-02-28");
  CHECK(iso(serial_date("60", false)) == "none");  // 29 February 1900 (Lotus 1-2-3's leap year)
  CHECK(iso(serial_date("61", false)) == "1900-03-01");
  CHECK(iso(serial_date("45322", false)) == "2024-01-31");
  CHECK(iso(serial_date("46346.75", false)) == "2026-11-20");  // the time of day is dropped
  CHECK(iso(serial_date("0", false)) == "none");
  CHECK(iso(serial_date("-3", false)) == "none");
  CHECK(iso(serial_date("2958465", false)) == "9999-12-31");
  CHECK(iso(serial_date("2958466", false)) == "none");
}

TEST_CASE("intake cells: Excel serials in the 1904 system") {
  CHECK(iso(serial_date("0", true)) == "1904-01-01");
  CHECK(iso(serial_date("43860", true)) == "2024-01-31");  // 1462 days less than in the 1900 system
}

TEST_CASE("intake cells: dates as Thai offices write them, a year above 2400 is Buddhist Era") {
  CHECK(iso(typed_date("๒๐ พ.ย. ๒๕๖๙")) == "2026-11-20");
  CHECK(iso(typed_date("20 พฤศจิกายน 2569")) == "2026-11-20");
  CHECK(iso(typed_date("วันที่ 20 พฤศจิกายน พ.ศ. 2569")) == "2026-11-20");
  CHECK(iso(typed_date("20/11/2569")) == "2026-11-20");
  CHECK(iso(typed_date("20-11-2569")) == "2026-11-20");
  CHECK(iso(typed_date("20/11/69")) == "2026-11-20");  // two digits: Buddhist Era 25xx
  CHECK(iso(typed_date("20 พ.ย.69")) == "2026-11-20");
  CHECK(iso(typed_date("20 พย 2569")) == "2026-11-20");
  CHECK(iso(typed_date("20/11/2026")) == "2026-11-20");
  CHECK(iso(typed_date("20 พ.ย. ค.ศ. 2026")) == "2026-11-20");
  CHECK(iso(typed_date("2026-11-20")) == "2026-11-20");
  CHECK(iso(typed_date("2026-11-20T00:00:00")) == "2026-11-20");
  CHECK(iso(typed_date(" 1 ม.ค. 2570 ")) == "2027-01-01");
  CHECK(iso(typed_date("29/2/2567")) == "2024-02-29");
  CHECK(iso(typed_date("29/2/2569")) == "none");  // 2026 is not a leap year
  CHECK(iso(typed_date("31/04/2569")) == "none");
  CHECK(iso(typed_date("20 ธันวา 2569")) == "none");
  CHECK(iso(typed_date("ไกล")) == "none");
  CHECK(iso(typed_date("1.5")) == "none");
}

TEST_CASE("intake cells: numbers as typed, and as spreadsheets store them, kept exact") {
  CHECK(typed_number("๑,๒๓๔.๕๐").value_or("none") == "1234.5");
  CHECK(typed_number(" 1,234,567 ").value_or("none") == "1234567");
  CHECK(typed_number("(1,234.00)").value_or("none") == "-1234");
  CHECK(typed_number("฿ 250").value_or("none") == "250");
  CHECK(typed_number("-0.5").value_or("none") == "-0.5");
  CHECK(typed_number("007").value_or("none") == "7");
  CHECK_FALSE(typed_number("1,23"));
  CHECK_FALSE(typed_number("12,34,567"));
  CHECK_FALSE(typed_number("ไกล"));
  CHECK_FALSE(typed_number("2.6 กม."));
  CHECK_FALSE(typed_number(""));
  // What a spreadsheet stored from a double, read as it shows (15 significant digits): no binary noise.
  CHECK(plain_number("2.6200000000000001", 15).value_or("none") == "2.62");
  CHECK(plain_number("0.30000000000000004", 15).value_or("none") == "0.3");
  CHECK(plain_number("6702000.5", 15).value_or("none") == "6702000.5");
  CHECK(plain_number("1234567.8899999999", 15).value_or("none") == "1234567.89");
  CHECK(plain_number("9.9999999999999995E-3", 15).value_or("none") == "0.01");
  CHECK(plain_number("1.5E-3").value_or("none") == "0.0015");
  CHECK(plain_number("1E+21").value_or("none") == "1000000000000000000000");
  CHECK(plain_number("12345678901234567890").value_or("none") == "12345678901234567890");  // typed: all kept
  CHECK(plain_number("-0").value_or("none") == "0");
}

TEST_CASE("intake cells: a money column keeps satang exactly and a bad amount says what was expected") {
  const std::string money = R"({"type": "number", "x-money": true, "minimum": 0})";
  CHECK(converted(money, stored("1234567.8899999999")) == "1234567.89");
  CHECK(converted(money, text("1,234,567.89")) == "1234567.89");
  CHECK(converted(money, text("ห้าร้อย")) == "error: expected an amount in baht >= 0, found \"ห้าร้อย\"");
  const std::string distance = R"({"type": "number", "minimum": 0, "maximum": 500})";
  CHECK(converted(distance, text("ไกล")) == "error: expected a number >= 0 and <= 500, found \"ไกล\"");
  CHECK(converted(distance, text("  ")) == "empty");
  CHECK(converted(distance, {CellType::error, false, "#DIV/0!", false}) ==
        "error: expected a number >= 0 and <= 500, found the error #DIV/0!");
  CHECK(converted(R"({"type": "integer"})", text("๒๕๖๙")) == "2569");
}

TEST_CASE("intake cells: enum values match whatever their digits and spacing, numbers by value") {
  const std::string level = R"({"enum": ["อ.1", "ป.1", "ป.2", "ม.3"]})";
  CHECK(converted(level, text("ป.๒")) == "\"ป.2\"");
  CHECK(converted(level, text(" ป. 2 ")) == "\"ป.2\"");
  CHECK(converted(level, text("ป.7")) == "error: expected one of อ.1, ป.1, ป.2, ม.3, found \"ป.7\"");
  const std::string round = R"({"enum": [6, 9, 12]})";
  CHECK(converted(round, stored("9")) == "9");
  CHECK(converted(round, text("๑๒")) == "12");
  CHECK(converted(round, text("12.0")) == "12");
  CHECK(converted(R"({"enum": ["1.1", "1.2"]})", stored("1.2")) == "\"1.2\"");
  // x-aliases: what offices write instead (a DMC export's level names).
  const std::string named = R"({"enum": ["ป.1", "ป.2"], "x-aliases": {"ประถมศึกษาปีที่ 2": "ป.2"}})";
  CHECK(converted(named, text("ประถมศึกษาปีที่ ๒")) == "\"ป.2\"");
  CHECK(converted(named, text("ป.๑")) == "\"ป.1\"");
}

TEST_CASE("intake cells: dates from serials (date system aware) and from text, yes and no in Thai") {
  const std::string date = R"({"type": "string", "format": "date"})";
  CHECK(converted(date, stored("46346", true)) == "\"2026-11-20\"");
  CHECK(converted(date, stored("44884", true), true) == "\"2026-11-20\"");
  CHECK(converted(date, text("๒๐ พ.ย. ๒๕๖๙")) == "\"2026-11-20\"");
  CHECK(converted(date, text("พรุ่งนี้")).starts_with("error: expected a date such as 20/11/2569"));
  const std::string flag = R"({"type": "boolean"})";
  CHECK(converted(flag, text("ใช่")) == "true");
  CHECK(converted(flag, text("ไม่มี")) == "false");
  CHECK(converted(flag, {CellType::boolean, false, "1", false}) == "true");
  CHECK(converted(flag, text("บางที")) == "error: expected ใช่ or ไม่ใช่ (yes or no), found \"บางที\"");
}

TEST_CASE(
    "intake cells: text columns keep codes as typed, and numbers and dates as a spreadsheet shows them") {
  const std::string code = R"({"type": "string"})";
  CHECK(converted(code, text("  65020001 ")) == "\"65020001\"");
  CHECK(converted(code, stored("65020001")) == "\"65020001\"");
  CHECK(converted(code, stored("1.2345678901234E+12")) == "\"1234567890123.4\"");
  CHECK(converted(code, stored("46346", true)) == "\"2026-11-20\"");
  CHECK(converted(code, text("โรงเรียน\nบ้านนา")) == "\"โรงเรียน\\nบ้านนา\"");
}

TEST_CASE("intake cells: titles compare after trimming and collapsing white space, and Thai digits") {
  CHECK(title_key(" ระยะทาง\n(กม.) ") == title_key("ระยะทาง (กม.)"));
  CHECK(title_key("ระยะทาง\u00A0 (กม.)") == "ระยะทาง (กม.)");
  CHECK(title_key("ไตรมาส ๑") == title_key("ไตรมาส 1"));
  CHECK(title_key("Distance_KM") == "distance_km");
  CHECK(title_key("ระยะทาง(กม.)") != title_key("ระยะทาง (กม.)"));
  CHECK(std::string(trim("\u200B ป.2 \u00A0")) == "ป.2");
}
