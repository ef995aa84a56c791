#include "layout/block_layout.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>

#include "core/utf8.h"
#include "layout/chart.h"
#include "layout/paragraph.h"
#include "layout/table_layout.h"
#include "text/font_library.h"

namespace raingan::layout {
namespace {

FlowLine* first_line(std::vector<FlowItem>& items, std::size_t from) {
  for (std::size_t i = from; i < items.size(); ++i)
    if (auto* line = std::get_if<FlowLine>(&items[i])) return line;
  return nullptr;
}

double& space_before_of(FlowItem& item) {
  return std::visit([](auto& it) -> double& { return it.space_before; }, item);
}
double& space_after_of(FlowItem& item) {
  return std::visit([](auto& it) -> double& { return it.space_after; }, item);
}
bool& break_before_of(FlowItem& item) {
  return std::visit([](auto& it) -> bool& { return it.break_before; }, item);
}
bool& force_break_of(FlowItem& item) {
  return std::visit([](auto& it) -> bool& { return it.force_break_before; }, item);
}

// Stacks strips as pagination would on an endless page: tops of each, and the total height.
double stack(const std::vector<FlowLine>& lines, std::vector<double>& tops) {
  tops.clear();
  double y = 0;
  double previous_after = 0;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (i > 0) y += std::max(previous_after, lines[i].space_before);
    tops.push_back(y);
    y += lines[i].height;
    previous_after = lines[i].space_after;
  }
  return y;
}

// Puts the text of `extra` (one line, e.g. a page number) at the end of `line`'s text line, on its baseline:
// one text line per printed line, so a reader's software extracts "title .... ๑๒" as one line.
void append_to_line(FlowLine& line, FlowLine&& extra) {
  auto& items = line.frame.items;
  std::optional<std::size_t> target;  // the line's text line (an index: pushing items may move them)
  for (std::size_t i = 0; i < items.size(); ++i)
    if (std::holds_alternative<TextLine>(items[i])) target = i;
  for (auto& item : extra.frame.items) {
    translate(item, {0, line.baseline - extra.baseline});
    auto* text = std::get_if<TextLine>(&item);
    if (!text || !target) {
      items.push_back(std::move(item));
      continue;
    }
    TextLine& into = std::get<TextLine>(items[*target]);
    std::uint32_t glyphs = 0;
    for (const auto& run : into.runs) glyphs += static_cast<std::uint32_t>(run.glyphs.size());
    for (auto& run : text->runs) into.runs.push_back(std::move(run));
    for (auto span : text->spans) {
      span.glyph_begin += glyphs;
      span.glyph_end += glyphs;
      into.spans.push_back(std::move(span));
    }
  }
}

std::string code_point_name(char32_t cp) {
  static constexpr char digits[] = "0123456789ABCDEF";
  std::string hex;
  for (int shift = cp > 0xFFFF ? 20 : 12; shift >= 0; shift -= 4) hex += digits[(cp >> shift) & 0xF];
  std::string text = "U+" + hex + " '";
  utf8::append(text, cp);
  return text + "'";
}

}  // namespace

void BlockLayouter::layout(const document::Blocks& blocks, double width, double x,
                           std::vector<FlowItem>& out) {
  for (const auto& block : blocks) layout(block, width, x, out);
}

void BlockLayouter::layout(const document::Block& block, double width, double x, std::vector<FlowItem>& out) {
  const std::size_t first = out.size();
  const document::BlockStyle* style = nullptr;
  std::visit(
      [&](const auto& node) {
        using T = std::decay_t<decltype(node)>;
        if constexpr (std::is_same_v<T, document::Paragraph>) {
          layout_paragraph(node, width, x, out, nullptr);
          style = &node.block;
        } else if constexpr (std::is_same_v<T, document::Heading>) {
          HeadingMark mark{node.anchor,     node.title,       node.level,
                           node.in_outline, node.in_contents, node.running_title};
          layout_paragraph(node.paragraph, width, x, out, &mark);
          // A heading is read as one: its lines never part across a page end.
          for (std::size_t i = first + 1; i < out.size(); ++i) break_before_of(out[i]) = false;
          style = &node.paragraph.block;
        } else if constexpr (std::is_same_v<T, document::List>) {
          layout_list(node, width, x, out);
          style = &node.block;
        } else if constexpr (std::is_same_v<T, document::Table>) {
          layout_table(node, width, x, out);
          style = &node.block;
        } else if constexpr (std::is_same_v<T, document::Image>) {
          layout_image(node, width, x, out);
          style = &node.block;
        } else if constexpr (std::is_same_v<T, document::Chart>) {
          layout_chart(node, width, x, out);
          style = &node.block;
        } else if constexpr (std::is_same_v<T, document::Spacer>) {
          layout_spacer(node, out);
        } else if constexpr (std::is_same_v<T, document::PageBreak>) {
          break_next_ = true;
        } else if constexpr (std::is_same_v<T, document::TableOfContents>) {
          layout_contents(node, width, x, out);
          style = &node.entry_block;
        } else if constexpr (std::is_same_v<T, document::Container>) {
          layout_container(node, width, x, out);
          style = &node.block;
        }
      },
      block.node);
  if (out.size() == first) return;
  static const document::BlockStyle plain;
  apply_block_style(style ? *style : plain, out, first);
}

