#include "templating/document_binder.h"

#include <algorithm>
#include <cmath>

#include "core/units.h"
#include "format/thai_digits.h"
#include "templating/style_sheet.h"
#include "templating/whitespace.h"

namespace raingan::templating {
namespace {

const std::vector<std::string_view> block_elements = {
    "p",     "h1",    "h2",    "h3",     "h4",         "h5",       "h6",    "heading",  "list",
    "table", "image", "chart", "spacer", "page-break", "contents", "block", "signature"};

bool is_block_element(std::string_view name) {
  return std::find(block_elements.begin(), block_elements.end(), name) != block_elements.end();
}

// One run of text in a paragraph before whitespace is settled.
struct InlinePiece {
  TextPiece text;
  document::InlineStyle style;
  std::string link_anchor, link_url;
  std::optional<document::LeaderInline> leader;
  std::optional<document::FieldInline> field;
};

// Leaders and fields stand in the text as one visible character, so the spaces around them are kept.
constexpr std::string_view object_marker = "\xEF\xBF\xBC";  // U+FFFC OBJECT REPLACEMENT CHARACTER

InlinePiece make_piece(std::string text, bool verbatim, const document::InlineStyle& style,
                       const std::string& anchor, const std::string& url) {
  InlinePiece piece;
  piece.text.text = std::move(text);
  piece.text.verbatim = verbatim;
  piece.style = style;
  piece.link_anchor = anchor;
  piece.link_url = url;
  return piece;
}

struct ListContext {
  std::string parent_label;  // label of the enclosing item, for nested numbering (๓. -> ๓.๑)
};

class DocumentBinder {
 public:
  DocumentBinder(const TemplateFile& file, const dataset::JsonDocument& data, const BindOptions& options,
                 document::ImageSource& images)
      : core_(file, data, options), images_(images) {}

  BoundDocument run() {
    const Element& root = *core_.file().root;
    core_.check_attributes(
        root, {"title", "author", "subject", "keywords", "font", "size", "dataset-kind", "report-title"},
        false);
    core_.check_dataset_kind(root);
    styles_ = StyleSheet(core_.text(root, "font", "TH Sarabun PSK"),
                         root.attribute("size") ? parse_length(core_.text(*root.attribute("size")),
                                                               {core_.file_name(), root.line, "size"})
                                                : 16.0);
    auto& info = result_.document.info;
    info.title = core_.text(root, "title");
    info.author = core_.text(root, "author");
    info.subject = core_.text(root, "subject");
    info.keywords = core_.text(root, "keywords");
    read_styles(root);
    bind_root(root);
    return std::move(result_);
  }

 private:
  // ---- document level ----------------------------------------------------------------------------------

  void read_styles(const Element& root) {
    for (const auto& child : root.children) {
      if (!child.element || child.element->name != "style") continue;
      const Element& e = *child.element;
      core_.check_attributes(e, {"name", "based-on"}, true);
      const std::string name = core_.required(e, "name").value;
      Style style;
      if (const Attribute* base = e.attribute("based-on")) {
        const Style* parent = styles_.find(base->value);
        if (!parent)
          core_.fail(base->line, "<style>: no style named '" + base->value + "' is defined before it");
        style = *parent;
      } else if (const Style* existing = styles_.find(name)) {
        style = *existing;  // redefining a built-in style changes only what it mentions
      }
      style.layer(read_own_style(e));
      styles_.define(name, style);
    }
  }

  Style read_own_style(const Element& e) {
    return read_style(e, core_.file_name(), [&](const Attribute& a) { return core_.text(a); });
  }

  // Base style for an element: inherited, then its named style (or the default one), then its own attributes.
  Style style_for(const Element& e, const Style& inherited, std::string_view default_style) {
    Style style = inherited;
    std::string name(default_style);
    if (const Attribute* named = e.attribute("style")) name = core_.text(*named);
    if (!name.empty()) {
      const Style* found = styles_.find(name);
      if (!found)
        core_.fail(e, "no style named '" + name + "' (define it with <style name=\"" + name + "\">)");
      style.layer(*found);
    }
    style.layer(read_own_style(e));
    return style;
  }

  Style body_style() {
    Style style;
    style.layer(*styles_.find("body"));
    return style;
  }

  struct SectionDefaults {
    document::PageSetup page;
    document::Blocks header, footer;
    bool has_header = false, has_footer = false;
  };

