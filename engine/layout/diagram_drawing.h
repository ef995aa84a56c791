#pragma once
// A laid-out diagram before it becomes frames: its boxes (shape, place, text), its lines (polylines from one
// box's border to another's, arrowheads, labels) and how they are stroked. Flowcharts and organisation
// charts build one; this file draws it into a frame, scales it to fit, and cuts it into strips between rows
// of boxes so that pagination can continue a tall diagram on the next page, with off-page connectors where
// lines cross the page end.

#include <cstddef>
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include "layout/diagram_geometry.h"
#include "layout/diagram_text.h"
#include "layout/flow_item.h"

namespace raingan::layout {

inline constexpr std::size_t no_node = std::numeric_limits<std::size_t>::max();

struct DiagramNode {
  std::string id;  // the step's id, or the unit's name: for messages and tests
  ShapeKind shape = ShapeKind::process;
  Rect box;
  std::vector<FrameItem> content;  // text lines and photos, placed in the drawing's coordinates
};

struct DiagramLabel {
  std::string text;
  Rect box;
  std::vector<FrameItem> content;
};

struct DiagramEdge {
  std::size_t from = no_node;  // node indices
  std::size_t to = no_node;
  std::vector<Point> route;  // from the tail's border to the head's border (the arrow's tip), y down
  bool arrow = true;
  std::optional<DiagramLabel> label;
  // The label of the off-page connectors that stand for this line where a page end cuts it (the number of
  // the step it leads to); empty: the next letter ก, ข, …
  std::string continues_to;
};

struct DiagramLook {
  Stroke outline;
  Stroke line;
  std::optional<Color> fill;
  double arrow_length = 7;
  double arrow_half_width = 2.8;
};

struct DiagramDrawing {
  Size size;
  std::vector<DiagramNode> nodes;
  std::vector<DiagramEdge> edges;
  DiagramLook look;
  // Connectors at page cuts are numbered ๑, ๒, … rather than lettered: the drawing's own connectors (an
  // organisation chart's parts) have the letters.
  bool number_cut_connectors = false;
};

// The whole drawing as one frame, its size the drawing's.
Frame compose(const DiagramDrawing& drawing);

// Scales every coordinate, text and box of the drawing by `factor` (text at 16 pt scaled by 0.7 is 11.2 pt).
void scale(DiagramDrawing& drawing, double factor);

// How an off-page connector looks: its label's style and the strokes of the drawing it belongs to.
struct ConnectorStyle {
  InlineStyle label;
  DiagramLook look;
};

// An off-page connector (the pentagon pointing down) with `label` in it, its top-left at `top_left`.
// Returns its box; appends its outline and text to `out`.
Rect draw_off_page_connector(const std::string& label, Point top_left, const ConnectorStyle& style,
                             DiagramText& text, std::vector<FrameItem>& out);
// The size of such a connector.
Size off_page_connector_size(const std::string& label, const ConnectorStyle& style, DiagramText& text);

// The labels of off-page connectors, in order: ก ข ค … ฮ, then กก, ขข …
std::string connector_label(std::size_t index);

// Draws what lies between heights `top` and `bottom` of the drawing (boxes and labels by their centres,
// lines cut at the two heights), moved by `offset`.
void draw_band(const DiagramDrawing& drawing, double top, double bottom, Point offset,
               std::vector<FrameItem>& out);

// Where a line crosses a page end between two strips of a diagram, and which way it runs there.
struct Crossing {
  double x = 0;  // in the strip's coordinates
  bool downward = true;
  std::string label;  // of the off-page connector pair that replaces the line across the page end
};

// The lines crossing height `y` of the drawing, left to right, `x` added to their positions. Connectors
// without a `continues_to` label take the letters ก, ข, … in order (or the numbers ๑, ๒, …, see
// DiagramDrawing): a pair only has to match across one page end, so every page end starts again.
std::vector<Crossing> crossings_at(const DiagramDrawing& drawing, double y, double x);

// The cues of a page end at a strip boundary: the foot (under the strip above: the lines run on into
// connectors) and the head (above the strip below: the lines start again from connectors). `head_above` is
// drawn first in the head (a repeated table header), `head_above_height` tall.
PageCues crossing_cues(const std::vector<Crossing>& crossings, const ConnectorStyle& style, DiagramText& text,
                       const Frame& head_above = {}, double head_above_height = 0);

// The drawing as strips, `x` from the content area's left edge: cut between rows of boxes (never through a
// box or a label), each strip with the page cues of the boundaries around it. A page may end between the
// strips only when the drawing cannot be placed whole (break_before is false inside it), so a diagram that
// fits a page is never split.
std::vector<FlowLine> diagram_strips(const DiagramDrawing& drawing, double x, const ConnectorStyle& style,
                                     DiagramText& text);

}  // namespace raingan::layout
