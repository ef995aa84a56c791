#pragma once
// Binds a <workbook> template to a dataset, streaming rows into a workbook sink as the template's loops run,
// so a 100,000-row register is never held in memory.

#include "dataset/json_reader.h"
#include "templating/binder_core.h"
#include "templating/template_file.h"
#include "templating/workbook_settings.h"
#include "templating/workbook_sink.h"

namespace raingan::templating {

// Reads the <workbook> element's settings (fonts, properties) before the sink is made.
WorkbookSettings read_workbook_settings(const TemplateFile& file, const dataset::JsonDocument& data,
                                        const BindOptions& options);

// Writes every sheet of the template. Returns the number of sheets. Throws InputError naming the template
// line.
std::size_t bind_workbook(const TemplateFile& file, const dataset::JsonDocument& data,
                          const BindOptions& options, WorkbookSink& sink);

}  // namespace raingan::templating
