#include "layout/graph_layout.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <string_view>

#include "layout/graph_layout_child.h"
#include "layout/graphviz_handles.h"

extern "C" {
// The dot layout plugin's library, linked in so that no plugin is looked for on disk.
extern gvplugin_library_t gvplugin_dot_layout_LTX_library;
}

namespace raingan::layout {
namespace {

constexpr double points_per_inch = 72;

// Where Graphviz's messages go while a layout runs (in a child process, or in process under a lock:
// graph_layout_child.h).
std::string* collected_messages = nullptr;

int collect_message(char* text) {
  if (collected_messages && text) collected_messages->append(text);
  return 0;
}

// Graphviz's C API takes writable strings it never writes to.
char* c_text(const char* text) { return const_cast<char*>(text); }

std::string number_text(double value) {
  char buffer[32];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed, 4);
  return std::string(buffer, result.ptr);
}

std::string inches(double points) { return number_text(std::max(0.01, points / points_per_inch)); }

const char* routing_name(EdgeRouting routing) {
  switch (routing) {
    case EdgeRouting::none:
      return "";
    case EdgeRouting::ortho:
      return "ortho";
    case EdgeRouting::polyline:
      return "polyline";
    case EdgeRouting::spline:
      return "spline";
  }
  return "";
}

// Lines of Graphviz's messages that start with `kind` ("Error", "Warning"), without the prefix.
std::vector<std::string> messages_of(const std::string& text, std::string_view kind) {
  std::vector<std::string> found;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    std::string_view line(text.data() + start, end - start);
    if (line.substr(0, kind.size()) == kind && line.substr(kind.size(), 2) == ": ")
      found.emplace_back(line.substr(kind.size() + 2));
    start = end + 1;
  }
  return found;
}

// A placeholder label Graphviz sizes as `size`: without a text layout plugin Graphviz estimates Courier as
// 0.6 em per character and 1.2 em per line.
void set_label_placeholder(Agedge_t* edge, Agsym_t* label, Agsym_t* font_size, Size size) {
  const double em = std::max(1.0, size.height / 1.2);
  const auto count = static_cast<std::size_t>(std::max(1.0, std::ceil(size.width / (0.6 * em) - 1e-9)));
  agxset(edge, font_size, c_text(number_text(em).c_str()));
  agxset(edge, label, c_text(std::string(count, 'n').c_str()));
}

class GraphBuilder {
 public:
  explicit GraphBuilder(const Graph& graph) : graph_(graph) {}

  graphviz::Graph build() {
    Agdesc_t directed = Agdirected;
    graphviz::Graph g(agopen(c_text("diagram"), directed, nullptr));
    if (!g) throw GraphLayoutError("Graphviz could not create a graph");
    Agraph_t* raw = g.get();
    agattr(raw, AGRAPH, c_text("rankdir"), c_text("TB"));
    agattr(raw, AGRAPH, c_text("splines"), c_text(routing_name(graph_.routing)));
    agattr(raw, AGRAPH, c_text("nodesep"), c_text(inches(graph_.node_separation).c_str()));
    agattr(raw, AGRAPH, c_text("ranksep"), c_text(inches(graph_.rank_separation).c_str()));
    if (graph_.keep_edge_order) agattr(raw, AGRAPH, c_text("ordering"), c_text("out"));

    agattr(raw, AGNODE, c_text("shape"), c_text("box"));
    agattr(raw, AGNODE, c_text("fixedsize"), c_text("true"));
    agattr(raw, AGNODE, c_text("label"), c_text(""));
    agattr(raw, AGNODE, c_text("margin"), c_text("0"));
    Agsym_t* width = agattr(raw, AGNODE, c_text("width"), c_text("0.75"));
    Agsym_t* height = agattr(raw, AGNODE, c_text("height"), c_text("0.5"));
    Agsym_t* group = agattr(raw, AGNODE, c_text("group"), c_text(""));

    Agsym_t* label = agattr(raw, AGEDGE, c_text("label"), c_text(""));
    agattr(raw, AGEDGE, c_text("fontname"), c_text("Courier"));
    Agsym_t* font_size = agattr(raw, AGEDGE, c_text("fontsize"), c_text("14"));
    Agsym_t* constraint = agattr(raw, AGEDGE, c_text("constraint"), c_text("true"));
    Agsym_t* weight = agattr(raw, AGEDGE, c_text("weight"), c_text("1"));
    Agsym_t* min_length = agattr(raw, AGEDGE, c_text("minlen"), c_text("1"));
    Agsym_t* arrowhead = agattr(raw, AGEDGE, c_text("arrowhead"), c_text("normal"));
    // Graphviz's arrowhead is 10 pt at arrowsize 1; raingan draws its own on the shaft Graphviz leaves.
    agattr(raw, AGEDGE, c_text("arrowsize"), c_text("0.7"));

    nodes_.reserve(graph_.nodes.size());
    for (std::size_t i = 0; i < graph_.nodes.size(); ++i) {
      const GraphNode& spec = graph_.nodes[i];
      if (!(spec.size.width >= 0) || !(spec.size.height >= 0))
        throw std::invalid_argument("graph node " + std::to_string(i) + " has a negative size");
      Agnode_t* node = agnode(raw, c_text(("n" + std::to_string(i)).c_str()), 1);
      agxset(node, width, c_text(inches(spec.size.width).c_str()));
      agxset(node, height, c_text(inches(spec.size.height).c_str()));
      if (!spec.group.empty()) agxset(node, group, c_text(spec.group.c_str()));
      nodes_.push_back(node);
    }
    edges_.reserve(graph_.edges.size());
    for (std::size_t i = 0; i < graph_.edges.size(); ++i) {
      const GraphEdge& spec = graph_.edges[i];
      if (spec.from >= nodes_.size() || spec.to >= nodes_.size())
        throw std::invalid_argument("graph edge " + std::to_string(i) + " names a node that does not exist");
      // A name of its own, so that two edges between the same nodes stay two edges.
      Agedge_t* edge =
          agedge(raw, nodes_[spec.from], nodes_[spec.to], c_text(("e" + std::to_string(i)).c_str()), 1);
      if (spec.label.width > 0 && spec.label.height > 0)
        set_label_placeholder(edge, label, font_size, spec.label);
      if (!spec.constraint) agxset(edge, constraint, c_text("false"));
      if (spec.weight != 1) agxset(edge, weight, c_text(std::to_string(std::max(0, spec.weight)).c_str()));
      if (spec.min_ranks != 1)
        agxset(edge, min_length, c_text(std::to_string(std::max(0, spec.min_ranks)).c_str()));
      if (!spec.arrow) agxset(edge, arrowhead, c_text("none"));
      edges_.push_back(edge);
    }
    for (std::size_t r = 0; r < graph_.same_rank.size(); ++r) {
      Agraph_t* rank = agsubg(raw, c_text(("rank" + std::to_string(r)).c_str()), 1);
      agsafeset(rank, c_text("rank"), c_text("same"), c_text(""));
      for (std::size_t index : graph_.same_rank[r]) {
        if (index >= nodes_.size())
          throw std::invalid_argument("a same-rank set names a node that does not exist");
        agsubnode(rank, nodes_[index], 1);
      }
    }
    return g;
  }

