// Fuzz target: paragraph layout of arbitrary Unicode. The first bytes choose the alignment, the width, the
// size and whether the text is split into two styles; the rest is the text (made valid UTF-8 by the caller's
// rules: invalid text must be refused with an InputError, never laid out). Every laid-out line must stay
// within the paragraph's byte range, in order, with finite measures.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <span>
#include <string>
#include <vector>

#include "core/diagnostic.h"
#include "layout/paragraph.h"
#include "text/font_library.h"

namespace {

using namespace raingan;

layout::ParagraphLayouter& layouter() {
  static text::FontLibrary fonts(std::filesystem::path(RAINGAN_SOURCE_DIR) / "fonts");
  static layout::ParagraphLayouter paragraphs(fonts);
  return paragraphs;
}

}  // namespace

// One-time set-up before any input runs, so that what is loaded once for the process (fontconfig's
// configuration, the fonts) is not mistaken for a leak of the first input.
extern "C" int LLVMFuzzerInitialize(int*, char***) {
  for (const bool bold : {false, true}) {
    layout::TextInline warm_up{"ก a ❖", {}, {}, {}};  // ❖: the fallback faces are loaded on first need
    warm_up.style.font.family = "TH Sarabun PSK";
    warm_up.style.font.bold = bold;
    const std::vector<layout::Inline> inlines{warm_up};
    layouter().layout(std::span<const layout::Inline>(inlines), {}, 100);
  }
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 4) return 0;
  layout::ParagraphStyle style;
  style.align = static_cast<layout::Align>(data[0] % 4);
  const double width = 1.0 + data[1] * 2.0;  // 1 pt (every cluster overflows) to 511 pt (a wide column)
  style.first_line_indent = (data[2] & 0x0F) * 4.0;
  const bool two_styles = (data[2] & 0x10) != 0;
  style.line_spacing = (data[2] & 0x20) != 0 ? 1.5 : 1.0;
  const double font_size = 6.0 + (data[3] % 32);
  const std::string text(reinterpret_cast<const char*>(data) + 4, size - 4);

  std::vector<layout::Inline> inlines;
  layout::TextInline first{text, {}, {}, {}};
  first.style.font.family = "TH Sarabun PSK";
  first.style.font.size = font_size;
  if (two_styles && text.size() > 1) {
    // A style change in the middle of the text (maybe inside a cluster or a UTF-8 sequence).
    layout::TextInline second = first;
    first.text = text.substr(0, text.size() / 2);
    second.text = text.substr(text.size() / 2);
    second.style.font.bold = true;
    second.style.font.size = font_size + 2;
    inlines.emplace_back(std::move(first));
    inlines.emplace_back(std::move(second));
  } else {
    inlines.emplace_back(std::move(first));
  }
  try {
    const layout::ParagraphLayout laid =
        layouter().layout(std::span<const layout::Inline>(inlines), style, width);
    std::size_t end = 0;
    for (const auto& line : laid.lines) {
      if (line.text_begin < end || line.text_end < line.text_begin || line.text_end > text.size())
        __builtin_trap();  // lines must cover the text in order
      if (!std::isfinite(line.width) || !std::isfinite(line.height) || line.height <= 0) __builtin_trap();
      end = line.text_end;
    }
  } catch (const InputError&) {
  }
  return 0;
}
