#include "render/render.h"

#include <filesystem>
#include <functional>
#include <initializer_list>
#include <string>
#include <utility>

#include "core/units.h"
#include "dataset/dataset_check.h"
#include "dataset/schema_catalog.h"
#include "document/image_source.h"
#include "layout/document_outline.h"
#include "layout/paginate.h"
#include "pdf/pdf_writer.h"
#include "plaintext/text_paragraphs.h"
#include "preflight/preflight.h"
#include "render/workbook.h"
#include "templating/document_binder.h"
#include "templating/template_file.h"
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

dataset::SchemaCatalog schema_catalog(const std::filesystem::path& dataset_path, const Options& options) {
  if (!options.schema_folders.empty()) return dataset::SchemaCatalog(options.schema_folders);
  std::vector<std::filesystem::path> folders = dataset::default_schema_folders(dataset_path);
  if (!options.share_folder.empty()) folders.push_back(options.share_folder / "datasets" / "schemas");
  return dataset::SchemaCatalog(std::move(folders));
}

// Preflight findings are warnings, or with --strict the reason the document is not written.
void report_findings(const std::vector<preflight::Finding>& findings, const std::string& source_name,
                     const Options& options) {
  if (findings.empty()) return;
  std::vector<Diagnostic> diagnostics;
  for (const auto& finding : findings) diagnostics.push_back(preflight::to_diagnostic(finding, source_name));
  if (options.strict) throw InputError(std::move(diagnostics));
  const auto& say = options.finding ? options.finding : options.warn;
  if (say)
    for (const auto& diagnostic : diagnostics) say(diagnostic);
}

// A PDF whose pages `lay_out` sends to the sink it is given, each checked on its way; returns the page count.
std::size_t write_pdf_pages(
    const layout::DocumentInfo& info, const std::filesystem::path& output, const std::string& source_name,
    const Options& options,
    const std::function<layout::LayoutResult(text::FontLibrary&, layout::PageSink&)>& lay_out) {
  text::FontLibrary fonts(options.fonts_folder, options.reads);
  pdf::PdfWriter writer(output, {.info = info});
  WriterSink sink(writer);
  preflight::PreflightSink checked(sink, {preflight::broken_span_check()});
  const layout::LayoutResult result = lay_out(fonts, checked);
  report_findings(checked.findings(), source_name, options);
  if (options.warn)
    for (const auto& said : fonts.substitutions()) options.warn({"", "", said});
  writer.set_outline(layout::outline_of(result.headings));
  writer.finish();
  return result.page_count;
}

// An output named like one of the files it is made from would replace its own input.
void refuse_overwriting(const std::filesystem::path& output,
                        std::initializer_list<std::pair<const std::filesystem::path*, const char*>> inputs) {
  std::error_code ec;
  for (const auto& [input, what] : inputs)
    if (std::filesystem::equivalent(output, *input, ec) && !ec)
      throw InputError(
          output.string(), "",
          std::string("the output is the ") + what + " it is made from; name another output file");
}

}  // namespace

std::size_t write_pdf(const document::Document& document, const std::filesystem::path& output,
                      const std::string& source_name, const Options& options) {
  return write_pdf_pages(
      document.info, output, source_name, options, [&](text::FontLibrary& fonts, layout::PageSink& sink) {
        return layout::layout_document(document, fonts, sink, source_name, options.limits.max_pages);
      });
}

Rendered render(const std::filesystem::path& template_path, const std::filesystem::path& dataset_path,
                const std::filesystem::path& output, const Options& options) {
  options.reads.require(template_path, "template");
  options.reads.require(dataset_path, "dataset");
  refuse_overwriting(output, {{&template_path, "template"}, {&dataset_path, "dataset"}});
  const templating::TemplateFile file = templating::load_template(template_path);
  const std::string extension = output.extension().string();
  const bool workbook = file.kind == templating::TemplateFile::Kind::workbook;
  if (workbook && extension != ".xlsx")
    throw InputError(output.string(), "",
                     "a <workbook> template writes an .xlsx file; name the output *.xlsx");
  if (!workbook && extension != ".pdf")
    throw InputError(output.string(), "", "a <document> template writes a PDF; name the output *.pdf");

  dataset::SchemaCatalog schemas = schema_catalog(dataset_path, options);
  dataset::ReaderOptions reader = options.reader;
  reader.file_scope = options.reads;
  const dataset::JsonDocument data = dataset::load_dataset(dataset_path, schemas, reader);
  Rendered rendered;
  if (const dataset::Value* kind = data.root.find("kind"); kind && kind->is_string())
    rendered.kind = kind->as_string();

  // Absolute, so that a dataset named without a folder still gives templates its folder as dataset_dir.
  const std::filesystem::path dataset_folder = options.dataset_folder.empty()
                                                   ? std::filesystem::absolute(dataset_path).parent_path()
                                                   : std::filesystem::absolute(options.dataset_folder);
  templating::BindOptions bind_options{
      options.today, dataset_folder, {options.limits.template_work, options.limits.max_table_rows}};
  bind_options.reads = options.reads;
  if (workbook) {
    rendered.pages = write_workbook(file, data, bind_options, output, options);
    return rendered;
  }
  document::ImageSource images(options.limits.max_image_pixels, options.reads);
  templating::BoundDocument bound = templating::bind_document(file, data, bind_options, images);
  if (options.warn)
    for (const auto& warning : bound.warnings) options.warn(warning);
  rendered.pages = write_pdf(bound.document, output, file.name, options);
  return rendered;
}

Rendered render_text(const std::filesystem::path& input, const std::filesystem::path& output,
                     const TextOptions& text_options, const Options& options) {
  options.reads.require(input, "text");
  refuse_overwriting(output, {{&input, "text"}});
  layout::DocumentInfo info;
  info.title = input.stem().string();
  info.subject = "raingan text";
  document::Section section;
  section.numbering = document::PageNumbering::thai_digits;
  const double width = units::mm(text_options.width_mm);
  section.page.margin_left = units::cm(3);
  section.page.margin_right = std::max(0.0, section.page.size.width - section.page.margin_left - width);
  section.page.margin_top = units::cm(2.5);
  section.page.margin_bottom = units::cm(2);

  document::InlineStyle style;
  style.font.family = text_options.family;
  style.font.size = text_options.size;
  document::ParagraphStyle paragraph_style;
  paragraph_style.align = text_options.align;
  document::BlockStyle block;
  block.space_after = text_options.size * 0.5;

  // The file is read paragraph by paragraph as the pages fill: a long text is never held whole.
  plaintext::TextParagraphs paragraphs(input, style, paragraph_style, block);
  Rendered rendered;
  rendered.pages = write_pdf_pages(
      info, output, input.string(), options, [&](text::FontLibrary& fonts, layout::PageSink& sink) {
        return layout::layout_streamed_section(section, paragraphs, fonts, sink, input.string(),
                                               options.limits.max_pages);
      });
  rendered.kind = "text";
  return rendered;
}

}  // namespace raingan::render
