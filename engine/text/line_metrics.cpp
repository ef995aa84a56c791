#include "text/line_metrics.h"

#include FT_TRUETYPE_TABLES_H

#include <algorithm>

namespace raingan::text {

LineMetrics line_metrics(const FontFace& face) {
  LineMetrics metrics;
  const auto* os2 = static_cast<const TT_OS2*>(FT_Get_Sfnt_Table(face.ft_face(), FT_SFNT_OS2));
  const auto* hhea = static_cast<const TT_HoriHeader*>(FT_Get_Sfnt_Table(face.ft_face(), FT_SFNT_HHEA));
  if (os2 && os2->version != 0xFFFF && (os2->usWinAscent != 0 || os2->usWinDescent != 0)) {
    metrics.ascent = os2->usWinAscent;
    metrics.descent = os2->usWinDescent;
    if (hhea) {
      const int hhea_height = hhea->Ascender - hhea->Descender;
      metrics.leading = std::max(0, hhea->Line_Gap - ((metrics.ascent + metrics.descent) - hhea_height));
    }
  } else if (hhea && (hhea->Ascender != 0 || hhea->Descender != 0)) {
    metrics.ascent = hhea->Ascender;
    metrics.descent = -hhea->Descender;
    metrics.leading = std::max<int>(0, hhea->Line_Gap);
  } else {
    metrics.ascent = face.metrics().ascender;
    metrics.descent = -face.metrics().descender;
    metrics.leading = std::max(0, face.metrics().line_gap);
  }
  return metrics;
}

}  // namespace raingan::text
