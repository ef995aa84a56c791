#pragma once
// Helpers for tests of spreadsheet intake: zip archives and XLSX packages made in memory from the XML of
// their parts, so a test says exactly what a workbook holds (and how it is damaged).

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "xlsx/handles.h"

namespace raingan::test {

struct ZipMember {
  std::string name;
  std::string content;
  bool symlink = false;  // stored as a Unix symbolic link
  bool deflate = true;
};

// The bytes of a zip archive holding the members.
inline std::string zip_bytes(const std::vector<ZipMember>& members) {
  const std::filesystem::path file =
      std::filesystem::temp_directory_path() / ("raingan-test-" + std::to_string(::getpid()) + ".zip");
  {
    xlsx::ZipFile writer(zipOpen64(file.c_str(), APPEND_STATUS_CREATE));
    if (!writer) throw std::runtime_error("cannot create " + file.string());
    for (const auto& member : members) {
      zip_fileinfo info{};
      if (member.symlink) info.external_fa = 0120777UL << 16;
      // Made by Unix (3), so that the mode in external_fa counts.
      if (zipOpenNewFileInZip4_64(writer.get(), member.name.c_str(), &info, nullptr, 0, nullptr, 0, nullptr,
                                  member.deflate ? Z_DEFLATED : 0, Z_BEST_COMPRESSION, 0, -MAX_WBITS, 8,
                                  Z_DEFAULT_STRATEGY, nullptr, 0, 3 << 8, 0, 0) != ZIP_OK ||
          zipWriteInFileInZip(writer.get(), member.content.data(),
                              static_cast<unsigned>(member.content.size())) != ZIP_OK ||
          zipCloseFileInZip(writer.get()) != ZIP_OK)
        throw std::runtime_error("cannot write " + member.name);
    }
  }
  std::ifstream in(file, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  std::filesystem::remove(file);
  return std::move(bytes).str();
}

struct TestSheet {
  std::string name;
  std::string sheet_data;  // the XML inside <sheetData>
};

struct TestWorkbook {
  std::vector<TestSheet> sheets;
  std::string shared_strings;  // the <si> items, or empty for no sharedStrings part
  std::string styles =
      R"(<numFmts count="1"><numFmt numFmtId="164" formatCode="[$-D07041E]d mmmm yyyy"/></numFmts>
<cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/></cellXfs>)";  // s=1, s=2 dates
  bool date1904 = false;
};

// An XLSX package as Excel lays it out.
inline std::vector<ZipMember> xlsx_members(const TestWorkbook& workbook) {
  const std::string main = R"(xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main")";
  const std::string relationships_ns =
      R"(xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships")";
  const std::string type = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
  std::vector<ZipMember> members;
  members.push_back(
      {"[Content_Types].xml",
       R"(<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>)"});
  members.push_back(
      {"_rels/.rels",
       R"(<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type=")" +
           type + R"(officeDocument" Target="xl/workbook.xml"/></Relationships>)"});
  std::string sheets;
  std::string relationships;
  for (std::size_t i = 0; i < workbook.sheets.size(); ++i) {
    const std::string n = std::to_string(i + 1);
    sheets += "<sheet name=\"" + workbook.sheets[i].name + "\" sheetId=\"" + n + "\" r:id=\"rId" + n + "\"/>";
    relationships += "<Relationship Id=\"rId" + n + "\" Type=\"" + type +
                     "worksheet\" Target=\"worksheets/sheet" + n + ".xml\"/>";
    members.push_back(
        {"xl/worksheets/sheet" + n + ".xml", "<?xml version=\"1.0\"?><worksheet " + main + "><sheetData>" +
                                                 workbook.sheets[i].sheet_data + "</sheetData></worksheet>"});
  }
  relationships += "<Relationship Id=\"rIdS\" Type=\"" + type + "styles\" Target=\"styles.xml\"/>";
  members.push_back({"xl/styles.xml",
                     "<?xml version=\"1.0\"?><styleSheet " + main + ">" + workbook.styles + "</styleSheet>"});
  if (!workbook.shared_strings.empty()) {
    relationships +=
        "<Relationship Id=\"rIdT\" Type=\"" + type + "sharedStrings\" Target=\"/xl/sharedStrings.xml\"/>";
    members.push_back({"xl/sharedStrings.xml",
                       "<?xml version=\"1.0\"?><sst " + main + ">" + workbook.shared_strings + "</sst>"});
  }
  members.push_back(
      {"xl/workbook.xml", "<?xml version=\"1.0\"?><workbook " + main + " " + relationships_ns + ">" +
                              (workbook.date1904 ? "<workbookPr date1904=\"1\"/>" : "<workbookPr/>") +
                              "<sheets>" + sheets + "</sheets></workbook>"});
  members.push_back(
      {"xl/_rels/workbook.xml.rels",
       R"(<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)" +
           relationships + "</Relationships>"});
  return members;
}

inline std::string xlsx_bytes(const TestWorkbook& workbook) { return zip_bytes(xlsx_members(workbook)); }

// <c r="B2" t="inlineStr"><is><t>text</t></is></c>
inline std::string text_cell(const std::string& reference, const std::string& text) {
  return "<c r=\"" + reference + "\" t=\"inlineStr\"><is><t>" + text + "</t></is></c>";
}
inline std::string number_cell(const std::string& reference, const std::string& number, int style = 0) {
  return "<c r=\"" + reference + "\"" +
         (style != 0 ? " s=\"" + std::to_string(style) + "\"" : std::string()) + "><v>" + number + "</v></c>";
}

}  // namespace raingan::test
