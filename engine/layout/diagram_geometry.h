#pragma once
// The geometry diagrams are drawn with: the flowchart symbols as vector outlines (stadium for terminals,
// rectangle, diamond, wavy-bottomed document, parallelogram, circle, and the off-page connector's pentagon),
// where text sits in each, where a line meets an outline, arrowheads, polylines cut into page bands, and
// scaling a drawn frame.

#include <optional>
#include <vector>

#include "layout/frame.h"

namespace raingan::layout {

struct Rect {
  double x = 0, y = 0, width = 0, height = 0;
  double right() const { return x + width; }
  double bottom() const { return y + height; }
  Point center() const { return {x + width / 2, y + height / 2}; }
};

// The smallest rectangle holding both; an empty one (no width, no height) adds nothing.
Rect united(const Rect& a, const Rect& b);

enum class ShapeKind {
  terminal,   // stadium: start and end
  process,    // rectangle
  decision,   // diamond
  document,   // rectangle with a wavy bottom
  data,       // parallelogram
  connector,  // small circle (on-page connector)
  off_page,   // pentagon pointing down (off-page connector)
  unit,       // an organisation chart's box (rectangle)
};

// The box a shape needs so that a rectangle `area` big (a text and its padding, see padded_area), centred on
// text_center, lies wholly inside its outline.
Size shape_size(ShapeKind shape, Size area);
// The centre of the area the text block sits in (above the document's wave, in the pentagon's square).
Point text_center(ShapeKind shape, const Rect& box);
// The outline, closed, with fill and stroke.
Path shape_path(ShapeKind shape, const Rect& box, std::optional<Color> fill, std::optional<Stroke> stroke);
// The outline as a closed polygon (curves flattened finely), for meeting lines and for tests.
std::vector<Point> shape_outline(ShapeKind shape, const Rect& box);

// Where the ray from `from` through `through` first meets the polygon `outline` (nearest to `from`).
std::optional<Point> first_hit(const std::vector<Point>& outline, Point from, Point through);
// Distance from `point` to the nearest side of `outline`.
double distance_to_outline(const std::vector<Point>& outline, Point point);
// Whether `point` lies inside the closed polygon (even-odd).
bool inside_outline(const std::vector<Point>& outline, Point point);

// A filled arrowhead whose tip is at `tip`, pointing along from -> tip.
Path arrowhead(Point from, Point tip, double length, double half_width, Color color);

// A path through the points of a polyline.
Path polyline_path(const std::vector<Point>& points, const Stroke& stroke);

// An upright stretch of line number `line`, from y `top` down to `bottom` at `x`.
struct Upright {
  double x = 0, top = 0, bottom = 0;
  std::size_t line = 0;
};
// As polyline_path for line number `line`, but each level stretch hops over the uprights of other lines it
// crosses (a half circle of `radius` above the crossing), as a drawn flowchart shows two lines that cross
// without meeting. A line that only meets an upright (ends on it, or the upright ends on it) does not hop,
// nor one that crosses too near its own turn to hold the half circle.
Path hopping_polyline_path(const std::vector<Point>& points, std::size_t line,
                           const std::vector<Upright>& uprights, double radius, const Stroke& stroke);
// A Bézier chain (start, then control, control, end per piece) as a polyline: straight pieces stay two
// points, curved ones are flattened.
std::vector<Point> flatten_bezier_chain(const std::vector<Point>& chain);
// Drops repeated points and the middle points of straight runs.
void simplify_polyline(std::vector<Point>& points);
// The parts of a polyline with top <= y <= bottom (a page band), in order.
std::vector<std::vector<Point>> clip_polyline(const std::vector<Point>& points, double top, double bottom);

// Scales an item about the frame's origin: positions, sizes, glyph advances and font sizes; strokes thin
// with it but not below half a point.
void scale_item(FrameItem& item, double factor);

}  // namespace raingan::layout
