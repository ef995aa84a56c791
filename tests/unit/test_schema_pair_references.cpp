// x-references with a filter tied to the record being checked (a pair reference): a student's from_school
// must be one of the schools merged into that same student's host school.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "dataset/json_reader.h"
#include "dataset/path_pattern.h"
#include "dataset/schema_validator.h"
#include "format/value_error.h"
#include "schema_support.h"

using namespace raingan;
using namespace raingan::dataset;

namespace {

std::vector<std::string> matches(const PathPattern& pattern, const JsonDocument& document,
                                 const Value* record) {
  std::vector<std::string> out;
  pattern.for_each_match(document.root, record, [&out](const Value& v) { out.push_back(describe(v)); });
  return out;
}

const std::string pair_schema = R"({
  "type": "object",
  "additionalProperties": false,
  "properties": {
    "schools": {"type": "array", "items": {"type": "object", "additionalProperties": false, "properties": {
      "code": {"type": "string"},
      "merged": {"type": "array", "items": {"type": "object", "additionalProperties": false,
                                            "properties": {"code": {"type": "string"}}}}}}},
    "students": {"type": "array", "items": {"type": "object", "additionalProperties": false,
      "required": ["school", "from_school"],
      "properties": {
        "school": {"type": "string", "x-references": "schools[*].code"},
        "from_school": {"type": "string", "x-references": "schools[code={school}].merged[*].code"}}}}}})";

const std::string two_schools = R"("schools": [
    {"code": "A", "merged": [{"code": "A1"}, {"code": "A2"}]},
    {"code": "B", "merged": [{"code": "B1"}]}])";

}  // namespace

TEST_CASE("A filter [field={record_field}] keeps the items whose field equals the record's") {
  const PathPattern pattern = PathPattern::parse("schools[code={school}].merged[*].code");
  CHECK(pattern.record_fields() == std::vector<std::string>{"school"});
  const JsonDocument document =
      read_json_text("{" + two_schools + R"(, "record": {"school": "B"}})", "d.json");
  const Value* record = document.root.find("record");
  CHECK(matches(pattern, document, record) == std::vector<std::string>{"\"B1\""});
  CHECK(pattern.text_for(*record) == "schools[code=\"B\"].merged[*].code");
  // Without a record the filter keeps nothing; widened, it keeps everything.
  CHECK(matches(pattern, document, nullptr).empty());
  const PathPattern wide = pattern.widened();
  CHECK(wide.text() == "schools[*].merged[*].code");
  CHECK(wide.record_fields().empty());
  CHECK(matches(wide, document, nullptr) == std::vector<std::string>{"\"A1\"", "\"A2\"", "\"B1\""});
  // A record without the field matches nothing (its own "required" reports that).
  const JsonDocument other = read_json_text("{" + two_schools + R"(, "record": {"id": 1}})", "d.json");
  CHECK(matches(pattern, other, other.root.find("record")).empty());
}

TEST_CASE("A malformed filter is rejected with the form it should take") {
  for (const char* bad : {"schools[code=school].code", "schools[={school}].code", "schools[code={}].code",
                          "schools[code={a.b}].code", "schools[co de={x}].code"}) {
    CAPTURE(bad);
    try {
      PathPattern::parse(bad);
      FAIL("accepted");
    } catch (const format::ValueError& error) {
      CHECK(std::string(error.what()).find("expected a path such as schools[*].code") != std::string::npos);
    }
  }
}

TEST_CASE("x-references with a filter: a pair reference names the record's own key in its message") {
  CHECK(test::dataset_problems(pair_schema, "{" + two_schools + R"(, "students": [
      {"school": "A", "from_school": "A2"}, {"school": "B", "from_school": "B1"}]})")
            .empty());
  // Merged into another school, unknown everywhere, host unknown: three different explanations.
  const auto found = test::dataset_problems(pair_schema, "{" + two_schools + R"(, "students": [
      {"school": "A", "from_school": "B1"},
      {"school": "B", "from_school": "Z9"},
      {"school": "C", "from_school": "A1"}]})");
  CHECK(found ==
        std::vector<std::string>{
            "students[0].from_school: expected a value found at schools[code=\"A\"].merged[*].code, found "
            "\"B1\" (it is at schools[*].merged[*].code, but not there)",
            "students[1].from_school: expected a value found at schools[code=\"B\"].merged[*].code, found "
            "\"Z9\" (it is nowhere at schools[*].merged[*].code)",
            "students[2].school: expected a value found at schools[*].code, found \"C\"",
            "students[2].from_school: expected a value found at schools[code=\"C\"].merged[*].code, found "
            "\"A1\" (there is none in this dataset)"});
}

TEST_CASE("x-references with a filter: a record without the filtered field is left to required") {
  const auto found =
      test::dataset_problems(pair_schema, "{" + two_schools + R"(, "students": [{"from_school": "A1"}]})");
  CHECK(found ==
        std::vector<std::string>{"students[0].school: expected required field \"school\", found it missing"});
}

TEST_CASE("x-references with a filter compares numbers by value") {
  const std::string schema = R"({"type": "object", "properties": {
    "hosts": {"type": "array"},
    "rows": {"type": "array", "items": {"type": "object", "properties": {
      "host": {"type": "integer"},
      "child": {"type": "integer", "x-references": "hosts[id={host}].children[*]"}}}}}})";
  CHECK(test::dataset_problems(schema,
                               R"({"hosts": [{"id": 1, "children": [10, 11]}, {"id": 2.0, "children": [20]}],
                                "rows": [{"host": 2, "child": 20.0}, {"host": 1, "child": 11}]})")
            .empty());
  CHECK(test::dataset_problems(
            schema, R"({"hosts": [{"id": 1, "children": [10]}], "rows": [{"host": 1, "child": 20}]})")
            .size() == 1);
}
