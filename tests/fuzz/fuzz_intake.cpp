// Fuzz target: a spreadsheet as an office might upload it, imported as a transport-allowance dataset. Input
// that starts with "PK" is an XLSX package as it is; input that starts with '<' is the XML of the student
// sheet, put into a package whose other parts (workbook, styles, shared strings with the column titles) are
// fixed, so that mutations reach the sheet reader and the mapping instead of breaking zip checksums;
// anything else is a CSV file. Every outcome must be a dataset or a list of problems, never a crash, a hang
// or memory beyond the limits.
#include <zlib.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/diagnostic.h"
#include "dataset/schema_catalog.h"
#include "intake/intake.h"

namespace {

using namespace raingan;

const dataset::Schema& schema() {
  static dataset::SchemaCatalog schemas({std::filesystem::path(RAINGAN_SOURCE_DIR) / "datasets" / "schemas"});
  static const dataset::Schema* transport = schemas.find("transport-allowance");
  return *transport;
}

// Little-endian fields of 2 and 4 bytes.
void put16(std::string& out, std::initializer_list<std::uint32_t> values) {
  for (const auto value : values) {
    out += static_cast<char>(value & 0xFF);
    out += static_cast<char>((value >> 8) & 0xFF);
  }
}
void put32(std::string& out, std::initializer_list<std::uint32_t> values) {
  for (const auto value : values) put16(out, {value & 0xFFFF, value >> 16});
}

// A zip archive of stored (uncompressed) members, as the format lays it out.
std::string stored_zip(const std::vector<std::pair<std::string, std::string_view>>& members) {
  std::string out;
  std::string directory;
  for (const auto& [name, content] : members) {
    const auto crc = static_cast<std::uint32_t>(
        crc32(0, reinterpret_cast<const Bytef*>(content.data()), static_cast<uInt>(content.size())));
    const auto offset = static_cast<std::uint32_t>(out.size());
    const auto size = static_cast<std::uint32_t>(content.size());
    const auto name_size = static_cast<std::uint32_t>(name.size());
    // Local header: version, flags, method (stored), time, date; checksum and sizes; name and extra lengths.
    put32(out, {0x04034b50});
    put16(out, {20, 0, 0, 0, 0});
    put32(out, {crc, size, size});
    put16(out, {name_size, 0});
    out += name;
    out += content;
    // Central directory entry: made by, needed, flags, method, time, date; checksum, sizes; name, extra,
    // comment lengths, disk, internal attributes; external attributes, offset of the local header.
    put32(directory, {0x02014b50});
    put16(directory, {20, 20, 0, 0, 0, 0});
    put32(directory, {crc, size, size});
    put16(directory, {name_size, 0, 0, 0, 0});
    put32(directory, {0, offset});
    directory += name;
  }
  const auto directory_offset = static_cast<std::uint32_t>(out.size());
  out += directory;
  const auto count = static_cast<std::uint32_t>(members.size());
  put32(out, {0x06054b50});
  put16(out, {0, 0, count, count});
  put32(out, {static_cast<std::uint32_t>(directory.size()), directory_offset});
  put16(out, {0});
  return out;
}

const std::string main_ns = R"(xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main")";
const std::string type = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";

std::string package_with_sheet(std::string_view sheet_xml) {
  static const std::string rels =
      R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r" Type=")" +
      type + R"(officeDocument" Target="xl/workbook.xml"/></Relationships>)";
  static const std::string workbook =
      "<workbook " + main_ns +
      R"( xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><workbookPr/><sheets><sheet name="นักเรียน" sheetId="1" r:id="a"/></sheets></workbook>)";
  static const std::string workbook_rels =
      R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="a" Type=")" +
      type + R"(worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="b" Type=")" + type +
      R"(styles" Target="styles.xml"/><Relationship Id="c" Type=")" + type +
      R"(sharedStrings" Target="sharedStrings.xml"/></Relationships>)";
  static const std::string styles =
      "<styleSheet " + main_ns +
      R"(><numFmts><numFmt numFmtId="164" formatCode="[$-D07041E]d mmmm yyyy"/></numFmts><cellXfs><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/></cellXfs></styleSheet>)";
  static const std::string shared =
      "<sst " + main_ns +
      R"(><si><t>เลขประจำตัวนักเรียน</t></si><si><t>รหัสโรงเรียนหลัก</t></si><si><t>รหัสโรงเรียนเดิม</t></si><si><t>ชั้น</t></si><si><t>ระยะทาง (กม.)</t></si><si><r><t>6502</t></r><r><t>0001</t></r></si><si><t>65025001</t></si><si><t>ป.๒</t></si></sst>)";
  return stored_zip({{"_rels/.rels", rels},
                     {"xl/workbook.xml", workbook},
                     {"xl/_rels/workbook.xml.rels", workbook_rels},
                     {"xl/styles.xml", styles},
                     {"xl/sharedStrings.xml", shared},
                     {"xl/worksheets/sheet1.xml", sheet_xml}});
}

void check(const intake::ImportResult& result) {
  for (const auto& problem : result.problems)
    if (problem.to_string().empty()) __builtin_trap();
  if (result.problems.empty() && !result.document) __builtin_trap();         // a valid import is a dataset
  if (result.json_paths.size() != result.problems.size()) __builtin_trap();  // a path (or none) per problem
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  (void)schema();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  intake::ImportOptions options;
  options.limits.max_member_bytes = 4u << 20;
  options.limits.max_total_bytes = 8u << 20;
  options.limits.max_cells = 50'000;
  options.limits.max_rows = 20'000;
  options.limits.max_columns = 512;
  try {
    if (bytes.starts_with("PK")) {
      check(intake::import_bytes(bytes, "fuzz.xlsx", schema(), options));
    } else if (bytes.starts_with("<")) {
      check(intake::import_bytes(package_with_sheet(bytes), "fuzz.xlsx", schema(), options));
    } else {
      check(intake::import_bytes(bytes, "fuzz.csv", schema(), options));
    }
  } catch (const InputError&) {
    __builtin_trap();  // the schema is fine: problems in the input never come out as exceptions
  }
  return 0;
}
