// Schema validation: every problem of a dataset at once, each with its JSON path and expected/found.
#include <doctest/doctest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "dataset/dataset_check.h"
#include "dataset/ecma_pattern.h"
#include "dataset/schema_validator.h"
#include "schema_support.h"

using namespace raingan;
using namespace raingan::dataset;

namespace {

bool any_contains(const std::vector<std::string>& lines, const std::string& part) {
  for (const auto& line : lines)
    if (line.find(part) != std::string::npos) return true;
  return false;
}

const std::string schools_schema = R"({
  "title": "schools",
  "type": "object",
  "additionalProperties": false,
  "required": ["kind", "schools"],
  "properties": {
    "kind": {"const": "schools"},
    "schools": {
      "type": "array",
      "minItems": 1,
      "x-unique": "code",
      "items": {"$ref": "#/definitions/school"}
    }
  },
  "definitions": {
    "school": {
      "type": "object",
      "additionalProperties": false,
      "required": ["code", "name", "students"],
      "properties": {
        "code": {"type": "string", "pattern": "^[0-9]{4}$"},
        "name": {"type": "string", "minLength": 1},
        "students": {"type": "integer", "minimum": 0},
        "distance_km": {"type": "number", "minimum": 0},
        "host": {"type": "string", "x-references": "schools[*].code"}
      }
    }
  }
})";

}  // namespace

TEST_CASE("A type error, a missing required field and an unknown field are three problems with paths") {
  const auto found = test::dataset_problems(schools_schema, R"({"kind": "schools", "schools": [
    {"code": "1001", "name": "บ้านหนองบัว", "students": 120},
    {"code": "1002", "students": "สิบ", "colour": "red"}
  ]})");
  REQUIRE(found.size() == 3);
  CHECK(found[0] == "schools[1].students: expected an integer, found \"สิบ\"");
  CHECK(found[1] ==
        "schools[1].colour: expected one of the fields code, name, students, distance_km, host, found "
        "unknown field "
        "\"colour\"");
  CHECK(found[2] == "schools[1].name: expected required field \"name\", found it missing");
}

TEST_CASE("A valid dataset has no problems, integers may be written 12.0") {
  CHECK(test::dataset_problems(schools_schema, R"({"kind": "schools", "schools": [
    {"code": "1001", "name": "ก", "students": 12.0, "distance_km": 3.5},
    {"code": "1002", "name": "ข", "students": 0, "host": "1001"}]})")
            .empty());
}

TEST_CASE("Types, const, enum, bounds and lengths") {
  const std::string schema = R"({"type": "object", "properties": {
    "kind": {"const": "x"},
    "round": {"enum": ["may", "november"]},
    "rate": {"type": "number", "minimum": 0, "exclusiveMaximum": 100},
    "limit": {"type": "number", "maximum": 10.5, "exclusiveMinimum": -1},
    "title": {"type": "string", "minLength": 2, "maxLength": 4},
    "note": {"type": ["string", "null"]},
    "list": {"type": "array", "maxItems": 2, "items": {"type": "boolean"}},
    "empty": {"type": "object"}
  }})";
  const auto found =
      test::dataset_problems(schema, R"({"kind": "y", "round": "june", "rate": 100, "limit": -1,
    "title": "ไทยไทย", "note": 5, "list": [true, false, 1], "empty": {"a": 1}})");
  CHECK(found == std::vector<std::string>{
                     "kind: expected \"x\", found \"y\"",
                     "round: expected one of \"may\", \"november\", found \"june\"",
                     "rate: expected a number < 100, found 100",
                     "limit: expected a number > -1, found -1",
                     "title: expected at most 4 characters, found 6 characters \"ไทยไทย\"",
                     "note: expected a string or null, found 5",
                     "list: expected at most 2 items, found an array of 3 items",
                     "list[2]: expected true or false, found 1",
                     "empty.a: expected no fields here, found unknown field \"a\"",
                 });
  // Lengths count characters (code points), not bytes: "ไทย" is 3 characters in 9 bytes.
  CHECK(test::dataset_problems(schema, R"({"title": "ไทย"})").empty());
  CHECK(test::dataset_problems(schema, R"({"title": "ก"})") ==
        std::vector<std::string>{"title: expected at least 2 characters, found 1 character \"ก\""});
  CHECK(test::dataset_problems(schema, R"({"rate": 0, "limit": 10.5})").empty());
  CHECK(test::dataset_problems(schema, R"({"limit": 10.51})") ==
        std::vector<std::string>{"limit: expected a number <= 10.5, found 10.51"});
}

