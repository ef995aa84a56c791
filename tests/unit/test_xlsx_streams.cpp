// The XLSX writer's work on other threads: rows compressed as they come (BackgroundDeflate, SheetRowStream)
// and spliced into the sheet libxlsxwriter wrote, and rows handed to libxlsxwriter in order.
#include <doctest/doctest.h>
#include <unistd.h>
#include <zlib.h>

#include <cstdio>
#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "xlsx/background_deflate.h"
#include "xlsx/sheet_row_stream.h"
#include "xlsx/workbook_writer.h"
#include "xlsx_support.h"

using namespace raingan::templating;
using namespace raingan::xlsx;

namespace {

// Inflates raw deflate data (as in a zip member); throws when it is not one complete deflate stream.
std::string inflate_raw(const std::string& compressed) {
  z_stream stream{};
  if (inflateInit2(&stream, -MAX_WBITS) != Z_OK) throw std::runtime_error("inflateInit2");
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(compressed.data()));
  stream.avail_in = static_cast<uInt>(compressed.size());
  std::string out;
  char buffer[65536];
  int status = Z_OK;
  while (status != Z_STREAM_END) {
    stream.next_out = reinterpret_cast<Bytef*>(buffer);
    stream.avail_out = sizeof buffer;
    status = inflate(&stream, Z_NO_FLUSH);
    out.append(buffer, sizeof buffer - stream.avail_out);
    if (status != Z_OK && status != Z_STREAM_END) {
      inflateEnd(&stream);
      throw std::runtime_error("not a complete deflate stream");
    }
    if (status == Z_OK && stream.avail_in == 0 && stream.avail_out != 0) {
      inflateEnd(&stream);
      throw std::runtime_error("the deflate stream does not end");
    }
  }
  inflateEnd(&stream);
  return out;
}

std::string rows_xml(int rows) {
  std::string xml;
  for (int r = 1; r <= rows; ++r)
    xml += "<row r=\"" + std::to_string(r) + "\"><c r=\"A" + std::to_string(r) +
           "\" t=\"inlineStr\"><is><t>โรงเรียนบ้านนา " + std::to_string(r * 7919 % 1000) +
           "</t></is></c></row>";
  return xml;
}

std::string compressed_bytes(const BackgroundDeflate& deflate) {
  std::string bytes;
  deflate.read_compressed([&](std::string_view piece) { bytes.append(piece); });
  return bytes;
}

}  // namespace

TEST_CASE("BackgroundDeflate compresses what it is given, in order, with its CRC and length") {
  const std::string data = rows_xml(20000);  // a few pieces' worth
  REQUIRE(data.size() > 3 * BackgroundDeflate::piece_size);
  BackgroundDeflate deflate;
  // Written in uneven parts, as stdio hands them over.
  for (std::size_t at = 0, step = 1; at < data.size(); at += step, step = step * 3 % 70001 + 1)
    deflate.write(std::string_view(data).substr(at, step));
  deflate.finish();
  deflate.finish();  // again: nothing more
  CHECK(deflate.size() == data.size());
  CHECK(deflate.crc() == zip_crc(data));
  const std::string bytes = compressed_bytes(deflate);
  CHECK(bytes.size() == deflate.compressed_size());
  CHECK(bytes.size() < data.size() / 5);
  // Ended by a sync flush, not a final block: alone it is not a whole stream, followed by a final block it
  // is.
  CHECK_THROWS(inflate_raw(bytes));
  CHECK(inflate_raw(bytes + deflate_raw("", true)) == data);
  CHECK_THROWS_AS(deflate.write("more"), std::runtime_error);
}

TEST_CASE("deflate_raw runs and their CRCs join into one zip member") {
  const std::string head = "<worksheet><sheetData>";
  const std::string rows = rows_xml(300);
  const std::string tail = "</sheetData></worksheet>";
  BackgroundDeflate middle;
  middle.write(rows);
  middle.finish();
  const std::string joined = deflate_raw(head, false) + compressed_bytes(middle) + deflate_raw(tail, true);
  CHECK(inflate_raw(joined) == head + rows + tail);
  CHECK(zip_crc_combine(zip_crc_combine(zip_crc(head), middle.crc(), rows.size()), zip_crc(tail),
                        tail.size()) == zip_crc(head + rows + tail));
  CHECK(inflate_raw(deflate_raw("", true)).empty());
}

TEST_CASE("BackgroundDeflate with nothing written") {
  BackgroundDeflate deflate;
  deflate.finish();
  CHECK(deflate.size() == 0);
  CHECK(deflate.crc() == zip_crc(""));
  CHECK(inflate_raw(compressed_bytes(deflate) + deflate_raw("", true)).empty());
}

