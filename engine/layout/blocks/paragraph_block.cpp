// A paragraph: its inline content broken into lines (paragraph.h), one strip per line, with the widows and
// orphans rules deciding where a page may end.
#include <algorithm>

#include "core/utf8.h"
#include "layout/blocks/block_kinds.h"
#include "layout/paragraph.h"

namespace raingan::layout {
namespace {

std::string code_point_name(char32_t cp) {
  static constexpr char digits[] = "0123456789ABCDEF";
  std::string hex;
  for (int shift = cp > 0xFFFF ? 20 : 12; shift >= 0; shift -= 4) hex += digits[(cp >> shift) & 0xF];
  std::string text = "U+" + hex + " '";
  utf8::append(text, cp);
  return text + "'";
}

}  // namespace

std::vector<Inline> BlockLayouter::paragraph_inlines(const document::Paragraph& paragraph) const {
  // Fields become text here: only headers and footers know the page they are on.
  std::vector<Inline> content;
  content.reserve(paragraph.content.size());
  for (const auto& piece : paragraph.content) {
    if (const auto* text = std::get_if<document::TextInline>(&piece)) {
      content.emplace_back(*text);
    } else if (const auto* leader = std::get_if<document::LeaderInline>(&piece)) {
      content.emplace_back(*leader);
    } else if (const auto* field = std::get_if<document::FieldInline>(&piece)) {
      TextInline filled;
      filled.style = field->style;
      if (environment_.fields) {
        switch (field->kind) {
          case document::FieldInline::Kind::page_number:
            filled.text = environment_.fields->page_label;
            break;
          case document::FieldInline::Kind::page_count:
            filled.text = environment_.fields->page_count;
            break;
          case document::FieldInline::Kind::running_title:
            filled.text = environment_.fields->running_title;
            break;
        }
      }
      if (!filled.text.empty()) content.emplace_back(std::move(filled));
    }
  }
  return content;
}

void BlockLayouter::layout_paragraph(const document::Paragraph& paragraph, double width, double x,
                                     std::vector<FlowItem>& out, const HeadingMark* mark) {
  const std::vector<Inline> content = paragraph_inlines(paragraph);
  ParagraphLayout laid = environment_.paragraphs.layout(content, paragraph.style, width);
  for (const auto& missing : laid.missing) {
    std::string context;
    if (missing.inline_index < content.size())
      if (const auto* text = std::get_if<TextInline>(&content[missing.inline_index])) {
        const std::size_t from = missing.byte_offset > 30 ? missing.byte_offset - 30 : 0;
        std::size_t start = from;
        while (start < missing.byte_offset && (static_cast<unsigned char>(text->text[start]) & 0xC0) == 0x80)
          ++start;
        context = text->text.substr(start, std::min<std::size_t>(60, text->text.size() - start));
      }
    environment_.problems.push_back(
        {environment_.source_name,
         paragraph.source_line ? "line " + std::to_string(paragraph.source_line) : std::string(),
         "no font has the character " + code_point_name(missing.code_point) + " (in \"" + context +
             "\"); add a font that has it to fonts/ or remove the character"});
  }

  const int count = static_cast<int>(laid.lines.size());
  const document::BlockStyle& style = paragraph.block;
  for (int i = 0; i < count; ++i) {
    LineBox& line = laid.lines[i];
    FlowLine strip;
    strip.height = line.height;
    strip.baseline = (line.height - (line.ascent + line.descent)) / 2 + line.ascent;
    strip.frame.size = {width, line.height};
    strip.frame.append(std::move(line.content), {x, strip.baseline});
    // A page may end before line i when i lines stay behind (orphans) and count - i go ahead (widows), and
    // not after a line that ends inside a word or after a joining one (ผู้ตรวจ|ราชการ, รับ-|ส่ง, และ|): a
    // reader would turn the page in the middle of what reads as one.
    strip.break_before =
        i == 0 || (i >= style.orphans && count - i >= style.widows && !laid.lines[i - 1].ends_in_word);
    strip.ends_in_word = line.ends_in_word;
    strip.origin = {mark ? StripOrigin::Kind::heading : StripOrigin::Kind::text,
                    paragraph.source_line,
                    x,
                    x + width,
                    {},
                    {},
                    std::move(line.broken_span)};
    if (i == 0 && mark) {
      strip.marks.push_back(*mark);
      strip.frame.items.push_back(Anchor{mark->anchor, {x, 0}});
    }
    out.emplace_back(std::move(strip));
  }
  if (count == 0 && mark) {  // an empty heading still anchors its place
    FlowLine strip;
    strip.marks.push_back(*mark);
    strip.frame.items.push_back(Anchor{mark->anchor, {x, 0}});
    out.emplace_back(std::move(strip));
  }
}

const document::BlockStyle* layout_block(BlockLayouter& layouter, const document::Paragraph& paragraph,
                                         BlockPlacement at, std::vector<FlowItem>& out) {
  layouter.layout_paragraph(paragraph, at.width, at.x, out, nullptr);
  return &paragraph.block;
}

}  // namespace raingan::layout
