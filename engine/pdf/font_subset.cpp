#include "pdf/font_subset.h"

#include <hb-subset.h>

#include <memory>
#include <stdexcept>

#include "core/c_handle.h"
#include "text/font_face.h"
#include "text/handles.h"

namespace raingan::pdf {
namespace {

using SubsetInput = std::unique_ptr<hb_subset_input_t, CDeleter<hb_subset_input_t, hb_subset_input_destroy>>;

}  // namespace

std::string subset_font(const text::FontFace& face, const std::vector<std::uint32_t>& glyphs) {
  const std::string font = face.path().string();
  SubsetInput input(hb_subset_input_create_or_fail());
  if (!input) throw std::runtime_error("out of memory subsetting font " + font);

  hb_set_t* glyph_set = hb_subset_input_glyph_set(input.get());
  hb_set_add(glyph_set, 0);
  for (const auto glyph : glyphs) hb_set_add(glyph_set, glyph);

  // Keep cmap entries for the characters whose own glyphs are drawn: not needed with Identity encoding,
  // but it keeps the embedded program an ordinary TrueType font for tools that inspect it.
  text::HbSet unicodes(hb_set_create());
  hb_face_collect_unicodes(face.hb_face(), unicodes.get());
  hb_set_t* unicode_set = hb_subset_input_unicode_set(input.get());
  for (hb_codepoint_t cp = HB_SET_VALUE_INVALID; hb_set_next(unicodes.get(), &cp);) {
    const auto glyph = face.glyph_for(cp);
    if (glyph != 0 && hb_set_has(glyph_set, glyph)) hb_set_add(unicode_set, cp);
  }

  hb_set_t* dropped = hb_subset_input_set(input.get(), HB_SUBSET_SETS_DROP_TABLE_TAG);
  for (const hb_tag_t tag :
       {HB_TAG('G', 'S', 'U', 'B'), HB_TAG('G', 'P', 'O', 'S'), HB_TAG('G', 'D', 'E', 'F'),
        HB_TAG('B', 'A', 'S', 'E'), HB_TAG('J', 'S', 'T', 'F'), HB_TAG('m', 'o', 'r', 'x'),
        HB_TAG('k', 'e', 'r', 'x'), HB_TAG('k', 'e', 'r', 'n')})
    hb_set_add(dropped, tag);
  hb_subset_input_set_flags(input.get(), HB_SUBSET_FLAGS_RETAIN_GIDS);

  text::HbFace subset(hb_subset_or_fail(face.hb_face(), input.get()));
  if (!subset) throw std::runtime_error("cannot subset font " + font + " for embedding in the PDF");
  text::HbBlob blob(hb_face_reference_blob(subset.get()));
  unsigned length = 0;
  const char* data = hb_blob_get_data(blob.get(), &length);
  if (!data || length == 0) throw std::runtime_error("subsetting font " + font + " gave an empty font");
  return std::string(data, length);
}

}  // namespace raingan::pdf
