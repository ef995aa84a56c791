#pragma once
// Binds a <workbook> template to a dataset, streaming rows into an XLSX writer as the template's loops run,
// so a 100,000-row register is never held in memory.

#include "dataset/json_reader.h"
#include "templating/binder_core.h"
#include "templating/template_file.h"
#include "xlsx/workbook_writer.h"

namespace raingan::templating {

struct WorkbookSettings {
  xlsx::WorkbookOptions options;  // properties, constant-memory mode and the normal style
};

// Reads the <workbook> element's settings (fonts, properties) before the writer is made.
WorkbookSettings read_workbook_settings(const TemplateFile& file, const dataset::JsonDocument& data,
                                        const BindOptions& options);

// Writes every sheet of the template. Returns the number of sheets. Throws InputError naming the template
// line.
std::size_t bind_workbook(const TemplateFile& file, const dataset::JsonDocument& data,
                          const BindOptions& options, xlsx::WorkbookWriter& writer);

}  // namespace raingan::templating
