#pragma once
// The texts an XLSX package can hold, checked for every text and formula of a register, and how messages
// quote them.

#include <cstddef>
#include <string>
#include <string_view>

namespace raingan::xlsx {

inline constexpr std::size_t max_text_characters = 32767;  // libxlsxwriter's (and Excel's) limit

// Empty when `text` can go into the package's XML: valid UTF-8 with no control character that XML 1.0
// forbids (libxlsxwriter escapes them in shared strings but not in constant memory's inline strings, and
// never in formulas). Otherwise what is wrong, and at which byte.
std::string text_problem(std::string_view text);

// Characters (code points) of a UTF-8 text, counted as libxlsxwriter counts them.
std::size_t characters(std::string_view text);

// 'text', for messages.
std::string in_quotes(std::string_view text);

}  // namespace raingan::xlsx
