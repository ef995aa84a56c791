#pragma once
// zlib (Flate) compression of PDF stream data, done by the exporter itself so that a page's content is
// held compressed from the moment the page is added.

#include <string>
#include <string_view>

namespace raingan::pdf {

// The zlib stream of `data` (what /FlateDecode expects). Throws std::runtime_error if zlib fails.
std::string deflate(std::string_view data);

}  // namespace raingan::pdf
