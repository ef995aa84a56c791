#pragma once
// Colours and the strokes that draw rules, borders and chart lines.

#include <cstdint>

namespace raingan::geometry {

struct Color {
  std::uint8_t r = 0, g = 0, b = 0;
  friend bool operator==(const Color&, const Color&) = default;
};

struct Stroke {
  double thickness = 0.5;
  Color color;
  enum class Dash { solid, dashed, dotted } dash = Dash::solid;
};

}  // namespace raingan::geometry