  void bind_root(const Element& root) {
    SectionDefaults defaults;
    std::optional<document::Section> implicit;
    const Style body = body_style();
    auto flush_implicit = [&] {
      if (implicit) result_.document.sections.push_back(std::move(*implicit));
      implicit.reset();
    };
    core_.for_each_child(root, [&](const Node& node) {
      if (!node.element) {
        if (has_visible_text(node.text))
          core_.fail(node.line, "text outside a paragraph: put it in <p>…</p>");
        return;
      }
      const Element& e = *node.element;
      if (e.name == "style") return;
      if (e.name == "page") {
        read_page(e, defaults.page);
        if (implicit) implicit->page = defaults.page;
        return;
      }
      if (e.name == "header" || e.name == "footer") {
        document::Blocks& target = e.name == "header" ? defaults.header : defaults.footer;
        target.clear();
        bind_blocks(e, target, style_for(e, body, e.name));
        if (implicit) (e.name == "header" ? implicit->header : implicit->footer) = target;
        return;
      }
      if (e.name == "section") {
        flush_implicit();
        result_.document.sections.push_back(bind_section(e, defaults, body));
        return;
      }
      if (!implicit) {
        implicit.emplace();
        implicit->page = defaults.page;
        implicit->header = defaults.header;
        implicit->footer = defaults.footer;
      }
      bind_block(node, implicit->body, body);
    });
    flush_implicit();
    if (result_.document.sections.empty()) {
      document::Section empty;
      empty.page = defaults.page;
      result_.document.sections.push_back(std::move(empty));
    }
  }

  document::Section bind_section(const Element& e, const SectionDefaults& defaults, const Style& body) {
    core_.check_attributes(e, {"numbering", "start", "continue", "header-on-first-page", "label"}, false);
    document::Section section;
    section.page = defaults.page;
    section.header = defaults.header;
    section.footer = defaults.footer;
    const std::string& file = core_.file_name();
    if (const Attribute* a = e.attribute("numbering")) {
      const std::string n =
          parse_choice(core_.text(*a), {"thai", "arabic", "thai-letters", "none"}, {file, a->line, a->name});
      section.numbering = n == "thai"           ? document::PageNumbering::thai_digits
                          : n == "arabic"       ? document::PageNumbering::arabic
                          : n == "thai-letters" ? document::PageNumbering::thai_letters
                                                : document::PageNumbering::none;
    }
    if (const Attribute* a = e.attribute("start"))
      section.first_number = parse_integer(core_.text(*a), {file, a->line, a->name}, 0, 100000);
    if (const Attribute* a = e.attribute("continue"))
      section.continue_numbering = parse_flag(core_.text(*a), {file, a->line, a->name});
    section.label = core_.text(e, "label");
    if (const Attribute* a = e.attribute("header-on-first-page"))
      section.header_on_first_page = parse_flag(core_.text(*a), {file, a->line, a->name});
    bool header_seen = false, footer_seen = false;
    core_.for_each_child(e, [&](const Node& node) {
      if (node.element && node.element->name == "page") {
        read_page(*node.element, section.page);
      } else if (node.element && (node.element->name == "header" || node.element->name == "footer")) {
        const Element& h = *node.element;
        const bool header = h.name == "header";
        document::Blocks& target = header ? section.header : section.footer;
        if (!(header ? header_seen : footer_seen)) target.clear();
        (header ? header_seen : footer_seen) = true;
        bind_blocks(h, target, style_for(h, body, h.name));
      } else if (!node.element && !has_visible_text(node.text)) {
      } else {
        bind_block(node, section.body, body);
      }
    });
    return section;
  }

  void read_page(const Element& e, document::PageSetup& page) {
    core_.check_attributes(e,
                           {"size", "orientation", "margin", "margin-top", "margin-bottom", "margin-left",
                            "margin-right", "first-page-margin-top", "header-offset", "footer-offset"},
                           false);
    const std::string& file = core_.file_name();
    auto length = [&](const Attribute& a) { return parse_length(core_.text(a), {file, a.line, a.name}); };
    if (const Attribute* a = e.attribute("size")) {
      const std::string size = parse_choice(core_.text(*a), {"A4", "A5", "A3"}, {file, a->line, a->name});
      page.size = size == "A4"   ? layout::Size{units::mm(210), units::mm(297)}
                  : size == "A5" ? layout::Size{units::mm(148), units::mm(210)}
                                 : layout::Size{units::mm(297), units::mm(420)};
    }
    if (const Attribute* a = e.attribute("orientation")) {
      const bool landscape =
          parse_choice(core_.text(*a), {"portrait", "landscape"}, {file, a->line, a->name}) == "landscape";
      const double w = std::min(page.size.width, page.size.height),
                   h = std::max(page.size.width, page.size.height);
      page.size = landscape ? layout::Size{h, w} : layout::Size{w, h};
    }
    if (const Attribute* a = e.attribute("margin")) {
      auto v = parse_lengths(core_.text(*a), {file, a->line, a->name});
      const double top = v[0], right = v.size() > 1 ? v[1] : v[0], bottom = v.size() > 2 ? v[2] : v[0],
                   left = v.size() > 3 ? v[3] : right;
      page.margin_top = top, page.margin_right = right, page.margin_bottom = bottom, page.margin_left = left;
    }
    if (const Attribute* a = e.attribute("margin-top")) page.margin_top = length(*a);
    if (const Attribute* a = e.attribute("margin-bottom")) page.margin_bottom = length(*a);
    if (const Attribute* a = e.attribute("margin-left")) page.margin_left = length(*a);
    if (const Attribute* a = e.attribute("margin-right")) page.margin_right = length(*a);
    if (const Attribute* a = e.attribute("first-page-margin-top")) page.first_page_margin_top = length(*a);
    if (const Attribute* a = e.attribute("header-offset")) page.header_offset = length(*a);
    if (const Attribute* a = e.attribute("footer-offset")) page.footer_offset = length(*a);
  }

