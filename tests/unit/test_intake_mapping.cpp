// The mapping from sheets to a dataset by what the schema says (x-sheet, x-column, x-columns,
// x-columns-from, x-parent-column), and every problem said at the sheet and cell it comes from.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "core/diagnostic.h"
#include "dataset/json_reader.h"
#include "dataset/schema.h"
#include "intake/import_plan.h"
#include "intake/importer.h"
#include "schema_support.h"

using namespace raingan;
using namespace raingan::intake;

namespace {

const char* const schema_text = R"json({
 "title": "test", "type": "object", "x-sheet": "ทั่วไป",
 "required": ["kind", "year", "schools", "students"], "additionalProperties": false,
 "properties": {
  "kind": {"const": "k"},
  "year": {"type": "integer", "minimum": 2500, "x-column": "ปีการศึกษา"},
  "office": {"type": "object", "x-column": "สำนักงาน", "properties": {"name": {"type": "string", "x-column": "ชื่อ"}}},
  "days": {"type": "integer", "default": 200, "x-column": "วันเรียน"},
  "lines": {"type": "array", "items": {"type": "string"}, "x-column": "ที่อยู่"},
  "schools": {"type": "array", "x-sheet": "โรงเรียน", "x-unique": "code", "items": {
    "type": "object", "required": ["code", "name", "merged"], "additionalProperties": false, "properties": {
     "code": {"type": "string", "x-column": ["รหัสโรงเรียน", "รหัส"]},
     "name": {"type": "string", "x-column": "ชื่อโรงเรียน"},
     "note": {"type": "string"},
     "merged": {"type": "array", "minItems": 1, "x-sheet": "มารวม", "x-parent-column": "รหัสโรงเรียนหลัก",
                "items": {"type": "object", "required": ["code"], "properties": {"code": {"type": "string", "x-column": "รหัสโรงเรียนมารวม"}}}}}}},
  "students": {"type": "array", "x-sheet": ["นักเรียน", "รายชื่อนักเรียน"], "x-unique": "id", "items": {
    "type": "object", "required": ["id", "school", "distance", "scores"], "additionalProperties": false, "properties": {
     "id": {"type": "string", "x-column": "เลขประจำตัว"},
     "school": {"type": "string", "x-references": "schools[*].code", "x-column": "รหัสโรงเรียน"},
     "distance": {"type": "number", "minimum": 0, "x-column": "ระยะทาง (กม.)"},
     "band": {"type": ["number", "null"], "x-column": "แถบ"},
     "guardian": {"type": "object", "x-column": "ผู้ปกครอง", "required": ["name"], "properties": {
       "name": {"type": "string", "x-column": "ชื่อ"}, "phone": {"type": "string", "x-column": "โทร"}}},
     "quarters": {"type": "array", "items": {"type": "number"}, "x-columns": ["ไตรมาส 1", "ไตรมาส 2"]},
     "scores": {"type": "array", "items": {"type": "integer", "minimum": 1, "maximum": 5}, "x-columns-from": "questions[*].no"}}}},
  "questions": {"type": "array", "x-sheet": "ข้อคำถาม", "items": {"type": "object", "properties": {"no": {"type": "string", "x-column": "ข้อ"}}}}
 }})json";

// A sheet from rows of texts ("" leaves a cell empty).
Sheet sheet(std::string name, const std::vector<std::vector<std::string>>& rows) {
  Sheet out{std::move(name), {}};
  for (std::uint32_t r = 0; r < rows.size(); ++r) {
    SheetRow row{r, {}};
    for (std::uint32_t c = 0; c < rows[r].size(); ++c)
      if (!rows[r][c].empty()) row.cells.push_back({c, CellType::text, false, rows[r][c]});
    if (!row.cells.empty()) out.rows.push_back(std::move(row));
  }
  return out;
}

