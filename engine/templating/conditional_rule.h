#pragma once
// A rule that changes how cells look when a formula is true, evaluated live by the spreadsheet
// (e.g. an overdue follow-up: due date before TODAY() and status not "เสร็จ" -> red fill).

#include <cstdint>
#include <optional>
#include <string>

namespace raingan::templating {

struct ConditionalRule {
  // Excel formula, written for the range's top-left cell; relative references shift over the range:
  // for D2:D500, AND($D2<TODAY(),$E2<>"เสร็จ").
  std::string formula{};
  std::optional<std::uint32_t> fill_rgb{};  // 0xRRGGBB
  std::optional<std::uint32_t> font_rgb{};
  bool bold = false;
};

}  // namespace raingan::templating
