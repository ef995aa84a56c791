#pragma once
// The PDF exporter: writes laid-out pages (frames) into a PDF, decides nothing about placement. Pages are
// encoded and compressed as they are added, so a caller can lay out and drop one page at a time; fonts are
// subset and the file is written, atomically, by finish().
//
//   pdf::PdfWriter writer("report.pdf", {.info = info});   // checks the output path at once
//   for (...) writer.add_page(page);
//   writer.insert_page(0, cover);                // front matter laid out after the body
//   writer.set_outline(entries);
//   writer.finish();                             // the file appears only now, and only if all went well
//
// Every FontFace drawn must outlive the writer's finish().

#include <cstddef>
#include <filesystem>
#include <memory>
#include <vector>

#include "layout/page.h"

namespace raingan::pdf {

// What the whole file is, beyond its pages: its Info dictionary now; its conformance (PDF/A), structure
// tagging and language are to come here too.
struct PdfOptions {
  layout::DocumentInfo info{};
};

class PdfWriter {
 public:
  // Throws InputError when the target cannot be written (a directory, a device, a missing or read-only
  // folder). Nothing is created until finish().
  PdfWriter(std::filesystem::path target, PdfOptions options);
  PdfWriter(const PdfWriter&) = delete;
  PdfWriter& operator=(const PdfWriter&) = delete;
  PdfWriter(PdfWriter&&) noexcept;
  PdfWriter& operator=(PdfWriter&&) noexcept;
  // Abandons an unfinished document: no file is written.
  ~PdfWriter();

  // Appends a page. Its content is encoded and compressed now; the page may be dropped afterwards.
  // Throws InputError for a missing or damaged image and for an anchor name used twice.
  void add_page(const layout::Page& page);
  // Inserts a page before the page now at index `before` (0-based; page_count() appends).
  void insert_page(std::size_t before, const layout::Page& page);
  std::size_t page_count() const noexcept;

  // Bookmarks, nested by level, each pointing at an Anchor on some page.
  void set_outline(std::vector<layout::OutlineEntry> entries);

  // Resolves links and outline entries to their anchors, subsets and embeds the fonts, writes the file and
  // renames it into place. Throws InputError on any failure (an unknown anchor, a failed write); the target
  // is then left as it was and no temporary file remains. The writer cannot be used afterwards.
  void finish();

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace raingan::pdf
