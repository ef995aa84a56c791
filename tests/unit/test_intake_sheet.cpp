// The import sheet of a kind: written from the schema (and a dataset), it reads back as the same dataset.
#include <doctest/doctest.h>

#include <string>

#include "dataset/json_reader.h"
#include "dataset/schema.h"
#include "intake/intake.h"
#include "intake/xlsx_reader.h"

using namespace raingan;
using namespace raingan::intake;

namespace {

const char* const schema_text = R"json({
 "title": "ทดสอบ", "type": "object", "required": ["kind", "day", "items", "groups"],
 "properties": {
  "kind": {"const": "k"},
  "day": {"type": "string", "format": "date", "x-column": "วันที่"},
  "ceiling": {"type": "number", "x-money": true, "x-column": "วงเงิน"},
  "open": {"type": "boolean", "x-column": "เปิดรับ"},
  "lines": {"type": "array", "items": {"type": "string"}, "x-column": "ที่อยู่"},
  "questions": {"type": "array", "items": {"type": "string"}, "x-column": "ข้อคำถาม"},
  "groups": {"type": "array", "x-sheet": "กลุ่ม", "x-unique": "code", "items": {"type": "object", "properties": {
    "code": {"type": "string", "x-column": "รหัส"},
    "members": {"type": "array", "x-sheet": "สมาชิก", "x-parent-column": "รหัสกลุ่ม", "items": {"type": "object",
      "properties": {"name": {"type": "string", "x-column": "ชื่อ"}}}}}}},
  "items": {"type": "array", "x-sheet": "รายการ", "items": {"type": "object", "required": ["limit"], "properties": {
    "code": {"type": "string", "x-column": "รหัส"},
    "limit": {"type": ["number", "null"], "x-column": "ไม่เกิน"},
    "level": {"enum": ["ป.1", "ป.2"], "x-column": "ชั้น"},
    "amounts": {"type": "array", "items": {"type": "number", "x-money": true}, "x-columns": ["ครั้งที่ 1", "ครั้งที่ 2"]},
    "answers": {"type": "array", "items": {"type": "integer"}, "x-columns-from": "questions[*]"}}}}
 }})json";

const char* const dataset_text =
    R"json({"kind": "k", "day": "2026-11-20", "ceiling": 6702000.5, "open": false,
 "lines": ["หนึ่ง", "สอง"], "questions": ["ก", "ข"],
 "groups": [{"code": "007", "members": [{"name": "สมชาย"}, {"name": "สมหญิง"}]}, {"code": "008", "members": []}],
 "items": [{"code": "0012", "limit": 3, "level": "ป.2", "amounts": [0.1, 1234567.89], "answers": [5, 4]},
           {"code": "X", "limit": null}]})json";

std::string compact(const std::string& json) {
  std::string out;
  bool in_string = false;
  for (std::size_t i = 0; i < json.size(); ++i) {
    if (json[i] == '"' && (i == 0 || json[i - 1] != '\\')) in_string = !in_string;
    if (in_string || (json[i] != ' ' && json[i] != '\n')) out += json[i];
  }
  return out;
}

}  // namespace

TEST_CASE("intake sheet: the import sheet filled from a dataset imports back as that dataset") {
  const dataset::Schema schema = dataset::Schema::load_text(schema_text, "k.schema.json");
  const dataset::JsonDocument from = dataset::read_json_text(dataset_text, "k.json");
  SheetOptions options;
  options.fonts_folder = std::string(RAINGAN_SOURCE_DIR) + "/fonts";
  const std::string bytes = import_sheet_bytes(schema, &from, options);

  const Workbook workbook = read_xlsx(bytes, "k.xlsx", {});
  std::vector<std::string> names;
  for (const auto& sheet : workbook.sheets) names.push_back(sheet.name);
  CHECK(names == std::vector<std::string>{"ข้อมูลทั่วไป", "กลุ่ม", "สมาชิก", "รายการ", "คำอธิบาย"});
  // Headers: the row number, then the titles; columns from the dataset's questions.
  std::vector<std::string> titles;
  for (const auto& cell : workbook.sheets[3].rows.at(0).cells) titles.push_back(cell.text);
  CHECK(titles == std::vector<std::string>{"ที่", "รหัส", "ไม่เกิน", "ชั้น", "ครั้งที่ 1", "ครั้งที่ 2", "ก", "ข"});
  // Codes stay text; the date is a date cell.
  CHECK(workbook.sheets[3].rows.at(1).cells.at(1).type == CellType::text);
  CHECK(workbook.sheets[0].rows.at(1).cells.at(1).date_style);

  const ImportResult result = import_bytes(bytes, "k.xlsx", schema);
  CHECK(result.problems.empty());
  REQUIRE(result.json);
  CHECK(compact(*result.json) == compact(dataset_text));
  CHECK(result.notes.empty());
}

TEST_CASE("intake sheet: the empty import sheet has the headers, and importing it says what is missing") {
  const dataset::Schema schema = dataset::Schema::load_text(schema_text, "k.schema.json");
  SheetOptions options;
  options.fonts_folder = std::string(RAINGAN_SOURCE_DIR) + "/fonts";
  const std::string bytes = import_sheet_bytes(schema, nullptr, options);
  const ImportResult result = import_bytes(bytes, "k.xlsx", schema);
  std::string found;
  for (const auto& problem : result.problems) found += problem.location + ": " + problem.message + "\n";
  CHECK(found == "ข้อมูลทั่วไป!B2: expected a value for \"วันที่\", found an empty cell\n");
}

TEST_CASE("intake sheet: a kind whose schema names no sheet cannot be imported") {
  const dataset::Schema schema = dataset::Schema::load_text(
      R"({"type": "object", "properties": {"a": {"type": "string"}}})", "memo.schema.json");
  CHECK_FALSE(importable(schema));
  CHECK_THROWS_AS(import_bytes("a\n1\n", "memo.csv", schema), InputError);
  CHECK_THROWS_AS(import_sheet_bytes(schema, nullptr), InputError);
}
