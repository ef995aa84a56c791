// <validation> in a <workbook> template: a drop-down of allowed values for input cells (a status column),
// from a list in the dataset or a text of comma-separated values; mistakes name the template line.
#include <doctest/doctest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "core/diagnostic.h"
#include "dataset/json_reader.h"
#include "error_test_support.h"
#include "templating/workbook_binder.h"
#include "xlsx/workbook_writer.h"
#include "xlsx_support.h"

using namespace raingan;

namespace {

const char* const dataset_text =
    R"({"statuses": ["ดำเนินการแล้วเสร็จ", "อยู่ระหว่างดำเนินการ"], "rows": [1, 2, 3]})";

std::filesystem::path scratch_folder() {
  // One folder per process: CTest runs the cases of this file side by side.
  const auto folder = std::filesystem::temp_directory_path() /
                      ("raingan-unit-workbook-validation-" + std::to_string(::getpid()));
  std::filesystem::create_directories(folder);
  return folder;
}

// Binds the template text to the dataset and returns the first sheet's XML.
std::string first_sheet(const std::string& template_text) {
  const auto folder = scratch_folder();
  const auto template_path = folder / "register.xml";
  std::ofstream(template_path) << template_text;
  const templating::TemplateFile file = templating::load_template(template_path);
  const dataset::JsonDocument data = dataset::read_json_text(dataset_text, "d.json");
  const templating::BindOptions options{format::parse_iso_date("2026-03-16"), folder};
  const auto output = folder / "register.xlsx";
  const templating::WorkbookSettings settings = templating::read_workbook_settings(file, data, options);
  xlsx::WorkbookWriter writer(output, settings, test::LaksamanMeasure());
  templating::bind_workbook(file, data, options, writer);
  writer.finish();
  return test::read_zip_member(output, "xl/worksheets/sheet1.xml");
}

std::string error_of(const std::string& template_text) {
  return test::first_problem([&] { first_sheet(template_text); });
}

std::string sheet_with(const std::string& validation) {
  return R"(<workbook><sheet name="s">
  <for each="r" in="rows"><row><cell locked="false">{{ r }}</cell></row></for>
  )" + validation +
         "\n</sheet></workbook>";
}

}  // namespace

TEST_CASE("workbook <validation>: the allowed values of a list from the dataset") {
  const std::string xml = first_sheet(sheet_with(
      R"(<validation range="A1:A3" list="{{ statuses }}" error-title="สถานะ" error-message="เลือกจากรายการ"/>)"));
  CHECK(xml.find(R"(type="list")") != std::string::npos);
  CHECK(xml.find(R"(sqref="A1:A3")") != std::string::npos);
  CHECK(xml.find("<formula1>\"ดำเนินการแล้วเสร็จ,อยู่ระหว่างดำเนินการ\"</formula1>") != std::string::npos);
  CHECK(xml.find(R"(errorTitle="สถานะ")") != std::string::npos);
  CHECK(xml.find(R"(error="เลือกจากรายการ")") != std::string::npos);
}

TEST_CASE("workbook <validation>: a text of comma-separated values, spaces around them dropped") {
  const std::string xml = first_sheet(sheet_with(R"(<validation range="B2" list="ใช่ , ไม่ใช่,"/>)"));
  CHECK(xml.find("<formula1>\"ใช่,ไม่ใช่\"</formula1>") != std::string::npos);
  CHECK(xml.find(R"(sqref="B2")") != std::string::npos);
}

TEST_CASE("workbook <validation>: an empty list, a bad range or an unknown attribute names the line") {
  CHECK(error_of(sheet_with(R"(<validation range="A1:A3" list=" , "/>)")).find("line 3") !=
        std::string::npos);
  CHECK(error_of(sheet_with(R"(<validation range="A1:A3" list=" , "/>)")).find("empty") != std::string::npos);
  CHECK(error_of(sheet_with(R"(<validation range="A3:A1" list="a"/>)")).find("ends before it starts") !=
        std::string::npos);
  CHECK(error_of(sheet_with(R"(<validation range="A1" list="a" values="b"/>)")).find("values") !=
        std::string::npos);
  CHECK(error_of(sheet_with(R"(<validation list="a"/>)")).find("range") != std::string::npos);
}
