// Reading dataset JSON: exact numbers, key order, and messages that say where the problem is.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "dataset/json_reader.h"
#include "error_test_support.h"
#include "format/value_error.h"

using namespace raingan;
using test::contains;
using namespace raingan::dataset;

namespace {

// The problems found in `text` (as "location: message"), one per line.
std::string problems_of(const std::string& text, const ReaderOptions& options = {}) {
  const JsonReadResult result = try_read_json_text(text, "d.json", options);
  std::string out;
  for (const auto& problem : result.problems) {
    CHECK(problem.file == "d.json");
    out += problem.location + ": " + problem.message + "\n";
  }
  return out;
}

}  // namespace

TEST_CASE("Numbers keep their text, objects keep their key order") {
  const JsonDocument doc = read_json_text(
      R"({"z": 1250000.00, "a": 0.1, "m": [12, -0, 1E5, 12.0, 123456789012345678901234567890], "t": "ไทย"})",
      "d.json");
  REQUIRE(doc.root.members().size() == 4);
  CHECK(doc.root.members()[0].key() == "z");
  CHECK(doc.root.members()[1].key() == "a");
  CHECK(doc.root.members()[3].key() == "t");
  CHECK(doc.root.find("z")->number_text() == "1250000.00");
  CHECK(doc.root.find("z")->as_satang() == 125000000);
  CHECK(doc.root.find("a")->number_text() == "0.1");
  CHECK(doc.root.find("a")->as_satang() == 10);
  const auto& m = doc.root.find("m")->items();
  CHECK(m[0].as_int64() == 12);
  CHECK(m[1].number_text() == "-0");
  CHECK(m[2].as_int64() == 100000);
  CHECK(m[3].as_int64() == 12);
  CHECK(m[4].number_text() == "123456789012345678901234567890");
  CHECK_THROWS_AS(m[4].as_int64(), format::ValueError);
  CHECK(doc.root.find("t")->as_string() == "ไทย");
  CHECK(doc.root.find("missing") == nullptr);
}

TEST_CASE("Typed access says what was expected and found") {
  const JsonDocument doc = read_json_text(R"({"n": 12.5, "s": "x", "money": 1.005})", "d.json");
  const auto message = [](auto action) {
    try {
      action();
    } catch (const format::ValueError& error) {
      return std::string(error.what());
    }
    return std::string();
  };
  CHECK(message([&] { doc.root.find("n")->as_int64(); }) == "expected a whole number, found 12.5");
  CHECK(message([&] { doc.root.find("s")->as_int64(); }) == "expected a number, found \"x\"");
  CHECK(message([&] { doc.root.find("n")->as_string(); }) == "expected a string, found 12.5");
  CHECK(contains(message([&] { doc.root.find("money")->as_satang(); }), "at most two decimals"));
  CHECK(doc.root.find("n")->as_double() == doctest::Approx(12.5));
}

TEST_CASE("Values know their place in the file") {
  const std::string text = "{\n  \"a\": [1,\n    \"two\"],\n  \"b\": {\"c\": null}\n}";
  const JsonDocument doc = read_json_text(text, "d.json");
  const Value& two = doc.root.find("a")->items()[1];
  CHECK(text.substr(two.offset(), 5) == "\"two\"");
  CHECK(doc.line_of(two) == 3);
  const Value& one = doc.root.find("a")->items()[0];
  CHECK(text.substr(one.offset(), 1) == "1");
  CHECK(doc.line_of(*doc.root.find("b")->find("c")) == 4);
  CHECK(text.substr(doc.root.find("b")->offset(), 1) == "{");
}

TEST_CASE("Syntax errors give line, column, byte and what was expected") {
  const std::string comma = problems_of("{\n  \"a\": 1,\n}");
  CHECK(contains(comma, "line 3, column 1 (byte 12)"));
  CHECK(contains(comma, "expected another member after ',', found '}'"));

  CHECK(contains(problems_of("[1, 2,]"), "expected another item after ',', found ']'"));

  const std::string cut = problems_of("{\"schools\": [{\"code\": \"1\"},\n {\"code\": ");
  CHECK(contains(cut, "line 2, column 11 (byte 38)"));
  CHECK(contains(cut, "found the end of the file: the file is cut off"));
  CHECK(contains(cut, "the object opened on line 2 is not closed (nor 2 around it)"));

  CHECK(contains(problems_of("{\"a\": \"abc"), "expected the closing '\"' of a string"));
  CHECK(contains(problems_of(""), "expected a JSON object, found an empty file"));

  const std::string escape = problems_of("{\"a\": \"x\\qy\"}");
  CHECK(contains(escape, "column 10"));
  CHECK(contains(escape, "in a: expected an escape"));
  CHECK(contains(escape, "found '\\q'"));

  CHECK(contains(problems_of("{\"a\": \"line\nbreak\"}"), "found U+000A (LF); write it as"));
  CHECK(contains(problems_of("{\"a\": 1 \"b\": 2}"),
                 "expected ',' or '}', found a string (is a comma missing?)"));
  CHECK(contains(problems_of("{a: 1}"), "expected a key in double quotes, found a"));
  CHECK(contains(problems_of("{'a': 1}"), "JSON strings and keys use double quotes"));
  CHECK(contains(problems_of("// note\n{}"), "JSON has no comments"));
  CHECK(contains(problems_of("{} {}"), "expected the end of the file after the first JSON value"));
  CHECK(contains(problems_of("{\"a\": 1.}"), "expected a digit after '.' in a number, found '}'"));
}