Workbook good_workbook() {
  Workbook workbook;
  workbook.sheets.push_back(sheet("ทั่วไป", {{"รายการ", "ข้อมูล"},
                                           {"ปีการศึกษา", "๒๕๖๙"},
                                           {"สำนักงาน (ชื่อ)", "สพป.ทดสอบ"},
                                           {"ที่อยู่", "บรรทัดหนึ่ง\n\nบรรทัดสอง "}}));
  workbook.sheets.push_back(
      sheet("โรงเรียน", {{"รหัส", "ชื่อโรงเรียน", "อื่น ๆ"}, {"001", "บ้านนา", "x"}, {"002", "บ้านไร่"}}));
  workbook.sheets.push_back(
      sheet("มารวม", {{"รหัสโรงเรียนหลัก", "รหัสโรงเรียนมารวม"}, {"002", "201"}, {"001", "101"}, {"002", "202"}}));
  workbook.sheets.push_back(sheet("ข้อคำถาม", {{"ข้อ"}, {"1.1"}, {"1.2"}}));
  workbook.sheets.push_back(sheet("รายชื่อนักเรียน", {{"รายชื่อนักเรียนที่มีสิทธิ์"},
                                                  {},
                                                  {"ที่", "เลขประจำตัว", "รหัสโรงเรียน", "ระยะทาง\n(กม.)",
                                                   "ผู้ปกครอง (ชื่อ)", "ไตรมาส 1", "ไตรมาส ๒", "1.2", "1.1"},
                                                  {"1", "S1", "001", "๒.๕", "นางมา", "10", "", "4", "5"},
                                                  {"2", "S2", "002", "1,200", "", "5", "20", "3", "2"},
                                                  {},
                                                  {"3", "S3", "002", "0", "", "", "", "1", "2"}}));
  return workbook;
}

ImportResult run(const Workbook& workbook, const ImportOptions& options = {}) {
  const dataset::Schema schema = dataset::Schema::load_text(schema_text, "k.schema.json");
  return map_workbook(schema, make_import_plan(schema), workbook, "in.xlsx", options);
}

// Every problem as "location: message", one per line.
std::string problems(const ImportResult& result) {
  std::string out;
  for (const auto& problem : result.problems) out += problem.location + ": " + problem.message + "\n";
  return out;
}

std::string lines(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items) out += item + "\n";
  return out;
}

std::string compact(const std::string& json) {
  std::string out;
  bool in_string = false;
  for (std::size_t i = 0; i < json.size(); ++i) {
    const char c = json[i];
    if (c == '"' && (i == 0 || json[i - 1] != '\\')) in_string = !in_string;
    if (!in_string && (c == ' ' || c == '\n')) continue;
    out += c;
  }
  return out;
}

}  // namespace

TEST_CASE("intake mapping: sheets, child sheets, spread columns and single values make the dataset") {
  const ImportResult result = run(good_workbook());
  CHECK(problems(result) == "");
  REQUIRE(result.json);
  CHECK(compact(*result.json) ==
        compact(R"({"kind": "k", "year": 2569, "office": {"name": "สพป.ทดสอบ"}, "days": 200,
 "lines": ["บรรทัดหนึ่ง", "บรรทัดสอง"],
 "schools": [{"code": "001", "name": "บ้านนา", "merged": [{"code": "101"}]},
             {"code": "002", "name": "บ้านไร่", "merged": [{"code": "201"}, {"code": "202"}]}],
 "students": [{"id": "S1", "school": "001", "distance": 2.5, "guardian": {"name": "นางมา"}, "quarters": [10], "scores": [5, 4]},
              {"id": "S2", "school": "002", "distance": 1200, "quarters": [5, 20], "scores": [2, 3]},
              {"id": "S3", "school": "002", "distance": 0, "scores": [2, 1]}],
 "questions": [{"no": "1.1"}, {"no": "1.2"}]})"));
}

TEST_CASE("intake mapping: a cell that cannot be converted is reported at its sheet and cell") {
  Workbook workbook = good_workbook();
  workbook.sheets[4].rows[2].cells[3].text = "ไกล";  // S1's distance, D4
  workbook.sheets[4].rows[3].cells[2].text = "099";  // S2's school: no such school
  workbook.sheets[4].rows[3].cells[4].text = "";     // S2's first quarter, F5, with the second filled
  CHECK(
      problems(run(workbook)) ==
      lines(
          {"รายชื่อนักเรียน!D4: expected a number >= 0, found \"ไกล\"",
           "รายชื่อนักเรียน!F5: expected a value in column \"ไตรมาส 1\" (the columns after it are filled), found "
           "an empty cell",
           "รายชื่อนักเรียน!C5: expected a value found at schools[*].code, found \"099\""}));
}

TEST_CASE("intake mapping: validator problems land on the cells the values came from") {
  Workbook workbook = good_workbook();
  workbook.sheets[4].rows[3].cells[1].text = "S1";     // a repeated id, B5
  workbook.sheets[4].rows[4].cells[3].text = "-2";     // S3's distance, D7
  workbook.sheets[4].rows[4].cells.back().text = "9";  // S3's answer to 1.1, I7
  workbook.sheets[0].rows[1].cells[1].text = "2400";  // ปีการศึกษา below its minimum: ทั่วไป!B2
  CHECK(problems(run(workbook)) ==
        lines({"ทั่วไป!B2: expected a number >= 2500, found 2400",
               "รายชื่อนักเรียน!B5: expected a unique id, found \"S1\" again (first at รายชื่อนักเรียน!B4)",
               "รายชื่อนักเรียน!D7: expected a number >= 0, found -2",
               "รายชื่อนักเรียน!I7: expected a number <= 5, found 9"}));
}

