// The template's values and names underneath the expressions: lists that select or extend the items of
// another list without copying them, the scope's names, and the callable reference the binders visit with.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "dataset/json_reader.h"
#include "templating/function_ref.h"
#include "templating/scope.h"
#include "templating/value.h"

using namespace raingan;
using namespace raingan::templating;

namespace {

const char* const students = R"({"students": [
  {"id": "S1", "band": 9, "km": 2.5},
  {"id": "S2", "km": 7},
  {"id": "S3", "km": 12.25}]})";

Value text(const std::string& t) { return Value::of(t); }
Value number(std::int64_t n) { return Value::of(Number::from_int(n)); }

std::string plain(const std::optional<Value>& value) {
  return value ? plain_text(*value).value_or("?") : "(absent)";
}

}  // namespace

TEST_CASE("FunctionRef calls what it refers to, without owning it") {
  int calls = 0;
  auto count = [&](int by) { calls += by; };
  FunctionRef<void(int)> ref(count);
  ref(2);
  ref(3);
  CHECK(calls == 5);

  auto twice = [](int x) { return 2 * x; };
  FunctionRef<int(int)> doubled(twice);
  CHECK(doubled(21) == 42);

  // A callable with a result serves where none is wanted; copies refer to the same callable.
  FunctionRef<void(int)> ignoring(twice);
  ignoring(1);
  FunctionRef<void(int)> copy = ref;
  copy(10);
  CHECK(calls == 15);
}

TEST_CASE("select: some items of a list by position, in the order given") {
  const Value list = Value::of(List{text("a"), text("b"), text("c"), text("d")});
  const Value picked = Value::select(list, {3, 1});
  CHECK(picked.kind() == Value::Kind::list);
  REQUIRE(picked.size() == 2);
  CHECK(picked.at(0).text() == "d");
  CHECK(picked.at(1).text() == "b");
  CHECK(picked.truthy());
  CHECK_FALSE(Value::select(list, {}).truthy());

  // A selection of a selection reads the list underneath.
  const Value again = Value::select(picked, {1});
  REQUIRE(again.size() == 1);
  CHECK(again.at(0).text() == "b");

  std::string seen;
  picked.each_item([&](const Value& item) { seen += item.text(); });
  CHECK(seen == "db");

  // Items of a dataset array are views.
  const dataset::JsonDocument data = dataset::read_json_text(students, "d.json");
  const Value array = Value::data(*data.root.find("students"));
  const Value last = Value::select(array, {2});
  CHECK(last.at(0).data_value() == &data.root.find("students")->items()[2]);
}

TEST_CASE("extend: each item with one more field, without an object per item") {
  const dataset::JsonDocument data = dataset::read_json_text(students, "d.json");
  const Value array = Value::data(*data.root.find("students"));
  const Value extended = Value::extend(array, "band", List{number(1), number(2), number(3)});
  CHECK(extended.kind() == Value::Kind::list);
  REQUIRE(extended.size() == 3);

  const Value second = extended.at(1);
  CHECK(second.kind() == Value::Kind::object);
  CHECK(second.data_value() == nullptr);  // a computed object, no longer the dataset's
  CHECK(plain(second.member("band")) == "2");
  CHECK(plain(second.member("id")) == "S2");
  CHECK(plain(second.member("km")) == "7");
  CHECK_FALSE(second.member("name").has_value());
  // On an item of a dataset array the new field hides the item's own (S1 has a band of 9).
  CHECK(plain(extended.at(0).member("band")) == "1");
  CHECK(extended.at(0).keys() == std::vector<std::string>{"band", "id", "band", "km"});

  // On an object the template made, the object's own field stays.
  Object made;
  made.fields.emplace_back("band", number(7));
  made.fields.emplace_back("name", text("x"));
  const Value objects = Value::of(List{Value::of(made)});
  const Value again = Value::extend(objects, "band", List{number(8)});
  CHECK(plain(again.at(0).member("band")) == "7");
  CHECK(again.at(0).keys() == std::vector<std::string>{"band", "name", "band"});
  const Value more = Value::extend(objects, "level", List{text("ป.1")});
  CHECK(plain(more.at(0).member("level")) == "ป.1");

  // Walking the items gives each its own fields, whether the extended list is walked or a selection of it.
  std::string bands;
  extended.each_item(
      [&](const Value& item) { bands += plain(item.member("band")) + plain(item.member("id")); });
  CHECK(bands == "1S12S23S3");
  std::string picked;
  Value::select(extended, {2, 0}).each_item([&](const Value& item) { picked += plain(item.member("id")); });
  CHECK(picked == "S3S1");
  // An item kept from a walk keeps its own position.
  std::vector<Value> kept;
  extended.each_item([&](const Value& item) { kept.push_back(item); });
  REQUIRE(kept.size() == 3);
  CHECK(plain(kept[0].member("id")) == "S1");
  CHECK(plain(kept[2].member("id")) == "S3");
}

TEST_CASE("identity and watch tell lists apart without keeping them") {
  const Value list = Value::of(List{number(1)});
  const Value copy = list;
  const Value other = Value::of(List{number(1)});
  CHECK(list.identity() != nullptr);
  CHECK(list.identity() == copy.identity());
  CHECK(list.identity() != other.identity());
  CHECK(number(1).identity() == nullptr);

  std::weak_ptr<const void> watched;
  {
    const Value temporary = Value::of(List{number(2)});
    watched = temporary.watch();
    CHECK_FALSE(watched.expired());
  }
  CHECK(watched.expired());
}

TEST_CASE("take_plain_text moves a computed text out and prints other values") {
  Value joined = text(std::string(40, 'x'));
  CHECK(joined.take_plain_text() == std::string(40, 'x'));
  CHECK(joined.is_null());
  Value amount = Value::of(Number::parse("12.50"));
  CHECK(amount.take_plain_text() == "12.5");
  CHECK(amount.kind() == Value::Kind::number);
  Value list = Value::of(List{});
  CHECK_FALSE(list.take_plain_text().has_value());
}

TEST_CASE("scope: the innermost binding of a name, names gone with their guard") {
  Scope scope;
  scope.bind("rates", number(1));
  CHECK(scope.find("rate") == nullptr);  // same first letter, another length
  {
    ScopeGuard guard(scope);
    scope.bind("rates", number(2));
    scope.bind("s", number(3));
    REQUIRE(scope.find("rates") != nullptr);
    CHECK(plain(scope.find("rates")->current()) == "2");
    CHECK(plain(scope.find("s")->current()) == "3");
  }
  CHECK(plain(scope.find("rates")->current()) == "1");
  CHECK(scope.find("s") == nullptr);

  // A borrowed binding reads the value where it is; set() gives the binding a value of its own.
  Value item = number(5);
  {
    ScopeGuard guard(scope);
    scope.bind_borrowed("x", item);
    item = number(6);
    CHECK(plain(scope.find("x")->current()) == "6");
    scope.set("x", number(7));
    item = number(8);
    CHECK(plain(scope.find("x")->current()) == "7");
  }
  CHECK(scope.find("x") == nullptr);

  // A loop's item names its place in the list only when asked.
  const std::string path = "students";
  scope.bind_item("s", number(1), path, 17);
  CHECK(scope.find("s")->dataset_path() == "students[17]");
}
