#pragma once
// Binds a <document> template to a dataset: the document tree that layout turns into pages.

#include <vector>

#include "core/diagnostic.h"
#include "dataset/json_reader.h"
#include "document/document.h"
#include "document/image_source.h"
#include "templating/binder_core.h"
#include "templating/template_file.h"

namespace raingan::templating {

struct BoundDocument {
  document::Document document;
  std::vector<Diagnostic> warnings;  // e.g. an optional image the office has not supplied
};

// Throws InputError naming the template line on any template or binding error.
BoundDocument bind_document(const TemplateFile& file, const dataset::JsonDocument& data,
                            const BindOptions& options, document::ImageSource& images);

}  // namespace raingan::templating
