#pragma once
// TEXT(value, format): a number written with an Excel number format code.
//
// Supported: up to three sections (positive;negative;zero); General; digit placeholders 0 # ?, the decimal
// point, thousands separators (#,##0) and trailing commas (thousands scaling), % ; literal text in quotes,
// after \, and the characters $ - + / ( ) : space and any non-ASCII text; _x (a space) and *x (ignored);
// colours ([Red]); dates and times d dd ddd dddd m mm mmm mmmm mmmmm yy yyyy h hh m mm (minutes) s ss AM/PM;
// and the locale prefix [$-NCCLLLL] of number_formats.h: LLLL 041E for Thai month and day names, CC 07 for
// Buddhist-Era years, N D for Thai digits ("[$-D07041E]d mmmm yyyy" -> ๓๑ มกราคม ๒๕๖๗). Rounding is half away
// from zero on the 15-digit value (TEXT(2.675, "0.00") is 2.68).
// Anything else (scientific notation, fractions, conditions [>100], elapsed times [h], a fourth text section
// used for a number) is unsupported: format_number returns nullopt rather than guess.

#include <optional>
#include <string>
#include <string_view>

namespace raingan::formula {

std::optional<std::string> format_number(double value, std::string_view format);

}  // namespace raingan::formula
