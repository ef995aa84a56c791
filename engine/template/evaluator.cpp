#include "template/evaluator.h"

#include "core/diagnostic.h"
#include "format/value_error.h"

namespace raingan::tmpl {

Evaluator::Evaluator(const dataset::Value& root, std::string template_file, format::Date today,
                     WorkLimits limits)
    : root_(root), file_(std::move(template_file)), today_(today), limits_(limits) {}

namespace {

std::string grouped(std::uint64_t n) {
  std::string digits = std::to_string(n);
  for (std::size_t i = digits.size(); i > 3; i -= 3) digits.insert(i - 3, ",");
  return digits;
}

}  // namespace

void Evaluator::spend_steps(std::uint64_t steps, int line) {
  steps_ += steps;
  if (steps_ <= limits_.max_steps) return;
  throw InputError(file_, "line " + std::to_string(line > 0 ? line : line_),
                   "the template needs more than " + grouped(limits_.max_steps) +
                       " steps of work here (a loop without end, or loops nested too deep?); if the document "
                       "really is that large, raise the limit with " +
                       std::string(max_steps_flag));
}

void Evaluator::spend_text(std::uint64_t bytes, int line) {
  text_bytes_ += bytes;
  if (text_bytes_ <= limits_.max_text_bytes) return;
  throw InputError(file_, "line " + std::to_string(line > 0 ? line : line_),
                   "the template prints and builds more than " +
                       grouped(limits_.max_text_bytes / (1024 * 1024)) +
                       " MB of text here (a text that grows in a loop?); if the document really is that "
                       "large, raise the limit with " +
                       std::string(max_text_flag));
}

void Evaluator::fail(const std::string& message) const {
  const std::string where = current_ ? "{{ " + to_source(*current_) + " }}: " : std::string();
  throw InputError(file_, "line " + std::to_string(line_), where + message);
}

Value Evaluator::evaluate(const Expression& expression, Scope& scope, int line) {
  const Expression* saved = current_;
  const int saved_line = line_;
  current_ = &expression;
  line_ = line;
  try {
    Value value = eval(expression, scope);
    current_ = saved;
    line_ = saved_line;
    return value;
  } catch (const format::ValueError& error) {
    fail(error.what());
  }
}

std::string Evaluator::path_of(const Expression& e, Scope& scope) {
  switch (e.kind) {
    case Expression::Kind::variable: {
      if (const Binding* binding = scope.find(e.text)) return binding->path.empty() ? e.text : binding->path;
      return e.text;
    }
    case Expression::Kind::member:
      return path_of(*e.operands[0], scope) + "." + e.text;
    case Expression::Kind::index: {
      std::optional<Value> index = eval_optional(*e.operands[1], scope);
      std::string text = index ? plain_text(*index).value_or("?") : "?";
      if (index && index->kind() == Value::Kind::text) text = "\"" + text + "\"";
      return path_of(*e.operands[0], scope) + "[" + text + "]";
    }
    default:
      return to_source(e);
  }
}

// Variables, members and indexes. With `required`, a missing name or field is an error; without, nullopt.
std::optional<Value> Evaluator::lookup(const Expression& e, Scope& scope, bool required) {
  switch (e.kind) {
    case Expression::Kind::variable: {
      if (const Binding* binding = scope.find(e.text)) return binding->value;
      if (e.text == "data") return Value::data(root_);
      if (const dataset::Value* member = root_.find(e.text)) return Value::data(*member);
      if (!required) return std::nullopt;
      std::string known;
      for (const auto& m : root_.members()) known += (known.empty() ? "" : ", ") + std::string(m.key());
      fail("'" + e.text + "' is neither a field of the dataset (it has: " + known +
           ") nor a name the template set");
    }
    case Expression::Kind::member: {
      std::optional<Value> object =
          required ? std::optional<Value>(eval(*e.operands[0], scope)) : eval_optional(*e.operands[0], scope);
      if (!object) return std::nullopt;
      if (object->kind() != Value::Kind::object) {
        if (!required && object->is_null()) return std::nullopt;
        fail(path_of(*e.operands[0], scope) + " is " + describe(*object) + ", not an object with field '" +
             e.text + "'");
      }
      if (std::optional<Value> member = object->member(e.text)) return member;
      if (!required) return std::nullopt;
      std::string known;
      for (const auto& key : object->keys()) known += (known.empty() ? "" : ", ") + key;
      fail(path_of(*e.operands[0], scope) + " has no field '" + e.text + "' (it has: " + known +
           "); write ?? to give a default");
    }
    case Expression::Kind::index: {
      std::optional<Value> container =
          required ? std::optional<Value>(eval(*e.operands[0], scope)) : eval_optional(*e.operands[0], scope);
      if (!container) return std::nullopt;
      const Value index = eval(*e.operands[1], scope);
      if (container->kind() == Value::Kind::list) {
        std::int64_t i = 0;
        if (index.kind() != Value::Kind::number || !index.number().scaled(0, i))
          fail("a list index must be a whole number, found " + describe(index));
        if (i < 0) i += static_cast<std::int64_t>(container->size());
        if (i < 0 || static_cast<std::size_t>(i) >= container->size()) {
          if (!required) return std::nullopt;
          fail(path_of(*e.operands[0], scope) + " has " + std::to_string(container->size()) +
               " items; there is no item " + index.number().to_string());
        }
        return container->at(static_cast<std::size_t>(i));
      }
      if (container->kind() == Value::Kind::object && index.kind() == Value::Kind::text) {
        if (std::optional<Value> member = container->member(index.text())) return member;
        if (!required) return std::nullopt;
        fail(path_of(*e.operands[0], scope) + " has no field '" + std::string(index.text()) + "'");
      }
      if (!required && container->is_null()) return std::nullopt;
      fail("cannot index " + describe(*container) + " with " + describe(index));
    }
    default:
      return eval(e, scope);
  }
}

std::optional<Value> Evaluator::eval_optional(const Expression& e, Scope& scope) {
  return lookup(e, scope, false);
}

Value Evaluator::eval(const Expression& e, Scope& scope) {
  using Kind = Expression::Kind;
  spend_steps(1);
  switch (e.kind) {
    case Kind::literal_number:
      return Value::of(Number::parse(e.text));
    case Kind::literal_string:
      return Value::of(e.text);
    case Kind::literal_bool:
      return Value::of(e.text == "true");
    case Kind::literal_null:
      return Value();
    case Kind::variable:
    case Kind::member:
    case Kind::index:
      return *lookup(e, scope, true);
    case Kind::call:
      return call(e, scope);
    case Kind::lambda:
      fail("a function 'x => …' is only allowed as an argument of sum(), filter() and the like");
    case Kind::list: {
      List items;
      items.reserve(e.operands.size());
      for (const auto& operand : e.operands) items.push_back(eval(*operand, scope));
      return Value::of(std::move(items));
    }
    case Kind::object: {
      Object object;
      for (std::size_t i = 0; i + 1 < e.operands.size(); i += 2)
        object.fields.emplace_back(e.operands[i]->text, eval(*e.operands[i + 1], scope));
      return Value::of(std::move(object));
    }
    case Kind::unary: {
      const Value operand = eval(*e.operands[0], scope);
      if (e.text == "not") return Value::of(!operand.truthy());
      if (operand.kind() != Value::Kind::number) fail("'-' needs a number, found " + describe(operand));
      return Value::of(-operand.number());
    }
    case Kind::binary:
      return binary(e, scope);
  }
  return Value();
}

Value Evaluator::binary(const Expression& e, Scope& scope) {
  const std::string& op = e.text;
  if (op == "??") {
    std::optional<Value> left = eval_optional(*e.operands[0], scope);
    if (left && !left->is_null()) return *left;
    return eval(*e.operands[1], scope);
  }
  if (op == "and") {
    const Value left = eval(*e.operands[0], scope);
    return left.truthy() ? Value::of(eval(*e.operands[1], scope).truthy()) : Value::of(false);
  }
  if (op == "or") {
    const Value left = eval(*e.operands[0], scope);
    return left.truthy() ? Value::of(true) : Value::of(eval(*e.operands[1], scope).truthy());
  }
  const Value left = eval(*e.operands[0], scope);
  const Value right = eval(*e.operands[1], scope);
  if (op == "==") return Value::of(equal(left, right));
  if (op == "!=") return Value::of(!equal(left, right));
  const bool numbers = left.kind() == Value::Kind::number && right.kind() == Value::Kind::number;
  const bool texts = left.kind() == Value::Kind::text && right.kind() == Value::Kind::text;
  if (op == "<" || op == "<=" || op == ">" || op == ">=") {
    int order = 0;
    if (numbers)
      order = compare(left.number(), right.number());
    else if (texts)
      order = left.text() < right.text() ? -1 : left.text() > right.text() ? 1 : 0;
    else
      fail("cannot compare " + describe(left) + " with " + describe(right));
    if (op == "<") return Value::of(order < 0);
    if (op == "<=") return Value::of(order <= 0);
    if (op == ">") return Value::of(order > 0);
    return Value::of(order >= 0);
  }
  if (op == "+" && (left.kind() == Value::Kind::text || right.kind() == Value::Kind::text)) {
    auto a = plain_text(left), b = plain_text(right);
    if (!a || !b) fail("cannot join " + describe(left) + " and " + describe(right) + " as text");
    spend_text(a->size() + b->size());
    return Value::of(*a + *b);
  }
  if (!numbers) fail("'" + op + "' needs two numbers, found " + describe(left) + " and " + describe(right));
  const Number a = left.number(), b = right.number();
  if (op == "+") return Value::of(a + b);
  if (op == "-") return Value::of(a - b);
  if (op == "*") return Value::of(a * b);
  if ((op == "/" || op == "%") && b.is_zero())
    fail("division by zero (" + to_source(*e.operands[1]) + " is 0)");
  if (op == "/") return Value::of(a / b);
  return Value::of(a % b);
}

Value Evaluator::call(const Expression& e, Scope& scope) {
  if (e.text == "exists") {
    if (e.operands.size() != 1) fail("exists() takes one argument");
    std::optional<Value> value = eval_optional(*e.operands[0], scope);
    return Value::of(value.has_value() && !value->is_null());
  }
  const Builtin* builtin = find_builtin(e.text);
  if (!builtin) fail("unknown function or formatter '" + e.text + "' (templates/README.md lists them)");
  Call call(*this, e, scope);
  Value result = (*builtin)(call);
  if (result.kind() == Value::Kind::text) spend_text(result.text().size());
  return result;
}

void Call::expect_count(std::size_t minimum, std::size_t maximum) const {
  if (count() < minimum || count() > maximum) {
    const std::string expected = minimum == maximum
                                     ? std::to_string(minimum)
                                     : std::to_string(minimum) + " to " + std::to_string(maximum);
    fail("expected " + expected + " argument" + (maximum == 1 ? "" : "s") + ", found " +
         std::to_string(count()));
  }
}

Value Call::arg(std::size_t index) {
  if (index >= count()) fail("argument " + std::to_string(index + 1) + " is missing");
  return evaluator_.eval(*call_.operands[index], scope_);
}

Number Call::number(std::size_t index) {
  const Value value = arg(index);
  if (value.kind() == Value::Kind::number) return value.number();
  if (value.kind() == Value::Kind::text) {
    const std::string text(value.text());
    try {
      return Number::from_decimal(format::Decimal::parse(text));
    } catch (const format::ValueError&) {
    }
  }
  fail("argument " + std::to_string(index + 1) + " should be a number, found " + describe(value));
}

std::string Call::text(std::size_t index) {
  const Value value = arg(index);
  auto text = plain_text(value);
  if (!text) fail("argument " + std::to_string(index + 1) + " should be a text, found " + describe(value));
  return *text;
}

Value Call::list(std::size_t index) {
  Value value = arg(index);
  if (value.kind() != Value::Kind::list)
    fail("argument " + std::to_string(index + 1) + " should be a list, found " + describe(value));
  evaluator_.spend_steps(value.size());  // the function walks it
  return value;
}

format::Date Call::date(std::size_t index) {
  const std::string value = text(index);
  try {
    return format::parse_iso_date(value);
  } catch (const format::ValueError& error) {
    fail(error.what());
  }
}

Value Call::apply(std::size_t index, const Value& item) {
  if (index >= count()) fail("argument " + std::to_string(index + 1) + " is missing");
  const Expression& f = *call_.operands[index];
  if (f.kind == Expression::Kind::lambda) {
    ScopeGuard guard(scope_);
    scope_.bind(f.text, item);
    return evaluator_.eval(*f.operands[0], scope_);
  }
  if (f.kind == Expression::Kind::literal_string) {
    if (item.kind() != Value::Kind::object) fail("cannot take field '" + f.text + "' of " + describe(item));
    if (std::optional<Value> member = item.member(f.text)) return *member;
    std::string known;
    for (const auto& key : item.keys()) known += (known.empty() ? "" : ", ") + key;
    fail("an item has no field '" + f.text + "' (it has: " + known + ")");
  }
  fail("argument " + std::to_string(index + 1) +
       " should be a field name such as 'amount' or a function such as "
       "s => s.amount");
}

void Call::fail(const std::string& message) const { evaluator_.fail(call_.text + "(): " + message); }

}  // namespace raingan::tmpl