  // ---- blocks ------------------------------------------------------------------------------------------

  // The children of a container as blocks. Content with no block elements is one paragraph.
  void bind_blocks(const Element& parent, document::Blocks& out, const Style& style) {
    if (!core_.contains_any(parent, block_elements)) {
      document::Paragraph paragraph = make_paragraph(parent, style, parent.line);
      if (!paragraph.content.empty()) out.push_back({std::move(paragraph)});
      return;
    }
    core_.for_each_child(parent, [&](const Node& node) { bind_block(node, out, style); });
  }

  void bind_block(const Node& node, document::Blocks& out, const Style& inherited) {
    if (!node.element) {
      if (has_visible_text(node.text))
        core_.fail(node.line, "text between blocks: put it in <p>…</p> (found \"" +
                                  node.text.substr(0, std::min<std::size_t>(40, node.text.size())) + "\")");
      return;
    }
    const Element& e = *node.element;
    const std::string& n = e.name;
    if (n == "p") {
      core_.check_attributes(e, {}, true);
      out.push_back({make_paragraph(e, style_for(e, inherited, ""), e.line)});
    } else if (n == "heading" || (n.size() == 2 && n[0] == 'h' && n[1] >= '1' && n[1] <= '6')) {
      out.push_back({make_heading(e, inherited)});
    } else if (n == "list") {
      out.push_back({make_list(e, inherited)});
    } else if (n == "table") {
      out.push_back({make_table(e, inherited)});
    } else if (n == "image") {
      if (auto image = make_image(e, inherited)) out.push_back(std::move(*image));
    } else if (n == "chart") {
      out.push_back({make_chart(e, inherited)});
    } else if (n == "spacer") {
      core_.check_attributes(e, {"height"}, false);
      const Attribute& h = core_.required(e, "height");
      out.push_back({document::Spacer{parse_length(core_.text(h), {core_.file_name(), h.line, h.name})}});
    } else if (n == "page-break") {
      core_.check_attributes(e, {}, false);
      out.push_back({document::PageBreak{}});
    } else if (n == "contents") {
      out.push_back({make_contents(e, inherited)});
    } else if (n == "block" || n == "signature") {
      out.push_back({make_container(e, inherited)});
    } else if (n == "page" || n == "header" || n == "footer" || n == "section" || n == "style") {
      core_.fail(e, "belongs directly in <document>" +
                        std::string(n == "page" || n == "header" || n == "footer" ? " or <section>" : ""));
    } else {
      core_.fail(e,
                 "unknown element here (blocks are p, h1–h6, list, table, image, chart, spacer, page-break, "
                 "contents, block, signature)");
    }
  }

  document::Paragraph make_paragraph(const Element& e, const Style& style, int line) {
    const ResolvedStyle resolved = resolve(style);
    document::Paragraph paragraph;
    paragraph.style = resolved.paragraph;
    paragraph.block = resolved.block;
    paragraph.source_line = line;
    std::vector<InlinePiece> pieces;
    bind_inlines(e, resolved.text, {}, {}, pieces);
    paragraph.content = finish_inlines(pieces);
    return paragraph;
  }

  document::Heading make_heading(const Element& e, const Style& inherited) {
    core_.check_attributes(e, {"level", "anchor", "title", "outline", "contents", "running-title"}, true);
    int level = 1;
    if (e.name == "heading") {
      const Attribute& a = core_.required(e, "level");
      level = parse_integer(core_.text(a), {core_.file_name(), a.line, a.name}, 1, 6);
    } else {
      level = e.name[1] - '0';
    }
    const std::string default_style = "h" + std::to_string(std::min(level, 4));
    document::Heading heading;
    heading.level = level;
    heading.paragraph = make_paragraph(e, style_for(e, inherited, default_style), e.line);
    heading.anchor = core_.text(e, "anchor");
    if (heading.anchor.empty()) heading.anchor = "heading-" + std::to_string(++heading_count_);
    heading.title = core_.text(e, "title");
    if (heading.title.empty())
      for (const auto& piece : heading.paragraph.content)
        if (const auto* t = std::get_if<document::TextInline>(&piece)) heading.title += t->text;
    for (char& c : heading.title)
      if (c == '\n') c = ' ';
    const std::string& file = core_.file_name();
    if (const Attribute* a = e.attribute("outline"))
      heading.in_outline = parse_flag(core_.text(*a), {file, a->line, a->name});
    if (const Attribute* a = e.attribute("contents"))
      heading.in_contents = parse_flag(core_.text(*a), {file, a->line, a->name});
    heading.running_title = core_.text(e, "running-title");
    return heading;
  }

