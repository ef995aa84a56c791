// <flowchart> and <org-chart>: the diagram a template builds from a dataset's steps and units, and the
// errors that name the template line and the dataset path of a step or unit at fault.
#include <doctest/doctest.h>

#include <string>

#include "core/diagnostic.h"
#include "dataset/json_reader.h"
#include "diagram_test_support.h"
#include "document/image_source.h"
#include "error_test_support.h"
#include "layout/paginate.h"
#include "layout_test_support.h"
#include "pdf_test_support.h"
#include "render/options.h"
#include "render/render.h"
#include "templating/document_binder.h"
#include "templating/template_file.h"

using namespace raingan;
using test::contains;

namespace {

document::Document bound(const std::string& source, const std::string& json) {
  const templating::TemplateFile file = templating::parse_template(source, "t.xml");
  const dataset::JsonDocument data = dataset::read_json_text(json, "d.json");
  document::ImageSource images;
  return templating::bind_document(file, data, templating::BindOptions{}, images).document;
}

std::string bind_error(const std::string& source, const std::string& json) {
  return test::first_problem([&] { bound(source, json); });
}

const std::string flowchart_template =
    "<document>\n"
    "<for each=\"p\" in=\"procedures\">\n"
    "<flowchart steps=\"{{ p.steps }}\" form=\"table\" title=\"{{ p.title }}\"/>\n"
    "</for>\n"
    "</document>";

std::string procedure(const std::string& steps) {
  return R"({"procedures": [{"title": "a", "steps": [{"id": "s", "kind": "start", "text": "เริ่ม"}]},
                             {"title": "การรับหนังสือ", "steps": [)" +
         steps + "]}]}";
}

const std::string receiving = R"(
  {"id": "start", "kind": "start", "text": "เริ่มต้น"},
  {"id": "receive", "text": "รับหนังสือ", "responsible": "ธุรการ", "duration": "๑ วัน", "details": "รับทั้งหมด"},
  {"id": "who", "kind": "decision", "text": "ระบุผู้รับผิดชอบได้",
   "exits": [{"label": "ใช่", "to": "hand"}, {"label": "ไม่ใช่", "to": "receive"}]},
  {"id": "hand", "kind": "document", "text": "ส่งมอบ", "quality_standard": "ครบ", "next": "end"},
  {"id": "unused", "kind": "data", "text": "ไม่ผ่าน"},
  {"id": "end", "kind": "end", "text": "สิ้นสุด"})";

}  // namespace

TEST_CASE(
    "diagram elements: what a template binds is drawn, one shape per step and unit, its text copying back") {
  const document::Document doc =
      bound("<document>\n<flowchart steps=\"{{ steps }}\"/>\n<org-chart root=\"{{ group }}\"/>\n</document>",
            R"({"steps": [{"id": "a", "kind": "start", "text": "เริ่มต้น"}, {"id": "b", "text": "รับหนังสือราชการ"},
                    {"id": "c", "kind": "decision", "text": "ถูกต้องครบถ้วน",
                     "exits": [{"label": "ใช่", "to": "d"}, {"label": "ไม่ใช่", "to": "b"}]},
                    {"id": "d", "kind": "end", "text": "สิ้นสุด"}],
          "group": {"name": "กลุ่มนโยบายและแผน", "position": "ผู้อำนวยการกลุ่ม",
                    "children": [{"name": "งานธุรการ"}, {"name": "งานวิเคราะห์งบประมาณ"}]}})");
  test::CollectingSink sink;
  layout::layout_document(doc, test::shared_fonts(), sink, "test");
  REQUIRE(sink.pages.size() == 1);
  // Four steps and three units: seven outlined shapes.
  const auto shapes = test::outlines_in(sink.pages[0].frame);
  CHECK(shapes.size() == 7);

  pdf_test::ScratchFolder folder;
  const auto pdf = folder / "diagrams.pdf";
  render::Options options;
  options.fonts_folder = std::filesystem::path(RAINGAN_SOURCE_DIR) / "fonts";
  render::write_pdf(doc, pdf, "test", options);
  const auto extracted = pdf_test::run("pdftotext -enc UTF-8 '" + pdf.string() + "' -");
  REQUIRE(extracted.status == 0);
  // A box's text may wrap: its lines read on with only white space between them.
  std::string joined;
  for (const char c : extracted.output)
    if (c != ' ' && c != '\n') joined += c;
  for (const char* text : {"เริ่มต้น", "รับหนังสือราชการ", "ถูกต้องครบถ้วน", "ไม่ใช่", "สิ้นสุด", "กลุ่มนโยบายและแผน",
                           "ผู้อำนวยการกลุ่ม", "งานธุรการ", "งานวิเคราะห์งบประมาณ"}) {
    const std::string expected = text;
    CAPTURE(expected);
    CHECK(joined.find(expected) != std::string::npos);
  }
}

