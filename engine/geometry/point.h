#pragma once
// Positions and extents in points (1/72 inch), y growing downward: what the document tree, layout and the
// exporters all measure with.

namespace raingan::geometry {

struct Point {
  double x = 0;
  double y = 0;
};

struct Size {
  double width = 0;
  double height = 0;
};

}  // namespace raingan::geometry
