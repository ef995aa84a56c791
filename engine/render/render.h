#pragma once
// The pipeline end to end: a template and a dataset become a PDF or an XLSX register; a plain text file
// becomes a PDF. Each output is written under a temporary name and renamed only when complete.

#include <cstddef>
#include <filesystem>
#include <string>

#include "document/document.h"
#include "render/options.h"

namespace raingan::render {

struct Rendered {
  std::size_t pages = 0;  // PDF pages, or XLSX sheets
  std::string kind;       // the dataset's kind
};

// TEMPLATE + DATASET -> OUTPUT (.pdf for <document> templates, .xlsx for <workbook> templates).
Rendered render(const std::filesystem::path& template_path, const std::filesystem::path& dataset_path,
                const std::filesystem::path& output, const Options& options);

struct TextOptions {
  std::string family = "TH Sarabun PSK";
  double size = 16;
  double width_mm = 160;  // A4 minus 3 cm left and 2 cm right margins
  document::Align align = document::Align::left;
};

// A UTF-8 text file laid out on A4 pages (a blank line starts a new paragraph). The file is read a paragraph
// at a time as the pages fill, so memory does not grow with its length.
Rendered render_text(const std::filesystem::path& input, const std::filesystem::path& output,
                     const TextOptions& text, const Options& options);

// Lays out a document tree into a PDF file.
std::size_t write_pdf(const document::Document& document, const std::filesystem::path& output,
                      const std::string& source_name, const Options& options);

}  // namespace raingan::render
