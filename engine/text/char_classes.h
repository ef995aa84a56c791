#pragma once
// Character classes the Thai line rules and the line builder share (W3C "Thai layout requirements";
// DOMAIN.md, Typography).

namespace raingan::text {

// ZWSP, WJ, ZWNBSP and the line and paragraph separators: they steer breaking but are never drawn and are
// never part of the text a reader extracts.
constexpr bool is_invisible_control(char32_t c) {
  switch (c) {
    case U'\n':
    case U'\r':
    case U'\v':
    case U'\f':
    case U'\u0085':
    case U'\u200B':  // zero width space: a break opportunity
    case U'\u2060':  // word joiner: forbids a break
    case U'\uFEFF':  // zero width no-break space (old word joiner)
    case U'\u2028':
    case U'\u2029':
      return true;
    default:
      return false;
  }
}

constexpr bool is_line_separator(char32_t c) {
  return c == U'\n' || c == U'\r' || c == U'\v' || c == U'\f' || c == U'\u0085' || c == U'\u2028' ||
         c == U'\u2029';
}

// Characters drawn as blank space (a tab is drawn as a space inside a paragraph).
constexpr bool is_space(char32_t c) {
  return c == U' ' || c == U'\t' || c == U'\u00A0' || c == U'\u1680' || (c >= U'\u2000' && c <= U'\u200A') ||
         c == U'\u202F' || c == U'\u205F' || c == U'\u3000';
}

// Spaces a line may be broken after; a no-break space glues its neighbours.
constexpr bool is_breaking_space(char32_t c) { return is_space(c) && c != U'\u00A0' && c != U'\u202F'; }

constexpr bool is_thai_digit(char32_t c) { return c >= U'\u0E50' && c <= U'\u0E59'; }
// A Thai consonant, vowel or mark (ก … ๎): the letters a Thai word is made of, digits and ๏ ๚ ๛ excluded.
constexpr bool is_thai_letter(char32_t c) { return c >= U'\u0E01' && c <= U'\u0E4E'; }
constexpr bool is_digit(char32_t c) { return (c >= U'0' && c <= U'9') || is_thai_digit(c); }

// ๆ, ฯ, ๚, ๛ and the following vowels ะ า ำ ๅ attach to what precedes them; closing punctuation likewise.
constexpr bool never_starts_line(char32_t c) {
  switch (c) {
    case U'\u0E46':  // ๆ mai yamok
    case U'\u0E2F':  // ฯ paiyannoi
    case U'\u0E5A':  // ๚ angkhankhu
    case U'\u0E5B':  // ๛ khomut
    case U'\u0E30':  // ะ
    case U'\u0E32':  // า
    case U'\u0E33':  // ำ
    case U'\u0E45':  // ๅ
    case U'\u201D':  // ”
    case U'\u2019':  // ’
    case U'\u00BB':  // »
    case U'\u203A':  // ›
    case U')':
    case U']':
    case U'}':
    case U'?':
    case U'!':
    case U'%':
    case U',':
    case U'.':
    case U':':
    case U';':
    case U'\u2026':  // …
      return true;
    default:
      return false;
  }
}

// Opening punctuation and the leading vowels เ แ โ ใ ไ belong to what follows them.
constexpr bool never_ends_line(char32_t c) {
  switch (c) {
    case U'\u201C':  // “
    case U'\u2018':  // ‘
    case U'\u00AB':  // «
    case U'\u2039':  // ‹
    case U'(':
    case U'[':
    case U'{':
    case U'\u0E40':
    case U'\u0E41':
    case U'\u0E42':
    case U'\u0E43':
    case U'\u0E44':
      return true;
    default:
      return false;
  }
}

constexpr char32_t baht_sign = U'\u0E3F';
constexpr char32_t zero_width_space = U'\u200B';
constexpr char32_t word_joiner = U'\u2060';

}  // namespace raingan::text
