#pragma once
// Helpers shared by the text and paragraph layout tests: one font library for the process (loading
// fontconfig once keeps the tests fast), paragraph layout shortcuts and readers of the frames it makes.

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "core/units.h"
#include "layout/paragraph.h"
#include "text/font_library.h"

namespace raingan::test {

inline text::FontLibrary& shared_fonts() {
  static text::FontLibrary fonts(std::filesystem::path(RAINGAN_SOURCE_DIR) / "fonts");
  return fonts;
}

inline layout::ParagraphLayout lay_out(const std::string& text, double width,
                                       layout::Align align = layout::Align::left) {
  layout::ParagraphStyle style;
  style.align = align;
  std::vector<layout::Inline> inlines{layout::TextInline{text, {}, {}, {}}};
  return layout::layout_paragraph(inlines, style, width, shared_fonts());
}

inline const layout::TextLine* text_line(const layout::LineBox& line) {
  for (const auto& item : line.content.items)
    if (const auto* text = std::get_if<layout::TextLine>(&item)) return text;
  return nullptr;
}

// The text a reader extracts from a line: its spans, in order.
inline std::string extracted(const layout::LineBox& line) {
  std::string out;
  if (const auto* text = text_line(line))
    for (const auto& span : text->spans) out += span.text;
  return out;
}

// Points into the line's frame: keep the ParagraphLayout alive while these are used.
struct DrawnGlyph {
  const layout::GlyphRun* run;
  const layout::PositionedGlyph* glyph;
  double x;  // pen position of the glyph (before its offset)
};

inline std::vector<DrawnGlyph> drawn_glyphs(const layout::LineBox& line) {
  std::vector<DrawnGlyph> out;
  if (const auto* text = text_line(line))
    for (const auto& run : text->runs) {
      double x = run.origin.x;
      for (const auto& glyph : run.glyphs) {
        out.push_back({&run, &glyph, x});
        x += glyph.x_advance;
      }
    }
  return out;
}

inline double natural_width(const layout::LineBox& line) {
  double width = 0;
  for (const auto& drawn : drawn_glyphs(line)) width += drawn.glyph->shaped_advance;
  return width;
}

inline double drawn_width(const layout::LineBox& line) {
  double width = 0;
  for (const auto& drawn : drawn_glyphs(line)) width += drawn.glyph->x_advance;
  return width;
}

inline std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream content;
  content << in.rdbuf();
  return content.str();
}

// Seed 002 (the operations manual), split into paragraphs at blank lines.
inline std::vector<std::string> seed_paragraphs() {
  const std::string text =
      read_file(std::filesystem::path(RAINGAN_SOURCE_DIR) / "datasets/texts/002_27adca80231827ab.txt");
  std::vector<std::string> paragraphs;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find("\n\n", start);
    if (end == std::string::npos) end = text.size();
    std::string paragraph = text.substr(start, end - start);
    while (!paragraph.empty() && paragraph.front() == '\n') paragraph.erase(0, 1);
    while (!paragraph.empty() && paragraph.back() == '\n') paragraph.pop_back();
    if (!paragraph.empty()) paragraphs.push_back(std::move(paragraph));
    start = end + 2;
  }
  return paragraphs;
}

// A fresh folder under the system's temporary directory, removed when the object goes.
class TemporaryFolder {
 public:
  explicit TemporaryFolder(const std::string& name)
      : path_(std::filesystem::temp_directory_path() /
              ("raingan-" + name + "-" + std::to_string(::getpid()))) {
    std::filesystem::remove_all(path_);
    std::filesystem::create_directories(path_);
  }
  ~TemporaryFolder() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  TemporaryFolder(const TemporaryFolder&) = delete;
  TemporaryFolder& operator=(const TemporaryFolder&) = delete;
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

}  // namespace raingan::test
