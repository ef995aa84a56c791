// <table columns="…" header-rows="…" border="…" …> with <row header="…" min-height="…"> and
// <cell colspan="…" rowspan="…" valign="…" fill="…">: a table whose header rows repeat on every page.
#include <algorithm>
#include <optional>

#include "templating/elements/document_elements.h"

namespace raingan::templating {
namespace {

const ElementRule row_rule{"row", {"header", "min-height", "keep-with-next"}, &style_attribute_group};
const ElementRule cell_rule{"cell", {"colspan", "rowspan", "valign", "fill"}, &style_attribute_group};

std::vector<document::TableColumn> parse_columns(DocumentBinding& binding, const Attribute& a) {
  std::vector<document::TableColumn> columns;
  const std::string text = binding.core().text(a);
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && text[i] == ' ') ++i;
    std::size_t j = i;
    while (j < text.size() && text[j] != ' ') ++j;
    if (j == i) break;
    const std::string token = text.substr(i, j - i);
    const AttributeSource where = binding.where(a);
    document::TableColumn column;
    if (token == "auto") {
      column.unit = document::TableColumn::Unit::automatic;
      columns.push_back(column);
      i = j;
      continue;
    }
    if (token.ends_with("fr") || token.ends_with("*") || token.ends_with("%")) {
      const std::size_t cut = token.ends_with("fr") ? 2 : 1;
      column.unit = document::TableColumn::Unit::fraction;
      column.value = token.size() == cut ? 1.0 : parse_number(token.substr(0, token.size() - cut), where);
    } else if (token.find_first_not_of("0123456789.") == std::string::npos) {
      column.unit = document::TableColumn::Unit::fraction;
      column.value = parse_number(token, where);
    } else {
      column.unit = document::TableColumn::Unit::points;
      column.value = parse_length(token, where);
    }
    if (!(column.value > 0))
      binding.core().fail(a.line, "table columns must have a width above 0, found \"" + token + "\"");
    columns.push_back(column);
    i = j;
  }
  if (columns.empty()) binding.core().fail(a.line, "columns=\"…\" lists no columns");
  return columns;
}

// column-align="left right center": an alignment per column for the body rows.
std::vector<std::optional<document::Align>> parse_column_align(DocumentBinding& binding, const Element& e,
                                                               std::size_t columns) {
  std::vector<std::optional<document::Align>> column_align(columns);
  const Attribute* a = e.attribute("column-align");
  if (!a) return column_align;
  const std::string text = binding.core().text(*a);
  std::size_t column = 0, i = 0;
  while (i < text.size() && column < column_align.size()) {
    while (i < text.size() && text[i] == ' ') ++i;
    std::size_t j = text.find(' ', i);
    if (j == std::string::npos) j = text.size();
    if (j > i) {
      const std::string word =
          parse_choice(text.substr(i, j - i), {"left", "right", "center", "justify"}, binding.where(*a));
      column_align[column++] = word == "left"     ? document::Align::left
                               : word == "right"  ? document::Align::right
                               : word == "center" ? document::Align::center
                                                  : document::Align::justify;
    }
    i = j;
  }
  return column_align;
}

constexpr std::size_t max_auto_columns = 1000;

// The columns the rows of a table take: cells flow left to right past columns held by row spans from above.
std::size_t grid_width(const document::Table& table) {
  std::vector<std::size_t> held_until;  // per column, the row a span from above ends at
  std::size_t width = 1;
  for (std::size_t r = 0; r < table.rows.size(); ++r) {
    std::size_t column = 0;
    for (const auto& cell : table.rows[r].cells) {
      while (column < held_until.size() && held_until[column] > r) ++column;
      const auto span = static_cast<std::size_t>(std::max(1, cell.colspan));
      if (held_until.size() < column + span) held_until.resize(column + span, 0);
      for (std::size_t c = column; c < column + span; ++c)
        held_until[c] = r + static_cast<std::size_t>(std::max(1, cell.rowspan));
      column += span;
    }
    width = std::max(width, column);
  }
  return std::min(width, max_auto_columns);
}

document::TableCell bind_cell(DocumentBinding& binding, const Element& cell, Style cell_style) {
  BinderCore& core = binding.core();
  document::TableCell out;
  if (const Attribute* a = cell.attribute("colspan"))
    out.colspan = parse_integer(core.text(*a), binding.where(*a), 1, 1000);
  if (const Attribute* a = cell.attribute("rowspan"))
    out.rowspan = parse_integer(core.text(*a), binding.where(*a), 1, 100000);
  if (const Attribute* a = cell.attribute("valign")) {
    const std::string v = parse_choice(core.text(*a), {"top", "middle", "bottom"}, binding.where(*a));
    out.vertical_align = v == "top"      ? document::VerticalAlign::top
                         : v == "middle" ? document::VerticalAlign::middle
                                         : document::VerticalAlign::bottom;
  }
  if (const Attribute* a = cell.attribute("fill")) out.fill = parse_color(core.text(*a), binding.where(*a));
  binding.bind_blocks(cell, out.content, binding.style_for(cell, cell_style, ""));
  return out;
}

