// Reading XLSX workbooks for import: what each kind of cell holds, which number formats are dates, the date
// systems, and the refusals that keep a hostile file from exhausting the machine.
#include <doctest/doctest.h>

#include <string>

#include "core/diagnostic.h"
#include "intake/xlsx_reader.h"
#include "intake_support.h"

using namespace raingan;
using namespace raingan::intake;
using test::number_cell;
using test::text_cell;

namespace {

// The one message of the InputError that reading throws, as "location: message".
std::string failure(const std::string& bytes, const Limits& limits = {}) {
  try {
    read_xlsx(bytes, "in.xlsx", limits);
  } catch (const InputError& error) {
    REQUIRE(error.diagnostics().size() == 1);
    CHECK(error.diagnostics().front().file == "in.xlsx");
    return error.diagnostics().front().location + ": " + error.diagnostics().front().message;
  }
  return "no error";
}

const SheetCell& cell(const Workbook& workbook, std::size_t row, std::size_t index) {
  return workbook.sheets.at(0).rows.at(row).cells.at(index);
}

}  // namespace

TEST_CASE("intake xlsx: shared strings join their rich-text runs and leave out phonetic runs") {
  test::TestWorkbook book;
  book.shared_strings =
      R"(<si><t>นักเรียน</t></si><si><r><rPr><b/></rPr><t>ระยะทาง </t></r><r><t>(กม.)</t></r><rPh><t>x</t></rPh></si><si><t xml:space="preserve">  ป.๒ </t></si>)";
  book.sheets = {
      {"นักเรียน",
       R"(<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c></row>)"}};
  const Workbook workbook = read_xlsx(test::xlsx_bytes(book), "in.xlsx", {});
  REQUIRE(workbook.sheets.size() == 1);
  CHECK(workbook.sheets[0].name == "นักเรียน");
  CHECK(cell(workbook, 0, 0).text == "นักเรียน");
  CHECK(cell(workbook, 0, 1).text == "ระยะทาง (กม.)");
  CHECK(cell(workbook, 0, 2).text == "  ป.๒ ");  // kept exactly; trimming is the mapping's business
  CHECK(cell(workbook, 0, 1).type == CellType::text);
}

TEST_CASE("intake xlsx: inline strings, numbers as stored, booleans, errors and formulas' cached values") {
  test::TestWorkbook book;
  book.sheets = {
      {"S",
       "<row r=\"1\">" + text_cell("A1", "S000001") + number_cell("B1", "2.6200000000000001") +
           R"(<c r="C1" t="b"><v>1</v></c><c r="D1" t="e"><v>#N/A</v></c>)" +
           R"(<c r="E1"><f>B1*2</f><v>5.24</v></c><c r="F1" t="str"><f>A1&amp;"x"</f><v>S000001x</v></c>)" +
           R"(<c r="G1" s="1"/></row>)"}};
  const Workbook workbook = read_xlsx(test::xlsx_bytes(book), "in.xlsx", {});
  const auto& cells = workbook.sheets[0].rows.at(0).cells;
  REQUIRE(cells.size() == 6);  // the styled blank G1 holds nothing
  CHECK((cells[0].type == CellType::text && cells[0].text == "S000001"));
  CHECK((cells[1].type == CellType::number && cells[1].text == "2.6200000000000001"));  // never a double
  CHECK((cells[2].type == CellType::boolean && cells[2].text == "1"));
  CHECK((cells[3].type == CellType::error && cells[3].text == "#N/A"));
  CHECK((cells[4].type == CellType::number && cells[4].text == "5.24"));
  CHECK((cells[5].type == CellType::text && cells[5].text == "S000001x"));
  CHECK(cells[5].column == 5);
}

TEST_CASE("intake xlsx: cells without references follow on, rows and cells out of order are sorted") {
  test::TestWorkbook book;
  book.sheets = {
      {"S",
       R"(<row r="3"><c><v>1</v></c><c><v>2</v></c></row><row r="2"><c r="C2"><v>9</v></c><c r="A2"><v>7</v></c></row>)"}};
  const Workbook workbook = read_xlsx(test::xlsx_bytes(book), "in.xlsx", {});
  const auto& rows = workbook.sheets[0].rows;
  REQUIRE(rows.size() == 2);
  CHECK(rows[0].index == 1);
  CHECK(rows[0].cells[0].column == 0);
  CHECK(rows[0].cells[1].column == 2);
  CHECK(rows[1].index == 2);
  CHECK(rows[1].cells[1].column == 1);
}

