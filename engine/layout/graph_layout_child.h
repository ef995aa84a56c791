#pragma once
// Graphviz in a child process. Its orthogonal router stops the whole process on some drawings (an assertion
// in its trapezoid table: "Trapezoid-table overflow"), and a layout that never ends would hold a build for
// ever. Run in a child, such a failure is an error of that one diagram (GraphLayoutError), and the document,
// the build and the server go on.

#include <functional>

#include "layout/graph_layout.h"

namespace raingan::layout {

// Runs `layout` in a forked child and returns what it returned. Rethrows the child's GraphLayoutError or
// std::invalid_argument; throws GraphLayoutError when the child stops on a signal or runs past `seconds`.
GraphLayout run_isolated(const std::function<GraphLayout()>& layout, unsigned seconds = 60);

}  // namespace raingan::layout
