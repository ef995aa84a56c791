#include "templating/evaluator.h"

#include "core/diagnostic.h"
#include "format/value_error.h"

namespace raingan::templating {

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

void Evaluator::spend_bytes(std::uint64_t bytes, int line) {
  built_bytes_ += bytes;
  if (built_bytes_ <= limits_.max_built_bytes) return;
  throw InputError(file_, "line " + std::to_string(line > 0 ? line : line_),
                   "the template builds more than " + grouped(limits_.max_built_bytes / (1024 * 1024)) +
                       " MB of texts and lists here (a text or a list that grows in a loop, or lists of "
                       "lists flattened?); if the document really is that large, raise the limit with " +
                       std::string(max_built_flag));
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
      if (const Binding* binding = scope.find(e.text)) {
        std::string path = binding->dataset_path();
        return path.empty() ? e.text : path;
      }
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
      if (const Binding* binding = scope.find(e.text)) return binding->current();
      if (e.text == "data") return Value::data(root_);
      if (const dataset::Value* member = root_.find(e.text)) return Value::data(*member);
      if (!required) return std::nullopt;
      std::string known;
      for (const auto& m : root_.members()) known += (known.empty() ? "" : ", ") + std::string(m.key());
      fail("'" + e.text + "' is neither a field of the dataset (it has: " + known +
           ") nor a name the template set");
    }
    case Expression::Kind::member: {
      // A name's object is read where it is bound, not copied (s.amount once per item of a list). Nothing
      // below binds names until a message is built, so the binding stays where it is until then.
      const Expression& base = *e.operands[0];
      const Binding* bound = base.kind == Expression::Kind::variable ? scope.find(base.text) : nullptr;
      std::optional<Value> held;
      if (!bound) {
        held = required ? std::optional<Value>(eval(base, scope)) : eval_optional(base, scope);
        if (!held) return std::nullopt;
      } else if (required) {
        spend_steps(1);  // as evaluating the name would
      }
      const Value& object = bound ? bound->current() : *held;
      if (object.kind() != Value::Kind::object) {
        if (!required && object.is_null()) return std::nullopt;
        const std::string found = describe(object);
        fail(path_of(base, scope) + " is " + found + ", not an object with field '" + e.text + "'");
      }
      if (std::optional<Value> member = object.member(e.text)) return member;
      if (!required) return std::nullopt;
      std::string known;
      for (const auto& key : object.keys()) known += (known.empty() ? "" : ", ") + key;
      fail(path_of(base, scope) + " has no field '" + e.text + "' (it has: " + known +
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
      return Value::of(e.number ? *e.number : Number::parse(e.text));
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
      spend_items(e.operands.size());
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
      if (e.op == Expression::Operator::logical_not) return Value::of(!operand.truthy());
      if (operand.kind() != Value::Kind::number) fail("'-' needs a number, found " + describe(operand));
      return Value::of(-operand.number());
    }
    case Kind::binary:
      return binary(e, scope);
  }
  return Value();
}

