#pragma once
// A decoded image as the document refers to it and every exporter embeds it: shared by every place it is
// drawn, so an exporter embeds it once.

#include <cstdint>
#include <string>

namespace raingan::geometry {

struct ImageData {
  enum class Format { png, jpeg } format = Format::png;
  std::string source_path;  // for messages and for de-duplication
  std::uint32_t pixel_width = 0;
  std::uint32_t pixel_height = 0;
  // The template and line that first asked for the image, so that a file found damaged only when it is
  // embedded is still reported where a clerk can fix it; empty when it does not come from a template.
  std::string requested_in;
  int requested_on_line = 0;
};

}  // namespace raingan::geometry
