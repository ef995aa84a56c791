#pragma once
// A frame turned into a PDF page content stream. This is where frame coordinates (origin top-left, y down)
// become PDF coordinates (origin bottom-left, y up), and where shaped glyphs become TJ arrays that put every
// glyph exactly where the frame says, with ActualText spans so readers extract the source text.

#include <cstdint>
#include <string>

#include "layout/frame.h"

namespace raingan::pdf {

// What the content refers to by name; the exporter registers fonts and images on the page as it goes.
class PageResources {
 public:
  virtual ~PageResources() = default;
  // Resource name ("F1") of the font for `face` on this page.
  virtual std::string font(const text::FontFace& face) = 0;
  // Records that `glyph` of `face` is drawn; returns its width in 1/1000 em exactly as the font's /W states
  // it.
  virtual int use_glyph(const text::FontFace& face, std::uint32_t glyph) = 0;
  // Resource name ("X1") of the image on this page.
  virtual std::string image(const layout::ImageData& image) = 0;
};

// Page coordinates: the frame's y axis flipped. The only place the exporter converts y.
struct PageSpace {
  double height = 0;
  double y(double frame_y) const noexcept { return height - frame_y; }
};

// The content operators for every drawable item of the frame (links and anchors are not content). Throws
// std::invalid_argument when a text line breaks the frame contract (spans out of order, no face, bad size).
std::string encode_page_content(const layout::Frame& frame, PageResources& resources);

}  // namespace raingan::pdf