void BlockLayouter::apply_block_style(const document::BlockStyle& style, std::vector<FlowItem>& out,
                                      std::size_t first) {
  FlowItem& head = out[first];
  space_before_of(head) = std::max(space_before_of(head), style.space_before);
  space_after_of(out.back()) = std::max(space_after_of(out.back()), style.space_after);
  if (style.keep_together) {
    for (std::size_t i = first + 1; i < out.size(); ++i) break_before_of(out[i]) = false;
    for (std::size_t i = first; i < out.size(); ++i)
      if (auto* table = std::get_if<FlowTable>(&out[i])) table->keep_together = true;
  }
  if (keep_next_) break_before_of(head) = false;
  if (break_next_ || style.page_break_before) force_break_of(head) = true;
  keep_next_ = style.keep_with_next;
  break_next_ = false;
}

void BlockLayouter::layout_paragraph(const document::Paragraph& paragraph, double width, double x,
                                     std::vector<FlowItem>& out, const HeadingMark* mark) {
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
    // A page may end before line i when i lines stay behind (orphans) and count - i go ahead (widows).
    strip.break_before = i == 0 || (i >= style.orphans && count - i >= style.widows);
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

void BlockLayouter::layout_list(const document::List& list, double width, double x,
                                std::vector<FlowItem>& out) {
  // Labels first: a label wider than the space the list reserves ("๓.๑๒" in a "๑." list) widens it for
  // every item, so label and text never touch and the items stay aligned.
  std::vector<FlowLine> labels;
  double widest = 0;
  const bool saved_keep = keep_next_;
  const bool saved_break = break_next_;
  for (const auto& item : list.items) {
    document::Paragraph label;
    label.content = item.label;
    std::vector<FlowItem> laid;
    keep_next_ = false;
    break_next_ = false;
    layout_paragraph(label, std::max(1.0, width - list.indent), 0, laid, nullptr);
    FlowLine line = laid.empty() ? FlowLine{} : std::move(std::get<FlowLine>(laid.front()));
    double right = 0;
    for (const auto& piece : line.frame.items)
      if (const auto* text = std::get_if<TextLine>(&piece))
        for (const auto& run : text->runs) right = std::max(right, run.origin.x + run.width());
    widest = std::max(widest, right);
    labels.push_back(std::move(line));
  }
  keep_next_ = saved_keep;
  break_next_ = saved_break;
  double gap = 4;
  for (const auto& item : list.items)
    for (const auto& piece : item.label)
      if (const auto* text = std::get_if<document::TextInline>(&piece))
        gap = std::max(gap, text->style.font.size * 0.3);
  const double label_width = std::max(list.label_width, widest + gap);
  const double body_x = x + list.indent + label_width;
  const double body_width = std::max(1.0, width - list.indent - label_width);

  for (std::size_t i = 0; i < list.items.size(); ++i) {
    const std::size_t first = out.size();
    const bool keep = keep_next_;
    keep_next_ = false;
    layout(list.items[i].body, body_width, body_x, out);
    FlowLine& label_line = labels[i];
    FlowLine* body_line = first_line(out, first);
    if (body_line) {
      // The label goes first in the strip, so a reader copying the text gets "๑. item", not "item ๑.".
      Frame with_label;
      with_label.size = body_line->frame.size;
      with_label.append(std::move(label_line.frame),
                        {x + list.indent, body_line->baseline - label_line.baseline});
      with_label.append(std::move(body_line->frame), {0, 0});
      body_line->frame = std::move(with_label);
    } else if (!label_line.frame.items.empty()) {
      Frame placed;
      placed.size = label_line.frame.size;
      placed.append(std::move(label_line.frame), {x + list.indent, 0});
      label_line.frame = std::move(placed);
      out.emplace_back(std::move(label_line));
    }
    if (out.size() > first && keep) break_before_of(out[first]) = false;
  }
}

void BlockLayouter::layout_table(const document::Table& table, double width, double x,
                                 std::vector<FlowItem>& out) {
  auto layout_ptr = std::make_shared<TableLayout>();
  TableLayout& t = *layout_ptr;
  if (table.columns.empty() || table.rows.empty()) return;
  resolve_columns(table.columns, width, t);
  t.row_count = static_cast<int>(table.rows.size());
  t.header_rows = std::clamp(table.header_rows, 0, t.row_count);
  t.borders = table.borders;
  t.padding_top = table.padding_top;
  t.padding_bottom = table.padding_bottom;
  t.padding_left = table.padding_left;
  t.padding_right = table.padding_right;
  t.row_cells.assign(static_cast<std::size_t>(t.row_count), {});
  for (const auto& row : table.rows) t.min_row_height.push_back(row.min_height);

  std::vector<std::string> problems;
  const auto grid = arrange_grid(table, problems);
  for (const auto& problem : problems)
    environment_.problems.push_back({environment_.source_name, "", problem});

  const bool saved_keep = keep_next_;
  const bool saved_break = break_next_;
  std::size_t g = 0;
  for (int r = 0; r < t.row_count; ++r) {
    for (const auto& cell : table.rows[r].cells) {
      const GridPlacement& place = grid[g++];
      CellBox box;
      box.row = place.row;
      box.column = place.column;
      box.colspan = place.colspan;
      box.rowspan = (r < t.header_rows) ? std::min(place.rowspan, t.header_rows - r) : place.rowspan;
      box.fill = cell.fill;
      box.vertical_align = cell.vertical_align;
      const double cell_width = t.column_x[place.column + place.colspan - 1] +
                                t.column_width[place.column + place.colspan - 1] - t.column_x[place.column];
      keep_next_ = false;
      break_next_ = false;
      box.lines = layout_strips(cell.content, std::max(1.0, cell_width - t.padding_left - t.padding_right));
      box.content_height = stack(box.lines, box.line_top);
      t.row_cells[r].push_back(static_cast<int>(t.cells.size()));
      t.cells.push_back(std::move(box));
    }
  }
  keep_next_ = saved_keep;
  break_next_ = saved_break;

  FlowTable item;
  item.table = std::move(layout_ptr);
  item.x = x;
  out.emplace_back(std::move(item));
}

void BlockLayouter::layout_image(const document::Image& image, double width, double x,
                                 std::vector<FlowItem>& out) {
  if (!image.data || image.data->pixel_width == 0 || image.data->pixel_height == 0) return;
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
    const bool saved_keep = keep_next_;
    keep_next_ = false;
    layout_paragraph(caption, width, x, out, nullptr);
    keep_next_ = saved_keep;
    if (out.size() > first) {
      break_before_of(out[first]) = false;  // a caption stays with its picture
      space_before_of(out[first]) = 4;
    }
  }
}