TEST_CASE("flowchart element: steps in reading order, each going to the next unless it says otherwise") {
  const document::Document doc = bound(flowchart_template, procedure(receiving));
  const document::Blocks& body = doc.sections.at(0).body;
  REQUIRE(body.size() == 2);
  const auto& chart = std::get<document::Flowchart>(body[1].node);
  CHECK(chart.form == document::Flowchart::Form::table);
  CHECK(chart.title == "การรับหนังสือ");
  CHECK(chart.source_line == 3);
  REQUIRE(chart.steps.size() == 6);
  CHECK(chart.steps[1].kind == document::FlowchartStepKind::process);  // kind left out: a task
  CHECK(chart.steps[1].responsible == "ธุรการ");
  CHECK(chart.steps[1].duration == "๑ วัน");
  CHECK(chart.steps[1].details == "รับทั้งหมด");
  CHECK(chart.steps[2].kind == document::FlowchartStepKind::decision);
  CHECK(chart.steps[3].kind == document::FlowchartStepKind::document);
  CHECK(chart.steps[3].quality_standard == "ครบ");
  CHECK(chart.steps[4].kind == document::FlowchartStepKind::data);
  std::vector<std::string> edges;
  for (const auto& edge : chart.edges) edges.push_back(edge.from + ">" + edge.to + ":" + edge.label);
  // "hand" jumps to the end, "unused" goes on to the following step, nothing leaves the end.
  CHECK(edges == std::vector<std::string>{"start>receive:", "receive>who:", "who>hand:ใช่", "who>receive:ไม่ใช่",
                                          "hand>end:", "unused>end:"});
}

TEST_CASE("flowchart element: a wrong step names the template line and the step's dataset path") {
  CHECK(contains(bind_error(flowchart_template, procedure(R"({"id": "a", "text": "x", "next": "b"})")),
                 "line 3: procedures[1].steps[0].next: no step has the id 'b' (the steps are a)"));
  CHECK(contains(bind_error(flowchart_template, procedure(R"({"id": "a", "kind": "decision", "text": "x",
                                          "exits": [{"label": "ใช่", "to": "a"}, {"label": "ไม่", "to": "z"}]})")),
                 "line 3: procedures[1].steps[0].exits[1].to: no step has the id 'z'"));
  CHECK(contains(bind_error(flowchart_template, procedure(R"({"id": "a", "kind": "box", "text": "x"})")),
                 "procedures[1].steps[0]: kind 'box' is not a kind of step (one of start, end, process"));
  CHECK(contains(bind_error(flowchart_template, procedure(R"({"id": "a", "kind": "process"})")),
                 "procedures[1].steps[0]: needs a 'text' to write in its box"));
  CHECK(contains(bind_error(flowchart_template, procedure(R"({"id": "a", "text": "x", "nxt": "a"})")),
                 "procedures[1].steps[0]: has no field 'nxt'"));
  CHECK(contains(
      bind_error(flowchart_template, procedure(R"({"id": "a", "text": "x"}, {"id": "a", "text": "y"})")),
      "procedures[1].steps[1]: the id 'a' is given to two steps"));
  CHECK(contains(bind_error(flowchart_template, procedure(R"({"id": "a", "kind": "decision", "text": "x"})")),
                 "procedures[1].steps[0]: a decision needs exits"));
  CHECK(contains(bind_error(flowchart_template, R"({"procedures": [{"title": "a", "steps": "x"}]})"),
                 "procedures[0].steps: should be a list"));
  CHECK(contains(bind_error("<document><flowchart/></document>", "{}"), "steps=\"…\" is required"));
}

