#pragma once
// A template file loaded and checked for syntax: <document> templates make PDFs, <workbook> templates make
// XLSX registers.

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

#include "templating/markup.h"

namespace raingan::templating {

struct TemplateFile {
  enum class Kind { document, workbook };
  std::filesystem::path path;
  std::string name;  // as the user gave it, for messages
  std::unique_ptr<Element> root;
  Kind kind = Kind::document;
};

// Throws InputError naming the file (and line) when it cannot be read or parsed.
TemplateFile load_template(const std::filesystem::path& path);
// The same for a template already in memory; `path` names it in messages and anchors relative image paths.
TemplateFile parse_template(std::string_view source, const std::filesystem::path& path);

}  // namespace raingan::templating
