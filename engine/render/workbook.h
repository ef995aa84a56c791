#pragma once
// A <workbook> template and its dataset into an XLSX register, column widths measured with the same shaper
// that sets the PDFs.

#include <cstddef>
#include <filesystem>

#include "dataset/json_reader.h"
#include "render/options.h"
#include "templating/binder_core.h"
#include "templating/template_file.h"

namespace raingan::render {

// Returns the number of sheets written.
std::size_t write_workbook(const templating::TemplateFile& file, const dataset::JsonDocument& data,
                           const templating::BindOptions& bind_options, const std::filesystem::path& output,
                           const Options& options);

}  // namespace raingan::render