  GraphLayout read(Agraph_t* g) const {
    GraphLayout result;
    const boxf box = GD_bb(g);
    const auto point = [&](pointf p) { return Point{p.x - box.LL.x, box.UR.y - p.y}; };
    result.size = {box.UR.x - box.LL.x, box.UR.y - box.LL.y};
    result.centers.reserve(nodes_.size());
    for (Agnode_t* node : nodes_) result.centers.push_back(point(ND_coord(node)));
    result.edges.reserve(edges_.size());
    for (std::size_t i = 0; i < edges_.size(); ++i) {
      Agedge_t* edge = edges_[i];
      EdgeRoute route;
      if (const splines* spline = ED_spl(edge)) {
        for (int b = 0; b < spline->size; ++b) {
          const bezier& piece = spline->list[b];
          if (piece.size < 1) continue;
          std::vector<Point> points;
          for (int k = 0; k < piece.size; ++k) points.push_back(point(piece.list[k]));
          if (piece.sflag) {  // an arrow at the tail: its shaft starts the chain, from the tail's border
            const Point tip = point(piece.sp);
            const Point first = points.front();
            points.insert(points.begin(), {tip, lerp(tip, first, 1.0 / 3), lerp(tip, first, 2.0 / 3)});
          }
          if (route.points.empty())
            route.points = std::move(points);
          else  // the pieces of one edge join end to start
            route.points.insert(route.points.end(), points.begin() + 1, points.end());
          if (piece.eflag) {
            const Point last = route.points.back();
            const Point tip = point(piece.ep);
            route.points.insert(route.points.end(),
                                {lerp(last, tip, 1.0 / 3), lerp(last, tip, 2.0 / 3), tip});
            route.arrow = true;
          }
        }
      } else if (graph_.routing != EdgeRouting::none) {
        throw GraphLayoutError("Graphviz could not route edge " + std::to_string(i) + " (from node " +
                               std::to_string(graph_.edges[i].from) + " to node " +
                               std::to_string(graph_.edges[i].to) + ")");
      }
      if (const textlabel_t* text = ED_label(edge); text && text->set) route.label_center = point(text->pos);
      result.edges.push_back(std::move(route));
    }
    return result;
  }

 private:
  static Point lerp(Point a, Point b, double t) { return {a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t}; }

  const Graph& graph_;
  std::vector<Agnode_t*> nodes_;
  std::vector<Agedge_t*> edges_;
};

}  // namespace

namespace {

// The layout itself, in the process it is called in.
GraphLayout layout_here(const Graph& graph) {
  std::string messages;
  collected_messages = &messages;
  struct Detach {
    ~Detach() { collected_messages = nullptr; }
  } detach;
  agseterr(AGWARN);  // every message goes to the collector, none to stderr or Graphviz's temporary file
  agseterrf(collect_message);
  agreseterrors();

  static const lt_symlist_t builtins[] = {
      {"gvplugin_dot_layout_LTX_library", &gvplugin_dot_layout_LTX_library}, {nullptr, nullptr}};
  graphviz::Context context(gvContextPlugins(builtins, 0));
  if (!context) throw GraphLayoutError("Graphviz could not start");

  GraphBuilder builder(graph);
  graphviz::Graph g = builder.build();
  graphviz::LayoutScope scope(context.get(), g.get());
  const int status = gvLayout(context.get(), g.get(), "dot");
  scope.attach();
  if (status != 0 || agerrors() >= AGERR) {
    std::string text = "Graphviz could not lay out the diagram";
    const auto errors = messages_of(messages, "Error");
    for (std::size_t i = 0; i < errors.size(); ++i) text += (i == 0 ? ": " : "; ") + errors[i];
    throw GraphLayoutError(text);
  }
  GraphLayout result = builder.read(g.get());
  result.warnings = messages_of(messages, "Warning");
  return result;
}

}  // namespace

GraphLayout layout_graph(const Graph& graph) {
  return run_isolated([&] { return layout_here(graph); });
}

}  // namespace raingan::layout
