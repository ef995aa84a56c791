#pragma once
// How the texts of cells are read: Thai digits as digits, numbers with thousands separators, dates as
// offices write them (20/11/2569, ๒๐ พ.ย. ๒๕๖๙, 20 พฤศจิกายน 2569, 2026-11-20; a year above 2400 is
// Buddhist Era), Excel's day serials in either date system, yes and no in Thai, and titles compared
// whatever their spacing.

#include <optional>
#include <string>
#include <string_view>

#include "format/thai_date.h"

namespace raingan::intake {

// Thai digits ๐–๙ as ASCII digits; everything else unchanged.
std::string fold_thai_digits(std::string_view text);

// Without leading and trailing white space (ASCII, no-break space, zero-width space, BOM).
std::string_view trim(std::string_view text);

// A title as compared: trimmed, each run of white space (line breaks too) one space, Thai digits as ASCII,
// ASCII letters in lower case. "ระยะทาง\n(กม.)" and "ระยะทาง (กม.)" compare equal.
std::string title_key(std::string_view title);

// The same with no white space at all, for enum values: "ป. ๒" and "ป.2" compare equal.
std::string compact_key(std::string_view text);

// A number as JSON writes it, from a number's text ("2.6200000000000001", "1.5E-3", "-0"): plain notation,
// no trailing zeros, rounded to `significant_digits` significant digits when that is not 0 (15 for what
// a spreadsheet stored as a double: Excel's own precision). nullopt when the text is not a number.
std::optional<std::string> plain_number(std::string_view text, int significant_digits = 0);

// A number as people type it: Thai or ASCII digits, thousands separators (1,234,567.50), a sign or
// accounting parentheses, a leading ฿, spaces around. nullopt when it is not one.
std::optional<std::string> typed_number(std::string_view text);

// A date from its text (see above; a two-digit year is Buddhist Era, 69 = 2569), nullopt when the text is
// no date or not a real one.
std::optional<format::Date> typed_date(std::string_view text);

// The date of an Excel day serial (its whole part; the time of day is dropped). The 1900 system counts the
// day 1900-02-29 that never was (serial 60, refused, as 0 and negatives are); the 1904 system counts from
// 1904-01-01 = 0. nullopt outside 1900..9999.
std::optional<format::Date> serial_date(std::string_view number_text, bool date1904);

// ใช่/ไม่ใช่, มี/ไม่มี, จริง/เท็จ, true/false, yes/no, 1/0; nullopt for anything else.
std::optional<bool> typed_boolean(std::string_view text);

}  // namespace raingan::intake