TEST_CASE("intake mapping: each problem's place is also said as the dataset path of its field") {
  Workbook workbook = good_workbook();
  workbook.sheets[4].rows[4].cells[3].text = "-2";     // S3's distance, D7
  workbook.sheets[4].rows[4].cells.back().text = "9";  // S3's answer to 1.1, I7
  workbook.sheets[4].rows[3].cells[3].text = "ไกล";    // S2's distance, D5: not a number
  workbook.sheets[0].rows[1].cells[1].text = "2400";  // ปีการศึกษา, ทั่วไป!B2
  workbook.sheets[2].rows[3].cells[1].text = "";  // the second school's second merged school, มารวม!B4
  const ImportResult result = run(workbook);
  std::string paths;
  REQUIRE(result.json_paths.size() == result.problems.size());
  for (std::size_t i = 0; i < result.problems.size(); ++i)
    paths += result.problems[i].location + " -> " + result.json_paths[i] + "\n";
  CHECK(paths == lines({"รายชื่อนักเรียน!D5 -> students[1].distance", "ทั่วไป!B2 -> year",
                        "มารวม!B4 -> schools[1].merged[1].code", "รายชื่อนักเรียน!D7 -> students[2].distance",
                        "รายชื่อนักเรียน!I7 -> students[2].scores[0]"}));

  // A row that names no parent has no place in the dataset; the parent left without children is its row.
  Workbook orphan = good_workbook();
  orphan.sheets[2].rows[2].cells[0].text = "๐๐๙";
  const ImportResult unplaced = run(orphan);
  CHECK(problems(unplaced) ==
        lines({"มารวม!A3: expected the รหัสโรงเรียนหลัก of a row of sheet \"โรงเรียน\", found \"๐๐๙\"",
               "โรงเรียน!2:2: expected at least 1 row in sheet \"มารวม\" for this row, found none"}));
  CHECK(unplaced.json_paths == std::vector<std::string>{"", "schools[0]"});

  // A required single value without its row is about that value; a problem with the whole file about none.
  Workbook no_year = good_workbook();
  no_year.sheets[0].rows.erase(no_year.sheets[0].rows.begin() + 1);
  const ImportResult missing = run(no_year);
  CHECK(problems(missing) ==
        lines({"ทั่วไป: expected a row titled \"ปีการศึกษา\" with a value (year), found none"}));
  CHECK(missing.json_paths == std::vector<std::string>{"year"});
}

TEST_CASE("intake mapping: a missing required column, sheet or single value is said once, by its title") {
  Workbook workbook = good_workbook();
  workbook.sheets[4].rows[0].cells[0].text = "ระยะทาง (กม.)";  // the title above the header row, not in it
  workbook.sheets[4].rows[1].cells[3].text = "ระยะทาง";
  workbook.sheets.erase(workbook.sheets.begin() + 2);  // มารวม
  workbook.sheets.erase(workbook.sheets.begin());      // ทั่วไป
  CHECK(
      problems(run(workbook)) ==
      lines({": expected a sheet named \"มารวม\" (merged), found the sheets \"โรงเรียน\", \"ข้อคำถาม\", "
             "\"รายชื่อนักเรียน\"",
             "รายชื่อนักเรียน: expected a column titled \"ระยะทาง (กม.)\" (distance) in the header row (row 3), "
             "found none",
             "ทั่วไป: expected a row titled \"ปีการศึกษา\" with a value (year), found none"}));
}

TEST_CASE("intake mapping: child rows name their parent by its key, an unknown key is reported") {
  Workbook workbook = good_workbook();
  workbook.sheets[2].rows[2].cells[0].text = "๐๐๙";
  CHECK(problems(run(workbook)) ==
        lines({"มารวม!A3: expected the รหัสโรงเรียนหลัก of a row of sheet \"โรงเรียน\", found \"๐๐๙\"",
               "โรงเรียน!2:2: expected at least 1 row in sheet \"มารวม\" for this row, found none"}));
}

