#pragma once
// The document tree: what a bound template says, before layout decides where anything goes. Nodes carry
// resolved styles (no style names), so layout needs nothing from the template stage.

#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "document/block_style.h"
#include "document/diagram.h"
#include "document/inline.h"
#include "geometry/color.h"
#include "geometry/document_info.h"
#include "geometry/image_data.h"
#include "geometry/point.h"

namespace raingan::document {

struct Block;
using Blocks = std::vector<Block>;

struct Paragraph {
  std::vector<Inline> content;
  ParagraphStyle style;
  BlockStyle block;
  int source_line = 0;  // template line, for messages
};

struct Heading {
  Paragraph paragraph;
  int level = 1;
  std::string anchor;  // unique name; links, the contents and the outline point here
  std::string title;   // plain text for the outline and the contents
  bool in_outline = true;
  bool in_contents = true;
  std::string running_title;  // when set, the running header shows it from this page on
};

struct ListItem {
  std::vector<Inline> label;  // "๑.", "๑.๑", "-", already numbered by the binder
  Blocks body;
};

struct List {
  std::vector<ListItem> items;
  double indent = 0;       // where the labels start, from the list's left edge
  double label_width = 0;  // space reserved for labels; the body starts at indent + label_width
  BlockStyle block;
};

struct TableColumn {
  // automatic: from the cells' content (layout/table_columns.h); value unused
  enum class Unit { points, fraction, automatic } unit = Unit::fraction;
  double value = 1;  // width in pt, or a share of what remains after the fixed and auto columns
};

enum class VerticalAlign { top, middle, bottom };

struct TableCell {
  Blocks content;
  int colspan = 1;
  int rowspan = 1;
  std::optional<Color> fill;
  VerticalAlign vertical_align = VerticalAlign::top;
};

struct TableRow {
  std::vector<TableCell> cells;
  double min_height = 0;
  bool keep_with_next = false;  // a band or group title: never the last row on a page
};

struct TableBorders {
  enum class Kind { all, none, outer, horizontal } kind = Kind::all;
  geometry::Stroke stroke;
};

struct Table {
  std::vector<TableColumn> columns;
  std::vector<TableRow> rows;
  int header_rows = 0;  // the first rows, repeated at the top of every page the table reaches
  TableBorders borders;
  double padding_top = 2, padding_bottom = 2, padding_left = 4, padding_right = 4;
  BlockStyle block;
};

struct Image {
  std::shared_ptr<const geometry::ImageData> data;
  double width = 0;   // pt; 0 = from the height and the aspect ratio, or the available width
  double height = 0;  // pt; 0 = from the width and the aspect ratio
  Align align = Align::center;
  std::vector<Inline> caption;
  std::string missing;  // a figure whose picture is not there yet: what it shows (no data); only its caption
                        // is printed and preflight reports it
  BlockStyle block;
};

struct ChartSeries {
  std::string name;
  Color color;
  std::vector<double> values;
};

struct Chart {
  enum class Kind { bar, horizontal_bar } kind = Kind::bar;
  std::string title;
  std::vector<std::string> categories;
  std::vector<ChartSeries> series;
  std::optional<double> target;    // a reference line (an indicator's target)
  std::optional<double> axis_max;  // the value axis reaches at least this (5 on a five-level scale)
  int value_places = -1;           // decimals of the value labels; -1: up to two, trailing zeros dropped
  std::string value_suffix;        // "%" or " บาท"
  bool thai_digits = true;
  double width = 0, height = 0;  // pt; 0 = available width, two thirds of it
  FontSpec font;
  BlockStyle block;
};

struct Spacer {
  double height = 0;
  // pt; below `height` when the space may give way so that what follows stays on its page (a signature's
  // space, where the closing would otherwise move to the next page); < 0: as `height`.
  double min_height = -1;
};

struct PageBreak {};

// The contents page: one entry per heading of the chosen levels, with a dotted leader, the page label and a
// link.
struct TableOfContents {
  int max_level = 3;
  InlineStyle style;
  double indent_per_level = 0;
  ParagraphStyle paragraph;
  BlockStyle entry_block;
};

// Blocks that move together and share an indent (signature blocks, boxed notes).
struct Container {
  Blocks children;
  double start_indent = 0;
  double end_indent = 0;
  BlockStyle block;
  std::optional<geometry::Stroke> border;
  double padding = 0;
  bool signature = false;  // a signature block: preflight wants body lines on its page
};

struct Block {
  std::variant<Paragraph, Heading, List, Table, Image, Chart, Spacer, PageBreak, TableOfContents, Container,
               Flowchart, OrgChart>
      node;
  int source_line = 0;  // template line of the element, for findings about where it landed; 0 = unknown
};

enum class PageNumbering { thai_digits, arabic, thai_letters, none };

struct PageSetup {
  geometry::Size size{595.2755905511812, 841.8897637795276};  // A4 portrait
  double margin_top = 72, margin_bottom = 56.69, margin_left = 85.04, margin_right = 56.69;
  std::optional<double> first_page_margin_top;  // letters start higher: the emblem sits above the text
  double header_offset = 36;                    // from the page's top edge to the top of the header
  double footer_offset = 28;                    // from the page's bottom edge to the bottom of the footer
};

// Text printed in a margin of every page of a section, the first page included whatever its header does: the
// secrecy class (ลับ, ลับมาก, ลับที่สุด) stands at the top and the foot of every page of a classified document.
struct PageMark {
  enum class Edge { top, bottom } edge = Edge::top;
  double offset = 0;  // pt from that edge of the page to the nearer side of the mark
  Blocks blocks;      // laid out across the content width, as a header is
};

// A run of pages with one page setup, numbering and header/footer (cover, front matter, body).
struct Section {
  PageSetup page;
  PageNumbering numbering = PageNumbering::thai_digits;
  int first_number = 1;
  bool continue_numbering = false;   // carry on from the previous section instead of first_number
  bool header_on_first_page = true;  // official letters print no number on their first page
  std::string label;  // the PDF page label of unnumbered pages ("ปก"); empty: their position
  Blocks header;
  Blocks footer;
  std::vector<PageMark> page_marks;
  // When set, each page but the last ends with the continuation cue ("/first words..."), in this paragraph's
  // style (its text is replaced).
  std::optional<Paragraph> continuation_cue;
  Blocks body;
};

struct Document {
  geometry::DocumentInfo info;
  std::vector<Section> sections;
  // The office's names and terms a line should rather not end inside (สำนักงานเขตพื้นที่การศึกษา,
  // กลุ่มนโยบายและแผน, ตัวชี้วัด), which no dictionary holds; from the template's terms list.
  std::vector<std::string> kept_terms;
};

}  // namespace raingan::document
