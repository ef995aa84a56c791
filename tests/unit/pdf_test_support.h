#pragma once
// Helpers for the PDF exporter's tests: frames built by shaping strings with HarfBuzz directly (so the tests
// do not depend on the text engine), scratch folders, and running the real PDF tools.

#include <hb.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <zlib.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "layout/frame.h"
#include "layout/page.h"
#include "text/font_face.h"
#include "text/handles.h"

namespace raingan::pdf_test {

inline const char* laksaman_path = "/usr/share/fonts/truetype/tlwg/Laksaman.ttf";
inline const char* noto_sans_path = "/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf";

// Faces loaded once for the whole test program; a PdfWriter needs them alive until finish().
inline const text::FontFace& laksaman() {
  static const auto face = text::FontFace::load(laksaman_path);
  return *face;
}
inline const text::FontFace& noto_sans() {
  static const auto face = text::FontFace::load(noto_sans_path);
  return *face;
}

// A folder of its own under the system temp folder, removed with everything in it at the end of the test.
class ScratchFolder {
 public:
  ScratchFolder() {
    std::string pattern = (std::filesystem::temp_directory_path() / "raingan-pdf-XXXXXX").string();
    if (!mkdtemp(pattern.data())) throw std::runtime_error("cannot make a scratch folder");
    path_ = pattern;
  }
  ScratchFolder(const ScratchFolder&) = delete;
  ScratchFolder& operator=(const ScratchFolder&) = delete;
  ~ScratchFolder() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  const std::filesystem::path& path() const { return path_; }
  std::filesystem::path operator/(const std::string& name) const { return path_ / name; }
  std::size_t entry_count() const {
    std::size_t count = 0;
    for ([[maybe_unused]] const auto& entry : std::filesystem::directory_iterator(path_)) ++count;
    return count;
  }

 private:
  std::filesystem::path path_;
};

struct CommandResult {
  int status = -1;
  std::string output;  // stdout and stderr together
};

inline CommandResult run(const std::string& command) {
  CommandResult result;
  std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen((command + " 2>&1").c_str(), "r"), pclose);
  if (!pipe) throw std::runtime_error("cannot run " + command);
  char buffer[4096];
  std::size_t n = 0;
  while ((n = std::fread(buffer, 1, sizeof buffer, pipe.get())) > 0) result.output.append(buffer, n);
  const int status = pclose(pipe.release());
  result.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return result;
}

inline std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

inline void write_file(const std::filesystem::path& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary);
  out << bytes;
}

// One piece of a line in one face: consecutive pieces are shaped as separate runs of the same line.
struct Piece {
  const text::FontFace* face;
  std::string text;
};

// Shapes `text[start, start+length)` with HarfBuzz as one run, clusters as byte offsets into `text`.
inline layout::GlyphRun shape_run(const text::FontFace& face, const std::string& text, std::size_t start,
                                  std::size_t length, double size, layout::Point origin) {
  text::HbBuffer buffer(hb_buffer_create());
  hb_buffer_add_utf8(buffer.get(), text.data(), static_cast<int>(text.size()), static_cast<unsigned>(start),
                     static_cast<int>(length));
  hb_buffer_guess_segment_properties(buffer.get());
  hb_shape(face.hb_font(), buffer.get(), nullptr, 0);
  unsigned count = 0;
  const hb_glyph_info_t* infos = hb_buffer_get_glyph_infos(buffer.get(), &count);
  const hb_glyph_position_t* positions = hb_buffer_get_glyph_positions(buffer.get(), &count);
  const double scale = size / face.units_per_em();
  layout::GlyphRun run;
  run.face = &face;
  run.font_size = size;
  run.origin = origin;
  for (unsigned i = 0; i < count; ++i) {
    layout::PositionedGlyph glyph;
    glyph.glyph_id = infos[i].codepoint;
    glyph.x_advance = glyph.shaped_advance = positions[i].x_advance * scale;
    glyph.x_offset = positions[i].x_offset * scale;
    glyph.y_offset = positions[i].y_offset * scale;
    glyph.cluster = infos[i].cluster;
    run.glyphs.push_back(glyph);
  }
  return run;
}

