#include "dataset/path_pattern.h"

#include "format/value_error.h"

namespace raingan::dataset {
namespace {

[[noreturn]] void reject(std::string_view text, std::string_view why) {
  throw format::ValueError("expected a path such as schools[*].code (" + std::string(why) + "), found \"" +
                           std::string(text) + "\"");
}

bool ends_name(char c) {
  return c == '.' || c == '[' || c == ']' || c == ' ' || c == '"' || c == '=' || c == '{' || c == '}';
}

bool is_plain_name(std::string_view name) {
  if (name.empty()) return false;
  for (const char c : name)
    if (ends_name(c)) return false;
  return true;
}

}  // namespace

PathPattern PathPattern::parse(std::string_view text) {
  PathPattern pattern;
  pattern.text_ = std::string(text);
  std::size_t i = 0;
  bool expect_name = true;
  while (i < text.size()) {
    if (expect_name) {
      const std::size_t start = i;
      while (i < text.size() && !ends_name(text[i])) ++i;
      if (i == start) reject(text, "a field name is missing");
      pattern.steps_.push_back(Step{Step::Kind::key, std::string(text.substr(start, i - start)), 0, {}});
      expect_name = false;
    } else if (text[i] == '.') {
      ++i;
      expect_name = true;
    } else if (text[i] == '[') {
      const std::size_t close = text.find(']', i);
      if (close == std::string_view::npos) reject(text, "a '[' is not closed");
      const std::string_view inside = text.substr(i + 1, close - i - 1);
      if (inside == "*") {
        pattern.steps_.push_back(Step{Step::Kind::any_item, {}, 0, {}});
      } else if (const std::size_t equals = inside.find('='); equals != std::string_view::npos) {
        // [field={record_field}]
        const std::string_view field = inside.substr(0, equals);
        const std::string_view value = inside.substr(equals + 1);
        if (!is_plain_name(field) || value.size() < 3 || value.front() != '{' || value.back() != '}' ||
            !is_plain_name(value.substr(1, value.size() - 2)))
          reject(text, "a filter is written [field={record_field}], e.g. [code={school}]");
        const std::string record_field(value.substr(1, value.size() - 2));
        pattern.steps_.push_back(Step{Step::Kind::filter, std::string(field), 0, record_field});
        pattern.record_fields_.push_back(record_field);
      } else {
        if (inside.empty() || inside.find_first_not_of("0123456789") != std::string_view::npos ||
            inside.size() > 9)
          reject(text, "brackets hold *, an item number or a filter [field={record_field}]");
        pattern.steps_.push_back(Step{Step::Kind::item, {}, std::stoul(std::string(inside)), {}});
      }
      i = close + 1;
    } else {
      reject(text, "'.' or '[' must follow a name");
    }
  }
  if (expect_name) reject(text, text.empty() ? "it is empty" : "it ends with '.'");
  return pattern;
}

void PathPattern::for_each_match(const Value& root, const std::function<void(const Value&)>& visit) const {
  walk(root, 0, nullptr, visit);
}

void PathPattern::for_each_match(const Value& root, const Value* record,
                                 const std::function<void(const Value&)>& visit) const {
  walk(root, 0, record, visit);
}

void PathPattern::walk(const Value& value, std::size_t step, const Value* record,
                       const std::function<void(const Value&)>& visit) const {
  if (step == steps_.size()) {
    visit(value);
    return;
  }
  const Step& current = steps_[step];
  switch (current.kind) {
    case Step::Kind::key:
      if (const Value* member = value.find(current.key)) walk(*member, step + 1, record, visit);
      break;
    case Step::Kind::any_item:
      if (value.is_array())
        for (const auto& item : value.items()) walk(item, step + 1, record, visit);
      break;
    case Step::Kind::item:
      if (value.is_array() && current.index < value.items().size())
        walk(value.items()[current.index], step + 1, record, visit);
      break;
    case Step::Kind::filter: {
      const Value* wanted = record != nullptr ? record->find(current.record_field) : nullptr;
      if (wanted == nullptr || !value.is_array()) break;
      for (const auto& item : value.items())
        if (const Value* field = item.find(current.key); field != nullptr && equal_values(*field, *wanted))
          walk(item, step + 1, record, visit);
      break;
    }
  }
}

std::string PathPattern::format(const std::vector<Step>& steps, const Value* record) {
  std::string text;
  for (const Step& step : steps) {
    switch (step.kind) {
      case Step::Kind::key:
        text += (text.empty() ? "" : ".") + step.key;
        break;
      case Step::Kind::any_item:
        text += "[*]";
        break;
      case Step::Kind::item:
        text += "[" + std::to_string(step.index) + "]";
        break;
      case Step::Kind::filter: {
        const Value* wanted = record != nullptr ? record->find(step.record_field) : nullptr;
        text += "[" + step.key + "=" +
                (wanted != nullptr ? describe(*wanted) : "{" + step.record_field + "}") + "]";
        break;
      }
    }
  }
  return text;
}

std::string PathPattern::text_for(const Value& record) const { return format(steps_, &record); }

PathPattern PathPattern::widened() const {
  PathPattern wide = *this;
  for (Step& step : wide.steps_)
    if (step.kind == Step::Kind::filter) step = Step{Step::Kind::any_item, {}, 0, {}};
  wide.record_fields_.clear();
  wide.text_ = format(wide.steps_, nullptr);
  return wide;
}

}  // namespace raingan::dataset
