#include "text/shaper.h"

#include <new>

namespace raingan::text {

Shaper::Shaper() : buffer_(hb_buffer_create()), language_(hb_language_from_string("th", -1)) {
  if (!hb_buffer_allocation_successful(buffer_.get())) throw std::bad_alloc();
}

void Shaper::shape(const CodePoints& text, std::size_t begin, std::size_t end, const FontFace& face,
                   hb_script_t script, std::vector<ShapedGlyph>& out) {
  hb_buffer_t* buffer = buffer_.get();
  hb_buffer_clear_contents(buffer);
  const auto values = text.values();
  hb_buffer_add_utf32(buffer, values.data(), static_cast<int>(values.size()), static_cast<unsigned>(begin),
                      static_cast<int>(end - begin));
  hb_buffer_set_direction(buffer, HB_DIRECTION_LTR);
  hb_buffer_set_script(buffer, script);
  hb_buffer_set_language(buffer, language_);
  unsigned flags = HB_BUFFER_FLAG_DEFAULT;
  if (begin == 0) flags |= HB_BUFFER_FLAG_BOT;
  if (end == values.size()) flags |= HB_BUFFER_FLAG_EOT;
  hb_buffer_set_flags(buffer, static_cast<hb_buffer_flags_t>(flags));
  hb_shape(face.hb_font(), buffer, nullptr, 0);

  unsigned count = 0;
  const hb_glyph_info_t* infos = hb_buffer_get_glyph_infos(buffer, &count);
  const hb_glyph_position_t* positions = hb_buffer_get_glyph_positions(buffer, &count);
  out.reserve(out.size() + count);
  for (unsigned i = 0; i < count; ++i) {
    ShapedGlyph glyph;
    glyph.glyph_id = infos[i].codepoint;
    glyph.cluster = text.byte_offset(infos[i].cluster);
    glyph.x_advance = positions[i].x_advance;
    glyph.x_offset = positions[i].x_offset;
    glyph.y_offset = positions[i].y_offset;
    glyph.unsafe_to_break = (hb_glyph_info_get_glyph_flags(&infos[i]) & HB_GLYPH_FLAG_UNSAFE_TO_BREAK) != 0;
    out.push_back(glyph);
  }
}

}  // namespace raingan::text