// A line from pieces, starting at `origin` (on the baseline). Its ActualText spans are one per word and
// one per run of spaces, words being what lies between spaces, across runs.
inline layout::TextLine make_line(const std::vector<Piece>& pieces, double size, layout::Point origin) {
  std::string text;
  for (const auto& piece : pieces) text += piece.text;
  layout::TextLine line;
  std::size_t start = 0;
  layout::Point pen = origin;
  for (const auto& piece : pieces) {
    line.runs.push_back(shape_run(*piece.face, text, start, piece.text.size(), size, pen));
    pen.x += line.runs.back().width();
    start += piece.text.size();
  }
  std::vector<std::uint32_t> clusters;
  for (const auto& run : line.runs)
    for (const auto& glyph : run.glyphs) clusters.push_back(glyph.cluster);
  std::size_t begin = 0;
  while (begin < text.size()) {
    const bool space = text[begin] == ' ';
    std::size_t end = begin;
    while (end < text.size() && (text[end] == ' ') == space) ++end;
    layout::TextSpan span;
    span.text = text.substr(begin, end - begin);
    std::uint32_t g = 0;
    while (g < clusters.size() && clusters[g] < begin) ++g;
    span.glyph_begin = g;
    while (g < clusters.size() && clusters[g] < end) ++g;
    span.glyph_end = g;
    line.spans.push_back(span);
    begin = end;
  }
  return line;
}

// Distributed justification: `extra` points after every cluster but the line's last, runs moved along.
inline void stretch_clusters(layout::TextLine& line, double extra) {
  std::vector<layout::PositionedGlyph*> glyphs;
  for (auto& run : line.runs)
    for (auto& glyph : run.glyphs) glyphs.push_back(&glyph);
  double shift = 0;
  std::size_t index = 0;
  for (auto& run : line.runs) {
    run.origin.x += shift;
    for (auto& glyph : run.glyphs) {
      const bool cluster_ends = index + 1 < glyphs.size() && glyphs[index + 1]->cluster != glyph.cluster;
      if (cluster_ends) {
        glyph.x_advance += extra;
        shift += extra;
      }
      ++index;
    }
  }
}

// A PNG file of `width` x `height` pixels, 8-bit RGB or RGBA, from `pixel(x, y)` giving the channel bytes.
template <typename PixelFunction>
std::string make_png(unsigned width, unsigned height, bool alpha, PixelFunction pixel) {
  auto be32 = [](std::uint32_t v) {
    return std::string{static_cast<char>(v >> 24), static_cast<char>(v >> 16), static_cast<char>(v >> 8),
                       static_cast<char>(v)};
  };
  auto chunk = [&](const std::string& type, const std::string& data) {
    const std::string body = type + data;
    const auto crc = crc32(0, reinterpret_cast<const Bytef*>(body.data()), static_cast<uInt>(body.size()));
    return be32(static_cast<std::uint32_t>(data.size())) + body + be32(static_cast<std::uint32_t>(crc));
  };
  std::string raw;
  for (unsigned y = 0; y < height; ++y) {
    raw += '\0';  // filter: none
    for (unsigned x = 0; x < width; ++x) raw += pixel(x, y);
  }
  uLongf size = compressBound(static_cast<uLong>(raw.size()));
  std::string packed(size, '\0');
  compress(reinterpret_cast<Bytef*>(packed.data()), &size, reinterpret_cast<const Bytef*>(raw.data()),
           static_cast<uLong>(raw.size()));
  packed.resize(size);
  std::string header = be32(width) + be32(height);
  header += {8, static_cast<char>(alpha ? 6 : 2), 0, 0, 0};
  return std::string("\x89PNG\r\n\x1a\n", 8) + chunk("IHDR", header) + chunk("IDAT", packed) +
         chunk("IEND", "");
}

inline layout::Page a4_page(std::string label = {}) {
  layout::Page page;
  page.frame.size = {595.2755905511812, 841.8897637795276};
  page.label = std::move(label);
  return page;
}

// The lines pdftotext extracts (UTF-8, reading order), without the trailing form feed.
inline std::vector<std::string> extracted_lines(const std::filesystem::path& pdf,
                                                const std::string& options = {}) {
  const auto result = run("pdftotext -enc UTF-8 " + options + " '" + pdf.string() + "' -");
  if (result.status != 0) throw std::runtime_error("pdftotext failed: " + result.output);
  std::vector<std::string> lines;
  std::istringstream in(result.output);
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.front() == '\f') line.erase(0, 1);
    if (!line.empty()) lines.push_back(line);
  }
  return lines;
}

}  // namespace raingan::pdf_test
