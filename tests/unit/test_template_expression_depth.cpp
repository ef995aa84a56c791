// Expressions nested too deep for the stack (brackets, lists, prefix operators, long operator chains) are a
// template error naming the line, not a crash; expressions as deep as templates write still parse and
// evaluate.
#include <doctest/doctest.h>

#include <string>

#include "core/diagnostic.h"
#include "dataset/json_reader.h"
#include "templating/evaluator.h"
#include "templating/expression.h"

using namespace raingan;
using namespace raingan::templating;

namespace {

std::string repeated(const std::string& piece, int times) {
  std::string out;
  for (int i = 0; i < times; ++i) out += piece;
  return out;
}

// The message of the InputError parsing `source` throws, or "" when it parses.
std::string parse_error(const std::string& source) {
  try {
    parse_expression(source, {"t.xml", 7});
  } catch (const InputError& error) {
    const Diagnostic& d = error.diagnostics().front();
    CHECK(d.file == "t.xml");
    CHECK(d.location == "line 7");
    return d.message;
  }
  return "";
}

std::string evaluate(const std::string& source) {
  const dataset::JsonDocument data = dataset::read_json_text(R"({"n": 2})", "d.json");
  Evaluator evaluator(data.root, "t.xml", format::parse_iso_date("2026-11-22"));
  Scope scope;
  const auto expression = parse_expression(source, {"t.xml", 1});
  return plain_text(evaluator.evaluate(*expression, scope, 1)).value_or("?");
}

}  // namespace

TEST_CASE("expressions nested deeper than 256 levels are refused with the line, whatever nests them") {
  const int deep = 100000;
  const std::string sources[] = {
      repeated("(", deep) + "1" + repeated(")", deep),  // brackets: no node, but parser recursion
      repeated("[", deep) + repeated("]", deep),        // lists
      repeated("-", deep) + "1",                        // prefix operators
      repeated("not ", deep) + "true",
      "1" + repeated(" + 1", deep),  // a left-deep chain built by a loop
      "n" + repeated(" | thai", deep),
      "n" + repeated("[0]", deep),
      repeated("len(", deep) + "n" + repeated(")", deep),
      repeated("{a: ", deep) + "1" + repeated("}", deep),
      // Chains inside brackets inside chains: each level shallow, the tree deep.
      repeated("(", 200) + "1" + repeated(" + 1) + 1", 200),
  };
  for (const auto& source : sources) {
    const std::string message = parse_error(source);
    CHECK(message.find("expected an expression nested at most 256 deep") == 0);
    CHECK(message.find("found deeper nesting") != std::string::npos);
    CHECK(message.size() < 400);  // the expression is quoted by its start only
  }
}

TEST_CASE("expressions as deep as the limit still parse and evaluate") {
  CHECK(evaluate(repeated("(", 200) + "n" + repeated(")", 200)) == "2");
  CHECK(evaluate("1" + repeated(" + 1", 250)) == "251");
  CHECK(evaluate(repeated("-", 250) + "n") == "2");
  CHECK(evaluate("sum([" + repeated("n, ", 1000) + "n])") == "2002");  // wide is not deep
  CHECK(parse_error(repeated("(", 257) + "1" + repeated(")", 257)).find("256 deep") != std::string::npos);
}
