#pragma once
// What every binder shares: evaluating attribute values and text against the dataset, and the control
// elements of the language (<for>, <if>/<else-if>/<else>, <let>, <define>/<call>), which work the same in a
// document and in a workbook.

#include <filesystem>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "core/diagnostic.h"
#include "core/read_scope.h"
#include "dataset/json_reader.h"
#include "templating/evaluator.h"
#include "templating/function_ref.h"
#include "templating/interpolation.h"
#include "templating/template_file.h"

namespace raingan::templating {

struct BindLimits {
  WorkLimits work;                       // steps and text (evaluator.h)
  std::size_t max_table_rows = 200'000;  // rows of one <table> or one <sheet> (--max-table-rows)
};
inline constexpr std::string_view max_table_rows_flag = "--max-table-rows";

struct BindOptions {
  BindOptions() = default;
  BindOptions(format::Date today_date, std::filesystem::path dataset_folder, BindLimits bind_limits = {})
      : today(today_date), dataset_directory(std::move(dataset_folder)), limits(bind_limits) {}

  format::Date today;
  std::filesystem::path dataset_directory;  // visible to templates as dataset_dir (photos beside the dataset)
  BindLimits limits;
  ReadScope reads;  // what a template may read beside itself (its terms list)
};

class BinderCore {
 public:
  BinderCore(const TemplateFile& file, const dataset::JsonDocument& data, const BindOptions& options);

  const std::string& file_name() const noexcept { return file_.name; }
  const TemplateFile& file() const noexcept { return file_; }
  const BindLimits& limits() const noexcept { return limits_; }
  // Throws InputError naming the element's line when a table or sheet would get row number `rows` (from 1)
  // past --max-table-rows.
  void check_row_count(const Element& element, std::size_t rows) const;
  Scope& scope() noexcept { return scope_; }
  Evaluator& evaluator() noexcept { return evaluator_; }

  // The attribute's value with {{ }} filled in, as text.
  std::string text(const Attribute& attribute);
  // The same for an optional attribute: `fallback` when the element does not have it.
  std::string text(const Element& element, std::string_view name, std::string_view fallback = {});
  // The attribute's value: a lone {{ expression }} gives its value (a list, a number), anything else text.
  Value value(const Attribute& attribute);
  // A required attribute, or an error naming the element and line.
  const Attribute& required(const Element& element, std::string_view name);
  // An expression attribute written without braces (test="…", in="…", value="…").
  Value expression(const Attribute& attribute);
  // Template text with {{ }} filled in, each piece marked template text or dataset text, and kept whole when
  // it is what a formatter a reader takes in as one thing made (a date, an amount: date, money, percent …).
  // Each piece kept whole is a span of its own: an amount in words comes as its parts (baht_text_parts).
  void interpolate(const std::string& text, int line,
                   FunctionRef<void(std::string, bool verbatim, bool keep_whole)> emit);

  // Visits the children of `parent`, running control elements (for, if, let, call) in place, so `visit` sees
  // only content nodes (text and other elements).
  void for_each_child(const Element& parent, FunctionRef<void(const Node&)> visit);
  // Whether the element's content, looking through control elements, has any element named in `names`.
  bool contains_any(const Element& parent, const std::vector<std::string_view>& names) const;

  // Unknown attributes are errors (a misspelt attribute would otherwise be silently ignored).
  void check_attributes(const Element& element, const std::vector<std::string_view>& allowed,
                        bool style_attributes) const;
  [[noreturn]] void fail(int line, const std::string& message) const;
  [[noreturn]] void fail(const Element& element, const std::string& message) const;

  // The root's dataset-kind="…", if given, must be the dataset's kind.
  void check_dataset_kind(const Element& root) const;

  // Collects <define> elements anywhere in the template.
  void collect_definitions(const Element& root);

 private:
  const Interpolation& compiled(const std::string& text, int line);
  void run_for(const Element& element, FunctionRef<void(const Node&)> visit);
  void run_call(const Element& element, FunctionRef<void(const Node&)> visit);

  const TemplateFile& file_;
  const dataset::JsonDocument& data_;
  BindLimits limits_;
  Evaluator evaluator_;
  Scope scope_;
  std::map<const std::string*, Interpolation> interpolations_;
  std::map<const std::string*, std::unique_ptr<Expression>> expressions_;
  std::map<std::string, const Element*, std::less<>> definitions_;
  std::unordered_set<const Element*> checked_;  // control elements whose attributes were checked
  int call_depth_ = 0;
};

}  // namespace raingan::templating
