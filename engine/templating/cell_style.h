#pragma once
// How one cell looks: font, number format, alignment, border, fill and protection. The defaults are the
// official Thai register look (TH SarabunPSK 16 pt, Thai charset), so a style only says what differs.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

namespace raingan::templating {

struct CellStyle {
  enum class HAlign { general, left, center, right, fill, justify, distributed };
  enum class VAlign { top, center, bottom };
  enum class Border { none, thin, medium };

  std::string font_name = "TH SarabunPSK";
  int font_charset = 222;  // Windows THAI_CHARSET: tells Excel which code page the font serves
  double font_size = 16;   // points
  bool bold = false;
  bool italic = false;
  std::string number_format{};  // empty = General; see number_formats.h for money and Buddhist-Era dates
  HAlign h_align = HAlign::general;
  VAlign v_align = VAlign::center;
  bool wrap = false;
  Border border = Border::none;             // the same line on all four sides
  std::optional<std::uint32_t> fill_rgb{};  // 0xRRGGBB solid fill
  std::optional<std::uint32_t> font_rgb{};  // 0xRRGGBB; theme text colour when absent
  bool locked = true;                       // input cells set false so a protected sheet still takes them
  int indent = 0;                           // Excel indent levels (one level is about three spaces)

  bool operator==(const CellStyle&) const = default;
};

// A style registered with a WorkbookSink. 0 is the workbook's normal style.
using StyleId = std::size_t;

}  // namespace raingan::templating
