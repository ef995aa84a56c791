#include "render/workbook.h"

#include <algorithm>

#include "layout/paragraph.h"
#include "templating/workbook_binder.h"
#include "text/font_library.h"
#include "xlsx/workbook_writer.h"

namespace raingan::render {

std::size_t write_workbook(const templating::TemplateFile& file, const dataset::JsonDocument& data,
                           const templating::BindOptions& bind_options, const std::filesystem::path& output,
                           const Options& options) {
  const templating::WorkbookSettings settings = templating::read_workbook_settings(file, data, bind_options);
  text::FontLibrary fonts(options.fonts_folder, options.reads);
  layout::ParagraphLayouter paragraphs(fonts);
  // The widest line of a cell's text, set in the cell's font as a PDF would set it.
  auto measure = [&](std::string_view text, const templating::CellStyle& style) {
    layout::TextInline piece;
    piece.text = std::string(text);
    piece.style.font.family = style.font_name;
    piece.style.font.bold = style.bold;
    piece.style.font.italic = style.italic;
    piece.style.font.size = style.font_size;
    const layout::Inline content = piece;
    const layout::ParagraphLayout laid =
        paragraphs.layout(std::span<const layout::Inline>(&content, 1), layout::ParagraphStyle{}, 1e7);
    double width = 0;
    for (const auto& line : laid.lines) width = std::max(width, line.width);
    return width;
  };
  xlsx::WorkbookWriter writer(output, settings, measure);
  const std::size_t sheets = templating::bind_workbook(file, data, bind_options, writer);
  writer.finish();
  return sheets;
}

}  // namespace raingan::render
