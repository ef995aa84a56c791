#include "text/shaping_cache.h"

#include <hb-ot.h>

#include <functional>

namespace raingan::text {
namespace {

constexpr std::uint32_t space = U' ';

// Whether a word may start with `c` after a space: a character that always begins a grapheme cluster of its
// own (not a mark, a Thai vowel or tone mark, a joiner or other format character), from the blocks the
// documents use. Cutting before anything else could split a cluster HarfBuzz would form across the space.
bool starts_cluster(std::uint32_t c) {
  if (c < 0x80) return c > 0x20 && c != 0x7F;
  if (c >= 0xA1 && c <= 0x24F) return c != 0xAD;  // Latin-1 and Latin Extended, not SHY
  if (c >= 0x0E01 && c <= 0x0E2F) return true;    // Thai consonants, ฯ
  if (c >= 0x0E3F && c <= 0x0E46) return true;    // ฿, leading vowels, ๆ
  if (c >= 0x0E4F && c <= 0x0E5B) return true;    // ๏, Thai digits, ๚ ๛
  if (c >= 0x2010 && c <= 0x2027) return true;    // dashes, quotes, bullets, ellipsis
  if (c >= 0x2030 && c <= 0x205E) return true;    // per mille, primes, reference marks
  return c >= 0x20A0 && c <= 0x20C0;              // currency signs
}

// Scripts whose HarfBuzz shapers read nothing outside the text they shape but the start and end flags.
bool context_free(hb_script_t script) { return script == HB_SCRIPT_THAI || script == HB_SCRIPT_LATIN; }

bool has_table(hb_face_t* face, hb_tag_t tag) {
  hb_blob_t* blob = hb_face_reference_table(face, tag);
  const bool present = hb_blob_get_length(blob) > 0;
  hb_blob_destroy(blob);
  return present;
}

// Whether any lookup of GSUB or GPOS reads or writes `glyph`, in its input or its context.
bool used_by_lookups(hb_face_t* face, hb_codepoint_t glyph) {
  HbSet before(hb_set_create()), input(hb_set_create()), after(hb_set_create()), output(hb_set_create());
  for (const hb_tag_t table : {HB_OT_TAG_GSUB, HB_OT_TAG_GPOS}) {
    const unsigned count = hb_ot_layout_table_get_lookup_count(face, table);
    for (unsigned lookup = 0; lookup < count; ++lookup) {
      for (hb_set_t* set : {before.get(), input.get(), after.get(), output.get()}) hb_set_clear(set);
      hb_ot_layout_lookup_collect_glyphs(face, table, lookup, before.get(), input.get(), after.get(),
                                         output.get());
      for (const hb_set_t* set : {before.get(), input.get(), after.get(), output.get()})
        if (hb_set_has(set, glyph)) return true;
    }
  }
  return false;
}

}  // namespace

std::size_t ShapingCache::KeyHash::operator()(const WordKey& key) const noexcept {
  std::size_t hash = std::hash<std::u32string_view>{}(key.text);
  hash ^= std::hash<const void*>{}(key.face) + 0x9e3779b97f4a7c15ULL + (hash << 6) + (hash >> 2);
  hash ^= static_cast<std::size_t>(key.script) * 31 + key.edges;
  return hash;
}

bool ShapingCache::splits_at_spaces(const FontFace& face) {
  for (const auto& [known, splits] : faces_)
    if (known == &face) return splits;
  hb_face_t* hb = face.hb_face();
  const std::uint32_t space_glyph = face.glyph_for(U' ');
  const bool splits = space_glyph != 0 && !has_table(hb, HB_TAG('k', 'e', 'r', 'n')) &&
                      !has_table(hb, HB_TAG('m', 'o', 'r', 'x')) &&
                      !has_table(hb, HB_TAG('m', 'o', 'r', 't')) &&
                      !has_table(hb, HB_TAG('k', 'e', 'r', 'x')) && !used_by_lookups(hb, space_glyph);
  faces_.emplace_back(&face, splits);
  return splits;
}

void ShapingCache::shape(const CodePoints& text, std::size_t begin, std::size_t end, const FontFace& face,
                         hb_script_t script, std::vector<ShapedGlyph>& out) {
  if (!context_free(script) || !splits_at_spaces(face)) {
    shaper_.shape(text, begin, end, face, script, out);
    return;
  }
  const auto values = text.values();
  for (std::size_t word = begin; word < end;) {
    std::size_t next = word;
    for (;;) {
      while (next < end && values[next] != space) ++next;
      while (next < end && values[next] == space) ++next;
      if (next == end || starts_cluster(values[next])) break;
    }
    shape_word(text, word, next, face, script, out);
    word = next;
  }
}

void ShapingCache::shape_word(const CodePoints& text, std::size_t begin, std::size_t end,
                              const FontFace& face, hb_script_t script, std::vector<ShapedGlyph>& out) {
  const auto values = text.values();
  key_text_.assign(values.begin() + static_cast<std::ptrdiff_t>(begin),
                   values.begin() + static_cast<std::ptrdiff_t>(end));
  const unsigned edges = (begin == 0 ? 1u : 0u) | (end == values.size() ? 2u : 0u);
  const std::uint32_t origin = text.byte_offset(begin);

  const WordKey key{&face, script, edges, key_text_};
  if (auto found = words_.find(key); found != words_.end()) {
    ++words_reused_;
    for (ShapedGlyph glyph : found->second) {
      glyph.cluster += origin;
      out.push_back(glyph);
    }
    return;
  }

  ++words_shaped_;
  const std::size_t first = out.size();
  shaper_.shape(text, begin, end, face, script, out);
  if (glyphs_ + (out.size() - first) > max_glyphs) {
    words_.clear();
    glyphs_ = 0;
  }
  Glyphs glyphs(out.begin() + static_cast<std::ptrdiff_t>(first), out.end());
  for (ShapedGlyph& glyph : glyphs) glyph.cluster -= origin;
  glyphs_ += glyphs.size();
  words_.emplace(StoredKey{&face, script, edges, key_text_}, std::move(glyphs));
}

}  // namespace raingan::text
