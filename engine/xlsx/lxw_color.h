#pragma once
// A 0xRRGGBB colour as libxlsxwriter takes it.

#include <xlsxwriter.h>

#include <cstdint>

namespace raingan::xlsx {

inline lxw_color_t lxw_color(std::uint32_t rgb) {
  rgb &= 0xFFFFFFU;
  return rgb == 0 ? static_cast<lxw_color_t>(LXW_COLOR_BLACK) : rgb;  // 0 means "unset" to libxlsxwriter
}

}  // namespace raingan::xlsx
