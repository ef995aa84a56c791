#pragma once
// Owning handles for Graphviz objects, released in the order Graphviz needs on every path, exceptions
// included: a graph's layout before the graph (gvFreeLayout before agclose), the graph before the context
// (gvFreeContext). Only graph_layout.cpp uses them, with Graphviz's lock held (see graph_layout.h).

#include <gvc.h>

#include <memory>

namespace raingan::layout::graphviz {

struct ContextDeleter {
  void operator()(GVC_t* context) const noexcept { gvFreeContext(context); }
};
using Context = std::unique_ptr<GVC_t, ContextDeleter>;

struct GraphDeleter {
  void operator()(Agraph_t* graph) const noexcept { agclose(graph); }
};
using Graph = std::unique_ptr<Agraph_t, GraphDeleter>;

// The layout Graphviz attached to a graph by gvLayout (positions, splines, labels); freed when the scope
// ends. Declare it after the Graph and the Context it refers to, so it is released before them.
class LayoutScope {
 public:
  LayoutScope(GVC_t* context, Agraph_t* graph) noexcept : context_(context), graph_(graph) {}
  LayoutScope(const LayoutScope&) = delete;
  LayoutScope& operator=(const LayoutScope&) = delete;
  ~LayoutScope() {
    if (laid_out_) gvFreeLayout(context_, graph_);
  }
  // Call once gvLayout has run, whatever it returned: it may have attached part of a layout.
  void attach() noexcept { laid_out_ = true; }

 private:
  GVC_t* context_;
  Agraph_t* graph_;
  bool laid_out_ = false;
};

}  // namespace raingan::layout::graphviz
