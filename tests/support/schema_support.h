#pragma once
// Helpers for tests of schema validation: the problems of a dataset text against a schema text, and of a
// schema text itself, each as "path: message".

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "core/diagnostic.h"
#include "dataset/json_reader.h"
#include "dataset/schema.h"
#include "dataset/schema_validator.h"

namespace raingan::test {

// "path: message" for each problem of `dataset` (read as d.json) against `schema`.
inline std::vector<std::string> dataset_problems(const std::string& schema, const std::string& dataset) {
  const dataset::Schema compiled = dataset::Schema::load_text(schema, "s.schema.json");
  const dataset::JsonDocument document = dataset::read_json_text(dataset, "d.json");
  std::vector<std::string> out;
  for (const auto& problem : dataset::validate(document, compiled)) {
    CHECK(problem.file == "d.json");
    out.push_back(problem.location + ": " + problem.message);
  }
  return out;
}

// "path: message" for each problem in the schema itself (read as s.schema.json).
inline std::vector<std::string> schema_problems(const std::string& schema) {
  std::vector<std::string> out;
  try {
    dataset::Schema::load_text(schema, "s.schema.json");
  } catch (const InputError& error) {
    for (const auto& problem : error.diagnostics()) {
      CHECK(problem.file == "s.schema.json");
      out.push_back(problem.location + ": " + problem.message);
    }
  }
  return out;
}

}  // namespace raingan::test