  std::string list_label(const std::string& numbering, int n, const std::string& prefix,
                         format::Digits digits) {
    const std::string number = format::with_digits(std::to_string(n), digits);
    if (numbering == "decimal-dot") return number + ".";
    if (numbering == "decimal-paren") return number + ")";
    if (numbering == "nested" || numbering == "nested-paren") {
      std::string base = prefix;
      if (base.empty()) base = list_context_.empty() ? "" : list_context_.back().parent_label;
      while (!base.empty() && (base.back() == '.' || base.back() == ')' || base.back() == ' '))
        base.pop_back();
      const std::string label = base.empty() ? number : base + "." + number;
      return numbering == "nested" ? label : label + ")";
    }
    if (numbering == "dash") return "-";
    if (numbering == "bullet") return "•";
    return {};
  }

  document::List make_list(const Element& e, const Style& inherited) {
    core_.check_attributes(e, {"numbering", "start", "prefix", "digits", "label-width", "indent"}, true);
    const std::string& file = core_.file_name();
    const Style style = style_for(e, inherited, "");
    const ResolvedStyle resolved = resolve(style);
    std::string numbering = "decimal-dot";
    if (const Attribute* a = e.attribute("numbering"))
      numbering =
          parse_choice(core_.text(*a),
                       {"decimal-dot", "decimal-paren", "nested", "nested-paren", "dash", "bullet", "none"},
                       {file, a->line, a->name});
    int n = 1;
    if (const Attribute* a = e.attribute("start"))
      n = parse_integer(core_.text(*a), {file, a->line, a->name}, 0, 1000000);
    const std::string prefix = core_.text(e, "prefix");
    format::Digits digits = format::Digits::thai;
    if (const Attribute* a = e.attribute("digits"))
      digits = parse_choice(core_.text(*a), {"thai", "arabic"}, {file, a->line, a->name}) == "thai"
                   ? format::Digits::thai
                   : format::Digits::arabic;
    document::List list;
    list.block = resolved.block;
    const double size = resolved.text.font.size;
    list.label_width = numbering == "dash" || numbering == "bullet" ? size * 0.9
                       : numbering.starts_with("nested")            ? size * 2.4
                                                                    : size * 1.5;
    if (const Attribute* a = e.attribute("label-width"))
      list.label_width = parse_length(core_.text(*a), {file, a->line, a->name});
    if (const Attribute* a = e.attribute("indent"))
      list.indent = parse_length(core_.text(*a), {file, a->line, a->name});
    // Items take the list's text style but not its spacing: that belongs to the list as a whole.
    Style item_style = style;
    item_style.space_before.reset();
    item_style.space_after.reset();
    item_style.first_line_indent = 0;
    item_style.indent_start = 0;
    item_style.keep_with_next.reset();
    item_style.page_break_before.reset();
    core_.for_each_child(e, [&](const Node& node) {
      if (!node.element) {
        if (has_visible_text(node.text)) core_.fail(node.line, "<list> holds <item> elements, not text");
        return;
      }
      const Element& item = *node.element;
      if (item.name != "item") core_.fail(item, "a <list> holds <item> elements");
      core_.check_attributes(item, {"label"}, true);
      document::ListItem out;
      std::string label = core_.text(item, "label");
      if (label.empty()) label = list_label(numbering, n, prefix, digits);
      ++n;
      const Style own = style_for(item, item_style, "");
      document::Paragraph label_paragraph = make_text_paragraph(label, own);
      out.label = std::move(label_paragraph.content);
      list_context_.push_back({label});
      bind_blocks(item, out.body, own);
      list_context_.pop_back();
      list.items.push_back(std::move(out));
    });
    return list;
  }

  document::Paragraph make_text_paragraph(const std::string& text, const Style& style) {
    const ResolvedStyle resolved = resolve(style);
    document::Paragraph paragraph;
    paragraph.style = resolved.paragraph;
    paragraph.style.first_line_indent = 0;
    paragraph.style.start_indent = 0;
    paragraph.style.align = document::Align::left;
    if (!text.empty()) paragraph.content.push_back(document::TextInline{text, resolved.text, {}, {}});
    return paragraph;
  }

  std::vector<document::TableColumn> parse_columns(const Attribute& a) {
    std::vector<document::TableColumn> columns;
    const std::string text = core_.text(a);
    std::size_t i = 0;
    while (i < text.size()) {
      while (i < text.size() && text[i] == ' ') ++i;
      std::size_t j = i;
      while (j < text.size() && text[j] != ' ') ++j;
      if (j == i) break;
      const std::string token = text.substr(i, j - i);
      const AttributeSource where{core_.file_name(), a.line, a.name};
      document::TableColumn column;
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
        core_.fail(a.line, "table columns must have a width above 0, found \"" + token + "\"");
      columns.push_back(column);
      i = j;
    }
    if (columns.empty()) core_.fail(a.line, "columns=\"…\" lists no columns");
    return columns;
  }

