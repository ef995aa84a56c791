#pragma once
// Checks a dataset against its schema and reports every problem at once, each as
// `file: json.path[3].field: expected …, found …`, so a clerk can fix a whole file in one pass.
// Linear in the size of the dataset: x-references builds each set of allowed values once.

#include <vector>

#include "core/diagnostic.h"
#include "dataset/json_reader.h"
#include "dataset/schema.h"

namespace raingan::dataset {

// Every problem found; empty when the dataset is valid. A "format": "file" path is also checked against
// `file_scope` (resolved from the dataset's folder, symlinks included).
std::vector<Diagnostic> validate(const JsonDocument& document, const Schema& schema,
                                 const ReadScope& file_scope = {});

}  // namespace raingan::dataset