void BlockLayouter::layout_chart(const document::Chart& chart, double width, double x,
                                 std::vector<FlowItem>& out) {
  FlowLine strip;
  strip.frame = draw_chart(chart, width, environment_.fonts);
  strip.height = strip.frame.size.height;
  strip.baseline = strip.height;
  Frame placed;
  placed.size = {width, strip.height};
  placed.append(std::move(strip.frame), {x, 0});
  strip.frame = std::move(placed);
  out.emplace_back(std::move(strip));
}

void BlockLayouter::layout_contents(const document::TableOfContents& contents, double width, double x,
                                    std::vector<FlowItem>& out) {
  if (!environment_.contents) return;
  // The page numbers stand in a column at the right edge, as wide as the widest of them: titles wrap before
  // it and an entry's leader runs up to it on the entry's last line, so a long title never pushes its number
  // onto a line of dots of its own.
  std::vector<std::optional<FlowLine>> numbers;
  double number_column = 0;
  for (const auto& entry : *environment_.contents) {
    numbers.emplace_back();
    if (entry.level > contents.max_level || entry.page_label.empty()) continue;
    document::Paragraph number;
    number.style.align = document::Align::right;
    number.content = {document::TextInline{entry.page_label, contents.style, entry.anchor, {}}};
    std::vector<FlowItem> laid;
    layout_paragraph(number, width, x, laid, nullptr);
    if (laid.empty()) continue;
    numbers.back() = std::move(std::get<FlowLine>(laid.front()));
    double label_width = 0;
    for (const auto& piece : numbers.back()->frame.items)
      if (const auto* text = std::get_if<TextLine>(&piece))
        for (const auto& run : text->runs) label_width += run.width();
    number_column = std::max(number_column, label_width);
  }
  if (number_column > 0) number_column += contents.style.font.size * 0.4;
  std::size_t k = 0;
  for (const auto& entry : *environment_.contents) {
    std::optional<FlowLine>& number = numbers[k++];
    if (entry.level > contents.max_level) continue;
    document::Paragraph line;
    line.style = contents.paragraph;
    line.style.start_indent += contents.indent_per_level * (entry.level - 1);
    line.style.end_indent += number_column;
    document::TextInline title{entry.title, contents.style, entry.anchor, {}};
    document::LeaderInline leader{contents.style, U'.'};
    line.content = {title, leader};
    line.block = contents.entry_block;
    const std::size_t first = out.size();
    layout_paragraph(line, width, x, out, nullptr);
    if (out.size() == first) continue;
    if (auto* last = std::get_if<FlowLine>(&out.back()); last && number)
      append_to_line(*last, std::move(*number));
    space_before_of(out[first]) = std::max(space_before_of(out[first]), contents.entry_block.space_before);
    space_after_of(out.back()) = std::max(space_after_of(out.back()), contents.entry_block.space_after);
  }
}

