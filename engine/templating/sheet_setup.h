#pragma once
// How one register sheet is laid out on screen and on paper: name, column widths, frozen panes, filter,
// A4 print setup with repeated header rows and page numbers, protection and tab colour.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "templating/cell_range.h"

namespace raingan::templating {

struct PrintSetup {
  bool landscape = false;
  bool fit_to_width = true;    // one page wide, as many pages tall as needed; A4 (paper size 9) always
  int repeat_rows_first = -1;  // zero-based rows printed at the top of every page; -1 = none
  int repeat_rows_last = -1;
  // Excel header/footer codes: &L &C &R sections, &P page, &N pages, &A sheet name, && a literal '&'.
  // The text is drawn in the workbook's normal font (TH SarabunPSK) unless it sets one with &"font,style".
  std::string header{};
  std::string footer = "&Cหน้า &P / &N";
  double margin_left_in = 0.7;  // Excel's "Normal" margins, inches
  double margin_right_in = 0.7;
  double margin_top_in = 0.75;
  double margin_bottom_in = 0.75;
  bool center_horizontally = true;
};

struct SheetSetup {
  std::string name{};  // 1-31 characters, none of []:*?/\ and not starting or ending with '
  // Width per column in Excel characters (as Excel's column-width box shows them); 0 or a missing entry
  // = fitted to the widest value written in that column (see column_fit.h), capped at max_fitted_width.
  std::vector<double> column_widths{};
  double max_fitted_width = 50;
  int freeze_rows = 0;  // rows above the pane that stay put when scrolling (the header rows)
  int freeze_cols = 0;
  std::optional<CellRange> autofilter{};  // header row plus data rows
  PrintSetup print{};
  // Protected sheets lock every cell whose style is locked (formula cells always are); no password by
  // default, so protection guards against slips, not against people. Filtering, selecting and resizing
  // columns stay allowed.
  bool protect = true;
  std::string password{};
  std::optional<std::uint32_t> tab_rgb{};  // 0xRRGGBB
};

}  // namespace raingan::templating
