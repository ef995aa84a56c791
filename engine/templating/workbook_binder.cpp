#include "templating/workbook_binder.h"

#include "templating/elements/workbook/workbook_elements.h"
#include "templating/workbook_binding.h"

namespace raingan::templating {

WorkbookSettings read_workbook_settings(const TemplateFile& file, const dataset::JsonDocument& data,
                                        const BindOptions& options) {
  WorkbookBinding binding(file, data, options, nullptr);
  return read_workbook_element(binding);
}

std::size_t bind_workbook(const TemplateFile& file, const dataset::JsonDocument& data,
                          const BindOptions& options, WorkbookSink& sink) {
  WorkbookBinding binding(file, data, options, &sink);
  return bind_workbook_element(binding);
}

}  // namespace raingan::templating
