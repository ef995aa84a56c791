#pragma once
// Number formats of the finance registers.
//
// Buddhist-Era dates use Excel's locale/calendar prefix [$-NCCLLLL] (hex): LLLL the locale (041E = Thai),
// CC the calendar (07 = Thai Buddhist), N the digit shapes (D = Thai digits). A cell keeps its Gregorian
// serial, so date arithmetic and sorting stay right; only the display is Thai.
//
// What LibreOffice Calc 7.4 shows (a workbook written by this writer, converted headless to CSV and PDF),
// for the serial of 2024-01-31 unless noted:
//   [$-D07041E]d mmmm yyyy   ๓๑ มกราคม ๒๕๖๗       Thai digits, Thai month, year + 543
//   [$-D07041E]d mmm yy      ๓๑ ม.ค. ๖๗           abbreviated month, two-digit BE year
//   [$-D07041E]d/m/yyyy      ๓๑/๑/๒๕๖๗
//   [$-D07041E]dd/mm/yy      ๓๑/๐๑/๖๗
//   [$-D07041E]dddd d mmmm yyyy   พุธ ๓๑ มกราคม ๒๕๖๗
//   [$-107041E]d mmmm yyyy   31 มกราคม 2567       Buddhist year, Western digits
//   [$-1070000]d/mm/yyyy     31/01/2567           calendar without locale: BE year, Western digits
//   [$-41E]d mmmm yyyy       31 มกราคม 2024       locale alone does NOT switch the calendar
//   [$-41E]d mmmm bbbb       31 มกราคม bbbb       Excel's "bbbb" BE-year code is not understood
//   [$-th-TH,107]d mmmm yyyy 45322                the newer tag form is not understood (shows General)
//   [$-D00041E]#,##0.00      ๑,๒๓๔.๕๐             Thai-digit amounts: digits D with locale, calendar 00
//   [$-D07041E]#,##0.00      1234.5               a calendar on a number format is rejected (General)
// The day serial itself follows excel_date.h (LibreOffice and Excel agree from 1900-03-01 on).
// Amounts stay in Western digits in registers ("#,##0.00"): finance staff and auditors key and compare
// them with calculators and other workbooks.

#include <string_view>

namespace raingan::xlsx::number_formats {

inline constexpr std::string_view money = "#,##0.00";                         // 1,234.50
inline constexpr std::string_view integer = "#,##0";                          // 1,235
inline constexpr std::string_view thai_date_long = "[$-D07041E]d mmmm yyyy";  // ๓๑ มกราคม ๒๕๖๗
inline constexpr std::string_view thai_date_short = "[$-D07041E]d mmm yy";    // ๓๑ ม.ค. ๖๗
inline constexpr std::string_view thai_date_numeric = "[$-D07041E]d/m/yyyy";  // ๓๑/๑/๒๕๖๗
inline constexpr std::string_view thai_digits_money = "[$-D00041E]#,##0.00";  // ๑,๒๓๔.๕๐

}  // namespace raingan::xlsx::number_formats
