#pragma once
// The text a spreadsheet shows for a number under a number format, close enough to size a column: digit
// grouping, decimals, percent, Thai digits and Buddhist-Era dates in Thai ([$-D07041E]d mmmm yyyy ->
// "๓๑ มกราคม ๒๕๖๗"). It is an estimate for column fitting only; the file stores the number and the
// format, and the spreadsheet does the real formatting.

#include <memory>
#include <string>
#include <string_view>

namespace raingan::xlsx {

std::string display_text(double value, std::string_view number_format);

// The same for many numbers under one format, which is read once.
class NumberDisplay {
 public:
  explicit NumberDisplay(std::string_view number_format);
  std::string text(double value) const;

 private:
  struct Form;
  std::shared_ptr<const Form> form_;
};

}  // namespace raingan::xlsx
