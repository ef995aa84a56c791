#pragma once
// Frames: the contract between layout and every exporter. A frame is a flat list of positioned items in
// points, origin at the frame's top-left corner, y growing downward. Layout is tested on frames; the PDF
// exporter only writes them out and decides nothing about where things go.

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "geometry/color.h"
#include "geometry/image_data.h"
#include "geometry/point.h"

namespace raingan::text {
class FontFace;
}

namespace raingan::layout {

using geometry::Color;
using geometry::ImageData;
using geometry::Point;
using geometry::Size;
using geometry::Stroke;

// One glyph as shaped. Advances and offsets are in points; y_offset follows HarfBuzz (positive = up).
// x_advance includes any justification stretch given to the glyph; shaped_advance is what HarfBuzz gave.
struct PositionedGlyph {
  std::uint32_t glyph_id = 0;
  double x_advance = 0;
  double shaped_advance = 0;
  double x_offset = 0;
  double y_offset = 0;
  std::uint32_t cluster = 0;  // byte offset of the glyph's cluster in the line's source text
};

// Consecutive glyphs of one face and size, drawn from `origin` (a point on the baseline).
struct GlyphRun {
  const text::FontFace* face = nullptr;
  double font_size = 0;
  Color color;
  Point origin;
  std::vector<PositionedGlyph> glyphs;
  double width() const;
};

// Text a reader's software should extract for a range of glyphs (PDF ActualText). Glyph indices count across
// all runs of the line, in order; spans are in order, do not overlap and together cover every glyph.
struct TextSpan {
  std::uint32_t glyph_begin = 0;
  std::uint32_t glyph_end = 0;  // one past the last glyph
  std::string text;             // UTF-8, exactly as in the source
};

// One laid-out line of text: its runs left to right, and the source text behind them.
struct TextLine {
  std::vector<GlyphRun> runs;
  std::vector<TextSpan> spans;
};

struct Rule {
  Point from;
  Point to;
  Stroke stroke;
};

struct Rectangle {
  Point origin;  // top-left
  Size size;
  std::optional<Color> fill;
  std::optional<Stroke> stroke;
};

// A vector path (charts, shapes). Coordinates in points, relative to the frame like everything else.
struct PathCommand {
  enum class Kind { move, line, cubic, close } kind = Kind::move;
  Point p1, p2, p3;  // move/line use p1; cubic uses control points p1, p2 and end point p3
};

struct Path {
  std::vector<PathCommand> commands;
  std::optional<Color> fill;
  std::optional<Stroke> stroke;
};

struct Image {
  std::shared_ptr<const ImageData> data;
  Point origin;  // top-left
  Size size;
};

// A clickable area that goes to an anchor in the document or to a URL.
struct Link {
  Point origin;  // top-left
  Size size;
  std::string anchor;  // internal destination, or empty
  std::string url;     // external destination, or empty
};

// A named position that links, the table of contents and the outline point to.
struct Anchor {
  std::string name;
  Point position;
};

using FrameItem = std::variant<TextLine, Rule, Rectangle, Path, Image, Link, Anchor>;

// A positioned item: TextLine items are placed by their runs' origins; `offset` is added to every coordinate.
struct Frame {
  Size size;
  std::vector<FrameItem> items;

  // Appends every item of `other`, moved by `offset`.
  void append(const Frame& other, Point offset);
  void append(Frame&& other, Point offset);
};

// Moves one item by an offset.
void translate(FrameItem& item, Point offset);

}  // namespace raingan::layout
