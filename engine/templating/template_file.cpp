#include "templating/template_file.h"

#include "core/diagnostic.h"
#include "core/input_file.h"

namespace raingan::templating {

TemplateFile load_template(const std::filesystem::path& path) {
  // A template is written by hand: 16 MB is far beyond any real one, and bounds what a mistake can cost.
  constexpr std::uint64_t max_template_bytes = 16 * 1024 * 1024;
  return parse_template(read_input_file(path, "template", max_template_bytes, "split the template"), path);
}

TemplateFile parse_template(std::string_view source, const std::filesystem::path& path) {
  TemplateFile file;
  file.path = path;
  file.name = path.string();
  file.root = parse_markup(source, file.name);
  if (file.root->name == "document") {
    file.kind = TemplateFile::Kind::document;
  } else if (file.root->name == "workbook") {
    file.kind = TemplateFile::Kind::workbook;
  } else {
    throw InputError(
        file.name, "line " + std::to_string(file.root->line),
        "expected <document> (a PDF) or <workbook> (an XLSX register) as the root element, found <" +
            file.root->name + ">");
  }
  return file;
}

}  // namespace raingan::templating
