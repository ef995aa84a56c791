// Grouping, extending and looking up lists in template expressions, as a register does with 100,000 students:
// group_by keeps the order of first appearance, with_field adds a field to each item, and lookup finds the
// first item whose field matches (through an index once a list is looked up by a field), with the same
// results and the same errors as a search item by item.
#include <doctest/doctest.h>

#include <string>

#include "core/diagnostic.h"
#include "dataset/json_reader.h"
#include "templating/evaluator.h"
#include "templating/expression.h"

using namespace raingan;
using namespace raingan::templating;

namespace {

const char* const register_data = R"({
  "rates": [{"max_km": 3, "baht": 10}, {"max_km": 10, "baht": 20}, {"max_km": null, "baht": 30}],
  "students": [
    {"id": "S1", "school": "A", "level": "ป.1", "km": 2.5},
    {"id": "S2", "school": "B", "level": "ป.2", "km": 7},
    {"id": "S3", "school": "A", "level": "ป.1", "km": 12},
    {"id": "S4", "school": "C", "level": "ป.3", "km": 3},
    {"id": "S5", "school": "B", "level": "ป.1", "km": 10.5}],
  "codes": ["1", 1, "1", 2],
  "mixed": [{"k": "x"}, {"k": "y"}, {"j": "z"}, {"k": "z"}]
})";

// Evaluates expressions against one dataset with one evaluator, as a binder does (indexes are kept).
class Session {
 public:
  Session()
      : data_(dataset::read_json_text(register_data, "d.json")), evaluator_(data_.root, "t.xml", today()) {}

  std::string operator()(const std::string& source) {
    const auto expression = parse_expression(source, {"t.xml", 1});
    const Value value = evaluator_.evaluate(*expression, scope_, 1);
    if (value.kind() != Value::Kind::list) return plain_text(value).value_or("?");
    std::string out;
    for (std::size_t i = 0; i < value.size(); ++i)
      out += (i ? "," : "") + plain_text(value.at(i)).value_or("?");
    return out;
  }
  void let(const std::string& name, const std::string& source) {
    const auto expression = parse_expression(source, {"t.xml", 1});
    scope_.bind(name, evaluator_.evaluate(*expression, scope_, 1));
  }
  std::string error_of(const std::string& source) {
    try {
      (*this)(source);
    } catch (const InputError& error) {
      return error.diagnostics().front().message;
    }
    return "";
  }

 private:
  static format::Date today() { return format::parse_iso_date("2026-11-22"); }
  dataset::JsonDocument data_;
  Evaluator evaluator_;
  Scope scope_;
};

}  // namespace

TEST_CASE("group_by: groups in order of first appearance, each with its items and count") {
  Session eval;
  eval.let("groups", "group_by(students, 'school')");
  CHECK(eval("map(groups, g => g.key)") == "A,B,C");
  CHECK(eval("map(groups, g => g.count)") == "2,2,1");
  CHECK(eval("map(groups[0].items, s => s.id)") == "S1,S3");
  CHECK(eval("map(groups[1].items, s => s.id)") == "S2,S5");
  CHECK(eval("len(groups[2].items)") == "1");
  // A text and a number with the same digits are different keys.
  CHECK(eval("map(group_by(codes, c => c), g => g.count)") == "2,1,1");
  // Groups of groups: the items of a group are a list like any other.
  CHECK(eval("map(group_by(groups[0].items, 'level'), g => g.key + ':' + g.count)") == "ป.1:2");
  CHECK(eval.error_of("group_by(students, s => [s.id])").find("a group key must be a text or a number") !=
        std::string::npos);
}

TEST_CASE("with_field: each item with one more field, usable like the dataset's own") {
  Session eval;
  eval.let("priced", "with_field(students, 'band', s => band_index(s.km, rates, 'max_km'))");
  CHECK(eval("map(priced, s => s.id + s.band)") == "S11,S22,S33,S41,S53");
  CHECK(eval("sum(priced, s => rates[s.band - 1].baht)") == "100");
  CHECK(eval("count(priced, s => s.band == 1)") == "2");
  CHECK(eval("map(filter(priced, s => s.band > 1), s => s.id)") == "S2,S3,S5");
  CHECK(eval("map(group_by(priced, 'band'), g => g.key + ':' + len(g.items))") == "1:2,2:1,3:2");
  CHECK(eval("map(sort(priced, 'km', 'desc'), s => s.id)") == "S3,S5,S2,S4,S1");
  CHECK(eval("first(priced).band") == "1");
  // Extending what was extended: the fields added before stay.
  CHECK(eval("map(with_field(priced, 'rate', s => rates[s.band - 1].baht), s => s.band * s.rate)") ==
        "10,40,90,10,90");
  CHECK(eval.error_of("with_field(codes, 'x', c => 1)").find("items should be objects") != std::string::npos);
}

