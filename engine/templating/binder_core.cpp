#include "templating/binder_core.h"

#include <algorithm>
#include <filesystem>

#include "format/baht_text.h"
#include "templating/element_registry.h"
#include "templating/style_sheet.h"
#include "templating/whitespace.h"

namespace raingan::templating {
namespace {

constexpr int max_call_depth = 64;

enum class Control { none, for_loop, if_chain, else_branch, let, call, define };

// Which control element a name is; told apart by length first, as this runs for every element of every row.
Control control_of(std::string_view name) {
  switch (name.size()) {
    case 2:
      return name == "if" ? Control::if_chain : Control::none;
    case 3:
      return name == "for" ? Control::for_loop : name == "let" ? Control::let : Control::none;
    case 4:
      return name == "else" ? Control::else_branch : name == "call" ? Control::call : Control::none;
    case 6:
      return name == "define" ? Control::define : Control::none;
    case 7:
      return name == "else-if" ? Control::else_branch : Control::none;
    default:
      return Control::none;
  }
}

bool is_control(std::string_view name) { return control_of(name) != Control::none; }

}  // namespace

BinderCore::BinderCore(const TemplateFile& file, const dataset::JsonDocument& data,
                       const BindOptions& options)
    : file_(file),
      data_(data),
      limits_(options.limits),
      evaluator_(data.root, file.name, options.today, options.limits.work) {
  // Absolute, because image paths are resolved against the template's folder: a relative dataset folder
  // ("datasets") would otherwise be looked for under templates/.
  const std::filesystem::path dataset_directory = options.dataset_directory.empty()
                                                      ? options.dataset_directory
                                                      : std::filesystem::absolute(options.dataset_directory);
  scope_.bind("dataset_dir", Value::of(dataset_directory.lexically_normal().string()));
  scope_.bind("template_dir", Value::of(file.path.parent_path().string()));
  collect_definitions(*file.root);
}

void BinderCore::fail(int line, const std::string& message) const {
  throw InputError(file_.name, "line " + std::to_string(line), message);
}

void BinderCore::fail(const Element& element, const std::string& message) const {
  fail(element.line, "<" + element.name + ">: " + message);
}

void BinderCore::check_row_count(const Element& element, std::size_t rows) const {
  if (rows <= limits_.max_table_rows) return;
  fail(element, "more than " + std::to_string(limits_.max_table_rows) +
                    " rows; if the table really is that long, raise the limit with " +
                    std::string(max_table_rows_flag));
}

const Interpolation& BinderCore::compiled(const std::string& text, int line) {
  auto found = interpolations_.find(&text);
  if (found != interpolations_.end()) return found->second;
  return interpolations_.emplace(&text, compile_interpolation(text, {file_.name, line})).first->second;
}

namespace {

// Formatters whose output a line must not end inside: a date, an amount, a share (templates/README.md,
// "Line breaking"). An amount in words (baht_text) is kept whole in parts, between which a line may end.
bool kept_whole(const Expression& expression) {
  static constexpr std::string_view formatters[] = {"date",         "date_short", "month_year", "money",
                                                    "money_satang", "baht",       "percent"};
  return expression.kind == Expression::Kind::call &&
         std::find(std::begin(formatters), std::end(formatters), expression.text) != std::end(formatters);
}

}  // namespace

void BinderCore::interpolate(const std::string& text, int line,
                             FunctionRef<void(std::string, bool, bool)> emit) {
  const Interpolation& interpolation = compiled(text, line);
  for (const auto& piece : interpolation.pieces) {
    if (!piece.expression) {
      emit(piece.literal, false, false);
      continue;
    }
    Value value = evaluator_.evaluate(*piece.expression, scope_, line);
    auto printed = value.take_plain_text();
    if (!printed)
      fail(line, "{{ " + to_source(*piece.expression) + " }} is " + describe(value) +
                     ", which cannot be printed; use a <for> loop or a function such as join()");
    evaluator_.spend_bytes(printed->size(), line);
    if (piece.expression->kind == Expression::Kind::call && piece.expression->text == "baht_text") {
      for (std::string_view part : format::baht_text_parts(*printed)) emit(std::string(part), true, true);
      continue;
    }
    emit(std::move(*printed), true, kept_whole(*piece.expression));
  }
}

std::string BinderCore::text(const Attribute& attribute) {
  std::string out;
  interpolate(attribute.value, attribute.line, [&](std::string piece, bool, bool) { out += piece; });
  return out;
}

std::string BinderCore::text(const Element& element, std::string_view name, std::string_view fallback) {
  const Attribute* attribute = element.attribute(name);
  return attribute ? text(*attribute) : std::string(fallback);
}

Value BinderCore::value(const Attribute& attribute) {
  const Interpolation& interpolation = compiled(attribute.value, attribute.line);
  if (const Expression* single = interpolation.single_expression())
    return evaluator_.evaluate(*single, scope_, attribute.line);
  return Value::of(text(attribute));
}

const Attribute& BinderCore::required(const Element& element, std::string_view name) {
  const Attribute* attribute = element.attribute(name);
  if (!attribute) fail(element, "the attribute " + std::string(name) + "=\"…\" is required");
  return *attribute;
}

Value BinderCore::expression(const Attribute& attribute) {
  auto found = expressions_.find(&attribute.value);
  if (found == expressions_.end()) {
    std::string_view source = attribute.value;
    // Accept test="{{ x }}" as well as test="x".
    while (!source.empty() && source.front() == ' ') source.remove_prefix(1);
    while (!source.empty() && source.back() == ' ') source.remove_suffix(1);
    if (source.starts_with("{{") && source.ends_with("}}")) source = source.substr(2, source.size() - 4);
    found =
        expressions_.emplace(&attribute.value, parse_expression(source, {file_.name, attribute.line})).first;
  }
  return evaluator_.evaluate(*found->second, scope_, attribute.line);
}

void BinderCore::check_attributes(const Element& element, const std::vector<std::string_view>& allowed,
                                  bool style_attributes) const {
  templating::check_attributes(*this, element, allowed, style_attributes ? &style_attribute_group : nullptr);
}

void BinderCore::check_dataset_kind(const Element& root) const {
  const Attribute* expected = root.attribute("dataset-kind");
  if (!expected) return;
  const dataset::Value* kind = data_.root.find("kind");
  const std::string actual = kind && kind->is_string() ? std::string(kind->as_string()) : std::string();
  if (actual != expected->value)
    fail(expected->line, "this template is for datasets of kind \"" + expected->value +
                             "\", but the dataset's kind is \"" + actual + "\"");
}

void BinderCore::collect_definitions(const Element& root) {
  for (const auto& child : root.children) {
    if (!child.element) continue;
    const Element& e = *child.element;
    if (e.name == "define") {
      const Attribute* name = e.attribute("name");
      if (!name || name->value.empty()) fail(e, "the attribute name=\"…\" is required");
      if (!definitions_.emplace(name->value, &e).second) fail(e, "'" + name->value + "' is defined twice");
    }
    collect_definitions(e);
  }
}

bool BinderCore::contains_any(const Element& parent, const std::vector<std::string_view>& names) const {
  for (const auto& child : parent.children) {
    if (!child.element) continue;
    const Element& e = *child.element;
    if (std::find(names.begin(), names.end(), e.name) != names.end()) return true;
    if (e.name == "call") {
      const Attribute* name = e.attribute("name");
      if (name) {
        auto found = definitions_.find(name->value);
        if (found != definitions_.end() && found->second != &parent && contains_any(*found->second, names))
          return true;
      }
    }
    if (is_control(e.name) && e.name != "define" && contains_any(e, names)) return true;
  }
  return false;
}

void BinderCore::for_each_child(const Element& parent, FunctionRef<void(const Node&)> visit) {
  ScopeGuard guard(scope_);  // names set by <let> live until the end of their parent
  const auto& children = parent.children;
  for (std::size_t i = 0; i < children.size(); ++i) {
    const Node& node = children[i];
    evaluator_.spend_steps(1, node.line);
    if (!node.element) {
      visit(node);
      continue;
    }
    const Element& e = *node.element;
    const Control control = control_of(e.name);
    if (control == Control::none) {
      visit(node);
    } else if (control == Control::for_loop) {
      run_for(e, visit);
    } else if (control == Control::if_chain) {
      // The chain: <if>, then <else-if>s and an <else> among the following siblings (whitespace between).
      std::vector<const Element*> chain{&e};
      std::size_t j = i + 1;
      for (; j < children.size(); ++j) {
        if (!children[j].element) {
          if (has_visible_text(children[j].text)) break;
          continue;
        }
        const std::string& name = children[j].element->name;
        if (name != "else-if" && name != "else") break;
        chain.push_back(children[j].element.get());
        if (name == "else") {
          ++j;
          break;
        }
      }
      for (const Element* branch : chain) {
        if (checked_.insert(branch).second)
          check_attributes(*branch,
                           branch->name == "else" ? std::vector<std::string_view>{}
                                                  : std::vector<std::string_view>{"test"},
                           false);
        if (branch->name == "else" || expression(required(*branch, "test")).truthy()) {
          for_each_child(*branch, visit);
          break;
        }
      }
      i = j - 1;
    } else if (control == Control::else_branch) {
      fail(e, "there is no <if> just before it");
    } else if (control == Control::let) {
      if (checked_.insert(&e).second) check_attributes(e, {"name", "value"}, false);
      const std::string& name = required(e, "name").value;
      scope_.bind(name, expression(required(e, "value")));
    } else if (control == Control::call) {
      run_call(e, visit);
    }
    // <define>: definitions are collected up front and run by <call>.
  }
}

void BinderCore::run_for(const Element& e, FunctionRef<void(const Node&)> visit) {
  if (checked_.insert(&e).second) check_attributes(e, {"each", "in", "index", "where"}, false);
  const std::string& name = required(e, "each").value;
  const Attribute& source = required(e, "in");
  const Value list = expression(source);
  if (list.kind() != Value::Kind::list)
    fail(source.line, "<for>: in=\"" + source.value + "\" is " + describe(list) + ", not a list");
  std::string path;
  {
    auto found = expressions_.find(&source.value);
    path = evaluator_.path_of(*found->second, scope_);
  }
  const Attribute* index_name = e.attribute("index");
  const Attribute* where = e.attribute("where");
  std::int64_t position = 0;
  for (std::size_t k = 0; k < list.size(); ++k) {
    evaluator_.spend_steps(1, e.line);
    ScopeGuard guard(scope_);
    scope_.bind_item(name, list.at(k), path, k);
    if (where && !expression(*where).truthy()) continue;
    ++position;
    if (index_name) scope_.bind(index_name->value, Value::of(Number::from_int(position)));
    for_each_child(e, visit);
  }
}

void BinderCore::run_call(const Element& e, FunctionRef<void(const Node&)> visit) {
  const Attribute& name = required(e, "name");
  auto found = definitions_.find(name.value);
  if (found == definitions_.end())
    fail(e, "nothing is defined as '" + name.value + "' (write <define name=…>)");
  const Element& definition = *found->second;
  if (++call_depth_ > max_call_depth)
    fail(e, "'" + name.value + "' calls itself more than " + std::to_string(max_call_depth) + " deep");
  // Arguments are evaluated in the caller's scope, then bound for the definition's body.
  std::vector<std::pair<std::string, Value>> arguments;
  const std::string params = definition.attribute("params") ? definition.attribute("params")->value : "";
  std::vector<std::string> names;
  std::string word;
  for (char c : params + " ") {
    if (c == ' ' || c == ',') {
      if (!word.empty()) names.push_back(word);
      word.clear();
    } else {
      word += c;
    }
  }
  for (const auto& attribute : e.attributes) {
    if (attribute.name == "name") continue;
    if (std::find(names.begin(), names.end(), attribute.name) == names.end())
      fail(attribute.line, "<call name=\"" + name.value + "\">: '" + attribute.name +
                               "' is not one of its params (" + params + ")");
    arguments.emplace_back(attribute.name, value(attribute));
  }
  ScopeGuard guard(scope_);
  for (auto& [param, argument] : arguments) scope_.bind(param, std::move(argument));
  for_each_child(definition, visit);
  --call_depth_;
}

}  // namespace raingan::templating