  document::Table make_table(const Element& e, const Style& inherited) {
    core_.check_attributes(
        e, {"columns", "header-rows", "border", "border-width", "border-color", "padding", "column-align"},
        true);
    const std::string& file = core_.file_name();
    document::Table table;
    table.columns = parse_columns(core_.required(e, "columns"));
    const Style style = style_for(e, inherited, "table");
    table.block = resolve(style).block;
    Style cell_base = style;
    cell_base.space_before.reset();
    cell_base.space_after.reset();
    cell_base.keep_with_next.reset();
    cell_base.keep_together.reset();
    cell_base.page_break_before.reset();
    if (const Attribute* a = e.attribute("border")) {
      const std::string kind =
          parse_choice(core_.text(*a), {"all", "none", "outer", "horizontal"}, {file, a->line, a->name});
      table.borders.kind = kind == "all"     ? document::TableBorders::Kind::all
                           : kind == "none"  ? document::TableBorders::Kind::none
                           : kind == "outer" ? document::TableBorders::Kind::outer
                                             : document::TableBorders::Kind::horizontal;
    }
    if (const Attribute* a = e.attribute("border-width"))
      table.borders.stroke.thickness = parse_length(core_.text(*a), {file, a->line, a->name});
    if (const Attribute* a = e.attribute("border-color"))
      table.borders.stroke.color = parse_color(core_.text(*a), {file, a->line, a->name});
    if (const Attribute* a = e.attribute("padding")) {
      auto v = parse_lengths(core_.text(*a), {file, a->line, a->name});
      table.padding_top = v[0];
      table.padding_right = v.size() > 1 ? v[1] : v[0];
      table.padding_bottom = v.size() > 2 ? v[2] : v[0];
      table.padding_left = v.size() > 3 ? v[3] : table.padding_right;
    }
    std::vector<std::optional<document::Align>> column_align(table.columns.size());
    if (const Attribute* a = e.attribute("column-align")) {
      const std::string text = core_.text(*a);
      std::size_t column = 0, i = 0;
      while (i < text.size() && column < column_align.size()) {
        while (i < text.size() && text[i] == ' ') ++i;
        std::size_t j = text.find(' ', i);
        if (j == std::string::npos) j = text.size();
        if (j > i) {
          const std::string word = parse_choice(text.substr(i, j - i), {"left", "right", "center", "justify"},
                                                {file, a->line, a->name});
          column_align[column++] = word == "left"     ? document::Align::left
                                   : word == "right"  ? document::Align::right
                                   : word == "center" ? document::Align::center
                                                      : document::Align::justify;
        }
        i = j;
      }
    }
    int header_rows_marked = 0;
    bool body_started = false;
    core_.for_each_child(e, [&](const Node& node) {
      if (!node.element) {
        if (has_visible_text(node.text)) core_.fail(node.line, "<table> holds <row> elements, not text");
        return;
      }
      const Element& row = *node.element;
      if (row.name != "row") core_.fail(row, "a <table> holds <row> elements");
      core_.check_attributes(row, {"header", "min-height"}, true);
      document::TableRow out;
      bool header = false;
      if (const Attribute* a = row.attribute("header"))
        header = parse_flag(core_.text(*a), {file, a->line, a->name});
      if (header && body_started) core_.fail(row, "header rows must come before the other rows");
      if (header)
        ++header_rows_marked;
      else
        body_started = true;
      if (const Attribute* a = row.attribute("min-height"))
        out.min_height = parse_length(core_.text(*a), {file, a->line, a->name});
      const Style row_style = style_for(row, header ? layered(cell_base, "table-header") : cell_base, "");
      std::size_t column = 0;
      core_.for_each_child(row, [&](const Node& cell_node) {
        if (!cell_node.element) {
          if (has_visible_text(cell_node.text))
            core_.fail(cell_node.line, "<row> holds <cell> elements, not text");
          return;
        }
        const Element& cell = *cell_node.element;
        if (cell.name != "cell") core_.fail(cell, "a <row> holds <cell> elements");
        core_.check_attributes(cell, {"colspan", "rowspan", "valign", "fill"}, true);
        document::TableCell out_cell;
        if (const Attribute* a = cell.attribute("colspan"))
          out_cell.colspan = parse_integer(core_.text(*a), {file, a->line, a->name}, 1, 1000);
        if (const Attribute* a = cell.attribute("rowspan"))
          out_cell.rowspan = parse_integer(core_.text(*a), {file, a->line, a->name}, 1, 100000);
        if (const Attribute* a = cell.attribute("valign")) {
          const std::string v =
              parse_choice(core_.text(*a), {"top", "middle", "bottom"}, {file, a->line, a->name});
          out_cell.vertical_align = v == "top"      ? document::VerticalAlign::top
                                    : v == "middle" ? document::VerticalAlign::middle
                                                    : document::VerticalAlign::bottom;
        }
        if (const Attribute* a = cell.attribute("fill"))
          out_cell.fill = parse_color(core_.text(*a), {file, a->line, a->name});
        Style cell_style = row_style;
        if (column < column_align.size() && column_align[column] && !header)
          cell_style.align = column_align[column];
        bind_blocks(cell, out_cell.content, style_for(cell, cell_style, ""));
        column += static_cast<std::size_t>(out_cell.colspan);
        out.cells.push_back(std::move(out_cell));
      });
      core_.check_row_count(e, table.rows.size() + 1);
      table.rows.push_back(std::move(out));
    });
    table.header_rows = header_rows_marked;
    if (const Attribute* a = e.attribute("header-rows"))
      table.header_rows = parse_integer(core_.text(*a), {file, a->line, a->name}, 0, 100);
    if (table.header_rows > static_cast<int>(table.rows.size()))
      table.header_rows = static_cast<int>(table.rows.size());
    return table;
  }

