#pragma once
// Binds a <document> template to a dataset: the document tree that layout turns into pages.

#include <vector>

#include "core/diagnostic.h"
#include "dataset/json_reader.h"
#include "document/document.h"
#include "document/image_source.h"
#include "template/binder_core.h"
#include "template/template_file.h"

namespace raingan::tmpl {

struct BoundDocument {
  doc::Document document;
  std::vector<Diagnostic> warnings;  // e.g. an optional image the office has not supplied
};

// Throws InputError naming the template line on any template or binding error.
BoundDocument bind_document(const TemplateFile& file, const dataset::JsonDocument& data,
                            const BindOptions& options, doc::ImageSource& images);

}  // namespace raingan::tmpl