TEST_CASE("pattern is ECMAScript, Unicode aware and unanchored") {
  const std::string schema = R"({"type": "object", "properties": {
    "code": {"type": "string", "pattern": "^\\d{4}$"},
    "thai": {"type": "string", "pattern": "^[ก-ฮ]+$"},
    "has": {"type": "string", "pattern": "สพป"}
  }})";
  CHECK(test::dataset_problems(schema, R"({"code": "1234", "thai": "กขค", "has": "สำนักงาน สพป.พิษณุโลก"})")
            .empty());
  const auto found = test::dataset_problems(schema, R"({"code": "๑๒๓๔", "thai": "abc", "has": "สพม."})");
  REQUIRE(found.size() == 3);
  CHECK(found[0] == "code: expected text matching the pattern ^\\d{4}$, found \"๑๒๓๔\"");  // \d is 0-9 only
  CHECK(found[1] == "thai: expected text matching the pattern ^[ก-ฮ]+$, found \"abc\"");
  CHECK(any_contains(found, "has: expected text matching the pattern สพป"));
  // $ is the end of the text, not the end of a line.
  CHECK(test::dataset_problems(schema, "{\"code\": \"1234\\n\"}").size() == 1);
  CHECK(ecma_to_icu("^\\d+\\.\\w[\\D]$") == "^[0-9]+\\.[A-Za-z0-9_][[^0-9]]\\z");
}

TEST_CASE("format date accepts real calendar dates only") {
  const std::string schema =
      R"({"type": "object", "properties": {"d": {"type": "string", "format": "date"}}})";
  CHECK(test::dataset_problems(schema, R"({"d": "2024-02-29"})").empty());
  CHECK(test::dataset_problems(schema, R"({"d": "2026-02-29"})") ==
        std::vector<std::string>{"d: expected a date as yyyy-mm-dd such as 2026-11-22 (2026-02 has no day "
                                 "29), found \"2026-02-29\""});
  CHECK(test::dataset_problems(schema, R"({"d": "22/11/2569"})").size() == 1);
}

TEST_CASE("x-money: at most two decimals, read exactly") {
  const std::string schema = R"({"type": "object", "properties": {
    "amounts": {"type": "array", "items": {"type": "number", "x-money": true, "minimum": 0}}}})";
  CHECK(test::dataset_problems(schema, R"({"amounts": [1250000.00, 0.1, 0, 12.5, 1.25e3]})").empty());
  const auto found = test::dataset_problems(schema, R"({"amounts": [1.005, 92233720368547758.08, -0.5]})");
  REQUIRE(found.size() == 3);
  CHECK(found[0] ==
        "amounts[0]: expected an amount in baht with at most two decimals (satang), found \"1.005\"");
  CHECK(found[1].find("amounts[1]: expected an amount within ±92,233,720,368,547,758.07 baht") == 0);
  CHECK(found[2] == "amounts[2]: expected a number >= 0, found -0.5");
}

TEST_CASE("x-unique: no two items share the field") {
  const auto found = test::dataset_problems(schools_schema, R"({"kind": "schools", "schools": [
    {"code": "1001", "name": "ก", "students": 1},
    {"code": "1002", "name": "ข", "students": 1},
    {"code": "1001", "name": "ค", "students": 1}]})");
  CHECK(found ==
        std::vector<std::string>{
            "schools[2].code: expected a unique code, found \"1001\" again (first at schools[0].code)"});
  // Numbers are compared by value: 1 and 1.0 are the same.
  const std::string numbers = R"({"type": "array", "x-unique": "n", "items": {"type": "object",
    "properties": {"n": {"type": "number"}}}})";
  CHECK(test::dataset_problems(numbers, R"([{"n": 1}, {"n": 1.0}, {"n": 2}])").size() == 1);
  // A number too large for a Decimal (found by fuzzing: it used to escape as an uncaught exception) is a
  // key like any other, told apart by how it is written.
  CHECK(test::dataset_problems(numbers, R"([{"n": 0e6663333333}, {"n": 0e6663333333}, {"n": 2}])").size() ==
        1);
}

TEST_CASE("x-references: the value must appear at the path pattern") {
  const auto found = test::dataset_problems(schools_schema, R"({"kind": "schools", "schools": [
    {"code": "1001", "name": "ก", "students": 1},
    {"code": "1002", "name": "ข", "students": 1, "host": "1001"},
    {"code": "1003", "name": "ค", "students": 1, "host": "9999"}]})");
  CHECK(found == std::vector<std::string>{
                     "schools[2].host: expected a value found at schools[*].code, found \"9999\""});

  const std::string nested = R"({"type": "object", "properties": {
    "schools": {"type": "array", "items": {"type": "object", "properties": {
      "code": {"type": "integer"},
      "merged": {"type": "array", "items": {"type": "object", "properties": {"code": {"type": "integer"}}}}}}},
    "students": {"type": "array", "items": {"type": "object", "properties": {
      "school": {"type": "integer", "x-references": "schools[*].merged[*].code"}}}}}})";
  CHECK(test::dataset_problems(nested, R"({"schools": [{"code": 1, "merged": [{"code": 11}, {"code": 12}]}],
                            "students": [{"school": 12}, {"school": 12.0}]})")
            .empty());
  CHECK(test::dataset_problems(
            nested, R"({"schools": [{"code": 1, "merged": [{"code": 11}]}], "students": [{"school": 1}]})") ==
        std::vector<std::string>{
            "students[0].school: expected a value found at schools[*].merged[*].code, found 1"});
  CHECK(any_contains(test::dataset_problems(nested, R"({"schools": [], "students": [{"school": 1}]})"),
                     "(there is none in this dataset)"));
}

