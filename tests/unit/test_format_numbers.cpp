// Thai digits, exact decimals, money in satang and percentages.
#include <doctest/doctest.h>

#include <limits>
#include <string>

#include "format/decimal.h"
#include "format/money.h"
#include "format/percent.h"
#include "format/thai_digits.h"
#include "format/value_error.h"

using namespace raingan::format;

namespace {

// The message of the ValueError that `action` throws, or "" when it throws none.
template <typename Action>
std::string error_of(Action action) {
  try {
    action();
  } catch (const ValueError& error) {
    return error.what();
  }
  return "";
}

}  // namespace

TEST_CASE("Thai digits replace exactly the ASCII digits") {
  CHECK(to_thai_digits("2569") == "๒๕๖๙");
  CHECK(to_thai_digits("0123456789") == "๐๑๒๓๔๕๖๗๘๙");
  CHECK(to_thai_digits("ข้อ 1.2 หน้า 10") == "ข้อ ๑.๒ หน้า ๑๐");
  CHECK(to_thai_digits("") == "");
  CHECK(thai_digits(2569) == "๒๕๖๙");
  CHECK(thai_digits(0) == "๐");
  CHECK(thai_digits(-42) == "-๔๒");
  CHECK(with_digits("12", Digits::arabic) == "12");
  // U+0E50..U+0E59 as UTF-8 bytes E0 B9 90..99.
  CHECK(to_thai_digits("9") == "\xE0\xB9\x99");
}

TEST_CASE("Decimal reads JSON-style numbers exactly") {
  CHECK(Decimal::parse("1250000.00") == Decimal::parse("1250000"));
  CHECK(Decimal::parse("1.25e3") == Decimal::parse("1250"));
  CHECK(Decimal::parse("125E-2") == Decimal::parse("1.25"));
  CHECK(Decimal::parse("-0.00").is_zero());
  CHECK_FALSE(Decimal::parse("-0").negative());
  CHECK(Decimal::parse("+7") == Decimal::from_int(7));
  CHECK(Decimal::parse("0.1").canonical() == "1e-1");
  CHECK(Decimal::parse("1.250").canonical() == Decimal::parse("0.125e1").canonical());
  CHECK(Decimal::parse("12.0").is_integer());
  CHECK_FALSE(Decimal::parse("12.5").is_integer());
  CHECK(Decimal::parse("1.005").decimal_places() == 3);
  CHECK(Decimal::parse("1.50").decimal_places() == 1);
  for (const char* bad : {"", "-", "abc", "1.", ".5", "1e", "1e+", "1,000", "0x10", "1 2", "NaN"})
    CHECK_MESSAGE(error_of([&] { Decimal::parse(bad); }).find("expected a decimal number") == 0, bad);
  CHECK(error_of([] { Decimal::parse("1e99999999999"); }).find("exponent is too large") != std::string::npos);
}

TEST_CASE("Decimal compares by value, not by text or binary approximation") {
  CHECK(Decimal::parse("0.1") < Decimal::parse("0.11"));
  CHECK(Decimal::parse("-2") < Decimal::parse("-1.5"));
  CHECK(Decimal::parse("-0.5") < Decimal::parse("0"));
  CHECK(Decimal::parse("10") > Decimal::parse("9.999"));
  CHECK(Decimal::parse("1e2") > Decimal::parse("99"));
  CHECK(Decimal::parse("3") == Decimal::parse("3.000"));
  // 0.1 + 0.2 in binary is 0.30000000000000004; as decimals the comparison is exact.
  CHECK(Decimal::parse("0.30000000000000004") > Decimal::parse("0.3"));
}

TEST_CASE("Decimal scales to integers exactly or not at all") {
  CHECK(Decimal::parse("12.5").scaled(2) == 1250);
  CHECK(Decimal::parse("12.345").scaled(2) == std::nullopt);
  CHECK(Decimal::parse("9223372036854775807").to_int64() == std::numeric_limits<std::int64_t>::max());
  CHECK(Decimal::parse("-9223372036854775808").to_int64() == std::numeric_limits<std::int64_t>::min());
  CHECK(Decimal::parse("9223372036854775808").to_int64() == std::nullopt);
  CHECK(Decimal::parse("1e400").to_int64() == std::nullopt);
  CHECK(Decimal::parse("1.2e1").to_int64() == 12);
  CHECK(Decimal::parse("0.1").to_double() == doctest::Approx(0.1));
}

