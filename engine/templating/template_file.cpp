#include "templating/template_file.h"

#include <fstream>
#include <sstream>

#include "core/diagnostic.h"

namespace raingan::templating {

TemplateFile load_template(const std::filesystem::path& path) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) throw InputError(path.string(), "", "template not found");
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  if (!in && !in.eof()) throw InputError(path.string(), "", "cannot read the template");
  return parse_template(text.str(), path);
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
