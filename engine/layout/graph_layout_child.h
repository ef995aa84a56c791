#pragma once
// Graphviz in a child process. Its orthogonal router stops the whole process on some drawings (an assertion
// in its trapezoid table: "Trapezoid-table overflow"), and a layout that never ends would hold a build for
// ever. Run in a child, such a failure is an error of that one diagram (GraphLayoutError), and the document,
// the build and the server go on.

#include <functional>

#include "core/sanitizers.h"
#include "layout/graph_layout.h"

namespace raingan::layout {

// Under AddressSanitizer (the sanitizer build, the fuzz targets) layouts run in process, one at a time:
// its allocator can be left locked in a forked child by another thread's allocation (core/sanitizers.h), and
// the child would wait for ever.
inline constexpr bool graph_layouts_isolated = !address_sanitized;

// Runs `layout` in a forked child (in process when !graph_layouts_isolated) and returns what it returned.
// Rethrows the child's GraphLayoutError or std::invalid_argument; throws GraphLayoutError when the child
// stops on a signal or runs past `seconds`.
GraphLayout run_isolated(const std::function<GraphLayout()>& layout, unsigned seconds = 60);

}  // namespace raingan::layout
