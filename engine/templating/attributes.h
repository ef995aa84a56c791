#pragma once
// Reading attribute values the way template writers write them: lengths with units (2.5cm, 10mm, 12pt, 1in;
// a bare number is points), colours (#1F4E79 or a few names), yes/no flags. Each error names the template
// line.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "geometry/color.h"

namespace raingan::templating {

// Where a value was written, for messages.
struct AttributeSource {
  const std::string& file;
  int line;
  std::string_view name;  // the attribute
};

double parse_length(std::string_view text, const AttributeSource& where);
// A font size (a length) that a page can print: from 4pt (the smallest a reader can still read) to 144pt (a
// cover's largest title); 0, negative and giant sizes would leave the text invisible or off the page.
double parse_font_size(std::string_view text, const AttributeSource& where);
// "2pt 4pt" -> {2, 4}: one to four lengths (CSS order: top right bottom left).
std::vector<double> parse_lengths(std::string_view text, const AttributeSource& where);
geometry::Color parse_color(std::string_view text, const AttributeSource& where);
bool parse_flag(std::string_view text, const AttributeSource& where);
double parse_number(std::string_view text, const AttributeSource& where);
int parse_integer(std::string_view text, const AttributeSource& where, int minimum, int maximum);

// One of `choices`, or an error listing them.
std::string parse_choice(std::string_view text, const std::vector<std::string_view>& choices,
                         const AttributeSource& where);

}  // namespace raingan::templating
