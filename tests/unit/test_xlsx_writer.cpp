// The XLSX writer end to end: the package it writes is opened as a zip and its XML checked for what Excel
// and LibreOffice read (fonts and charsets, number formats, panes, filters, print setup, protection,
// merges, cached formula values), and failures leave no file or keep the older one.
#include <doctest/doctest.h>
#include <unistd.h>

#include <array>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <regex>
#include <string>
#include <vector>

#include "core/diagnostic.h"
#include "templating/cell_placement.h"
#include "xlsx/column_fit.h"
#include "xlsx/number_formats.h"
#include "xlsx/workbook_writer.h"
#include "xlsx_support.h"

namespace fs = std::filesystem;
using namespace raingan::templating;
using namespace raingan::xlsx;
using raingan::InputError;
using raingan::test::read_zip_member;

namespace {

struct Scratch {
  fs::path folder = fs::temp_directory_path() / ("raingan-xlsx-" + std::to_string(::getpid()));
  Scratch() { fs::create_directories(folder); }
  ~Scratch() {
    std::error_code ec;
    fs::remove_all(folder, ec);
  }
  fs::path operator/(const std::string& name) const { return folder / name; }
  // Files in the folder other than `keep`: what a failed write must not leave behind.
  std::vector<std::string> leftovers() const {
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(folder))
      names.push_back(entry.path().filename().string());
    return names;
  }
};

int count(const std::string& text, const std::string& what) {
  int n = 0;
  for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

// What libxlsxwriter stores in <col width> when the writer asks for `wanted`.
double libxlsxwriter_stored(double wanted) {
  return std::floor((std::round(libxlsxwriter_width(wanted) * 7) + 5) / 7 * 256) / 256;
}

// A small transport-allowance register with every feature the writer offers.
void write_register(const fs::path& path, bool constant_memory) {
  raingan::test::LaksamanMeasure measure;
  WorkbookWriter writer(path,
                        {.properties = {.title = "ทะเบียนค่าพาหนะ",
                                        .author = "กลุ่มนโยบายและแผน",
                                        .company = "สพป.ขอนแก่น เขต ๕",
                                        .keywords = "ค่าพาหนะ"},
                         .constant_memory = constant_memory},
                        measure);
  const StyleId header = writer.add_style({.bold = true,
                                           .h_align = CellStyle::HAlign::center,
                                           .border = CellStyle::Border::thin,
                                           .fill_rgb = 0xD9E1F2});
  const StyleId money = writer.add_style({.number_format = std::string(number_formats::money)});
  const StyleId date = writer.add_style({.number_format = std::string(number_formats::thai_date_long)});
  const StyleId input = writer.add_style({.locked = false});
  CHECK(writer.add_style({.number_format = std::string(number_formats::money)}) == money);

  SheetSetup setup{.name = "ทะเบียน", .column_widths = {0, 0, 20}, .freeze_rows = 2};
  setup.autofilter = CellRange{1, 0, 4, 3};
  setup.print.landscape = true;
  setup.print.repeat_rows_first = 0;
  setup.print.repeat_rows_last = 1;
  setup.tab_rgb = 0x00B050;
  writer.begin_sheet(setup);
  raingan::test::PlacedRows rows(writer);
  // Row 0: a title over four columns; rows 1-2: "โรงเรียน" spans two rows.
  rows.write(0, std::array{Cell{"ทะเบียนค่าพาหนะรับ-ส่งนักเรียน ปีการศึกษา ๒๕๖๗ (หัวเรื่องยาวมาก)", header, 4}});
  rows.write(1,
             std::array{Cell{"โรงเรียน", header, 1, 3}, Cell{"เงิน", header}, Cell{"วันที่", header},
                        Cell{"ผ่าน", header}},
             30);
  rows.write(2, std::array{Cell{Formula{"SUM(B4:B5)", 7000.0}, money}, Cell{CellDate{2024, 1, 31}, date},
                           Cell{Formula{"=B3>0", true}}});
  rows.write(3,
             std::array{Cell{baht_from_satang(300000), money},
                        Cell{Formula{"TEXT(1,\"0\")&\"ก\"", std::string("1ก")}, input}, Cell{12.0, input}});
  rows.write(4, std::array{Cell{"โรงเรียนบ้านโคกสูง (ประชาสามัคคี)"}, Cell{baht_from_satang(400000), money}});
  writer.add_conditional_format({4, 1, 4, 1},
                                {.formula = "AND($B5>1000,$D5<>\"เสร็จ\")", .fill_rgb = 0xFFC7CE});
  writer.add_list_validation({3, 3, 4, 3}, {.allowed = {"รอดำเนินการ", "เสร็จ"}});
  rows.end();
  writer.end_sheet();
  writer.begin_sheet({.name = "ว่าง", .protect = false});
  writer.finish();
}

}  // namespace