TEST_CASE("Rounding is half away from zero on the exact decimal") {
  CHECK(Decimal::parse("2.675").to_fixed(2) == "2.68");  // binary 2.675 is 2.67499999…
  CHECK(Decimal::parse("1.005").to_fixed(2) == "1.01");
  CHECK(Decimal::parse("-0.125").to_fixed(2) == "-0.13");
  CHECK(Decimal::parse("0.004").to_fixed(2) == "0.00");
  CHECK(Decimal::parse("-0.004").to_fixed(2) == "0.00");
  CHECK(Decimal::parse("99.995").to_fixed(2) == "100.00");
  CHECK(Decimal::parse("0.5").to_fixed(0) == "1");
  CHECK(Decimal::parse("0.05").to_fixed(0) == "0");
  CHECK(Decimal::parse("12").to_fixed(3) == "12.000");
  CHECK(Decimal::parse("1.5e-7").to_fixed(2) == "0.00");
  CHECK(format_fixed(Decimal::parse("85.125"), 2) == "85.13");
  CHECK(format_fixed(Decimal::parse("85.125"), 1, Digits::thai) == "๘๕.๑");
}

TEST_CASE("Percentages of integers round half away from zero") {
  CHECK(format_percent(1, 3, 2) == "33.33");
  CHECK(format_percent(2, 3, 2) == "66.67");
  CHECK(format_percent(1, 8, 1) == "12.5");
  CHECK(format_percent(1, 200, 0) == "1");    // 0.5 % rounds up
  CHECK(format_percent(-1, 200, 0) == "-1");  // and away from zero when negative
  CHECK(format_percent(1, 400, 0) == "0");
  CHECK(format_percent(3, 3, 2) == "100.00");
  CHECK(format_percent(7, 8, 2, Digits::thai) == "๘๗.๕๐");
  CHECK(error_of([] { format_percent(1, 0, 2); }).find("non-zero total") != std::string::npos);
}

TEST_CASE("Money is parsed to satang exactly") {
  CHECK(parse_satang("1250000.00") == 125000000);
  CHECK(parse_satang("0.1") == 10);
  CHECK(parse_satang("0.2") + parse_satang("0.1") == parse_satang("0.3"));
  CHECK(parse_satang("-0.50") == -50);
  CHECK(parse_satang("1.25e3") == 125000);
  CHECK(parse_satang("125e-2") == 125);
  CHECK(parse_satang("1,234,567.50") == 123456750);
  CHECK(parse_satang("101.250") == 10125);  // a trailing zero adds no precision
  CHECK(parse_satang("0") == 0);
  CHECK(parse_satang("92233720368547758.07") == std::numeric_limits<std::int64_t>::max());
  CHECK(parse_satang("-92233720368547758.08") == std::numeric_limits<std::int64_t>::min());

  CHECK(error_of([] { parse_satang("1.005"); }).find("at most two decimals") != std::string::npos);
  CHECK(error_of([] { parse_satang("1.2345e2"); }) == "");  // 123.45
  CHECK(error_of([] { parse_satang("1.23456e2"); }).find("at most two decimals") != std::string::npos);
  CHECK(error_of([] { parse_satang("1e400"); }).find("within ±92,233,720,368,547,758.07 baht") !=
        std::string::npos);
  CHECK(error_of([] { parse_satang("92233720368547758.08"); }).find("within") != std::string::npos);
  CHECK(error_of([] { parse_satang("12,34.00"); }).find("commas every three digits") != std::string::npos);
  CHECK(error_of([] { parse_satang("1,2345"); }).find("commas every three digits") != std::string::npos);
  CHECK(error_of([] { parse_satang("1.5,0"); }).find("commas only between thousands") != std::string::npos);
  CHECK(error_of([] { parse_satang("บาท"); }).find("expected a decimal number") == 0);
}

TEST_CASE("Money and integers are printed grouped, optionally in Thai digits") {
  CHECK(format_money(123456750) == "1,234,567.50");
  CHECK(format_money(5) == "0.05");
  CHECK(format_money(-50) == "-0.50");
  CHECK(format_money(0) == "0.00");
  CHECK(format_money(100000) == "1,000.00");
  CHECK(format_money(std::numeric_limits<std::int64_t>::min()) == "-92,233,720,368,547,758.08");
  CHECK(format_money(123456750, Digits::thai) == "๑,๒๓๔,๕๖๗.๕๐");
  CHECK(group_thousands(1234567) == "1,234,567");
  CHECK(group_thousands(999) == "999");
  CHECK(group_thousands(-1000) == "-1,000");
  CHECK(group_thousands(2569, Digits::thai) == "๒,๕๖๙");
}
