#pragma once
// Reads a dataset file into a Value tree. Every problem names the file and a place a clerk can find: line,
// column and byte for broken JSON, the JSON path for a repeated key, a number out of range or a value past a
// size limit. The limits guard against files that would exhaust memory or stack; the CLI exposes them as
// flags.

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.h"
#include "core/read_scope.h"
#include "dataset/json_value.h"
#include "dataset/line_index.h"
#include "dataset/value_store.h"

namespace raingan::dataset {

struct ReaderOptions {
  // Deepest nesting of objects and arrays (--max-depth). Validation recurses once per level: keep it at most
  // 1000.
  std::size_t max_depth = 64;
  // Largest file accepted (--max-dataset-mb).
  std::uint64_t max_file_bytes = 64ULL * 1024 * 1024;
  // Longest single string or key, in bytes (--max-string-kb).
  std::size_t max_string_bytes = 1024 * 1024;
  // Where a path the dataset holds (a string of "format": "file", relative to the dataset's folder) may
  // lead; validation refuses one that leads elsewhere.
  ReadScope file_scope;
};

// The flags that raise each limit, named in the messages about them.
inline constexpr std::string_view max_depth_flag = "--max-depth";
inline constexpr std::string_view max_file_flag = "--max-dataset-mb";
inline constexpr std::string_view max_string_flag = "--max-string-kb";

struct JsonDocument {
  std::string file;  // as the user gave it, for messages
  Value root;
  LineIndex lines;
  ValueStore store;  // holds what root and the values inside it refer to

  std::size_t line_of(const Value& value) const { return lines.line_of(value.offset()); }
};

struct JsonReadResult {
  // Absent when the file could not be read or is not JSON; present (with the first of any repeated keys kept)
  // when the only problems are repeated keys or over-long strings.
  std::optional<JsonDocument> document;
  std::vector<Diagnostic> problems;
};

// Collects every problem instead of throwing, so a caller can go on to validate what was read.
JsonReadResult try_read_json_file(const std::filesystem::path& path, const ReaderOptions& options = {});
JsonReadResult try_read_json_text(std::string_view text, std::string file_label,
                                  const ReaderOptions& options = {});

// The same, throwing InputError with every problem when there is any.
JsonDocument read_json_file(const std::filesystem::path& path, const ReaderOptions& options = {});
JsonDocument read_json_text(std::string_view text, std::string file_label, const ReaderOptions& options = {});

}  // namespace raingan::dataset
