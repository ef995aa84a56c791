#pragma once
// Lengths in the engine are PostScript points (1/72 inch) held as double; these convert what users write.

namespace raingan::units {

inline constexpr double points_per_mm = 72.0 / 25.4;
constexpr double mm(double millimetres) { return millimetres * points_per_mm; }
constexpr double cm(double centimetres) { return centimetres * 10.0 * points_per_mm; }
constexpr double to_mm(double points) { return points / points_per_mm; }

inline constexpr double a4_width = 595.2755905511812;   // 210 mm
inline constexpr double a4_height = 841.8897637795276;  // 297 mm

}  // namespace raingan::units
