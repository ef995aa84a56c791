#include "pdf/gsub_single_substitutions.h"

#include <optional>
#include <string_view>

#include "text/handles.h"

namespace raingan::pdf {
namespace {

// Bounds-checked big-endian reads over a font table; a read past the end yields nullopt.
class TableReader {
 public:
  explicit TableReader(std::string_view data) : data_(data) {}

  std::optional<std::uint32_t> u16(std::size_t offset) const {
    if (offset + 2 > data_.size()) return std::nullopt;
    return (byte(offset) << 8) | byte(offset + 1);
  }
  std::optional<std::uint32_t> u32(std::size_t offset) const {
    const auto high = u16(offset), low = u16(offset + 2);
    if (!high || !low) return std::nullopt;
    return (*high << 16) | *low;
  }

 private:
  std::uint32_t byte(std::size_t offset) const { return static_cast<unsigned char>(data_[offset]); }
  std::string_view data_;
};

constexpr unsigned single_lookup = 1;
constexpr unsigned extension_lookup = 7;

// Glyphs of a Coverage table in coverage-index order.
std::vector<std::uint32_t> coverage_glyphs(const TableReader& table, std::size_t offset) {
  std::vector<std::uint32_t> glyphs;
  const auto format = table.u16(offset), count = table.u16(offset + 2);
  if (!format || !count) return glyphs;
  if (*format == 1) {
    for (std::uint32_t i = 0; i < *count; ++i) {
      const auto glyph = table.u16(offset + 4 + 2 * i);
      if (!glyph) break;
      glyphs.push_back(*glyph);
    }
  } else if (*format == 2) {
    for (std::uint32_t i = 0; i < *count; ++i) {
      const std::size_t record = offset + 4 + 6 * i;
      const auto first = table.u16(record), last = table.u16(record + 2);
      if (!first || !last) break;
      for (std::uint32_t glyph = *first; glyph <= *last; ++glyph) glyphs.push_back(glyph);
    }
  }
  return glyphs;
}

void read_single_subtable(const TableReader& table, std::size_t offset, std::vector<GlyphSubstitution>& out) {
  const auto format = table.u16(offset), coverage = table.u16(offset + 2);
  if (!format || !coverage) return;
  const auto glyphs = coverage_glyphs(table, offset + *coverage);
  if (*format == 1) {
    const auto delta = table.u16(offset + 4);
    if (!delta) return;
    for (const auto glyph : glyphs) out.push_back({glyph, (glyph + *delta) & 0xFFFF});
  } else if (*format == 2) {
    const auto count = table.u16(offset + 4);
    if (!count) return;
    for (std::uint32_t i = 0; i < *count && i < glyphs.size(); ++i) {
      const auto substitute = table.u16(offset + 6 + 2 * i);
      if (!substitute) break;
      out.push_back({glyphs[i], *substitute});
    }
  }
}

}  // namespace

std::vector<GlyphSubstitution> single_substitutions(hb_face_t* face) {
  std::vector<GlyphSubstitution> result;
  text::HbBlob blob(hb_face_reference_table(face, HB_TAG('G', 'S', 'U', 'B')));
  unsigned length = 0;
  const char* data = hb_blob_get_data(blob.get(), &length);
  if (!data || length == 0) return result;
  const TableReader table({data, length});

  const auto lookup_list_offset = table.u16(8);
  if (!lookup_list_offset) return result;
  const std::size_t lookup_list = *lookup_list_offset;
  const auto lookup_count = table.u16(lookup_list);
  if (!lookup_count) return result;
  for (std::uint32_t i = 0; i < *lookup_count; ++i) {
    const auto lookup_offset = table.u16(lookup_list + 2 + 2 * i);
    if (!lookup_offset) break;
    const std::size_t lookup = lookup_list + *lookup_offset;
    const auto type = table.u16(lookup), subtable_count = table.u16(lookup + 4);
    if (!type || !subtable_count) continue;
    for (std::uint32_t k = 0; k < *subtable_count; ++k) {
      const auto subtable_offset = table.u16(lookup + 6 + 2 * k);
      if (!subtable_offset) break;
      std::size_t subtable = lookup + *subtable_offset;
      std::uint32_t subtable_type = *type;
      if (subtable_type == extension_lookup) {
        const auto extension_type = table.u16(subtable + 2);
        const auto extension_offset = table.u32(subtable + 4);
        if (!extension_type || !extension_offset) continue;
        subtable_type = *extension_type;
        subtable += *extension_offset;
      }
      if (subtable_type == single_lookup) read_single_subtable(table, subtable, result);
    }
  }
  return result;
}

}  // namespace raingan::pdf
