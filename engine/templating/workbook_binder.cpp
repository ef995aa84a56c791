#include "templating/workbook_binder.h"

#include "core/diagnostic.h"
#include "formula/evaluate.h"
#include "formula/workbook.h"
#include "templating/elements/workbook/workbook_elements.h"
#include "templating/formula_cells.h"
#include "templating/formula_values.h"
#include "templating/workbook_binding.h"
#include "templating/workbook_recording.h"

namespace raingan::templating {
namespace {

bool has_formula_cell(const Element& element) {
  if (element.name == "cell" && element.attribute("formula") != nullptr) return true;
  for (const Node& child : element.children)
    if (child.element && has_formula_cell(*child.element)) return true;
  return false;
}

std::size_t bind_into(const TemplateFile& file, const dataset::JsonDocument& data, const BindOptions& options,
                      WorkbookSink& sink) {
  WorkbookBinding binding(file, data, options, &sink);
  return bind_workbook_element(binding);
}

}  // namespace

WorkbookSettings read_workbook_settings(const TemplateFile& file, const dataset::JsonDocument& data,
                                        const BindOptions& options) {
  WorkbookBinding binding(file, data, options, nullptr);
  return read_workbook_element(binding);
}

std::size_t bind_workbook(const TemplateFile& file, const dataset::JsonDocument& data,
                          const BindOptions& options, WorkbookSink& sink) {
  if (!file.root || !has_formula_cell(*file.root)) return bind_into(file, data, options, sink);

  // First pass: every cell into the formula stage's store, and every call recorded, then every formula
  // computed.
  formula::Workbook book;
  FormulaCells cells(book, file.name);
  WorkbookRecording recording(cells);
  std::size_t sheets = 0;
  try {
    sheets = bind_into(file, data, options, recording);
  } catch (...) {
    recording.finish();  // a failure of the store came from an earlier row than the binder's own
    throw;
  }
  recording.finish();
  const std::vector<formula::Problem> problems = formula::evaluate(book, {.today = options.today});

  // Second pass: the recorded rows again, each formula given its result, on to the sink; with problems,
  // only to find the template lines of the cells they are in.
  FormulaValues values(book, problems, file.name, problems.empty() ? &sink : nullptr);
  recording.replay(values);
  std::vector<Diagnostic> diagnostics = values.diagnostics();
  if (diagnostics.empty() && !problems.empty())  // a problem in a cell the second pass did not see
    for (const formula::Problem& problem : problems)
      diagnostics.push_back({file.name, "", formula::describe(book, problem)});
  if (!diagnostics.empty()) throw InputError(std::move(diagnostics));
  return sheets;
}

}  // namespace raingan::templating