TEST_CASE("org chart element: a tree of units with their posts") {
  const document::Document doc = bound(
      "<document>\n<org-chart root=\"{{ structure }}\" stack-leaves-over=\"2\" "
      "title=\"โครงสร้าง\"/>\n</document>",
      R"({"structure": {"name": "กลุ่มนโยบายและแผน", "position": "ผู้อำนวยการกลุ่ม",
          "children": [{"name": "งานธุรการ", "children": [{"name": "งานสารบรรณ"}]}, {"name": "งานแผน"}]}})");
  const auto& chart = std::get<document::OrgChart>(doc.sections.at(0).body.at(0).node);
  CHECK(chart.root.name == "กลุ่มนโยบายและแผน");
  CHECK(chart.root.position == "ผู้อำนวยการกลุ่ม");
  REQUIRE(chart.root.children.size() == 2);
  CHECK(chart.root.children[0].children.at(0).name == "งานสารบรรณ");
  CHECK(chart.root.children[1].children.empty());
  CHECK(chart.stack_leaves_over == 2);
  CHECK(chart.title == "โครงสร้าง");
}

TEST_CASE("org chart element: a photo is read from the folder photos-in names") {
  const document::Document doc = bound(
      "<document>\n<org-chart root=\"{{ s }}\" photos-in=\"" RAINGAN_SOURCE_DIR
      "/datasets/photos\"/>\n</document>",
      R"({"s": {"name": "a", "children": [{"name": "b", "photo": "annual-report-2569/project-01-1.png"}]}})");
  const auto& chart = std::get<document::OrgChart>(doc.sections.at(0).body.at(0).node);
  CHECK(chart.root.photo == nullptr);
  REQUIRE(chart.root.children.at(0).photo != nullptr);
  CHECK(chart.root.children[0].photo->pixel_width > 0);
}

TEST_CASE("org chart element: a unit without a name or with a stray field names its dataset path") {
  const std::string tpl = "<document>\n<org-chart root=\"{{ s }}\"/>\n</document>";
  CHECK(contains(bind_error(tpl, R"({"s": {"name": "a", "children": [{"name": "b"}, {"position": "c"}]}})"),
                 "line 2: s.children[1]: needs a 'name' to write in its box"));
  CHECK(contains(bind_error(tpl, R"({"s": {"name": "a", "childs": []}})"), "s: has no field 'childs'"));
  CHECK(contains(bind_error(tpl, R"({"s": {"name": "a", "children": {"name": "b"}}})"),
                 "s.children: should be a list, found"));
  CHECK(contains(bind_error(tpl, R"({"s": {"name": "a", "photo": "no-such.png"}})"), "s: photo: "));
}

TEST_CASE("org chart element: max-height fits the chart below what stands above it on its page") {
  // A director over a deputy with three groups stacked under them and a unit of their own: taller than what
  // is left of a page below 12 cm of text, not taller than a whole page.
  std::string posts;
  for (int i = 1; i <= 3; ++i)
    posts += std::string(i > 1 ? "," : "") + R"({"name": "กลุ่มงานที่ )" + std::to_string(i) + R"( ของสำนักงาน"})";
  const std::string json = R"({"s": {"name": "ผู้อำนวยการสำนักงานเขตพื้นที่การศึกษา", "children": [
      {"name": "รองผู้อำนวยการสำนักงานเขตพื้นที่การศึกษา", "children": [)" +
                           posts + R"(]}, {"name": "หน่วยตรวจสอบภายใน"}]}})";
  // The number of boxes on the first page, the one with the 12 cm of text, and on all pages.
  const auto boxes_on_first_page = [&](const std::string& max_height) {
    const document::Document doc =
        bound("<document>\n<spacer height=\"12cm\"/>\n<org-chart root=\"{{ s }}\" stack-leaves-over=\"2\" " +
                  max_height + "/>\n</document>",
              json);
    test::CollectingSink sink;
    layout::layout_document(doc, test::shared_fonts(), sink, "test");
    std::size_t boxes = 0;
    for (const auto& page : sink.pages) boxes += test::outlines_in(page.frame).size();
    CHECK(boxes >= 6);
    REQUIRE(!sink.pages.empty());
    return std::pair{test::outlines_in(sink.pages[0].frame).size(), boxes};
  };
  const auto [first_page, all] = boxes_on_first_page("");
  CHECK(first_page < all);  // fitted to a whole page, the chart does not fit below the text
  const auto [first_page_fitted, all_fitted] = boxes_on_first_page("max-height=\"12cm\"");
  CHECK(first_page_fitted == all_fitted);
  CHECK(
      contains(bind_error("<document>\n<org-chart root=\"{{ s }}\" max-height=\"0cm\"/>\n</document>", json),
               "line 2: max-height should be more than 0"));
}
