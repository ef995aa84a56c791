#pragma once
// Vertical room a line of a face needs, as Word measures "single" spacing: Windows ascent and descent from
// the OS/2 table (usWinAscent/usWinDescent), plus the external leading GDI derives from hhea:
//   leading = max(0, hhea.lineGap - ((winAscent + winDescent) - (hhea.ascender - hhea.descender))).
// Thai fonts size their Windows metrics to hold stacked marks: Laksaman (the TH Sarabun PSK clone) has
// winAscent 1270 / winDescent 687 per 1000 units (hhea the same, line gap 30): ฎ + ู (ink bottom -666, bold
// -688) on one line clears ป + ั + ้ (ink top 1254, bold 1270) on the next, 1958 < 1987 units apart, whereas
// its typo metrics (1279 / -376, gap 60, 1715 units; HarfBuzz reports these since USE_TYPO_METRICS is set)
// would let them collide. At 16 pt a Laksaman line is (1270 + 687 + 30) / 1000 * 16 =
// 31.79 pt from baseline to baseline (ascent 20.32 pt, descent 10.99 pt). The Noto fallbacks have win =
// hhea, no gap: Noto Sans 1069 / 293, Symbols 1480 / 570, Symbols2 1069 / 630, Math 1069 / 423; the layout
// counts a fallback face by its glyphs' ink only, so one symbol does not open up a Thai line.

#include "text/font_face.h"

namespace raingan::text {

struct LineMetrics {
  int ascent = 0;   // design units above the baseline, positive
  int descent = 0;  // design units below the baseline, positive
  int leading = 0;  // extra design units added below the descent
};

// Falls back to hhea (then to the face's HarfBuzz extents) when a face has no OS/2 table.
LineMetrics line_metrics(const FontFace& face);

}  // namespace raingan::text