TEST_CASE("xlsx writer: Thai fonts with charset 222 everywhere, number formats, locked flags") {
  Scratch scratch;
  const fs::path path = scratch / "register.xlsx";
  write_register(path, true);
  const std::string styles = read_zip_member(path, "xl/styles.xml");
  REQUIRE_FALSE(styles.empty());

  const std::string fonts =
      styles.substr(styles.find("<fonts"), styles.find("</fonts>") - styles.find("<fonts"));
  const int font_count = count(fonts, "<font>");
  CHECK(font_count >= 2);
  CHECK(count(fonts, "<name val=\"TH SarabunPSK\"/><family val=\"2\"/><charset val=\"222\"/>") == font_count);
  CHECK(count(fonts, "<scheme") == 0);  // a theme font would replace TH SarabunPSK
  // The first font is the Normal style's (empty cells, header/footer, width unit): TH SarabunPSK 16.
  CHECK(fonts.find("<font><sz val=\"16\"/><color theme=\"1\"/><name val=\"TH SarabunPSK\"/>") ==
        fonts.find("<font>"));
  CHECK(styles.find("<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\"") != std::string::npos);

  CHECK(styles.find("formatCode=\"#,##0.00\"") != std::string::npos);
  CHECK(styles.find("formatCode=\"[$-D07041E]d mmmm yyyy\"") != std::string::npos);
  CHECK(count(styles, "<protection locked=\"0\"/>") == 1);  // the input style; its formula twin is locked
  CHECK(styles.find("<dxf><fill><patternFill") != std::string::npos);
}

TEST_CASE("xlsx writer: panes, filter, print setup, protection, merges and cached values") {
  for (const bool constant_memory : {true, false}) {
    CAPTURE(constant_memory);
    Scratch scratch;
    const fs::path path = scratch / "register.xlsx";
    write_register(path, constant_memory);
    const std::string sheet = read_zip_member(path, "xl/worksheets/sheet1.xml");
    REQUIRE_FALSE(sheet.empty());

    CHECK(sheet.find("<tabColor rgb=\"FF00B050\"/><pageSetUpPr fitToPage=\"1\"/>") != std::string::npos);
    CHECK(sheet.find("<pane ySplit=\"2\" topLeftCell=\"A3\" activePane=\"bottomLeft\" state=\"frozen\"/>") !=
          std::string::npos);
    CHECK(sheet.find("<autoFilter ref=\"A2:D5\"/>") != std::string::npos);
    CHECK(sheet.find("<pageSetup paperSize=\"9\" fitToHeight=\"0\" orientation=\"landscape\"/>") !=
          std::string::npos);
    CHECK(sheet.find("<printOptions horizontalCentered=\"1\"/>") != std::string::npos);
    CHECK(sheet.find("<pageMargins left=\"0.7\" right=\"0.7\" top=\"0.75\" bottom=\"0.75\"") !=
          std::string::npos);
    CHECK(sheet.find("<oddFooter>&amp;Cหน้า &amp;P / &amp;N</oddFooter>") != std::string::npos);
    // Protected without a password; filtering and column widths stay allowed.
    CHECK(sheet.find("<sheetProtection sheet=\"1\" objects=\"1\" scenarios=\"1\" formatColumns=\"0\" "
                     "autoFilter=\"0\"/>") != std::string::npos);
    CHECK(sheet.find("password") == std::string::npos);

    CHECK(sheet.find("<mergeCell ref=\"A1:D1\"/>") != std::string::npos);
    CHECK(sheet.find("<mergeCell ref=\"A2:A4\"/>") != std::string::npos);
    CHECK(count(sheet, "<mergeCell ") == 2);
    // The anchor keeps its value; rows 3 and 4 start in column B, after the merged column A.
    // Constant memory writes strings inline, the normal mode through the shared-string table.
    CHECK(std::regex_search(
        sheet, std::regex(constant_memory ? "<c r=\"A2\" s=\"\\d+\" t=\"inlineStr\"><is><t>โรงเรียน</t>"
                                          : "<c r=\"A2\" s=\"\\d+\" t=\"s\"><v>\\d+</v>")));
    CHECK(
        std::regex_search(sheet, std::regex("<c r=\"A3\" s=\"\\d+\"/><c r=\"B3\" s=\"\\d+\"><f>SUM\\(B4:B5\\)"
                                            "</f><v>7000</v></c><c r=\"C3\" s=\"\\d+\"><v>45322</v></c>")));
    CHECK(sheet.find("<f>B3&gt;0</f><v>1</v>") != std::string::npos);  // "=" dropped, bool cached as 1
    CHECK(std::regex_search(sheet, std::regex("<c r=\"C4\" s=\"\\d+\" t=\"str\"><f>TEXT\\(1,\"0\"\\)"
                                              "&amp;\"ก\"</f><v>1ก</v></c>")));
    CHECK(sheet.find("<c r=\"A5\"") != std::string::npos);  // below the merge, column A again
    CHECK(sheet.find("<conditionalFormatting sqref=\"B5\">") != std::string::npos);
    CHECK(sheet.find("<formula1>\"รอดำเนินการ,เสร็จ\"</formula1>") != std::string::npos);
    CHECK(std::regex_search(sheet, std::regex("<row r=\"2\"( spans=\"1:4\")? ht=\"30\" customHeight=\"1\"")));

    const std::string workbook = read_zip_member(path, "xl/workbook.xml");
    CHECK(workbook.find("<definedName name=\"_xlnm.Print_Titles\" localSheetId=\"0\">'ทะเบียน'!$1:$2"
                        "</definedName>") != std::string::npos);
    CHECK(workbook.find("<definedName name=\"_xlnm._FilterDatabase\" localSheetId=\"0\" hidden=\"1\">"
                        "'ทะเบียน'!$A$2:$D$5</definedName>") != std::string::npos);
    CHECK(read_zip_member(path, "docProps/core.xml").find("<dc:title>ทะเบียนค่าพาหนะ</dc:title>") !=
          std::string::npos);
    CHECK(read_zip_member(path, "docProps/app.xml").find("<Company>สพป.ขอนแก่น เขต ๕</Company>") !=
          std::string::npos);
    CHECK(read_zip_member(path, "xl/worksheets/sheet2.xml").find("sheetProtection") == std::string::npos);
  }
}