void BlockLayouter::layout_container(const document::Container& container, double width, double x,
                                     std::vector<FlowItem>& out) {
  const double inner_x = x + container.start_indent + container.padding;
  const double inner_width =
      std::max(1.0, width - container.start_indent - container.end_indent - 2 * container.padding);
  const std::size_t first = out.size();
  layout(container.children, inner_width, inner_x, out);
  if (!container.border || out.size() == first) return;
  // A bordered container is drawn as one box: its strips become one unbreakable strip.
  std::vector<FlowLine> strips;
  for (std::size_t i = first; i < out.size(); ++i) {
    if (auto* line = std::get_if<FlowLine>(&out[i])) {
      strips.push_back(std::move(*line));
    } else {
      auto& table = std::get<FlowTable>(out[i]);
      TablePart part = place_table_part(*table.table, {}, std::numeric_limits<double>::infinity(), true);
      FlowLine line_of_table;
      line_of_table.frame.append(std::move(part.frame), {table.x, 0});
      line_of_table.height = part.height;
      line_of_table.space_before = table.space_before;
      line_of_table.space_after = table.space_after;
      line_of_table.marks = std::move(part.marks);
      strips.push_back(std::move(line_of_table));
    }
  }
  out.resize(first);
  std::vector<double> tops;
  const double content_height = stack(strips, tops);
  FlowLine box;
  box.height = content_height + 2 * container.padding;
  box.space_before = strips.front().space_before;
  box.space_after = strips.back().space_after;
  box.baseline = container.padding + strips.front().baseline;
  box.frame.items.push_back(Rectangle{{x + container.start_indent, 0},
                                      {width - container.start_indent - container.end_indent, box.height},
                                      std::nullopt,
                                      container.border});
  for (std::size_t i = 0; i < strips.size(); ++i) {
    box.marks.insert(box.marks.end(), strips[i].marks.begin(), strips[i].marks.end());
    box.frame.append(std::move(strips[i].frame), {0, container.padding + tops[i]});
  }
  out.emplace_back(std::move(box));
}

void BlockLayouter::layout_spacer(const document::Spacer& spacer, std::vector<FlowItem>& out) {
  FlowLine strip;
  strip.height = spacer.height;
  out.emplace_back(std::move(strip));
}

std::vector<FlowLine> BlockLayouter::layout_strips(const document::Blocks& blocks, double width) {
  std::vector<FlowItem> items;
  layout(blocks, width, 0, items);
  std::vector<FlowLine> lines;
  lines.reserve(items.size());
  for (auto& item : items) {
    if (auto* line = std::get_if<FlowLine>(&item)) {
      lines.push_back(std::move(*line));
      continue;
    }
    auto& table = std::get<FlowTable>(item);
    TablePart part = place_table_part(*table.table, {}, std::numeric_limits<double>::infinity(), true);
    FlowLine strip;
    strip.height = part.height;
    strip.space_before = table.space_before;
    strip.space_after = table.space_after;
    strip.break_before = table.break_before;
    strip.marks = std::move(part.marks);
    strip.frame.size = {width, part.height};
    strip.frame.append(std::move(part.frame), {table.x, 0});
    lines.push_back(std::move(strip));
  }
  return lines;
}

}  // namespace raingan::layout
