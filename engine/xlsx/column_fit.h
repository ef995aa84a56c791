#pragma once
// Column widths fitted to content, in Excel's units.
//
// Excel measures a column in characters of the normal style's font: its maximum digit width (MDW), the
// widest of the digits 0-9 in whole pixels at 96 dpi. A column whose <col width> is W is
// trunc(((256·W + trunc(128/MDW)) / 256) · MDW) pixels wide, about W·MDW, and 5 of those pixels are cell
// padding (2 each side and the grid line). The column-width box in Excel's UI shows W minus that padding,
// (W·MDW − 5)/MDW "characters". LibreOffice converts the same way from the normal style's font.
// TH SarabunPSK 16 pt (and its metric clone Laksaman) has digits 0.544 em wide: 8.7 pt = 11.6 px, so MDW is
// 12 px, where Calibri 11, libxlsxwriter's own assumption, has 7.
//
// A text measured at p points needs p·96/72 pixels plus the 5 padding pixels; the fitter adds one MDW of
// slack (bold and hinted screen fonts run a little wider than the outline advances) and caps the result.
// libxlsxwriter converts the width it is given with MDW 7 and 5 px padding, rounding to whole pixels of
// that font, so the wanted stored width W is passed as (ceil(7·W) − 5)/7, which stores at least W.

#include <cstdint>
#include <vector>

#include "templating/cell_style.h"
#include "xlsx/text_measure.h"

namespace raingan::xlsx {

// Maximum digit width in whole pixels of a style's font, from the measure of "0".."9".
int max_digit_width_pixels(const TextMeasure& measure, const templating::CellStyle& normal_style);

// Excel's stored <col width> for a width shown in Excel's UI as `characters`.
double stored_width_from_characters(double characters, int max_digit_width);
// Excel's stored <col width> that shows `text_points` of text with the fitter's padding and slack.
double stored_width_from_points(double text_points, int max_digit_width);
// The width to pass to libxlsxwriter's worksheet_set_column so that it stores at least `stored`.
double libxlsxwriter_width(double stored);

// Tracks the widest text per column of one sheet and yields the stored width of each column.
class ColumnFit {
 public:
  // explicit_characters[c] > 0 fixes column c; 0 or absent means fitted, at most max_characters wide.
  ColumnFit(std::vector<double> explicit_characters, double max_characters, int max_digit_width);

  // Whether measuring a text in this column can still change its width (fitted and not yet at the cap).
  bool wants(std::uint16_t col) const;
  void observe(std::uint16_t col, double text_points);

  struct Width {
    std::uint16_t col;
    double stored;  // Excel's <col width>
  };
  // Every column with an explicit width or observed text, in column order.
  std::vector<Width> widths() const;

 private:
  std::vector<double> explicit_;
  std::vector<double> widest_points_;  // per column; < 0 = nothing observed
  double cap_stored_;
  int max_digit_width_;
};

}  // namespace raingan::xlsx