  Style layered(const Style& base, std::string_view name) {
    Style style = base;
    if (const Style* named = styles_.find(name)) style.layer(*named);
    return style;
  }

  std::filesystem::path resolve_path(const std::string& path) {
    std::filesystem::path p(path);
    if (p.is_relative()) p = core_.file().path.parent_path() / p;
    return p;
  }

  std::optional<document::Block> make_image(const Element& e, const Style& inherited) {
    core_.check_attributes(e, {"src", "width", "height", "optional"}, true);
    const std::string& file = core_.file_name();
    document::Image image;
    const Style style = style_for(e, inherited, "");
    const ResolvedStyle resolved = resolve(style);
    image.block = resolved.block;
    image.align = e.attribute("align") ? resolved.paragraph.align : document::Align::center;
    if (const Attribute* a = e.attribute("width"))
      image.width = parse_length(core_.text(*a), {file, a->line, a->name});
    if (const Attribute* a = e.attribute("height"))
      image.height = parse_length(core_.text(*a), {file, a->line, a->name});
    bool optional = false;
    if (const Attribute* a = e.attribute("optional"))
      optional = parse_flag(core_.text(*a), {file, a->line, a->name});
    const Attribute& src = core_.required(e, "src");
    const std::filesystem::path path = resolve_path(core_.text(src));
    std::error_code ec;
    if (optional && !std::filesystem::exists(path, ec)) {
      // The office supplies some images (the Garuda emblem); without them the space stays and the build says
      // so.
      result_.warnings.push_back(
          {file, "line " + std::to_string(e.line),
           "optional image " + path.string() + " is not there; its space is left empty"});
      const double height = image.height > 0 ? image.height : image.width;
      return document::Block{document::Spacer{height}};
    }
    try {
      image.data = images_.load(path, file, src.line);
    } catch (const InputError& error) {
      core_.fail(src.line, "<image src=\"" + src.value + "\">: " + error.diagnostics().front().to_string());
    }
    for (const auto& child : e.children) {
      if (child.element && child.element->name == "caption") {
        const Style caption_style = style_for(*child.element, style, "caption");
        image.caption = make_paragraph(*child.element, caption_style, child.element->line).content;
      } else if (child.element) {
        core_.fail(*child.element, "an <image> holds only a <caption>");
      } else if (has_visible_text(child.text)) {
        core_.fail(child.line, "text in <image>: put it in <caption>");
      }
    }
    return document::Block{std::move(image)};
  }

  std::vector<double> numbers_of(const Value& list, int line, const char* what) {
    if (list.kind() != Value::Kind::list)
      core_.fail(line, std::string(what) + " should be a list of numbers, found " + describe(list));
    std::vector<double> values;
    for (std::size_t i = 0; i < list.size(); ++i) {
      const Value v = list.at(i);
      if (v.kind() != Value::Kind::number)
        core_.fail(line, std::string(what) + " should hold numbers, found " + describe(v));
      values.push_back(v.number().to_double());
    }
    return values;
  }

