// The XLSX writer's parts that need no workbook: date serials, displayed text for column fitting, width
// conversions, the styles.xml font patch and sheet-name rules.
#include <doctest/doctest.h>

#include <array>
#include <cmath>
#include <stdexcept>

#include "core/diagnostic.h"
#include "templating/cell_range.h"
#include "xlsx/column_fit.h"
#include "xlsx/display_text.h"
#include "xlsx/excel_date.h"
#include "xlsx/number_formats.h"
#include "xlsx/sheet_setup.h"
#include "xlsx/styles_patch.h"
#include "xlsx_support.h"

using namespace raingan::templating;
using namespace raingan::xlsx;

TEST_CASE("xlsx: Excel date serials agree with LibreOffice from 1900-03-01") {
  CHECK(excel_serial({2024, 1, 31}) == 45322);  // LibreOffice shows 45322 as ๓๑ มกราคม ๒๕๖๗
  CHECK(excel_serial({1900, 3, 1}) == 61);
  CHECK(excel_serial({2000, 2, 29}) == 36585);
  CHECK(excel_serial({9999, 12, 31}) == 2958465);
  CHECK_THROWS_AS(excel_serial({1900, 2, 28}), std::invalid_argument);  // Excel 59, LibreOffice 1900-02-27
  CHECK_THROWS_AS(excel_serial({2023, 2, 29}), std::invalid_argument);
  CHECK_THROWS_AS(excel_serial({2024, 13, 1}), std::invalid_argument);
}

TEST_CASE("xlsx: displayed text of numbers and Buddhist-Era dates, for column fitting") {
  CHECK(display_text(1234567.891, number_formats::money) == "1,234,567.89");
  CHECK(display_text(-1234.5, number_formats::money) == "-1,234.50");
  CHECK(display_text(999, number_formats::money) == "999.00");
  CHECK(display_text(1234.5, number_formats::thai_digits_money) == "๑,๒๓๔.๕๐");
  CHECK(display_text(0.125, "0.0%") == "12.5%");
  CHECK(display_text(3.25, "") == "3.25");
  // The texts LibreOffice showed for these formats (number_formats.h).
  CHECK(display_text(45322, number_formats::thai_date_long) == "๓๑ มกราคม ๒๕๖๗");
  CHECK(display_text(45322, number_formats::thai_date_short) == "๓๑ ม.ค. ๖๗");
  CHECK(display_text(45322, number_formats::thai_date_numeric) == "๓๑/๑/๒๕๖๗");
  CHECK(display_text(45322, "[$-D07041E]dddd d mmmm yyyy") == "พุธ ๓๑ มกราคม ๒๕๖๗");
  CHECK(display_text(45322, "[$-1070000]d/mm/yyyy") == "31/01/2567");
}

TEST_CASE("xlsx: column widths in Excel's units") {
  // Excel stores 10 characters of Calibri 11 (MDW 7) as 10.7109375: (10*7 + 5) / 7, in 1/256.
  CHECK(stored_width_from_characters(10, 7) == doctest::Approx(10.7109375));
  // libxlsxwriter stores trunc((round(7w) + 5) / 7 * 256) / 256 for width w: never less than asked.
  for (const double wanted : {2.0, 5.5, 10.7109375, 13.33, 47.1}) {
    const double w = libxlsxwriter_width(wanted);
    const double stored = std::floor((std::round(w * 7) + 5) / 7 * 256) / 256;
    CHECK(stored >= wanted - 1.0 / 256);
    CHECK(stored < wanted + 1.0 / 7 + 1.0 / 256);
  }
  // 100 points of text with MDW 9: 134 px + 5 px padding + 9 px slack = 148 px = 16.44 characters.
  CHECK(stored_width_from_points(100, 9) == doctest::Approx(148.0 / 9).epsilon(0.001));

  raingan::test::LaksamanMeasure measure;
  CHECK(max_digit_width_pixels(measure, CellStyle{}) == 12);  // Laksaman 16 pt: digits 8.7 pt = 11.6 px

  ColumnFit fit({0, 12}, 20, 9);
  CHECK(fit.wants(0));
  CHECK_FALSE(fit.wants(1));  // explicit width
  fit.observe(0, 30);
  fit.observe(0, 80);
  fit.observe(0, 50);
  fit.observe(3, 1000);  // capped
  CHECK(fit.wants(0));
  CHECK_FALSE(fit.wants(3));
  const auto widths = fit.widths();
  REQUIRE(widths.size() == 3);
  CHECK(widths[0].col == 0);
  CHECK(widths[0].stored == doctest::Approx(stored_width_from_points(80, 9)));
  CHECK(widths[1].stored == doctest::Approx(stored_width_from_characters(12, 9)));
  CHECK(widths[2].col == 3);
  CHECK(widths[2].stored == doctest::Approx(stored_width_from_characters(20, 9)));
}

