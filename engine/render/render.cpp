#include "render/render.h"

#include <cstdio>
#include <fstream>
#include <sstream>

#include "core/units.h"
#include "core/utf8.h"
#include "dataset/dataset_check.h"
#include "dataset/line_index.h"
#include "dataset/schema_catalog.h"
#include "document/image_source.h"
#include "layout/document_outline.h"
#include "layout/paginate.h"
#include "pdf/pdf_writer.h"
#include "render/workbook.h"
#include "template/document_binder.h"
#include "template/template_file.h"
#include "text/font_library.h"

namespace raingan::render {
namespace {

// Pages go straight into the PDF as layout finishes them (layout itself stops at --max-pages).
class WriterSink : public layout::PageSink {
 public:
  explicit WriterSink(pdf::PdfWriter& writer) : writer_(writer) {}
  void add_page(layout::Page&& page) override { writer_.add_page(page); }
  void insert_page(std::size_t index, layout::Page&& page) override { writer_.insert_page(index, page); }

 private:
  pdf::PdfWriter& writer_;
};

std::string read_text_file(const std::filesystem::path& path) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) throw InputError(path.string(), "", "file not found");
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  if (!in && !in.eof()) throw InputError(path.string(), "", "cannot read the file");
  return text.str();
}

dataset::SchemaCatalog schema_catalog(const std::filesystem::path& dataset_path, const Options& options) {
  return dataset::SchemaCatalog(options.schema_folders.empty() ? dataset::default_schema_folders(dataset_path)
                                                               : options.schema_folders);
}

}  // namespace

std::size_t write_pdf(const doc::Document& document, const std::filesystem::path& output,
                      const std::string& source_name, const Options& options) {
  text::FontLibrary fonts(options.fonts_folder);
  pdf::PdfWriter writer(output, document.info);
  WriterSink sink(writer);
  const layout::LayoutResult result =
      layout::layout_document(document, fonts, sink, source_name, options.limits.max_pages);
  writer.set_outline(layout::outline_of(result.headings));
  writer.finish();
  return result.page_count;
}

Rendered render(const std::filesystem::path& template_path, const std::filesystem::path& dataset_path,
                const std::filesystem::path& output, const Options& options) {
  const tmpl::TemplateFile file = tmpl::load_template(template_path);
  const std::string extension = output.extension().string();
  const bool workbook = file.kind == tmpl::TemplateFile::Kind::workbook;
  if (workbook && extension != ".xlsx")
    throw InputError(output.string(), "",
                     "a <workbook> template writes an .xlsx file; name the output *.xlsx");
  if (!workbook && extension != ".pdf")
    throw InputError(output.string(), "", "a <document> template writes a PDF; name the output *.pdf");

  dataset::SchemaCatalog schemas = schema_catalog(dataset_path, options);
  const dataset::JsonDocument data = dataset::load_dataset(dataset_path, schemas, options.reader);
  Rendered rendered;
  if (const dataset::Value* kind = data.root.find("kind"); kind && kind->is_string())
    rendered.kind = kind->as_string();

  // Absolute, so that a dataset named without a folder still gives templates its folder as dataset_dir.
  tmpl::BindOptions bind_options{options.today,
                                 std::filesystem::absolute(dataset_path).parent_path(),
                                 {options.limits.template_work, options.limits.max_table_rows}};
  if (workbook) {
    rendered.pages = write_workbook(file, data, bind_options, output, options);
    return rendered;
  }
  doc::ImageSource images(options.limits.max_image_pixels);
  tmpl::BoundDocument bound = tmpl::bind_document(file, data, bind_options, images);
  if (options.warn)
    for (const auto& warning : bound.warnings) options.warn(warning);
  rendered.pages = write_pdf(bound.document, output, file.name, options);
  return rendered;
}

Rendered render_text(const std::filesystem::path& input, const std::filesystem::path& output,
                     const TextOptions& text_options, const Options& options) {
  std::string text = read_text_file(input);
  if (auto bad = utf8::first_invalid_byte(text)) {
    char hex[8];
    std::snprintf(hex, sizeof hex, "0x%02X", static_cast<unsigned>(static_cast<unsigned char>(text[*bad])));
    throw InputError(input.string(), dataset::LineIndex(text).describe(text, *bad),
                     "expected UTF-8 text, found byte " + std::string(hex) +
                         " that is not valid UTF-8; save the file as UTF-8");
  }
  if (text.starts_with("\xEF\xBB\xBF")) text.erase(0, 3);

  doc::Document document;
  document.info.title = input.stem().string();
  document.info.subject = "raingan text";
  doc::Section section;
  section.numbering = doc::PageNumbering::thai_digits;
  const double width = units::mm(text_options.width_mm);
  section.page.margin_left = units::cm(3);
  section.page.margin_right = std::max(0.0, section.page.size.width - section.page.margin_left - width);
  section.page.margin_top = units::cm(2.5);
  section.page.margin_bottom = units::cm(2);

  doc::InlineStyle style;
  style.font.family = text_options.family;
  style.font.size = text_options.size;
  doc::ParagraphStyle paragraph_style;
  paragraph_style.align = text_options.align;
  doc::BlockStyle block;
  block.space_after = text_options.size * 0.5;

  // Paragraphs are separated by blank lines; a single newline inside one is kept as a line break. Tabs
  // (table columns in extracted text) are set as spaces.
  std::size_t line_number = 1;
  std::string current;
  int current_line = 1;
  auto flush = [&] {
    while (!current.empty() && (current.back() == '\n' || current.back() == ' ')) current.pop_back();
    if (!current.empty()) {
      doc::Paragraph paragraph;
      paragraph.content.push_back(doc::TextInline{current, style, {}, {}});
      paragraph.style = paragraph_style;
      paragraph.block = block;
      paragraph.source_line = current_line;
      section.body.push_back({std::move(paragraph)});
    }
    current.clear();
  };
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    std::string line = text.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    for (char& c : line)
      if (c == '\t') c = ' ';
    bool blank = line.find_first_not_of(' ') == std::string::npos;
    if (blank) {
      flush();
    } else {
      if (current.empty())
        current_line = static_cast<int>(line_number);
      else
        current += '\n';
      current += line;
    }
    ++line_number;
    start = end + 1;
  }
  flush();
  document.sections.push_back(std::move(section));
  Rendered rendered;
  rendered.pages = write_pdf(document, output, input.string(), options);
  rendered.kind = "text";
  return rendered;
}

}  // namespace raingan::render