Value Evaluator::binary(const Expression& e, Scope& scope) {
  using Op = Expression::Operator;
  const Op op = e.op;
  if (op == Op::coalesce) {
    std::optional<Value> left = eval_optional(*e.operands[0], scope);
    if (left && !left->is_null()) return std::move(*left);
    return eval(*e.operands[1], scope);
  }
  if (op == Op::logical_and) {
    const Value left = eval(*e.operands[0], scope);
    return left.truthy() ? Value::of(eval(*e.operands[1], scope).truthy()) : Value::of(false);
  }
  if (op == Op::logical_or) {
    const Value left = eval(*e.operands[0], scope);
    return left.truthy() ? Value::of(true) : Value::of(eval(*e.operands[1], scope).truthy());
  }
  Value left = eval(*e.operands[0], scope);
  Value right = eval(*e.operands[1], scope);
  if (op == Op::equal) return Value::of(equal(left, right));
  if (op == Op::not_equal) return Value::of(!equal(left, right));
  const Value::Kind left_kind = left.kind(), right_kind = right.kind();
  const bool numbers = left_kind == Value::Kind::number && right_kind == Value::Kind::number;
  const bool texts = left_kind == Value::Kind::text && right_kind == Value::Kind::text;
  if (op == Op::less || op == Op::less_equal || op == Op::greater || op == Op::greater_equal) {
    int order = 0;
    if (numbers)
      order = compare(left.number(), right.number());
    else if (texts)
      order = left.text() < right.text() ? -1 : left.text() > right.text() ? 1 : 0;
    else
      fail("cannot compare " + describe(left) + " with " + describe(right));
    if (op == Op::less) return Value::of(order < 0);
    if (op == Op::less_equal) return Value::of(order <= 0);
    if (op == Op::greater) return Value::of(order > 0);
    return Value::of(order >= 0);
  }
  if (op == Op::plus && (left_kind == Value::Kind::text || right_kind == Value::Kind::text)) {
    // Joined in the left text's own buffer when it is one the template computed (a formula built piece by
    // piece), so a chain of joins does not copy its growing text at every step.
    if (left_kind == Value::Kind::list || left_kind == Value::Kind::object ||
        right_kind == Value::Kind::list || right_kind == Value::Kind::object)
      fail("cannot join " + describe(left) + " and " + describe(right) + " as text");
    std::string joined = *left.take_plain_text();
    if (right_kind == Value::Kind::text) {
      const std::string_view b = right.text();
      spend_bytes(joined.size() + b.size());
      joined.append(b);
    } else {
      const std::string b = *plain_text(right);
      spend_bytes(joined.size() + b.size());
      joined.append(b);
    }
    return Value::of(std::move(joined));
  }
  if (!numbers)
    fail("'" + e.text + "' needs two numbers, found " + describe(left) + " and " + describe(right));
  const Number a = left.number(), b = right.number();
  if (op == Op::plus) return Value::of(a + b);
  if (op == Op::minus) return Value::of(a - b);
  if (op == Op::times) return Value::of(a * b);
  if ((op == Op::divide || op == Op::remainder) && b.is_zero())
    fail("division by zero (" + to_source(*e.operands[1]) + " is 0)");
  if (op == Op::divide) return Value::of(a / b);
  return Value::of(a % b);
}

Value Evaluator::call(const Expression& e, Scope& scope) {
  if (e.text == "exists") {
    if (e.operands.size() != 1) fail("exists() takes one argument");
    std::optional<Value> value = eval_optional(*e.operands[0], scope);
    return Value::of(value.has_value() && !value->is_null());
  }
  // Resolved once per call site; the name is checked again because a site's address may be reused by
  // another expression once the first is freed.
  auto known = builtins_.find(&e);
  if (known == builtins_.end() || known->second.first != e.text) {
    const Builtin* builtin = find_builtin(e.text);
    // A function of the binder's is remembered as no built-in.
    if (!builtin && !(host_ && host_->has(e.text)))
      fail("unknown function or formatter '" + e.text + "' (templates/README.md lists them)");
    known = builtins_.insert_or_assign(&e, std::pair{e.text, builtin ? *builtin : nullptr}).first;
  }
  Call call(*this, e, scope);
  const Builtin builtin = known->second.second;
  if (!builtin && !host_)
    fail("unknown function or formatter '" + e.text + "' (templates/README.md lists them)");
  Value result = builtin ? builtin(call) : host_->call(e.text, call);
  if (result.kind() == Value::Kind::text) spend_bytes(result.text().size());
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

void Call::unbind() {
  if (!bound_) return;
  scope_.pop_to(bound_mark_);
  bound_ = false;
}

Value Call::arg(std::size_t index) {
  unbind();  // the argument sees the names the call was made with
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
    if (bound_ && bound_arg_ == index && scope_.mark() == bound_mark_ + 1) {
      scope_.rebind_borrowed(item);
    } else {
      unbind();
      bound_mark_ = scope_.mark();
      scope_.bind_borrowed(f.text, item);
      bound_ = true;
      bound_arg_ = index;
    }
    return evaluator_.eval(*f.operands[0], scope_);
  }
  if (f.kind == Expression::Kind::literal_string) {
    if (item.kind() != Value::Kind::object) fail("cannot take field '" + f.text + "' of " + describe(item));
    if (std::optional<Value> member = item.member(f.text)) return std::move(*member);
    std::string known;
    for (const auto& key : item.keys()) known += (known.empty() ? "" : ", ") + key;
    fail("an item has no field '" + f.text + "' (it has: " + known + ")");
  }
  fail("argument " + std::to_string(index + 1) +
       " should be a field name such as 'amount' or a function such as "
       "s => s.amount");
}

const std::string* Call::field_name(std::size_t index) const noexcept {
  if (index >= count()) return nullptr;
  const Expression& f = *call_.operands[index];
  return f.kind == Expression::Kind::literal_string ? &f.text : nullptr;
}

void Call::fail(const std::string& message) const { evaluator_.fail(call_.text + "(): " + message); }

}  // namespace raingan::templating
