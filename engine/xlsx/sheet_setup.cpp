#include "xlsx/sheet_setup.h"

#include <algorithm>
#include <string_view>
#include <utility>
#include <vector>

#include "core/diagnostic.h"
#include "core/utf8.h"
#include "xlsx/cell_text.h"
#include "xlsx/lxw_color.h"
#include "xlsx/lxw_status.h"

namespace raingan::xlsx {
using templating::CellRange;
using templating::column_name;
using templating::PrintSetup;
using templating::range_name;
using templating::SheetSetup;

void validate_sheet_name(const std::string& name, const std::string& workbook_path) {
  const std::string location = "sheet '" + name + "'";
  auto fail = [&](const std::string& message) { throw InputError(workbook_path, location, message); };
  if (name.empty()) fail("a sheet name must not be empty");
  if (const auto bad = utf8::first_invalid_byte(name))
    fail("sheet name is not valid UTF-8 at byte " + std::to_string(*bad));
  std::size_t characters = 0;
  for (std::size_t offset = 0; offset < name.size(); ++characters) {
    const char32_t c = utf8::next(name, offset);
    if (c < 0x20) fail("a sheet name must not contain control characters");
    for (const char forbidden : std::string_view("[]:*?/\\"))
      if (c == static_cast<unsigned char>(forbidden))
        fail(std::string("a sheet name must not contain '") + forbidden + "' (none of []:*?/\\ is allowed)");
  }
  // Excel counts UTF-16 code units; every Thai and Latin character is one.
  if (characters > 31) fail("a sheet name has at most 31 characters, found " + std::to_string(characters));
  if (name.front() == '\'' || name.back() == '\'')
    fail("a sheet name must not start or end with an apostrophe");
  if (name == "History" || name == "history") fail("'History' is reserved by Excel");
}

void apply_sheet_setup(lxw_worksheet* worksheet, const SheetSetup& setup, const std::string& file) {
  const std::string where = "sheet " + in_quotes(setup.name);
  for (std::size_t c = 0; c < setup.column_widths.size(); ++c)
    if (const double width = setup.column_widths[c]; !(width >= 0 && width <= 255))
      throw InputError(file, where + ", column " + column_name(static_cast<std::uint16_t>(c)),
                       "a column width is 0 (fitted) to 255 characters, found " + std::to_string(width));
  if (!(setup.max_fitted_width >= 1 && setup.max_fitted_width <= 255))
    throw InputError(file, where, "the fitted-width cap must be 1 to 255 characters");

  const PrintSetup& print = setup.print;
  worksheet_set_paper(worksheet, 9);  // A4
  if (print.landscape)
    worksheet_set_landscape(worksheet);
  else
    worksheet_set_portrait(worksheet);
  if (print.fit_to_width) worksheet_fit_to_pages(worksheet, 1, 0);
  for (const double margin :
       {print.margin_left_in, print.margin_right_in, print.margin_top_in, print.margin_bottom_in})
    if (!(margin >= 0 && margin < 5))
      throw InputError(file, where, "page margins are 0 to 5 inches, found " + std::to_string(margin));
  worksheet_set_margins(worksheet, print.margin_left_in, print.margin_right_in, print.margin_top_in,
                        print.margin_bottom_in);
  if (print.center_horizontally) worksheet_center_horizontally(worksheet);
  for (const auto& [text, name] : {std::pair{&print.header, "header"}, std::pair{&print.footer, "footer"}}) {
    if (text->empty()) continue;
    if (const std::string problem = text_problem(*text); !problem.empty())
      throw InputError(file, where + ", page " + name, problem);
    const lxw_error status = std::string_view(name) == "header"
                                 ? worksheet_set_header(worksheet, text->c_str())
                                 : worksheet_set_footer(worksheet, text->c_str());
    check_lxw(status, file, where + ", page " + name, "cannot set " + in_quotes(*text));
  }
  if (print.repeat_rows_first >= 0 || print.repeat_rows_last >= 0) {
    if (print.repeat_rows_first < 0 || print.repeat_rows_last < print.repeat_rows_first)
      throw InputError(file, where, "repeated header rows need first <= last, both >= 0");
    check_lxw(worksheet_repeat_rows(worksheet, static_cast<lxw_row_t>(print.repeat_rows_first),
                                    static_cast<lxw_row_t>(print.repeat_rows_last)),
              file, where, "cannot repeat the header rows on every page");
  }
  if (setup.freeze_rows < 0 || setup.freeze_cols < 0 || setup.freeze_cols >= templating::max_cols)
    throw InputError(file, where, "frozen rows and columns must be >= 0 and inside the sheet");
  if (setup.freeze_rows > 0 || setup.freeze_cols > 0)
    worksheet_freeze_panes(worksheet, static_cast<lxw_row_t>(setup.freeze_rows),
                           static_cast<lxw_col_t>(setup.freeze_cols));
  if (setup.autofilter) set_sheet_filter(worksheet, *setup.autofilter, std::nullopt, file, where);
  if (setup.tab_rgb) worksheet_set_tab_color(worksheet, lxw_color(*setup.tab_rgb));
  if (setup.protect) {
    lxw_protection protection{};
    protection.autofilter = LXW_TRUE;  // "allow": filtering a protected register stays possible
    protection.format_columns = LXW_TRUE;
    worksheet_protect(worksheet, setup.password.empty() ? nullptr : setup.password.c_str(), &protection);
  }
}

void set_sheet_filter(lxw_worksheet* worksheet, const CellRange& range,
                      std::optional<std::uint32_t> last_row_written, const std::string& file,
                      const std::string& sheet_location) {
  const std::string where = sheet_location + ", range " + range_name(range);
  if (range.first_row > range.last_row || range.first_col > range.last_col ||
      range.last_row >= templating::max_rows || range.last_col >= templating::max_cols)
    throw InputError(file, where, "a filter range runs from its top-left to its bottom-right cell");
  // In constant-memory mode libxlsxwriter refuses a range that ends above the row it is writing, which a
  // filter set after the rows (with totals below the data) does. It is registered down to that row and
  // then narrowed in libxlsxwriter's public autofilter record, which is only read when the sheet is closed.
  const std::uint32_t reachable =
      last_row_written ? std::max(range.last_row, *last_row_written) : range.last_row;
  check_lxw(worksheet_autofilter(worksheet, range.first_row, range.first_col, reachable, range.last_col),
            file, where, "cannot set the filter");
  worksheet->autofilter.last_row = range.last_row;
}

}  // namespace raingan::xlsx
