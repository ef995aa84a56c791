// An image: scaled to fit the column and the page, its caption kept with it.

#include <algorithm>

#include "layout/blocks/block_kinds.h"

namespace raingan::layout {

const document::BlockStyle* layout_block(BlockLayouter& layouter, const document::Image& image,
                                         BlockPlacement at, std::vector<FlowItem>& out) {
  const double width = at.width, x = at.x;
  if (!image.missing.empty()) {
    // The picture is not drawn yet: its caption alone, marked for preflight, rather than an empty frame.
    document::Paragraph caption;
    caption.content = image.caption;
    caption.style.align = document::Align::center;
    const std::size_t first = out.size();
    layouter.layout_paragraph(caption, width, x, out, nullptr);
    if (out.size() == first) out.emplace_back(FlowLine{});
    origin_of(out[first]).kind = StripOrigin::Kind::missing_figure;  // one finding per figure
    origin_of(out[first]).note = image.missing;
    for (std::size_t i = first + 1; i < out.size(); ++i) {
      origin_of(out[i]).kind = StripOrigin::Kind::other;
      break_before_of(out[i]) = false;
    }
    return &image.block;
  }
  if (!image.data || image.data->pixel_width == 0 || image.data->pixel_height == 0) return &image.block;
  const double aspect = static_cast<double>(image.data->pixel_height) / image.data->pixel_width;
  double w = image.width;
  double h = image.height;
  if (w <= 0 && h <= 0) w = std::min(width, image.data->pixel_width * 0.75);  // 96 dpi when unsized
  if (w <= 0) w = h / aspect;
  if (h <= 0) h = w * aspect;
  if (w > width) {  // never wider than the column: scale down, keeping the aspect ratio
    h *= width / w;
    w = width;
  }
  // Nor taller than a page (with room for a caption line): a picture never runs off the page's foot.
  const double room = layouter.environment().page_content_height - (image.caption.empty() ? 0 : 40);
  if (room > 0 && h > room) {
    w *= room / h;
    h = room;
  }
  double left = x;
  if (image.align == document::Align::center) left += (width - w) / 2;
  if (image.align == document::Align::right) left += width - w;
  FlowLine strip;
  strip.height = h;
  strip.baseline = h;
  strip.frame.size = {width, h};
  strip.frame.items.push_back(Image{image.data, {left, 0}, {w, h}});
  out.emplace_back(std::move(strip));
  if (!image.caption.empty()) {
    document::Paragraph caption;
    caption.content = image.caption;
    caption.style.align = document::Align::center;
    const std::size_t first = out.size();
    const bool saved_keep = layouter.flow().keep_next;
    layouter.flow().keep_next = false;
    layouter.layout_paragraph(caption, width, x, out, nullptr);
    layouter.flow().keep_next = saved_keep;
    if (out.size() > first) {
      break_before_of(out[first]) = false;  // a caption stays with its picture
      space_before_of(out[first]) = 4;
    }
    for (std::size_t i = first; i < out.size(); ++i) origin_of(out[i]).kind = StripOrigin::Kind::other;
  }
  return &image.block;
}

}  // namespace raingan::layout