TEST_CASE("intake mapping: what the workbook lacks comes from the base, --set wins over both") {
  const dataset::JsonDocument base = dataset::read_json_text(
      R"({"kind": "k", "year": 2568, "days": 180, "office": {"name": "เดิม"},
          "schools": [{"code": "001", "name": "บ้านนา", "note": "คงไว้", "merged": [{"code": "101"}]}],
          "students": [{"id": "S1", "school": "001", "distance": 9, "guardian": {"name": "เดิม", "phone": "081"}, "scores": [1, 1]}],
          "questions": [{"no": "1.1"}, {"no": "1.2"}]})",
      "base.json");
  Workbook workbook;
  workbook.sheets.push_back(sheet("นักเรียน", {{"เลขประจำตัว", "รหัสโรงเรียน", "ระยะทาง (กม.)", "1.1", "1.2"},
                                             {"S1", "001", "3", "5", "5"},
                                             {"S2", "001", "4", "4", "4"}}));
  ImportOptions options;
  options.base = &base;
  options.settings = {{"ปีการศึกษา", "2570"}, {"office.name", "ใหม่"}};
  const ImportResult result = run(workbook, options);
  CHECK(problems(result) == "");
  REQUIRE(result.json);
  CHECK(compact(*result.json) ==
        compact(R"({"kind": "k", "year": 2570, "office": {"name": "ใหม่"}, "days": 180,
 "schools": [{"code": "001", "name": "บ้านนา", "note": "คงไว้", "merged": [{"code": "101"}]}],
 "students": [{"id": "S1", "school": "001", "distance": 3, "guardian": {"name": "เดิม", "phone": "081"}, "scores": [5, 5]},
              {"id": "S2", "school": "001", "distance": 4, "scores": [4, 4]}],
 "questions": [{"no": "1.1"}, {"no": "1.2"}]})"));
  options.settings = {{"วันหยุด", "3"}, {"year", "ปีนี้"}};
  CHECK(problems(run(workbook, options)) ==
        lines({"--set วันหยุด: expected a single value of the kind, such as year, found \"วันหยุด\"",
               "--set year: expected a whole number >= 2500, found \"ปีนี้\""}));
}

TEST_CASE("intake mapping: a one-sheet file under another name (a CSV) fills the sheet its header matches") {
  const dataset::JsonDocument base = dataset::read_json_text(
      R"({"kind": "k", "year": 2569, "schools": [{"code": "001", "name": "บ้านนา", "merged": [{"code": "101"}]}],
          "students": [], "questions": [{"no": "1.1"}]})",
      "base.json");
  Workbook workbook;
  workbook.sheets.push_back(
      sheet("students", {{"เลขประจำตัว", "รหัสโรงเรียน", "ระยะทาง (กม.)", "1.1"}, {"S9", "001", "ไกล", "3"}}));
  ImportOptions options;
  options.base = &base;
  const ImportResult result = run(workbook, options);
  CHECK(lines(result.notes) == lines({"\"students\" was read as the sheet \"นักเรียน\""}));
  CHECK(problems(result) == lines({"students!C2: expected a number >= 0, found \"ไกล\""}));
}

TEST_CASE("intake mapping: schemas whose sheet keywords do not fit together are refused") {
  CHECK(
      test::schema_problems(
          R"({"type": "object", "properties": {"a": {"type": "string", "x-column": 3}}})") ==
      std::vector<std::string>{"properties.a.x-column: expected a title or an array of titles (the first one "
                               "written, the others accepted), found 3"});
  const auto plan_problems = [](const std::string& text) {
    std::vector<std::string> out;
    try {
      make_import_plan(dataset::Schema::load_text(text, "s.schema.json"));
    } catch (const InputError& error) {
      for (const auto& problem : error.diagnostics())
        out.push_back(problem.location + ": " + problem.message);
    }
    return out;
  };
  CHECK(plan_problems(R"({"type": "object", "properties": {"a": {"type": "string", "x-sheet": "ก"}}})") ==
        std::vector<std::string>{"properties.a: expected x-sheet on an array of objects only"});
  CHECK(
      plan_problems(
          R"({"type": "object", "properties": {"a": {"type": "array", "x-sheet": "ก", "items": {"type": "object",
      "properties": {"b": {"type": "array", "x-sheet": "ข", "items": {"type": "object", "properties": {"c": {"type": "string"}}}}}}}}})") ==
      std::vector<std::string>{
          "properties.a.items.properties.b: expected x-unique on the array around it (a): its rows "
          "name the record they belong to by that key"});
  CHECK(
      plan_problems(
          R"({"type": "object", "properties": {"a": {"type": "array", "x-sheet": "ก", "items": {"type": "object",
      "properties": {"b": {"type": "string", "x-column": "ชื่อ"}, "c": {"type": "string", "x-column": ["นาม", "ชื่อ"]}}}}}})") ==
      std::vector<std::string>{
          "a: expected each column title of sheet \"ก\" once, found \"ชื่อ\" for both b and c"});
}