void bind_table(DocumentBinding& binding, const Element& e, const Style& inherited, document::Blocks& out) {
  BinderCore& core = binding.core();
  document::Table table;
  // Without columns="…", every column is auto, as many as the widest row (with spans from above) takes.
  if (const Attribute* a = e.attribute("columns")) table.columns = parse_columns(binding, *a);
  const Style style = binding.style_for(e, inherited, "table");
  table.block = resolve(style).block;
  Style cell_base = style;
  cell_base.space_before.reset();
  cell_base.space_after.reset();
  cell_base.keep_with_next.reset();
  cell_base.keep_together.reset();
  cell_base.keep_with_previous_lines.reset();
  cell_base.page_break_before.reset();
  if (const Attribute* a = e.attribute("border")) {
    const std::string kind =
        parse_choice(core.text(*a), {"all", "none", "outer", "horizontal"}, binding.where(*a));
    table.borders.kind = kind == "all"     ? document::TableBorders::Kind::all
                         : kind == "none"  ? document::TableBorders::Kind::none
                         : kind == "outer" ? document::TableBorders::Kind::outer
                                           : document::TableBorders::Kind::horizontal;
  }
  if (const Attribute* a = e.attribute("border-width"))
    table.borders.stroke.thickness = parse_length(core.text(*a), binding.where(*a));
  if (const Attribute* a = e.attribute("border-color"))
    table.borders.stroke.color = parse_color(core.text(*a), binding.where(*a));
  if (const Attribute* a = e.attribute("padding")) {
    auto v = parse_lengths(core.text(*a), binding.where(*a));
    table.padding_top = v[0];
    table.padding_right = v.size() > 1 ? v[1] : v[0];
    table.padding_bottom = v.size() > 2 ? v[2] : v[0];
    table.padding_left = v.size() > 3 ? v[3] : table.padding_right;
  }
  const auto column_align =
      parse_column_align(binding, e, table.columns.empty() ? max_auto_columns : table.columns.size());
  int header_rows_marked = 0;
  bool body_started = false;
  core.for_each_child(e, [&](const Node& node) {
    if (!node.element) {
      if (has_visible_text(node.text)) core.fail(node.line, "<table> holds <row> elements, not text");
      return;
    }
    const Element& row = *node.element;
    if (row.name != "row") core.fail(row, "a <table> holds <row> elements");
    check_attributes(core, row, row_rule);
    document::TableRow bound_row;
    bool header = false;
    if (const Attribute* a = row.attribute("header")) header = parse_flag(core.text(*a), binding.where(*a));
    if (header && body_started) core.fail(row, "header rows must come before the other rows");
    if (header)
      ++header_rows_marked;
    else
      body_started = true;
    if (const Attribute* a = row.attribute("min-height"))
      bound_row.min_height = parse_length(core.text(*a), binding.where(*a));
    if (const Attribute* a = row.attribute("keep-with-next"))
      bound_row.keep_with_next = parse_flag(core.text(*a), binding.where(*a));
    const Style row_style =
        binding.style_for(row, header ? binding.layered(cell_base, "table-header") : cell_base, "");
    std::size_t column = 0;
    core.for_each_child(row, [&](const Node& cell_node) {
      if (!cell_node.element) {
        if (has_visible_text(cell_node.text))
          core.fail(cell_node.line, "<row> holds <cell> elements, not text");
        return;
      }
      const Element& cell = *cell_node.element;
      if (cell.name != "cell") core.fail(cell, "a <row> holds <cell> elements");
      check_attributes(core, cell, cell_rule);
      Style cell_style = row_style;
      if (column < column_align.size() && column_align[column] && !header)
        cell_style.align = column_align[column];
      document::TableCell bound_cell = bind_cell(binding, cell, cell_style);
      column += static_cast<std::size_t>(bound_cell.colspan);
      bound_row.cells.push_back(std::move(bound_cell));
    });
    core.check_row_count(e, table.rows.size() + 1);
    table.rows.push_back(std::move(bound_row));
  });
  if (table.columns.empty())
    table.columns.resize(grid_width(table), {document::TableColumn::Unit::automatic, 1});
  table.header_rows = header_rows_marked;
  if (const Attribute* a = e.attribute("header-rows"))
    table.header_rows = parse_integer(core.text(*a), binding.where(*a), 0, 100);
  if (table.header_rows > static_cast<int>(table.rows.size()))
    table.header_rows = static_cast<int>(table.rows.size());
  out.push_back({std::move(table)});
}

}  // namespace

void register_table(DocumentElements& elements) {
  elements.blocks.add(
      {"table",
       {"columns", "header-rows", "border", "border-width", "border-color", "padding", "column-align"},
       &style_attribute_group},
      &bind_table);
}

}  // namespace raingan::templating