TEST_CASE("SheetRowStream: rows written to its FILE read back as nothing and are spliced into the sheet") {
  const std::string rows = rows_xml(5000);
  SheetRowStream stream;
  std::FILE* file = stream.file();
  REQUIRE(file != nullptr);
  REQUIRE(std::fputs(rows.c_str(), file) >= 0);
  // libxlsxwriter copies its row file back into the sheet: it finds nothing to copy.
  std::fflush(file);
  std::rewind(file);
  char buffer[16];
  CHECK(std::fread(buffer, 1, sizeof buffer, file) == 0);
  CHECK(std::fclose(file) == 0);  // as libxlsxwriter does; the stream must not close it again
  stream.finish();

  const std::string sheet =
      "<worksheet><dimension ref=\"A1\"/><sheetData></sheetData><pageMargins/></worksheet>";
  const auto member = stream.splice(sheet);
  REQUIRE(member.has_value());
  std::string compressed;
  member->write([&](std::string_view piece) { compressed.append(piece); });
  const std::string expected =
      "<worksheet><dimension ref=\"A1\"/><sheetData>" + rows + "</sheetData><pageMargins/></worksheet>";
  CHECK(inflate_raw(compressed) == expected);
  CHECK(member->size == expected.size());
  CHECK(member->crc == zip_crc(expected));

  // A sheet without cells has no <sheetData> to fill: it stays as libxlsxwriter wrote it.
  CHECK_FALSE(stream.splice("<worksheet><sheetData/></worksheet>").has_value());
  CHECK_THROWS_AS(stream.splice("<worksheet><sheetData><row r=\"1\"/></sheetData></worksheet>"),
                  std::runtime_error);
}

TEST_CASE("SheetRowStream left open is closed with it") {
  SheetRowStream stream;
  std::fputs("<row r=\"1\"/>", stream.file());
  stream.finish();
  const auto member = stream.splice("<sheetData></sheetData>");
  REQUIRE(member.has_value());
  std::string compressed;
  member->write([&](std::string_view piece) { compressed.append(piece); });
  CHECK(inflate_raw(compressed) == "<sheetData><row r=\"1\"/></sheetData>");
}

TEST_CASE("WorkbookWriter: many rows, merges and styles added on the way, in both memory modes") {
  const std::filesystem::path folder =
      std::filesystem::temp_directory_path() / ("raingan-xlsx-streams-" + std::to_string(::getpid()));
  std::filesystem::create_directories(folder);
  raingan::test::LaksamanMeasure measure;
  auto cell = [](CellValue value, StyleId style, std::uint32_t rowspan = 1) {
    Cell made;
    made.value = std::move(value);
    made.style = style;
    made.rowspan = rowspan;
    return made;
  };
  std::string formulas[2];
  for (const bool constant_memory : {true, false}) {
    CAPTURE(constant_memory);
    const std::filesystem::path path = folder / (constant_memory ? "constant.xlsx" : "normal.xlsx");
    {
      WorkbookWriter writer(path, {.constant_memory = constant_memory}, measure);
      const StyleId text = writer.add_style({.border = CellStyle::Border::thin});
      writer.begin_sheet({.name = "รายนักเรียน"});
      raingan::test::PlacedRows rows(writer);
      for (std::uint32_t row = 0; row < 1000; ++row) {
        std::vector<Cell> cells;
        // A school's name over the rows of its students (ten rows each), as rowspan does.
        if (row % 10 == 0) cells.push_back(cell("โรงเรียน " + std::to_string(row / 10), text, 10));
        cells.push_back(cell("S" + std::to_string(100000 + row), text));
        cells.push_back(cell(Formula{"B" + std::to_string(row + 1) + "*2", 2.0 * row}, text));
        // A style first used far into the sheet.
        cells.push_back(cell(static_cast<double>(row), row == 500 ? writer.add_style({.bold = true}) : text));
        rows.write(row, std::move(cells), row % 2 ? std::optional<double>(24) : std::nullopt);
      }
      rows.end();
      writer.end_sheet();
      writer.finish();
    }
    const std::string sheet = raingan::test::read_zip_member(path, "xl/worksheets/sheet1.xml");
    REQUIRE_FALSE(sheet.empty());
    int rows = 0;
    for (std::size_t at = sheet.find("<row "); at != std::string::npos; at = sheet.find("<row ", at + 1))
      ++rows;
    CHECK(rows == 1000);
    CHECK(sheet.find("<mergeCell ref=\"A991:A1000\"/>") != std::string::npos);
    CHECK(sheet.find("<mergeCell ref=\"A1:A10\"/>") != std::string::npos);
    CHECK(sheet.find("<f>B1000*2</f><v>1998</v>") != std::string::npos);
    const std::string texts =
        constant_memory ? sheet : raingan::test::read_zip_member(path, "xl/sharedStrings.xml");
    CHECK(texts.find("S100999") != std::string::npos);
    CHECK(texts.find("โรงเรียน 99") != std::string::npos);
    for (std::size_t at = sheet.find("<f>"); at != std::string::npos; at = sheet.find("<f>", at + 1))
      formulas[constant_memory ? 0 : 1] += sheet.substr(at, sheet.find("</v>", at) - at) + ";";
  }
  // Both modes write the same formulas with the same cached values, in the same order.
  CHECK(formulas[0].size() > 10000);
  CHECK(formulas[0] == formulas[1]);
  std::error_code ec;
  std::filesystem::remove_all(folder, ec);
}
