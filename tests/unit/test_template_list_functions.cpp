// List functions of the template language that reshape lists: slice() takes a run of items (a respondent's
// answers to one aspect of a questionnaire), flatten() joins lists of lists (every item of every aspect).
#include <doctest/doctest.h>

#include <string>

#include "core/diagnostic.h"
#include "dataset/json_reader.h"
#include "templating/evaluator.h"
#include "templating/expression.h"

using namespace raingan;
using namespace raingan::templating;

namespace {

const char* const survey = R"({
  "aspects": [{"no": 1, "items": ["a", "b"]}, {"no": 2, "items": []}, {"no": 3, "items": ["c"]}],
  "responses": [5, 4, 3, 2, 1]})";

// The expression's value as plain text; lists as their items' texts joined by ",".
std::string evaluate(const std::string& source) {
  const dataset::JsonDocument data = dataset::read_json_text(survey, "d.json");
  Evaluator evaluator(data.root, "t.xml", format::parse_iso_date("2026-11-22"));
  Scope scope;
  const auto expression = parse_expression(source, {"t.xml", 1});
  const Value value = evaluator.evaluate(*expression, scope, 1);
  if (value.kind() != Value::Kind::list) return plain_text(value).value_or("?");
  std::string out;
  for (std::size_t i = 0; i < value.size(); ++i)
    out += (i ? "," : "") + plain_text(value.at(i)).value_or("?");
  return out;
}

std::string error_of(const std::string& source) {
  try {
    evaluate(source);
  } catch (const InputError& error) {
    return error.diagnostics().front().message;
  }
  return "";
}

}  // namespace

TEST_CASE("slice: items from start up to end, counted from 0, negative from the end") {
  CHECK(evaluate("slice(responses, 1, 3)") == "4,3");
  CHECK(evaluate("slice(responses, 3)") == "2,1");
  CHECK(evaluate("slice(responses, -2)") == "2,1");
  CHECK(evaluate("slice(responses, 0, -1)") == "5,4,3,2");
  CHECK(evaluate("len(slice(responses, 4, 2))") == "0");     // an empty run, not an error
  CHECK(evaluate("slice(responses, 3, 99)") == "2,1");       // clamped at the end
  CHECK(evaluate("mean(slice(responses, 0, 2))") == "4.5");  // one aspect's answers of one form
  CHECK(error_of("slice(responses, 1.5)").find("whole numbers") != std::string::npos);
  CHECK(error_of("slice(no_such_list, 1)").find("neither a field") != std::string::npos);
}

TEST_CASE("flatten: the items of a list of lists, in order") {
  CHECK(evaluate("flatten(aspects, a => a.items)") == "a,b,c");
  CHECK(evaluate("flatten([[1, 2], [], [3]])") == "1,2,3");
  CHECK(evaluate("flatten([[[1], 2]])") == "?,2");  // one level only: [1] stays a list
  CHECK(evaluate("len(flatten(aspects, a => map(a.items, it => {aspect: a.no, text: it})))") == "3");
  CHECK(evaluate("flatten(aspects, a => map(a.items, it => a.no))") == "1,1,3");
  CHECK(error_of("flatten(responses)").find("expected a list of lists") != std::string::npos);
}