TEST_CASE("x-ascending: strictly ascending, null only last") {
  const std::string schema = R"({"type": "array", "x-ascending": {"field": "up_to_km", "nulls": "last"},
    "items": {"type": "object", "properties": {"up_to_km": {"type": ["number", "null"]}, "rate": {"type": "integer"}}}})";
  CHECK(test::dataset_problems(
            schema,
            R"([{"up_to_km": 3, "rate": 10}, {"up_to_km": 10, "rate": 15}, {"up_to_km": null, "rate": 20}])")
            .empty());
  CHECK(test::dataset_problems(schema, R"([{"up_to_km": 3}, {"up_to_km": 3}])") ==
        std::vector<std::string>{"[1].up_to_km: expected a value greater than 3 (at [0].up_to_km: items "
                                 "ascend by up_to_km), found 3"});
  CHECK(test::dataset_problems(schema, R"([{"up_to_km": 10}, {"up_to_km": 9.99}])").size() == 1);
  CHECK(test::dataset_problems(schema, R"([{"up_to_km": null}, {"up_to_km": 3}])") ==
        std::vector<std::string>{
            "[0].up_to_km: expected null only on the last item (nulls last), found null before the end"});
  const std::string strict = R"({"type": "array", "x-ascending": {"field": "d"}})";
  CHECK(test::dataset_problems(strict, R"([{"d": "2026-01-01"}, {"d": "2026-02-01"}])").empty());
  CHECK(test::dataset_problems(strict, R"([{"d": "2026-03-01"}, {"d": "2026-02-01"}, {"d": null}])").size() ==
        2);
}

TEST_CASE("$ref may recurse") {
  const std::string schema = R"({"type": "object", "properties": {"root": {"$ref": "#/definitions/section"}},
    "definitions": {"section": {"type": "object", "required": ["title"], "properties": {
      "title": {"type": "string"},
      "children": {"type": "array", "items": {"$ref": "#/definitions/section"}}}}}})";
  CHECK(test::dataset_problems(
            schema, R"({"root": {"title": "a", "children": [{"title": "b", "children": [{"title": "c"}]}]}})")
            .empty());
  CHECK(test::dataset_problems(schema,
                               R"({"root": {"title": "a", "children": [{"children": [{"title": 3}]}]}})") ==
        std::vector<std::string>{
            "root.children[0].children[0].title: expected a string, found 3",
            "root.children[0].title: expected required field \"title\", found it missing"});
}

TEST_CASE("Validation copes with nesting as deep as the largest --max-depth") {
  ReaderOptions options;
  options.max_depth = 1000;
  const JsonDocument document =
      read_json_text(std::string(1000, '[') + std::string(1000, ']'), "d.json", options);
  const Schema schema = Schema::load_text(R"({"$ref": "#/definitions/nest", "definitions": {
    "nest": {"type": "array", "maxItems": 1, "items": {"$ref": "#/definitions/nest"}}}})",
                                          "s.schema.json");
  CHECK(validate(document, schema).empty());
}