TEST_CASE("intake xlsx: namespace prefixes do not matter (x:c is c)") {
  const std::string sheet =
      R"(<?xml version="1.0"?><x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData><x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>ชั้น</x:t></x:is></x:c></x:row></x:sheetData></x:worksheet>)";
  test::TestWorkbook book;
  book.sheets = {{"S", ""}};
  auto members = test::xlsx_members(book);
  for (auto& member : members)
    if (member.name == "xl/worksheets/sheet1.xml") member.content = sheet;
  const Workbook workbook = read_xlsx(test::zip_bytes(members), "in.xlsx", {});
  CHECK(cell(workbook, 0, 0).text == "ชั้น");
}

TEST_CASE("intake xlsx: number formats that show dates, whatever their locale and calendar") {
  for (const int id : {14, 15, 16, 17, 22, 45, 46, 47}) CHECK(is_date_format(id, ""));
  CHECK(is_date_format(164, "[$-D07041E]d mmmm yyyy"));  // Thai digits, Thai calendar
  CHECK(is_date_format(164, "[$-th-TH,107]d mmmm yyyy"));
  CHECK(is_date_format(164, "[$-1070000]d/mm/yyyy"));
  CHECK(is_date_format(164, "[$-41E]d mmm yy"));
  CHECK(is_date_format(164, "yyyy-mm-dd"));
  CHECK(is_date_format(164, "[h]:mm"));
  CHECK(is_date_format(164, "d mmmm bbbb"));
  CHECK_FALSE(is_date_format(0, "General"));
  CHECK_FALSE(is_date_format(164, "General"));
  CHECK_FALSE(is_date_format(4, "#,##0.00"));
  CHECK_FALSE(is_date_format(164, "[$-D00041E]#,##0.00"));
  CHECK_FALSE(is_date_format(164, "[$฿-41E]#,##0.00"));
  CHECK_FALSE(is_date_format(164, "0.00E+00"));
  CHECK_FALSE(is_date_format(164, R"(#,##0 "days")"));  // letters in quotes are text
  CHECK_FALSE(is_date_format(164, "[Red]0.00;[Blue]-0.00"));
  CHECK_FALSE(is_date_format(49, "@"));
}

TEST_CASE("intake xlsx: a cell's style says whether its number is a date, the 1904 system is noticed") {
  test::TestWorkbook book;
  book.sheets = {{"S", "<row r=\"1\">" + number_cell("A1", "46346", 1) + number_cell("B1", "46346", 2) +
                           number_cell("C1", "46346") + "</row>"}};
  Workbook workbook = read_xlsx(test::xlsx_bytes(book), "in.xlsx", {});
  CHECK(cell(workbook, 0, 0).date_style);
  CHECK(cell(workbook, 0, 1).date_style);
  CHECK_FALSE(cell(workbook, 0, 2).date_style);
  CHECK_FALSE(workbook.date1904);
  book.date1904 = true;
  workbook = read_xlsx(test::xlsx_bytes(book), "in.xlsx", {});
  CHECK(workbook.date1904);
}

TEST_CASE("intake xlsx: what is not a workbook, or a damaged one, is refused with the file and the part") {
  CHECK(failure("just text") == ": expected an XLSX workbook (a zip package), found something else");
  test::TestWorkbook book;
  book.sheets = {{"S", "<row>" + text_cell("A1", "x") + "</row>"}};
  const std::string bytes = test::xlsx_bytes(book);
  CHECK(failure(bytes.substr(0, bytes.size() / 2)).find("expected an XLSX workbook") != std::string::npos);
  CHECK(failure(test::zip_bytes({{"readme.txt", "hello"}})) ==
        ": expected an XLSX workbook, found a zip archive without a workbook part (xl/workbook.xml)");
  // A flipped byte inside a stored member: its checksum no longer matches.
  auto members = test::xlsx_members(book);
  for (auto& member : members) member.deflate = false;
  std::string damaged = test::zip_bytes(members);
  const std::size_t at = damaged.find("<sheetData>");
  REQUIRE(at != std::string::npos);
  damaged[at + 1] = 'S';
  CHECK(failure(damaged) == "xl/worksheets/sheet1.xml: is damaged (its checksum does not match its content)");
}

