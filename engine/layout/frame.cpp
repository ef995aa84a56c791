#include "layout/frame.h"

namespace raingan::layout {
namespace {

void move(Point& p, Point offset) {
  p.x += offset.x;
  p.y += offset.y;
}

}  // namespace

double GlyphRun::width() const {
  double total = 0;
  for (const auto& glyph : glyphs) total += glyph.x_advance;
  return total;
}

void translate(FrameItem& item, Point offset) {
  std::visit(
      [&](auto& it) {
        using T = std::decay_t<decltype(it)>;
        if constexpr (std::is_same_v<T, TextLine>) {
          for (auto& run : it.runs) move(run.origin, offset);
        } else if constexpr (std::is_same_v<T, Rule>) {
          move(it.from, offset);
          move(it.to, offset);
        } else if constexpr (std::is_same_v<T, Path>) {
          for (auto& command : it.commands) {
            move(command.p1, offset);
            move(command.p2, offset);
            move(command.p3, offset);
          }
        } else if constexpr (std::is_same_v<T, Anchor>) {
          move(it.position, offset);
        } else {
          move(it.origin, offset);
        }
      },
      item);
}

void Frame::append(const Frame& other, Point offset) {
  items.reserve(items.size() + other.items.size());
  for (const auto& item : other.items) {
    items.push_back(item);
    translate(items.back(), offset);
  }
}

void Frame::append(Frame&& other, Point offset) {
  items.reserve(items.size() + other.items.size());
  for (auto& item : other.items) {
    items.push_back(std::move(item));
    translate(items.back(), offset);
  }
}

}  // namespace raingan::layout