  document::Chart make_chart(const Element& e, const Style& inherited) {
    core_.check_attributes(
        e, {"type", "title", "categories", "target", "suffix", "width", "height", "digits", "max", "places"},
        true);
    const std::string& file = core_.file_name();
    document::Chart chart;
    const ResolvedStyle resolved = resolve(style_for(e, inherited, ""));
    chart.font = resolved.text.font;
    chart.block = resolved.block;
    if (const Attribute* a = e.attribute("type"))
      chart.kind = parse_choice(core_.text(*a), {"bar", "horizontal-bar"}, {file, a->line, a->name}) == "bar"
                       ? document::Chart::Kind::bar
                       : document::Chart::Kind::horizontal_bar;
    chart.title = core_.text(e, "title");
    const Attribute& categories = core_.required(e, "categories");
    const Value names = core_.value(categories);
    if (names.kind() != Value::Kind::list)
      core_.fail(categories.line, "categories should be a list, found " + describe(names));
    for (std::size_t i = 0; i < names.size(); ++i) {
      auto text = plain_text(names.at(i));
      if (!text) core_.fail(categories.line, "categories should be texts, found " + describe(names.at(i)));
      chart.categories.push_back(*text);
    }
    if (const Attribute* a = e.attribute("target")) {
      const Value target = core_.value(*a);
      chart.target = target.kind() == Value::Kind::number
                         ? target.number().to_double()
                         : parse_number(core_.text(*a), {file, a->line, a->name});
    }
    chart.value_suffix = core_.text(e, "suffix");
    if (const Attribute* a = e.attribute("max")) {
      const Value axis = core_.value(*a);
      chart.axis_max = axis.kind() == Value::Kind::number
                           ? axis.number().to_double()
                           : parse_number(core_.text(*a), {file, a->line, a->name});
    }
    if (const Attribute* a = e.attribute("places")) {
      const double places = parse_number(core_.text(*a), {file, a->line, a->name});
      if (places < 0 || places > 6 || places != std::floor(places))
        core_.fail(a->line, "places should be a whole number from 0 to 6, found " + core_.text(*a));
      chart.value_places = static_cast<int>(places);
    }
    if (const Attribute* a = e.attribute("width"))
      chart.width = parse_length(core_.text(*a), {file, a->line, a->name});
    if (const Attribute* a = e.attribute("height"))
      chart.height = parse_length(core_.text(*a), {file, a->line, a->name});
    if (const Attribute* a = e.attribute("digits"))
      chart.thai_digits =
          parse_choice(core_.text(*a), {"thai", "arabic"}, {file, a->line, a->name}) == "thai";
    static const layout::Color palette[] = {{31, 78, 121}, {237, 125, 49}, {112, 173, 71}, {165, 165, 165}};
    core_.for_each_child(e, [&](const Node& node) {
      if (!node.element) {
        if (has_visible_text(node.text)) core_.fail(node.line, "<chart> holds <series> elements, not text");
        return;
      }
      const Element& s = *node.element;
      if (s.name != "series") core_.fail(s, "a <chart> holds <series> elements");
      core_.check_attributes(s, {"name", "values", "color"}, false);
      document::ChartSeries series;
      series.name = core_.text(s, "name");
      const Attribute& values = core_.required(s, "values");
      series.values = numbers_of(core_.value(values), values.line, "values");
      if (series.values.size() != chart.categories.size())
        core_.fail(values.line, "<series> has " + std::to_string(series.values.size()) + " values for " +
                                    std::to_string(chart.categories.size()) + " categories");
      series.color = palette[chart.series.size() % 4];
      if (const Attribute* a = s.attribute("color"))
        series.color = parse_color(core_.text(*a), {file, a->line, a->name});
      chart.series.push_back(std::move(series));
    });
    if (chart.series.empty()) core_.fail(e, "a chart needs at least one <series>");
    return chart;
  }

  document::TableOfContents make_contents(const Element& e, const Style& inherited) {
    core_.check_attributes(e, {"max-level", "indent"}, true);
    const std::string& file = core_.file_name();
    document::TableOfContents contents;
    const ResolvedStyle resolved = resolve(style_for(e, inherited, "contents"));
    contents.style = resolved.text;
    contents.paragraph = resolved.paragraph;
    contents.entry_block = resolved.block;
    if (const Attribute* a = e.attribute("max-level"))
      contents.max_level = parse_integer(core_.text(*a), {file, a->line, a->name}, 1, 6);
    contents.indent_per_level = resolved.text.font.size * 1.5;
    if (const Attribute* a = e.attribute("indent"))
      contents.indent_per_level = parse_length(core_.text(*a), {file, a->line, a->name});
    return contents;
  }

  document::Container make_container(const Element& e, const Style& inherited) {
    core_.check_attributes(e, {"border", "border-width", "padding"}, true);
    const std::string& file = core_.file_name();
    const bool signature = e.name == "signature";
    Style style = inherited;
    if (signature) {
      // Signature lines are centred under each other whatever the body's alignment and indents are.
      style.align = document::Align::center;
      style.first_line_indent = 0;
    }
    style = style_for(e, style, signature && styles_.find("signature") ? "signature" : "");
    const ResolvedStyle resolved = resolve(style);
    document::Container container;
    container.block = resolved.block;
    if (signature) {
      container.block.keep_together = true;
      if (!style.space_before) container.block.space_before = resolved.text.font.size * 2;
    }
    container.start_indent = resolved.paragraph.start_indent;
    container.end_indent = resolved.paragraph.end_indent;
    if (const Attribute* a = e.attribute("border"))
      if (parse_flag(core_.text(*a), {file, a->line, a->name})) container.border = layout::Stroke{};
    if (const Attribute* a = e.attribute("border-width")) {
      if (!container.border) container.border = layout::Stroke{};
      container.border->thickness = parse_length(core_.text(*a), {file, a->line, a->name});
    }
    if (const Attribute* a = e.attribute("padding"))
      container.padding = parse_length(core_.text(*a), {file, a->line, a->name});
    // The children take the container's text style, but its indents and spacing belong to the container.
    Style child_style = style;
    child_style.indent_start = 0;
    child_style.indent_end = 0;
    child_style.space_before.reset();
    child_style.space_after.reset();
    child_style.keep_together.reset();
    child_style.keep_with_next.reset();
    child_style.page_break_before.reset();
    if (signature) {
      // Each line of a signature block is its own paragraph: <line>…</line> or plain paragraphs.
      core_.for_each_child(e, [&](const Node& node) {
        if (node.element && node.element->name == "line") {
          core_.check_attributes(*node.element, {}, true);
          container.children.push_back(
              {make_paragraph(*node.element, style_for(*node.element, child_style, ""), node.line)});
        } else {
          bind_block(node, container.children, child_style);
        }
      });
    } else {
      bind_blocks(e, container.children, child_style);
    }
    return container;
  }