TEST_CASE("A malformed schema names the schema file and the path inside it") {
  const auto found = test::schema_problems(R"({"type": "object",
    "properties": {
      "a": {"type": "text"},
      "b": {"type": "string", "minLenght": 3},
      "c": {"$ref": "#/definitions/nowhere"},
      "d": {"type": "string", "pattern": "([a-z"},
      "e": {"type": "array", "items": [{"type": "string"}]},
      "f": {"type": "string", "x-money": true},
      "g": {"type": "string", "x-references": "schools[x].code"},
      "h": {"anyOf": []},
      "i": {"type": "integer", "minimum": "0"},
      "j": {"type": "string", "format": "email"}
    },
    "required": ["a", "zzz"],
    "definitions": {"loop": {"$ref": "#/definitions/loop"}}
  })");
  CHECK(any_contains(found, "properties.a.type: expected one of \"object\", \"array\""));
  CHECK(any_contains(found, "properties.b.minLenght: expected a schema keyword"));
  CHECK(any_contains(found,
                     "properties.c.$ref: expected a reference to one of the definitions (loop), found "
                     "\"#/definitions/nowhere\""));
  CHECK(any_contains(found, "properties.d.pattern: expected a regular expression, found \"([a-z\""));
  CHECK(any_contains(found, "properties.e.items: expected one schema for every item"));
  CHECK(any_contains(found, "properties.f.x-money: expected x-money on a number, found it on a string"));
  CHECK(any_contains(found, "properties.g.x-references: expected a path such as schools[*].code"));
  CHECK(any_contains(found, "properties.h.anyOf: expected a schema keyword"));
  CHECK(any_contains(found, "properties.i.minimum: expected a number, found \"0\""));
  CHECK(any_contains(found, "properties.j.format: expected \"date\""));
  CHECK(any_contains(found,
                     "required: expected every required field to be listed in properties, found \"zzz\""));
  CHECK(any_contains(found, "definitions.loop.$ref: expected $ref to lead to a schema, found a cycle"));
  CHECK(found.size() == 12);
  CHECK(any_contains(test::schema_problems("[1]"), ": expected a schema object"));
  CHECK(any_contains(test::schema_problems(R"({"properties": {"a": {"definitions": {}}}})"),
                     "properties.a.definitions: expected definitions only at the top"));
}

TEST_CASE("check_dataset finds the schema of the kind, or lists the known kinds") {
  namespace fs = std::filesystem;
  const fs::path folder = fs::temp_directory_path() / "raingan-check-test";
  fs::remove_all(folder);
  fs::create_directories(folder / "schemas");
  std::ofstream(folder / "schemas" / "schools.schema.json") << schools_schema;
  std::ofstream(folder / "schemas" / "memo.schema.json") << R"({"type": "object"})";
  std::ofstream(folder / "good.json")
      << R"({"kind": "schools", "schools": [{"code": "1001", "name": "ก", "students": 3}]})";
  std::ofstream(folder / "unknown.json") << R"({"kind": "budget"})";
  std::ofstream(folder / "nokind.json") << R"({"schools": []})";
  std::ofstream(folder / "bad.json")
      << R"({"kind": "schools", "schools": [{"code": "x", "name": "", "students": -1}]})";

  SchemaCatalog catalog({folder / "schemas"});
  const DatasetCheck good = check_dataset(folder / "good.json", catalog);
  CHECK(good.problems.empty());
  CHECK(good.kind == "schools");
  REQUIRE(good.document);

  const DatasetCheck unknown = check_dataset(folder / "unknown.json", catalog);
  REQUIRE(unknown.problems.size() == 1);
  CHECK(unknown.problems[0].location == "kind");
  CHECK(unknown.problems[0].message.find("expected a kind that has a schema (known kinds: memo, schools;") ==
        0);
  CHECK(unknown.problems[0].message.find("found \"budget\"") != std::string::npos);

  CHECK(check_dataset(folder / "nokind.json", catalog).problems.at(0).message ==
        "expected a string naming the dataset's kind such as \"work-standards\", found no \"kind\" field");
  CHECK(check_dataset(folder / "bad.json", catalog).problems.size() == 3);
  CHECK_THROWS_AS(load_dataset(folder / "bad.json", catalog), InputError);
  CHECK(catalog.known_kinds() == std::vector<std::string>{"memo", "schools"});
  CHECK(default_schema_folders(folder / "good.json").at(0) == folder / "schemas");
  fs::remove_all(folder);
}

TEST_CASE("Validation stays linear: 20,000 records with x-unique and x-references") {
  std::string text = R"({"kind": "schools", "schools": [)";
  for (int i = 0; i < 20000; ++i) {
    if (i > 0) text += ",";
    text += R"({"code": ")" + std::to_string(1000 + i % 9000) + std::to_string(i / 9000) +
            R"(", "name": "โรงเรียน", )" + R"("students": )" + std::to_string(i % 300) + R"(, "host": ")" +
            std::to_string(1000 + (i / 2) % 9000) + std::to_string((i / 2) / 9000) + R"("})";
  }
  text += "]}";
  const auto start = std::chrono::steady_clock::now();
  const auto found = test::dataset_problems(R"({"type": "object", "properties": {"kind": {"type": "string"},
    "schools": {"type": "array", "x-unique": "code", "items": {"type": "object", "properties": {
      "code": {"type": "string"}, "name": {"type": "string"}, "students": {"type": "integer", "minimum": 0},
      "host": {"type": "string", "x-references": "schools[*].code"}}}}}})",
                                            text);
  const auto elapsed = std::chrono::steady_clock::now() - start;
  CHECK(found.empty());
  MESSAGE("20,000 records read and validated in "
          << std::chrono::duration_cast<std::chrono::milliseconds>(elapsed).count() << " ms");
}
