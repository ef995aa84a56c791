// Reading CSV files for import: RFC 4180 quoting, line ends, byte-order marks, the Thai Windows code page and
// the separators offices' spreadsheets write.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "core/diagnostic.h"
#include "intake/csv_reader.h"

using namespace raingan;
using namespace raingan::intake;

namespace {

// Each row's cells as texts, empty cells as "".
std::vector<std::vector<std::string>> rows_of(const Workbook& workbook) {
  std::vector<std::vector<std::string>> rows;
  for (const auto& row : workbook.sheets.at(0).rows) {
    std::vector<std::string> cells;
    for (const auto& cell : row.cells) {
      cells.resize(cell.column, "");
      cells.push_back(cell.text);
    }
    rows.push_back(cells);
  }
  return rows;
}

std::vector<std::vector<std::string>> read(const std::string& bytes) {
  return rows_of(read_csv(bytes, "in.csv", "in", {}));
}

}  // namespace

TEST_CASE("intake csv: RFC 4180 quoting, with separators, quotes and line breaks inside quotes") {
  const auto rows = read("id,name,note\r\n\"S1\",\"บ้าน, ไร่\",\"เขา \"\"ว่า\"\"\"\r\nS2,\"two\r\nlines\",\r\n");
  REQUIRE(rows.size() == 3);
  CHECK(rows[0] == std::vector<std::string>{"id", "name", "note"});
  CHECK(rows[1] == std::vector<std::string>{"S1", "บ้าน, ไร่", "เขา \"ว่า\""});
  CHECK(rows[2] == std::vector<std::string>{"S2", "two\nlines"});  // CR LF inside quotes is a line break
  const Workbook workbook = read_csv("a,b\nS2,\"two\r\nlines\"\n", "in.csv", "in", {});
  CHECK(workbook.sheets[0].rows[1].cells[1].text == "two\nlines");
  CHECK(workbook.sheets[0].rows[1].index == 1);  // a record is a row, whatever lines it spans
}

TEST_CASE("intake csv: LF or CRLF, a last line without its end, empty lines kept as rows") {
  CHECK(read("a,b\nc,d") == std::vector<std::vector<std::string>>{{"a", "b"}, {"c", "d"}});
  const Workbook workbook = read_csv("a,b\r\n\r\nc,d\r\n", "in.csv", "in", {});
  REQUIRE(workbook.sheets[0].rows.size() == 2);
  CHECK(workbook.sheets[0].rows[1].index == 2);  // the empty line is row 2, so cells keep their place
}

TEST_CASE("intake csv: UTF-8 with or without a byte-order mark, and UTF-16 with one") {
  CHECK(read("\xEF\xBB\xBFชั้น,ระยะทาง\nป.๒,3\n")[0][0] == "ชั้น");
  const Workbook plain = read_csv("ชั้น,ระยะทาง\n", "in.csv", "in", {});
  CHECK(plain.notes.empty());
  // "ป.2\tx" in UTF-16LE with its byte-order mark (Excel's "Unicode text").
  const std::string utf16(
      "\xFF\xFE\x1B\x0E.\x00"
      "2\x00\t\x00x\x00",
      12);
  const Workbook unicode = read_csv(utf16, "in.txt", "in", {});
  CHECK(rows_of(unicode) == std::vector<std::vector<std::string>>{{"ป.2", "x"}});
}

TEST_CASE("intake csv: bytes that are not UTF-8 are read as Windows-874 (TIS-620), and the note says so") {
  // "ชั้น,ป.2" as a Thai Windows export writes it: ช=0xAA, ั=0xD1, ้=0xE9, น=0xB9, ป=0xBB.
  const Workbook workbook = read_csv("\xAA\xD1\xE9\xB9,\xBB.2\r\n", "in.csv", "in", {});
  CHECK(rows_of(workbook) == std::vector<std::vector<std::string>>{{"ชั้น", "ป.2"}});
  REQUIRE(workbook.notes.size() == 1);
  CHECK(workbook.notes[0].starts_with("read as Windows-874 (TIS-620): the file is not UTF-8"));
  // A byte-order mark promises UTF-8: a bad byte after it is an error, not a guess.
  CHECK_THROWS_AS(read_csv("\xEF\xBB\xBFok,\xAA\n", "in.csv", "in", {}), InputError);
}

TEST_CASE("intake csv: the separator is detected (comma, semicolon, tab) or given by a sep= line") {
  CHECK(read("a;b;c\n1,5;2;3\n") ==
        std::vector<std::vector<std::string>>{{"a", "b", "c"}, {"1,5", "2", "3"}});
  CHECK(read("a\tb\n\"x;y\"\tz\n") == std::vector<std::vector<std::string>>{{"a", "b"}, {"x;y", "z"}});
  CHECK(read("a,b\n1,2\n") == std::vector<std::vector<std::string>>{{"a", "b"}, {"1", "2"}});
  CHECK(read("sep=;\na;b,c\n") == std::vector<std::vector<std::string>>{{"a", "b,c"}});
  const Workbook semicolons = read_csv("a;b\n1;2\n", "in.csv", "in", {});
  CHECK(semicolons.notes == std::vector<std::string>{"fields are separated by ';'"});
}

TEST_CASE("intake csv: a quote left open is an error at the line it was opened on, limits are kept") {
  try {
    read_csv("a,b\nc,\"open\nstill open\n", "in.csv", "in", {});
    FAIL("expected an error");
  } catch (const InputError& error) {
    CHECK(error.diagnostics().front().to_string() ==
          "in.csv: line 2: expected a closing quote (\") for the field opened on this line, found the end of "
          "the file");
  }
  Limits limits;
  limits.max_rows = 2;
  CHECK_THROWS_AS(read_csv("a\nb\nc\n", "in.csv", "in", limits), InputError);
  limits = {};
  limits.max_file_bytes = 4;
  CHECK_THROWS_AS(read_csv("a,b,c\n", "in.csv", "in", limits), InputError);
}