TEST_CASE("intake xlsx: malformed XML names the part and the line") {
  test::TestWorkbook book;
  book.sheets = {{"S", "<row r=\"1\">\n<c r=\"A1\"><v>1</v></row>"}};
  const std::string message = failure(test::xlsx_bytes(book));
  CHECK(message.starts_with("xl/worksheets/sheet1.xml line 2: expected well-formed XML, found an error: "));
}

TEST_CASE("intake xlsx: a DTD or an entity declaration is refused before anything is expanded") {
  test::TestWorkbook book;
  book.sheets = {{"S", ""}};
  auto members = test::xlsx_members(book);
  // The billion laughs: ten levels of ten references each.
  std::string laughs = "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n<!ENTITY lol \"lol\">\n";
  for (int i = 1; i <= 9; ++i) {
    laughs += "<!ENTITY lol" + std::to_string(i) + " \"";
    for (int j = 0; j < 10; ++j) laughs += "&lol" + (i == 1 ? std::string() : std::to_string(i - 1)) + ";";
    laughs += "\">\n";
  }
  laughs += "]>\n<sst><si><t>&lol9;</t></si></sst>";
  members.push_back({"xl/sharedStrings.xml", laughs});
  for (auto& member : members)
    if (member.name == "xl/_rels/workbook.xml.rels")
      member.content.insert(
          member.content.find("</Relationships>"),
          R"(<Relationship Id="rIdT" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>)");
  CHECK(failure(test::zip_bytes(members)) ==
        "xl/sharedStrings.xml line 2: expected XML without a document type declaration (DTD), found one");
}

TEST_CASE("intake xlsx: a zip bomb is stopped while it inflates") {
  test::TestWorkbook book;
  // 8 MB of one repeated row compresses to a few kilobytes.
  std::string rows;
  const std::string row = "<row><c><v>1</v></c></row>";
  while (rows.size() < 8u << 20) rows += row;
  book.sheets = {{"S", rows}};
  const std::string bytes = test::xlsx_bytes(book);
  CHECK(bytes.size() < 200'000);
  Limits limits;
  limits.max_member_bytes = 1u << 20;
  CHECK(
      failure(bytes, limits) ==
      "xl/worksheets/sheet1.xml: inflates to more than 1 MB (a damaged file or a zip bomb; the limit is one "
      "member's inflated size)");
  limits = {};
  limits.max_total_bytes = 4u << 20;
  CHECK(failure(bytes, limits).find("the whole package's inflated size") != std::string::npos);
  limits = {};
  limits.max_rows = 1000;
  CHECK(failure(bytes, limits) == "S (xl/worksheets/sheet1.xml): expected at most 1000 rows, found row 1001");
  limits = {};
  limits.max_cells = 5000;
  CHECK(failure(bytes, limits) == "S!A5001: expected at most 5000 cells in the workbook");
}

TEST_CASE("intake xlsx: only regular members are read, and too many members are refused") {
  test::TestWorkbook book;
  book.sheets = {{"S", text_cell("A1", "x")}};
  auto members = test::xlsx_members(book);
  for (auto& member : members)
    if (member.name == "xl/worksheets/sheet1.xml") {
      member.symlink = true;
      member.content = "/etc/passwd";
    }
  CHECK(failure(test::zip_bytes(members)) ==
        "xl/worksheets/sheet1.xml: expected a regular file, found a link or a folder");
  Limits limits;
  limits.max_members = 3;
  CHECK(failure(test::xlsx_bytes(book), limits) == ": expected at most 3 members in the package, found 6");
}

TEST_CASE("intake xlsx: a shared string that is not there, and a cell beyond the columns allowed") {
  test::TestWorkbook book;
  book.shared_strings = "<si><t>a</t></si>";
  book.sheets = {{"S", R"(<row r="4"><c r="B4" t="s"><v>3</v></c></row>)"}};
  CHECK(failure(test::xlsx_bytes(book)) == "S!B4: refers to shared string 3, but the workbook has 1");
  book.sheets = {{"S", R"(<row r="1"><c r="ZZ1"><v>3</v></c></row>)"}};
  Limits limits;
  limits.max_columns = 100;
  CHECK(failure(test::xlsx_bytes(book), limits) == "S!ZZ1: expected at most 100 columns");
}