TEST_CASE("lookup: the first item whose field equals the value, or null") {
  Session eval;
  eval.let("groups", "group_by(students, 'school')");
  eval.let("many", "map(range(0, 40), i => {code: 'C' + i, no: i})");
  CHECK(eval("lookup(many, 'code', 'C17').no") == "17");
  CHECK(eval("lookup(many, 'code', 'C39').no") == "39");
  CHECK(eval("lookup(many, 'code', 'C40') == null") == "true");
  CHECK(eval("lookup(many, 'code', 17) == null") == "true");  // a number is not the text 'C17'
  CHECK(eval("lookup(groups, 'key', 'B').count") == "2");
  CHECK(eval("lookup(students, 'id', 'S4').km") == "3");
  // Again, from the index built by the first lookup of each list.
  for (int i = 0; i < 3; ++i) CHECK(eval("lookup(many, 'code', 'C5').no") == "5");
  // The first of equal items.
  eval.let("twice", "map(range(0, 40), i => {code: 'D' + (i % 20), no: i})");
  CHECK(eval("lookup(twice, 'code', 'D3').no") == "3");
  // A list made for the lookup alone, and a key given as a function.
  CHECK(eval("lookup(map(range(0, 30), i => {code: 'E' + i}), 'code', 'E29').code") == "E29");
  CHECK(eval("lookup(many, m => m.code, 'C8').no") == "8");
}

TEST_CASE("lookup: an item without the field is an error only where an item-by-item search reaches it") {
  Session eval;
  eval.let("long", "flatten([map(range(0, 20), i => {k: 'k' + i}), [{j: 'none'}], [{k: 'after'}]])");
  CHECK(eval("lookup(long, 'k', 'k3').k") == "k3");
  CHECK(eval("lookup(mixed, 'k', 'y').k") == "y");
  CHECK(eval.error_of("lookup(long, 'k', 'after')").find("an item has no field 'k'") != std::string::npos);
  CHECK(eval.error_of("lookup(long, 'k', 'missing')").find("an item has no field 'k'") != std::string::npos);
  CHECK(eval.error_of("lookup(mixed, 'k', 'z')").find("an item has no field 'k'") != std::string::npos);
}

TEST_CASE("operators evaluate as written once parsed") {
  Session eval;
  CHECK(eval("1 + 2 * 3 == 7") == "true");
  CHECK(eval("(1 + 2) * 3") == "9");
  CHECK(eval("10 - 4 - 3") == "3");
  CHECK(eval("7 % 4 + 10 / 4") == "5.5");
  CHECK(eval("not (2 >= 3) and 2 != 3 and 2 <= 2 and 1 < 2 and 3 > 2") == "true");
  CHECK(eval("null ?? 'default'") == "default");
  CHECK(eval("'a' + 1 + 2") == "a12");
  CHECK(eval("1 + 2 + 'a'") == "3a");
  CHECK(eval("-(2 - 5)") == "3");
  CHECK(eval("'ข' > 'ก'") == "true");
  // A text built piece by piece, each piece joined to the one before.
  CHECK(eval("join(map(range(1, 4), i => 'R' + i + ':' + (i * 2)), ';')") == "R1:2;R2:4;R3:6");
  CHECK(eval.error_of("[1] + 'a'").find("cannot join a list of 1 and the text") != std::string::npos);
  CHECK(eval.error_of("1 / (2 - 2)").find("division by zero") != std::string::npos);
}

TEST_CASE("a function's parameter is seen by its body only, item after item") {
  Session eval;
  eval.let("s", "'desc'");
  // sort() reads its order after applying the key to every item: `s` there is the name bound outside.
  CHECK(eval("map(sort(students, s => s.km, s), x => x.id)") == "S3,S5,S2,S4,S1");
  CHECK(eval("s") == "desc");
  // Functions within functions, the inner one using the outer one's parameter.
  CHECK(eval("count(students, s => count(students, t => t.school == s.school) > 1)") == "4");
  CHECK(eval("map(filter(students, s => s.km > 5), s => s.id + ':' + count(students, t => t.km < s.km))") ==
        "S2:2,S3:4,S5:3");
  // An error in the body of the third application names the item.
  CHECK(eval.error_of("sum(students, s => s.km + s.missing)").find("has no field 'missing'") !=
        std::string::npos);
  CHECK(eval("s") == "desc");
}