TEST_CASE("xlsx writer: a filter set after the rows may end above the last row") {
  for (const bool constant_memory : {true, false}) {
    CAPTURE(constant_memory);
    Scratch scratch;
    const fs::path path = scratch / "filter.xlsx";
    raingan::test::LaksamanMeasure measure;
    WorkbookWriter writer(path, {.constant_memory = constant_memory}, measure);
    writer.begin_sheet({.name = "ทะเบียน"});
    raingan::test::PlacedRows rows(writer);
    for (std::uint32_t row = 0; row < 6; ++row) rows.write(row, std::array{Cell{"x"}, Cell{1.0 * row}});
    rows.write(7, std::array{Cell{"รวม"}, Cell{Formula{"SUM(B2:B6)", 15.0}}});
    writer.set_autofilter({0, 0, 5, 1});
    writer.finish();
    CHECK(read_zip_member(path, "xl/worksheets/sheet1.xml").find("<autoFilter ref=\"A1:B6\"/>") !=
          std::string::npos);
    CHECK(read_zip_member(path, "xl/workbook.xml").find("'ทะเบียน'!$A$1:$B$6</definedName>") !=
          std::string::npos);
  }
}

TEST_CASE("xlsx writer: fitted columns follow the widest value, merged cells do not count") {
  Scratch scratch;
  const fs::path path = scratch / "register.xlsx";
  write_register(path, true);
  const std::string sheet = read_zip_member(path, "xl/worksheets/sheet1.xml");
  std::smatch match;
  auto width = [&](int col) {
    const std::regex pattern("<col min=\"" + std::to_string(col) + "\" max=\"" + std::to_string(col) +
                             "\" width=\"([0-9.]+)\" customWidth=\"1\"/>");
    REQUIRE(std::regex_search(sheet, match, pattern));
    return std::stod(match[1]);
  };
  raingan::test::LaksamanMeasure measure;
  const int mdw = max_digit_width_pixels(measure, CellStyle{});
  // Column A: the school name of row 5, not the four-column title of row 1.
  const double school = measure("โรงเรียนบ้านโคกสูง (ประชาสามัคคี)", CellStyle{});
  CHECK(width(1) ==
        doctest::Approx(libxlsxwriter_stored(stored_width_from_points(school, mdw))).epsilon(1e-6));
  // Column B: "7,000.00" as formatted; column C: explicit 20 characters.
  CHECK(width(2) ==
        doctest::Approx(libxlsxwriter_stored(stored_width_from_points(measure("7,000.00", CellStyle{}), mdw)))
            .epsilon(1e-6));
  CHECK(width(3) ==
        doctest::Approx(libxlsxwriter_stored(stored_width_from_characters(20, mdw))).epsilon(1e-6));
}