TEST_CASE("NaN and Infinity are not JSON") {
  for (const char* word : {"NaN", "Infinity", "-Infinity", "nan"}) {
    const std::string found = problems_of(std::string("{\"ratio\": ") + word + "}");
    CHECK_MESSAGE(contains(found, "line 1, column 11 (byte 10) in ratio: expected a number or null, found " +
                                      std::string(word) + ": NaN and Infinity are not JSON numbers"),
                  found);
  }
}

TEST_CASE("A number out of range names its path") {
  const std::string found = problems_of("{\"schools\": [{\"budget\": 1}, {\"budget\": 1e400}]}");
  CHECK(contains(found, "schools[1].budget: expected a number within about ±1.8e308, found 1e400 (line 1)"));
}

TEST_CASE("Invalid UTF-8 is reported with its byte offset") {
  const std::string text = "{\"a\": \"ok\",\n \"b\": \"ab\xE0\x80 cd\"}";
  const std::string found = problems_of(text);
  CHECK(contains(found, "line 2, column 10 (byte 21): expected UTF-8 text, found byte 0xE0"));
  CHECK(text[21] == '\xE0');
  CHECK(contains(problems_of(std::string("\xFF\xFE{\0}", 5)), "looks like UTF-16"));
  // A byte-order mark is accepted.
  CHECK(problems_of("\xEF\xBB\xBF{\"a\": 1}").empty());
}

TEST_CASE("Repeated keys: path and both lines, the first value is kept") {
  const std::string text = "{\"schools\": [{\n  \"code\": \"A\",\n  \"name\": \"x\",\n  \"code\": \"B\"}]}";
  const JsonReadResult result = try_read_json_text(text, "d.json");
  REQUIRE(result.problems.size() == 1);
  CHECK(result.problems[0].location == "schools[0].code");
  CHECK(result.problems[0].message ==
        "expected each key once in an object, found \"code\" again (first on line 2, again on line 4); the "
        "later "
        "one is ignored");
  REQUIRE(result.document);
  CHECK(result.document->root.find("schools")->items()[0].find("code")->as_string() == "A");
  CHECK_THROWS_AS(read_json_text(text, "d.json"), InputError);

  // Objects with many keys use an index; repeats are still found.
  std::string wide = "{";
  for (int i = 0; i < 40; ++i) wide += "\"k" + std::to_string(i) + "\": " + std::to_string(i) + ", ";
  wide += "\"k3\": 0, \"k39\": 1}";
  const std::string found = problems_of(wide);
  CHECK(contains(found, "k3: expected each key once"));
  CHECK(contains(found, "k39: expected each key once"));
}

TEST_CASE("Nesting deeper than the limit is refused, naming the limit and its flag") {
  const std::string deep = std::string(10000, '[') + std::string(10000, ']');
  const std::string found = problems_of(deep);
  CHECK(contains(found, "expected at most 64 levels of nested objects and arrays"));
  CHECK(contains(found, "raise the limit with --max-depth"));
  ReaderOptions options;
  options.max_depth = 10000;
  CHECK(problems_of(deep, options).empty());
  options.max_depth = 9999;
  CHECK(contains(problems_of(deep, options), "at most 9999 levels"));
  CHECK(problems_of(
            "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]"
            "]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]")
            .empty());  // exactly 64
}

TEST_CASE("Size limits on the file and on single strings") {
  ReaderOptions options;
  options.max_file_bytes = 100;
  CHECK(contains(
      problems_of("{\"a\": \"" + std::string(200, 'x') + "\"}", options),
      "expected a dataset of at most 100 bytes, found 209 bytes; raise the limit with --max-dataset-mb"));
  options = {};
  options.max_string_bytes = 1024;
  const std::string found = problems_of("{\"a\": [\"ok\", \"" + std::string(3000, 'x') + "\"]}", options);
  CHECK(contains(found, "a[1]: expected a string of at most 1 KB, found one of 3 KB"));
  CHECK(contains(found, "--max-string-kb"));
}

TEST_CASE("Reading files") {
  namespace fs = std::filesystem;
  const fs::path folder = fs::temp_directory_path() / "raingan-reader-test";
  fs::create_directories(folder);
  const fs::path file = folder / "d.json";
  std::ofstream(file) << "{\"kind\": \"x\"}";
  CHECK(read_json_file(file).root.find("kind")->as_string() == "x");
  const JsonReadResult missing = try_read_json_file(folder / "nope.json");
  REQUIRE(missing.problems.size() == 1);
  CHECK(contains(missing.problems[0].message, "dataset file not found"));
  CHECK(contains(try_read_json_file(folder).problems.at(0).message, "found a folder"));
  // A device never ends and a pipe may never open: both are refused before anything is read.
  CHECK(
      contains(try_read_json_file("/dev/zero").problems.at(0).message, "found a device, not a regular file"));
  fs::remove_all(folder);
}