  // ---- inlines -----------------------------------------------------------------------------------------

  void bind_inlines(const Element& parent, const document::InlineStyle& style, const std::string& anchor,
                    const std::string& url, std::vector<InlinePiece>& out) {
    core_.for_each_child(parent, [&](const Node& node) {
      if (!node.element) {
        core_.interpolate(node.text, node.line, [&](std::string text, bool verbatim) {
          out.push_back(make_piece(std::move(text), verbatim, style, anchor, url));
        });
        return;
      }
      const Element& e = *node.element;
      const std::string& n = e.name;
      document::InlineStyle inner = style;
      if (n == "b" || n == "i" || n == "u") {
        core_.check_attributes(e, {}, false);
        if (n == "b") inner.font.bold = true;
        if (n == "i") inner.font.italic = true;
        if (n == "u") inner.underline = true;
        bind_inlines(e, inner, anchor, url, out);
      } else if (n == "span") {
        core_.check_attributes(e, {}, true);
        Style over;
        if (const Attribute* named = e.attribute("style")) {
          const Style* found = styles_.find(core_.text(*named));
          if (!found) core_.fail(e, "no style named '" + named->value + "'");
          over = *found;
        }
        over.layer(read_own_style(e));
        if (over.font) inner.font.family = *over.font;
        if (over.size) inner.font.size = *over.size;
        if (over.bold) inner.font.bold = *over.bold;
        if (over.italic) inner.font.italic = *over.italic;
        if (over.underline) inner.underline = *over.underline;
        if (over.color) inner.color = *over.color;
        bind_inlines(e, inner, anchor, url, out);
      } else if (n == "link") {
        core_.check_attributes(e, {"anchor", "url"}, false);
        bind_inlines(e, inner, core_.text(e, "anchor"), core_.text(e, "url"), out);
      } else if (n == "br") {
        core_.check_attributes(e, {}, false);
        out.push_back(make_piece("\n", true, style, anchor, url));
      } else if (n == "leader") {
        core_.check_attributes(e, {"fill"}, false);
        document::LeaderInline leader{style, U'.'};
        const std::string fill = core_.text(e, "fill", ".");
        if (fill == "_")
          leader.fill = U'_';
        else if (fill == "-")
          leader.fill = U'-';
        else if (fill != ".")
          core_.fail(e, "fill should be '.', '_' or '-'");
        out.push_back(make_piece(std::string(object_marker), true, style, anchor, url));
        out.back().leader = leader;
      } else if (n == "page-number" || n == "page-count" || n == "running-title") {
        core_.check_attributes(e, {}, false);
        document::FieldInline field;
        field.style = style;
        field.kind = n == "page-number"  ? document::FieldInline::Kind::page_number
                     : n == "page-count" ? document::FieldInline::Kind::page_count
                                         : document::FieldInline::Kind::running_title;
        out.push_back(make_piece(std::string(object_marker), true, style, anchor, url));
        out.back().field = field;
      } else if (is_block_element(n)) {
        core_.fail(e, "is a block and cannot stand inside a paragraph");
      } else {
        core_.fail(e,
                   "unknown element inside text (inline elements are b, i, u, span, link, br, leader, "
                   "page-number, page-count, running-title)");
      }
    });
  }

  std::vector<document::Inline> finish_inlines(std::vector<InlinePiece>& pieces) {
    std::vector<TextPiece> texts;
    texts.reserve(pieces.size());
    for (auto& piece : pieces) texts.push_back(std::move(piece.text));
    normalise_whitespace(texts);
    std::vector<document::Inline> out;
    for (std::size_t i = 0; i < pieces.size(); ++i) {
      InlinePiece& piece = pieces[i];
      if (piece.leader) {
        out.emplace_back(*piece.leader);
        continue;
      }
      if (piece.field) {
        out.emplace_back(*piece.field);
        continue;
      }
      if (texts[i].text.empty()) continue;
      if (!out.empty())
        if (auto* previous = std::get_if<document::TextInline>(&out.back()))
          if (same_style(previous->style, piece.style) && previous->link_anchor == piece.link_anchor &&
              previous->link_url == piece.link_url) {
            previous->text += texts[i].text;
            continue;
          }
      out.emplace_back(
          document::TextInline{std::move(texts[i].text), piece.style, piece.link_anchor, piece.link_url});
    }
    return out;
  }

  static bool same_style(const document::InlineStyle& a, const document::InlineStyle& b) {
    return a.font.family == b.font.family && a.font.bold == b.font.bold && a.font.italic == b.font.italic &&
           a.font.size == b.font.size && a.color == b.color && a.underline == b.underline;
  }

  BinderCore core_;
  document::ImageSource& images_;
  StyleSheet styles_;
  BoundDocument result_;
  std::vector<ListContext> list_context_;
  int heading_count_ = 0;
};

}  // namespace

BoundDocument bind_document(const TemplateFile& file, const dataset::JsonDocument& data,
                            const BindOptions& options, document::ImageSource& images) {
  return DocumentBinder(file, data, options, images).run();
}

}  // namespace raingan::templating