TEST_CASE("xlsx: styles.xml fonts get the Thai normal font and their charset") {
  const std::string xml =
      R"(<styleSheet><numFmts count="0"/><fonts count="3">)"
      R"(<font><sz val="11"/><color theme="1"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font>)"
      R"(<font><b/><sz val="16"/><color theme="1"/><name val="TH SarabunPSK"/><family val="2"/></font>)"
      R"(<font><sz val="10"/><color theme="1"/><name val="A &amp; B"/><family val="2"/></font>)"
      R"(</fonts><dxfs count="1"><dxf><font><b/></font></dxf></dxfs></styleSheet>)";
  const std::string patched = patch_styles_fonts(xml, CellStyle{}, {{"TH SarabunPSK", 222}, {"A & B", 0}});
  CHECK(
      patched ==
      R"(<styleSheet><numFmts count="0"/><fonts count="3">)"
      R"(<font><sz val="16"/><color theme="1"/><name val="TH SarabunPSK"/><family val="2"/><charset val="222"/></font>)"
      R"(<font><b/><sz val="16"/><color theme="1"/><name val="TH SarabunPSK"/><family val="2"/><charset val="222"/></font>)"
      R"(<font><sz val="10"/><color theme="1"/><name val="A &amp; B"/><family val="2"/></font>)"
      R"(</fonts><dxfs count="1"><dxf><font><b/></font></dxf></dxfs></styleSheet>)");
  CHECK_THROWS_AS(patch_styles_fonts("<styleSheet/>", CellStyle{}, {}), std::runtime_error);
}

TEST_CASE("xlsx: sheet names Excel would refuse are reported with the name") {
  CHECK_NOTHROW(validate_sheet_name("ทะเบียนคุมการจัดสรรงบประมาณ๒๕๖๗", "book.xlsx"));  // 31 characters
  for (const std::string bad :
       {"", "a/b", "a\\b", "a[1]", "a:b", "a*b", "a?b", "'quoted'", "ทะเบียนคุมการจัดสรรงบประมาณ๒๕๖๗๘"}) {
    CAPTURE(bad);
    try {
      validate_sheet_name(bad, "book.xlsx");
      FAIL("accepted");
    } catch (const raingan::InputError& error) {
      REQUIRE(error.diagnostics().size() == 1);
      CHECK(error.diagnostics()[0].file == "book.xlsx");
      CHECK(error.diagnostics()[0].location == "sheet '" + bad + "'");
    }
  }
  CHECK_THROWS_WITH(validate_sheet_name("ทะเบียนคุมการจัดสรรงบประมาณ๒๕๖๗๘", "b.xlsx"),
                    doctest::Contains("at most 31 characters, found 32"));
  CHECK(column_name(0) == "A");
  CHECK(column_name(25) == "Z");
  CHECK(column_name(27) == "AB");
  CHECK(column_name(16383) == "XFD");
  CHECK(range_name({1, 0, 20, 7}) == "A2:H21");
}
