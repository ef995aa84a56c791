#pragma once
// Diagrams for the diagram tests — a procedure with two decisions and a loop back, a long procedure, a
// group's structure chart — and readers of the frames the diagrams are drawn into.

#include <algorithm>
#include <string>
#include <vector>

#include "document/diagram.h"
#include "layout/diagram_drawing.h"
#include "layout/paragraph.h"
#include "text_test_support.h"

namespace raingan::test {

inline document::FlowchartStep flow_step(std::string id, document::FlowchartStepKind kind, std::string text) {
  document::FlowchartStep step;
  step.id = std::move(id);
  step.kind = kind;
  step.text = std::move(text);
  return step;
}

// Receiving official letters (seed 002, งานสารบรรณ): two decisions, one exit jumping ahead, one looping back.
inline document::Flowchart receiving_letters() {
  using Kind = document::FlowchartStepKind;
  document::Flowchart chart;
  chart.title = "การรับหนังสือราชการ";
  chart.steps = {flow_step("start", Kind::start, "เริ่มต้น"),
                 flow_step("receive", Kind::process, "รับหนังสือราชการจากสารบรรณกลางทาง e-office"),
                 flow_step("who", Kind::decision, "ระบุผู้รับผิดชอบได้"),
                 flow_step("hand", Kind::process, "ส่งมอบหนังสือให้ผู้รับผิดชอบทาง e-office"),
                 flow_step("director", Kind::process, "เสนอผู้อำนวยการกลุ่มพิจารณา"),
                 flow_step("ours", Kind::decision, "เป็นภาระงานของกลุ่ม"),
                 flow_step("return", Kind::data, "นำส่งคืนสารบรรณกลาง"),
                 flow_step("summary", Kind::document, "สรุปจำนวนหนังสือรับ"),
                 flow_step("join", Kind::connector, "ก"),
                 flow_step("end", Kind::end, "สิ้นสุด")};
  chart.steps[1].responsible = "เจ้าหน้าที่ธุรการกลุ่มนโยบายและแผน";
  chart.steps[1].duration = "วันละ ๒ ครั้ง";
  chart.steps[1].quality_standard = "ตรวจรับครบทุกฉบับภายในวัน";
  chart.steps[1].details = "รับหนังสือราชการจากสารบรรณกลางทาง e-office อย่างน้อยวันละ ๒ ครั้ง (เช้า-บ่าย)";
  chart.edges = {{"start", "receive", ""},    {"receive", "who", ""},     {"who", "hand", "ใช่"},
                 {"who", "director", "ไม่ใช่"}, {"hand", "summary", ""},    {"director", "ours", ""},
                 {"ours", "hand", "ใช่"},      {"ours", "return", "ไม่ใช่"}, {"return", "summary", ""},
                 {"summary", "join", ""},     {"join", "end", ""}};
  return chart;
}

// `count` steps in a row, a check every fifth step sending the work back two steps.
inline document::Flowchart long_procedure(int count) {
  using Kind = document::FlowchartStepKind;
  document::Flowchart chart;
  chart.steps.push_back(flow_step("s0", Kind::start, "เริ่มต้น"));
  for (int i = 1; i + 1 < count; ++i)
    chart.steps.push_back(
        flow_step("s" + std::to_string(i), i % 5 == 0 ? Kind::decision : Kind::process,
                  i % 5 == 0 ? "ผ่านการตรวจสอบ" : "จัดทำร่างแผนปฏิบัติการ ขั้นที่ " + std::to_string(i)));
  chart.steps.push_back(flow_step("s" + std::to_string(count - 1), Kind::end, "สิ้นสุด"));
  for (int i = 0; i + 1 < count; ++i) {
    const bool check = i % 5 == 0 && i > 0;
    chart.edges.push_back({"s" + std::to_string(i), "s" + std::to_string(i + 1), check ? "ใช่" : ""});
    if (check) chart.edges.push_back({"s" + std::to_string(i), "s" + std::to_string(i - 2), "ไม่ใช่"});
  }
  return chart;
}

inline document::OrgChartUnit org_unit(std::string name, std::string position = {}) {
  document::OrgChartUnit unit;
  unit.name = std::move(name);
  unit.position = std::move(position);
  return unit;
}

// The Policy and Planning group: its director, two work areas in a row and one with a list of tasks.
inline document::OrgChart policy_group() {
  document::OrgChart chart;
  chart.root = org_unit("กลุ่มนโยบายและแผน", "ผู้อำนวยการกลุ่มนโยบายและแผน");
  auto admin = org_unit("งานธุรการ", "นักจัดการงานทั่วไป");
  admin.children = {org_unit("งานสารบรรณ"), org_unit("งานประสานและการให้บริการ")};
  auto plans = org_unit("งานนโยบายและแผน");
  plans.children = {org_unit("งานวิเคราะห์และพัฒนานโยบายทางการศึกษา"),
                    org_unit("งานจัดทำแผนพัฒนาการจัดการศึกษาขั้นพื้นฐาน"), org_unit("งานจัดทำแผนปฏิบัติการประจำปี"),
                    org_unit("งานแผนการจัดชั้นเรียน")};
  auto budget = org_unit("งานวิเคราะห์งบประมาณ");
  budget.children = {org_unit("งานจัดสรรงบประมาณรายจ่ายประจำปี")};
  chart.root.children = {std::move(admin), std::move(plans), std::move(budget)};
  return chart;
}

// The text a reader extracts from the text lines among `items`, line after line.
inline std::string text_of(const std::vector<layout::FrameItem>& items) {
  std::string text;
  for (const auto& item : items)
    if (const auto* line = std::get_if<layout::TextLine>(&item))
      for (const auto& span : line->spans) text += span.text;
  return text;
}

inline std::string without_spaces(std::string text) {
  text.erase(std::remove(text.begin(), text.end(), ' '), text.end());
  return text;
}

// The corners of the part of a text line where its ink is (its runs' extent, from about the top of Thai
// consonants to the baseline's descenders).
inline std::vector<layout::Point> ink_corners(const layout::TextLine& line) {
  double left = 1e9, right = -1e9, baseline = 0, size = 0;
  for (const auto& run : line.runs) {
    left = std::min(left, run.origin.x);
    right = std::max(right, run.origin.x + run.width());
    baseline = run.origin.y;
    size = std::max(size, run.font_size);
  }
  const double top = baseline - 0.6 * size, bottom = baseline + 0.15 * size;
  return {{left, top}, {right, top}, {right, bottom}, {left, bottom}};
}

inline bool boxes_overlap(const layout::Rect& a, const layout::Rect& b) {
  return a.x < b.right() - 1e-6 && b.x < a.right() - 1e-6 && a.y < b.bottom() - 1e-6 &&
         b.y < a.bottom() - 1e-6;
}

// Closed paths drawn with a stroke: the shapes of a frame (arrowheads are filled, lines are open).
inline std::vector<const layout::Path*> outlines_in(const layout::Frame& frame) {
  std::vector<const layout::Path*> found;
  for (const auto& item : frame.items)
    if (const auto* path = std::get_if<layout::Path>(&item))
      if (path->stroke && !path->commands.empty() &&
          path->commands.back().kind == layout::PathCommand::Kind::close)
        found.push_back(path);
  return found;
}

inline double path_top(const layout::Path& path) {
  double top = 1e9;
  for (const auto& c : path.commands)
    if (c.kind != layout::PathCommand::Kind::close)
      top = std::min({top, c.p1.y, c.kind == layout::PathCommand::Kind::cubic ? c.p3.y : c.p1.y});
  return top;
}

inline double path_bottom(const layout::Path& path) {
  double bottom = -1e9;
  for (const auto& c : path.commands)
    if (c.kind != layout::PathCommand::Kind::close)
      bottom = std::max({bottom, c.p1.y, c.kind == layout::PathCommand::Kind::cubic ? c.p3.y : c.p1.y});
  return bottom;
}

}  // namespace raingan::test
