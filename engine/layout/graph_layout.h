#pragma once
// The bridge to Graphviz's `dot`: raingan measures and draws everything itself; Graphviz is given boxes of
// known size and edges between them, and gives back where the boxes go and how the edges run. Its text
// rendering is never used (labels are placeholders of the size raingan measured), and no Graphviz renderer
// or plugin is loaded: the dot layout plugin is linked in and is the only one the context knows.
//
// Coordinates come back in points with the origin at the drawing's top-left corner and y growing downward,
// as frames have them (Graphviz's own y grows upward).
//
// Threads: Graphviz keeps process-wide state — its error reporting (agseterrf, agerrors) and statics in the
// dot layout and its routers — so one process-wide lock serialises every call into it: layout_graph may be
// called from any thread, and layouts run one at a time. Nothing else in raingan calls Graphviz.
//
// Messages: Graphviz's error reporting is redirected, for the whole process, to a collector under that lock:
// nothing it reports through agerr reaches stderr. A layout that reports an error, or returns failure, throws
// GraphLayoutError with Graphviz's words; warnings are returned. (Graphviz's spline path planner prints to
// stderr by itself when it cannot route an edge; orthogonal routing and layouts without routing never call
// it, which is what the diagrams use.)

#include <cstddef>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "layout/frame.h"

namespace raingan::layout {

enum class EdgeRouting {
  none,      // positions only; edges are not routed (faster)
  ortho,     // horizontal and vertical segments (Graphviz places no edge labels in this mode)
  polyline,  // straight segments
  spline,    // curves
};

struct GraphNode {
  Size size;  // pt; the node is a box of exactly this size
  // Nodes of one non-empty group are kept in one straight column where possible (dot's `group`).
  std::string group;
};

struct GraphEdge {
  std::size_t from = 0;
  std::size_t to = 0;
  Size label;              // room its label needs, pt; zero: no label
  bool constraint = true;  // false: plays no part in ranking (a loop back up)
  int weight = 1;          // higher: kept shorter and straighter
  int min_ranks = 1;       // ranks between tail and head (0: may share a rank)
  bool arrow = true;       // an arrowhead at the head
};

struct Graph {
  std::vector<GraphNode> nodes;
  std::vector<GraphEdge> edges;
  std::vector<std::vector<std::size_t>> same_rank;  // nodes put on one rank
  EdgeRouting routing = EdgeRouting::ortho;
  double node_separation = 18;   // pt between neighbours on a rank
  double rank_separation = 18;   // pt between ranks
  bool keep_edge_order = false;  // a node's heads stay in the order of its edges (org charts)
};

struct EdgeRoute {
  // A chain of cubic Bézier pieces: the start, then control, control, end for each piece; for an edge with
  // an arrow, the last piece is the arrow's shaft (straight) and ends at the arrowhead's tip on the head's
  // border. Empty when the graph is not routed.
  std::vector<Point> points;
  bool arrow = false;                 // an arrowhead ends the chain
  std::optional<Point> label_center;  // where Graphviz put the label, when there is one
};

struct GraphLayout {
  Size size;                     // the drawing's bounding box, pt
  std::vector<Point> centers;    // of the nodes, in order
  std::vector<EdgeRoute> edges;  // in order
  std::vector<std::string> warnings;
};

class GraphLayoutError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Lays `graph` out top to bottom with dot. Throws std::invalid_argument for an edge naming a node that does
// not exist or a negative size, GraphLayoutError when Graphviz fails.
GraphLayout layout_graph(const Graph& graph);

}  // namespace raingan::layout
