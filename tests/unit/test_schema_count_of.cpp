// x-count-of: an array must hold one item for each value a path pattern reaches, such as one answer per
// questionnaire item ("aspects[*].items[*]"), or per item of the record's own section ("[no={aspect}]").
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "core/diagnostic.h"
#include "dataset/json_reader.h"
#include "dataset/schema_validator.h"
#include "schema_support.h"

using namespace raingan;
using namespace raingan::dataset;

namespace {

const std::string survey_schema = R"({
  "type": "object",
  "properties": {
    "aspects": {"type": "array", "items": {"type": "object", "properties": {
      "no": {"type": "integer"},
      "items": {"type": "array", "items": {"type": "string"}}}}},
    "respondents": {"type": "array", "items": {"type": "object", "properties": {
      "responses": {"type": "array", "x-count-of": "aspects[*].items[*]",
                    "items": {"type": "integer", "minimum": 1, "maximum": 5}}}}}}})";

const std::string questionnaire = R"("aspects": [{"no": 1, "items": ["a", "b"]}, {"no": 2, "items": ["c"]}])";

}  // namespace

TEST_CASE("x-count-of: one item per value the pattern reaches") {
  CHECK(test::dataset_problems(survey_schema,
                               "{" + questionnaire + R"(, "respondents": [{"responses": [5, 4, 3]}]})")
            .empty());
  CHECK(test::dataset_problems(survey_schema,
                               "{" + questionnaire +
                                   R"(, "respondents": [{"responses": [5, 4, 3]}, {"responses": [5, 4]},
                                                               {"responses": [5, 4, 3, 2]}]})") ==
        std::vector<std::string>{"respondents[1].responses: expected 3 items, one for each value at "
                                 "aspects[*].items[*], found 2 items",
                                 "respondents[2].responses: expected 3 items, one for each value at "
                                 "aspects[*].items[*], found 4 items"});
  // Item problems are reported beside a count problem, each at its own path.
  CHECK(test::dataset_problems(survey_schema,
                               "{" + questionnaire + R"(, "respondents": [{"responses": [6, 4]}]})") ==
        std::vector<std::string>{"respondents[0].responses: expected 3 items, one for each value at "
                                 "aspects[*].items[*], found 2 items",
                                 "respondents[0].responses[0]: expected a number <= 5, found 6"});
  // Nothing at the pattern: an empty array is right, anything else is not.
  CHECK(test::dataset_problems(survey_schema, R"({"aspects": [], "respondents": [{"responses": []}]})")
            .empty());
  CHECK(test::dataset_problems(survey_schema, R"({"aspects": [], "respondents": [{"responses": [1]}]})")
            .size() == 1);
}

TEST_CASE("x-count-of with a filter counts what belongs to the record") {
  const std::string schema = R"({"type": "object", "properties": {
    "aspects": {"type": "array", "items": {"type": "object", "properties": {
      "no": {"type": "integer"}, "items": {"type": "array"}}}},
    "answers": {"type": "array", "items": {"type": "object", "properties": {
      "aspect": {"type": "integer"},
      "scores": {"type": "array", "x-count-of": "aspects[no={aspect}].items[*]"}}}}}})";
  const std::string aspects = R"("aspects": [{"no": 1, "items": ["a", "b"]}, {"no": 2, "items": ["c"]}])";
  CHECK(test::dataset_problems(schema, "{" + aspects + R"(, "answers": [{"aspect": 1, "scores": [1, 2]},
                                                            {"aspect": 2, "scores": [3]}]})")
            .empty());
  CHECK(
      test::dataset_problems(schema, "{" + aspects + R"(, "answers": [{"aspect": 2, "scores": [1, 2]}]})") ==
      std::vector<std::string>{
          "answers[0].scores: expected 1 item, one for each value at aspects[no=2].items[*], found 2 items"});
}

TEST_CASE("x-count-of belongs on arrays and takes a path pattern") {
  CHECK(test::schema_problems(R"({"type": "string", "x-count-of": "aspects[*]"})") ==
        std::vector<std::string>{"x-count-of: expected x-count-of on an array, found it on a string"});
  CHECK(test::schema_problems(R"({"type": "array", "x-count-of": "aspects[x]"})").size() == 1);
  CHECK(test::schema_problems(R"({"type": "array", "x-count-of": 3})").size() == 1);
}
