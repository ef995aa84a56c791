#pragma once
// Diagrams in the document tree: the process flowchart of a work manual (as a free diagram or in the
// manual's table form) and the organisation chart. Like every node they carry resolved styles; layout
// decides where the boxes go (with Graphviz) and draws them.

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "document/block_style.h"
#include "document/inline.h"
#include "geometry/color.h"
#include "geometry/image_data.h"

namespace raingan::document {

// How a diagram's boxes, lines and words look.
struct DiagramStyle {
  FontSpec font{"Laksaman", false, false, 14};        // text in the boxes
  FontSpec label_font{"Laksaman", false, false, 14};  // labels on lines (ใช่ / ไม่ใช่)
  Color text_color;
  geometry::Stroke outline{0.75, {}, geometry::Stroke::Dash::solid};  // box outlines
  geometry::Stroke line{0.75, {}, geometry::Stroke::Dash::solid};     // arrows and connecting lines
  std::optional<Color> fill;                                          // inside the boxes
  double max_box_width = 0;  // pt; 0 = chosen from the available width
};

enum class FlowchartStepKind {
  start,      // terminal: where the procedure begins (stadium)
  end,        // terminal: where it ends (stadium)
  process,    // a task (rectangle)
  decision,   // a question with labelled exits (diamond)
  document,   // a document produced or received (wavy bottom)
  data,       // data in or out (parallelogram)
  connector,  // joins flows on one page (small circle)
};

struct FlowchartStep {
  std::string id;  // unique within the flowchart; edges refer to it
  FlowchartStepKind kind = FlowchartStepKind::process;
  std::string text;  // in the shape
  // For the table form: the number in the ที่ column (empty: numbered in order, terminals and connectors
  // unnumbered), the รายละเอียดงาน column (empty: the shape's text), and the other columns.
  std::string number;
  std::string details;
  std::string quality_standard;
  std::string duration;
  std::string responsible;  // person or unit
};

struct FlowchartEdge {
  std::string from;  // step ids
  std::string to;
  std::string label;  // a decision's exit: "ใช่", "ไม่ใช่", or any words; empty for a plain arrow
};

// The column titles of the table form, in order: ที่ · ผังกระบวนการ · รายละเอียดงาน · มาตรฐานคุณภาพงาน ·
// ระยะเวลา · ผู้รับผิดชอบ.
struct FlowchartTableHeadings {
  std::string number = "ที่";
  std::string chart = "ผังกระบวนการ";
  std::string details = "รายละเอียดงาน";
  std::string quality_standard = "มาตรฐานคุณภาพงาน";
  std::string duration = "ระยะเวลา";
  std::string responsible = "ผู้รับผิดชอบ";
};

struct Flowchart {
  enum class Form { diagram, table } form = Form::diagram;
  std::vector<FlowchartStep> steps;  // in reading order
  std::vector<FlowchartEdge> edges;
  DiagramStyle style;
  FlowchartTableHeadings headings;
  FontSpec table_font{"Laksaman", false, false, 14};  // the table form's text columns
  std::string title;  // for messages ("Flow Chart งานสารบรรณ")
  BlockStyle block;
  int source_line = 0;
};

// A unit or a post in an organisation chart, with the units under it.
struct OrgChartUnit {
  std::string name;  // the unit or the person ("กลุ่มนโยบายและแผน", "นางสาว…")
  std::string position;  // the post, under the name ("ผู้อำนวยการกลุ่มนโยบายและแผน")
  std::shared_ptr<const geometry::ImageData> photo;  // optional, above the name
  std::vector<OrgChartUnit> children;
};

struct OrgChart {
  OrgChartUnit root;
  DiagramStyle style;
  // Units whose children are all leaves and more than this many stand in a column under them (a list of
  // posts) rather than in a row; 0 = never.
  int stack_leaves_over = 3;
  // The height the chart is fitted to before it is split (pt; 0 = the page's): a template that sets a heading
  // and caption above the chart leaves their room, so all three share one page.
  double max_height = 0;
  std::string title;  // for messages
  BlockStyle block;
  int source_line = 0;
};

}  // namespace raingan::document
