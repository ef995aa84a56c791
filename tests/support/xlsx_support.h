#pragma once
// Helpers for tests of the XLSX writer: a text measure that shapes with HarfBuzz in Laksaman (the metric
// clone of TH SarabunPSK, as the engine's shaper would), rows placed for a workbook sink as the workbook
// binder places them, and reading one member of a written package (minizip, as the engine itself reads
// packages).

#include <hb.h>

#include <cstdint>
#include <filesystem>
#include <iterator>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "templating/cell_placement.h"
#include "templating/cell_style.h"
#include "templating/workbook_sink.h"
#include "text/font_face.h"
#include "text/handles.h"
#include "xlsx/handles.h"

namespace raingan::test {

class LaksamanMeasure {
 public:
  LaksamanMeasure()
      : regular_(text::FontFace::load("/usr/share/fonts/truetype/tlwg/Laksaman.ttf")),
        bold_(text::FontFace::load("/usr/share/fonts/truetype/tlwg/Laksaman-Bold.ttf")),
        buffer_(hb_buffer_create(), hb_buffer_destroy) {}

  // Width in points of one shaped line.
  double operator()(std::string_view text, const templating::CellStyle& style) const {
    const text::FontFace& face = style.bold ? *bold_ : *regular_;
    hb_buffer_t* buffer = buffer_.get();
    hb_buffer_clear_contents(buffer);
    hb_buffer_add_utf8(buffer, text.data(), static_cast<int>(text.size()), 0, static_cast<int>(text.size()));
    hb_buffer_guess_segment_properties(buffer);
    hb_shape(face.hb_font(), buffer, nullptr, 0);
    unsigned count = 0;
    const hb_glyph_position_t* positions = hb_buffer_get_glyph_positions(buffer, &count);
    double units = 0;
    for (unsigned i = 0; i < count; ++i) units += positions[i].x_advance;
    return units * style.font_size / face.units_per_em();
  }

 private:
  std::shared_ptr<text::FontFace> regular_;
  std::shared_ptr<text::FontFace> bold_;
  std::shared_ptr<hb_buffer_t> buffer_;  // reused: std::function copies the measure, so shared
};

// One sheet's rows for a workbook sink as the workbook binder gives them: each row's cells placed in
// columns (templating::CellPlacement), and the rows that merged cells still cover given, empty, before a
// later row and by end().
class PlacedRows {
 public:
  explicit PlacedRows(templating::WorkbookSink& sink) : sink_(sink) {}

  template <class Cells>
  void write(std::uint32_t row, const Cells& cells, std::optional<double> height = {}) {
    write(row, std::vector<templating::Cell>(std::begin(cells), std::end(cells)), height);
  }
  void write(std::uint32_t row, std::vector<templating::Cell>&& cells, std::optional<double> height = {}) {
    while (placement_.has_open() && next_ < row) cover(next_);
    templating::SheetRow placed{row, std::move(cells), {}, height};
    next_ = row + 1;
    placed.merges = placement_.place(row, placed.cells);
    sink_.write_row(std::move(placed));
  }
  // Call before the sink's end_sheet().
  void end() {
    while (placement_.has_open()) cover(next_);
  }

 private:
  void cover(std::uint32_t row) {
    next_ = row + 1;
    sink_.write_row({row, {}, placement_.place(row, {}), std::nullopt});
  }

  templating::WorkbookSink& sink_;
  templating::CellPlacement placement_;
  std::uint32_t next_ = 0;
};

// The bytes of one member of a zip package, read with minizip; empty when the member is absent. Throws when
// the archive cannot be opened or the member is damaged.
inline std::string read_zip_member(const std::filesystem::path& archive, const std::string& member) {
  xlsx::UnzipFile reader(unzOpen64(archive.c_str()));
  if (!reader) throw std::runtime_error(archive.string() + ": not a readable zip archive");
  if (unzLocateFile(reader.get(), member.c_str(), 1) != UNZ_OK) return {};
  if (unzOpenCurrentFile(reader.get()) != UNZ_OK)
    throw std::runtime_error(archive.string() + ": cannot open member " + member);
  std::string content;
  char buffer[65536];
  int got = 0;
  while ((got = unzReadCurrentFile(reader.get(), buffer, sizeof buffer)) > 0)
    content.append(buffer, static_cast<std::size_t>(got));
  const int closed = unzCloseCurrentFile(reader.get());
  if (got < 0 || closed != UNZ_OK)
    throw std::runtime_error(archive.string() + ": member " + member + " is damaged");
  return content;
}

}  // namespace raingan::test
