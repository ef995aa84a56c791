#pragma once
// Evaluates template expressions against the dataset and the template's own names. A field the dataset lacks
// is an error naming the template line, the expression and the dataset path, never an empty string; write
// `x ?? default` or `exists(x)` where a field may be absent.

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <unordered_map>
#include <utility>

#include "dataset/json_value.h"
#include "format/thai_date.h"
#include "templating/expression.h"
#include "templating/field_index.h"
#include "templating/scope.h"
#include "templating/value.h"

namespace raingan::templating {

class Evaluator;

// One call of a built-in function: its arguments, evaluated on demand (so if() and lambdas stay lazy).
class Call {
 public:
  Call(Evaluator& evaluator, const Expression& call, Scope& scope)
      : evaluator_(evaluator), call_(call), scope_(scope) {}
  Call(const Call&) = delete;
  Call& operator=(const Call&) = delete;
  ~Call() { unbind(); }

  const std::string& name() const noexcept { return call_.text; }
  std::size_t count() const noexcept { return call_.operands.size(); }
  void expect_count(std::size_t minimum, std::size_t maximum) const;

  Value arg(std::size_t index);
  Number number(std::size_t index);
  std::string text(std::size_t index);  // texts, and numbers as their plain text
  Value list(std::size_t index);
  format::Date date(std::size_t index);
  bool has(std::size_t index) const noexcept { return index < count(); }

  // Argument `index` applied to an item: a lambda `x => …`, or a text naming a field ('amount'). A lambda's
  // parameter stays bound from one item to the next (a register applies one to 100,000 students), until
  // another argument is evaluated or applied.
  Value apply(std::size_t index, const Value& item);
  // The field argument `index` names when it is written as a text ('amount'), else nullptr.
  const std::string* field_name(std::size_t index) const noexcept;

  [[noreturn]] void fail(const std::string& message) const;
  Evaluator& evaluator() noexcept { return evaluator_; }

 private:
  void unbind();

  Evaluator& evaluator_;
  const Expression& call_;
  Scope& scope_;
  bool bound_ = false;          // a lambda's parameter is bound, as the innermost name
  std::size_t bound_arg_ = 0;   // the argument whose it is
  std::size_t bound_mark_ = 0;  // the scope's mark before it
};

using Builtin = Value (*)(Call& call);
const Builtin* find_builtin(std::string_view name);

// Functions that only one kind of template has, with what its binder knows (a workbook's column names):
// given by the binder, tried after the built-ins.
class HostFunctions {
 public:
  virtual ~HostFunctions() = default;
  // Whether `name` is one of them.
  virtual bool has(std::string_view name) const = 0;
  virtual Value call(std::string_view name, Call& call) = 0;
};

// How much work binding one template may take, so that a loop without end, loops nested too deep or a text
// that doubles in a loop end in a message instead of exhausting the machine. The CLI flags raise them.
struct WorkLimits {
  // Template nodes visited, loop rounds, expression nodes evaluated and list items walked or made by
  // functions (--max-template-steps). A 100,000-row register takes about 20 million.
  std::uint64_t max_steps = 200'000'000;
  // Bytes of the values the template builds, in all: the texts it prints and joins and the items of the
  // lists its functions make (--max-template-mb). A 100,000-row register builds less than 40 MB.
  std::uint64_t max_built_bytes = 256ULL * 1024 * 1024;
};
inline constexpr std::string_view max_steps_flag = "--max-template-steps";
inline constexpr std::string_view max_built_flag = "--max-template-mb";

class Evaluator {
 public:
  Evaluator(const dataset::Value& root, std::string template_file, format::Date today,
            WorkLimits limits = {});

  // Evaluates `expression`, written on `line` of the template.
  Value evaluate(const Expression& expression, Scope& scope, int line);

  // The dataset path an expression refers to ("topics[2].rows[0]"), or its source text when it has none.
  std::string path_of(const Expression& expression, Scope& scope);

  [[noreturn]] void fail(const std::string& message) const;
  // Counts work against the limits; throws InputError naming `line` (0: the line being evaluated) when the
  // template has done more than it may.
  void spend_steps(std::uint64_t steps, int line = 0);
  void spend_bytes(std::uint64_t bytes, int line = 0);
  // The same for `items` list items about to be made.
  void spend_items(std::uint64_t items, int line = 0) { spend_bytes(items * sizeof(Value), line); }
  const format::Date& today() const noexcept { return today_; }
  FieldIndexes& field_indexes() noexcept { return field_indexes_; }
  const std::string& template_file() const noexcept { return file_; }
  // The binder's own functions, or null; they must outlive the evaluation.
  void set_host_functions(HostFunctions* host) noexcept { host_ = host; }
  int line() const noexcept { return line_; }

 private:
  friend class Call;
  Value eval(const Expression& e, Scope& scope);
  // Like eval, but a missing field (or index out of range) along a path gives nullopt instead of an error.
  std::optional<Value> eval_optional(const Expression& e, Scope& scope);
  std::optional<Value> lookup(const Expression& e, Scope& scope, bool required);
  Value binary(const Expression& e, Scope& scope);
  Value call(const Expression& e, Scope& scope);

  const dataset::Value& root_;
  std::string file_;
  format::Date today_;
  WorkLimits limits_;
  std::uint64_t steps_ = 0;
  std::uint64_t built_bytes_ = 0;
  const Expression* current_ = nullptr;
  int line_ = 0;
  // Per call site; no built-in (nullptr) for a function of host_.
  std::unordered_map<const Expression*, std::pair<std::string, Builtin>> builtins_;
  HostFunctions* host_ = nullptr;
  FieldIndexes field_indexes_;
};

}  // namespace raingan::templating