TEST_CASE("xlsx writer: a failed write leaves no file and keeps the older one") {
  Scratch scratch;
  const fs::path path = scratch / "register.xlsx";
  raingan::test::LaksamanMeasure measure;
  { std::ofstream(path) << "older register"; }
  auto expect_untouched = [&] {
    std::ifstream in(path);
    std::string content((std::istreambuf_iterator<char>(in)), {});
    CHECK(content == "older register");
    CHECK(scratch.leftovers() == std::vector<std::string>{"register.xlsx"});
  };

  SUBCASE("bad sheet name") {
    {
      WorkbookWriter writer(path, {}, measure);
      CHECK_THROWS_WITH_AS(writer.begin_sheet({.name = "ทะเบียน/๒๕๖๗"}),
                           doctest::Contains("must not contain '/'"), InputError);
    }
    expect_untouched();
  }
  SUBCASE("repeated sheet name") {
    {
      WorkbookWriter writer(path, {}, measure);
      writer.begin_sheet({.name = "Sheet"});
      try {
        writer.begin_sheet({.name = "SHEET"});
        FAIL("accepted a repeated name");
      } catch (const InputError& error) {
        CHECK(error.diagnostics()[0].location == "sheet 'SHEET'");
        CHECK(std::string(error.what()).find("already") != std::string::npos);
      }
    }
    expect_untouched();
  }
  SUBCASE("control character, not-a-number and out-of-range date name the cell") {
    {
      WorkbookWriter writer(path, {}, measure);
      writer.begin_sheet({.name = "ทะเบียน"});
      raingan::test::PlacedRows rows(writer);
      CHECK_THROWS_WITH_AS(
          rows.write(4, std::array{Cell{}, Cell{"a\x01z"}}),
          doctest::Contains("sheet 'ทะเบียน', cell B5: text has the control character U+0001"), InputError);
      CHECK_THROWS_WITH_AS(rows.write(5, std::array{Cell{std::nan("")}}),
                           doctest::Contains("cell A6: a number cell must be finite"), InputError);
      CHECK_THROWS_WITH_AS(rows.write(6, std::array{Cell{CellDate{1899, 12, 31}}}),
                           doctest::Contains("cell A7: date 1899-12-31 is before 1900-03-01"), InputError);
      CHECK_THROWS_WITH_AS(rows.write(7, std::array{Cell{std::string(40000, 'x')}}),
                           doctest::Contains("cell A8: cannot write text: "), InputError);
      CHECK_THROWS_AS(rows.write(7, std::array{Cell{"again"}}), std::invalid_argument);  // not after 8
    }
    expect_untouched();
  }
  SUBCASE("destroyed without finish") {
    {
      WorkbookWriter writer(path, {}, measure);
      writer.begin_sheet({.name = "ทะเบียน"});
      raingan::test::PlacedRows rows(writer);
      rows.write(0, std::array{Cell{"ยังไม่เสร็จ"}});
    }
    expect_untouched();
  }

  SUBCASE("a finished writer replaces it") {
    WorkbookWriter writer(path, {}, measure);
    writer.begin_sheet({.name = "ทะเบียน"});
    raingan::test::PlacedRows rows(writer);
    rows.write(0, std::array{Cell{"เสร็จ"}});
    writer.finish();
    CHECK(read_zip_member(path, "xl/worksheets/sheet1.xml").find("เสร็จ") != std::string::npos);
    CHECK(scratch.leftovers() == std::vector<std::string>{"register.xlsx"});
  }
}

TEST_CASE("xlsx writer: the rows a merged range covers must all be given, as cell placement gives them") {
  Scratch scratch;
  raingan::test::LaksamanMeasure measure;
  raingan::templating::CellPlacement placement;
  auto placed = [&](std::uint32_t row, std::vector<Cell> cells) {
    SheetRow made{row, std::move(cells), {}, std::nullopt};
    made.merges = placement.place(row, made.cells);
    return made;
  };
  WorkbookWriter writer(scratch / "merged.xlsx", {}, measure);
  writer.begin_sheet({.name = "ทะเบียน"});
  writer.write_row(placed(0, {Cell{"โรงเรียน", 0, 1, 3}, Cell{"ก"}}));
  // Row 2 is inside A1:A3 and was skipped.
  CHECK_THROWS_WITH_AS(writer.write_row(SheetRow{2, {Cell{"ข"}}, {}, std::nullopt}),
                       doctest::Contains("row 2 of sheet 'ทะเบียน' is inside a merged range"),
                       std::logic_error);
  writer.write_row(placed(1, {Cell{"ข"}}));
  CHECK_THROWS_WITH_AS(writer.end_sheet(), doctest::Contains("rows 3 to 3 of sheet 'ทะเบียน'"),
                       std::logic_error);
  writer.write_row(placed(2, {Cell{"ค"}}));
  CHECK_FALSE(placement.has_open());
  writer.end_sheet();
  writer.finish();
  CHECK(read_zip_member(scratch / "merged.xlsx", "xl/worksheets/sheet1.xml")
            .find("<mergeCell ref=\"A1:A3\"/>") != std::string::npos);
}
