#pragma once
// Graphviz in a child process. Its orthogonal router stops the whole process on some drawings (an assertion
// in its trapezoid table: "Trapezoid-table overflow"), and a layout that never ends would hold a build for
// ever. Run in a child, such a failure is an error of that one diagram (GraphLayoutError), and the document,
// the build and the server go on.

#include <functional>

#include "layout/graph_layout.h"

namespace raingan::layout {

// Under AddressSanitizer (the sanitizer build, the fuzz targets) layouts run in process: its allocator can be
// left locked in a forked child by another thread's allocation, and the child would wait for ever.
#if defined(__SANITIZE_ADDRESS__)
inline constexpr bool graph_layouts_isolated = false;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
inline constexpr bool graph_layouts_isolated = false;
#else
inline constexpr bool graph_layouts_isolated = true;
#endif
#else
inline constexpr bool graph_layouts_isolated = true;
#endif

// Runs `layout` in a forked child (in process when !graph_layouts_isolated) and returns what it returned.
// Rethrows the child's GraphLayoutError or std::invalid_argument; throws GraphLayoutError when the child
// stops on a signal or runs past `seconds`.
GraphLayout run_isolated(const std::function<GraphLayout()>& layout, unsigned seconds = 60);

}  // namespace raingan::layout
