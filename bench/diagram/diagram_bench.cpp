// Diagram layout benchmark and sample: lays out a 40-step flowchart (free and table form) and an 80-box
// organisation chart, timing each and reporting the process's peak memory; with --pdf, writes a sample
// document of Thai manual diagrams through the real layout and PDF writer.
//
//   build/bench/diagram_bench [--runs N] [--pdf sample.pdf] [--transcribed out.pdf] [--fonts fonts]
//
// --transcribed lays out every chart transcribed from the seeds: those of the operations manual and of the
// monitoring manual, read from their datasets (run from the source folder).

#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>
#include <vector>

#include "document/document.h"
#include "format/thai_digits.h"
#include "layout/diagram_drawing.h"
#include "layout/flowchart_layout.h"
#include "layout/flowchart_table.h"
#include "layout/org_chart_layout.h"
#include "layout/paragraph.h"
#include "render/options.h"
#include "render/render.h"
#include "text/font_library.h"

namespace {

using namespace raingan;
using Kind = document::FlowchartStepKind;

document::FlowchartStep step(std::string id, Kind kind, std::string text, std::string responsible = {},
                             std::string duration = {}, std::string standard = {}, std::string details = {}) {
  document::FlowchartStep s;
  s.id = std::move(id);
  s.kind = kind;
  s.text = std::move(text);
  s.responsible = std::move(responsible);
  s.duration = std::move(duration);
  s.quality_standard = std::move(standard);
  s.details = std::move(details);
  return s;
}

// The receiving of official letters (seed 002, งานสารบรรณ ๑)), with its decisions.
document::Flowchart receiving_letters() {
  document::Flowchart chart;
  chart.title = "การรับหนังสือราชการ";
  const std::string clerk = "เจ้าหน้าที่ธุรการกลุ่มนโยบายและแผน";
  chart.steps = {
      step("start", Kind::start, "เริ่มต้น"),
      step("receive", Kind::process, "รับหนังสือราชการจากสารบรรณกลางทาง e-office", clerk, "วันละ ๒ ครั้ง",
           "ตรวจรับครบทุกฉบับภายในวัน",
           "รับหนังสือราชการจากสารบรรณกลางทาง e-office และสืบค้นหนังสือราชการทางเว็บไซต์ สพฐ. และหน่วยงานที่เกี่ยวข้อง "
           "อย่างน้อยวันละ ๒ ครั้ง (เช้า-บ่าย)"),
      step("who", Kind::decision, "ระบุผู้รับผิดชอบได้", clerk, "๑๐ นาที"),
      step("hand", Kind::process, "ส่งมอบหนังสือให้ผู้รับผิดชอบทาง e-office", clerk, "๓๐ นาที",
           "ผู้รับผิดชอบได้รับหนังสือภายในวันที่รับ",
           "ส่งมอบหนังสือราชการทาง e-office ให้ผู้รับผิดชอบนำไปปฏิบัติ กรณีไม่มีไฟล์หนังสือและสิ่งที่ส่งมาด้วย "
           "ให้สแกนและนำส่งให้ผู้รับผิดชอบและผู้อำนวยการกลุ่มทราบ"),
      step("director", Kind::process, "เสนอผู้อำนวยการกลุ่มพิจารณา", "ผู้อำนวยการกลุ่มนโยบายและแผน", "๑ วัน"),
      step("ours", Kind::decision, "เป็นภาระงานของกลุ่ม", "ผู้อำนวยการกลุ่มนโยบายและแผน", "๑ วัน"),
      step("return", Kind::process, "นำส่งคืนสารบรรณกลาง", clerk, "๑ วัน"),
      step("summary", Kind::document, "สรุปจำนวนหนังสือรับ", clerk, "ทุกสิ้นเดือน", "สรุปผลถูกต้องครบถ้วน",
           "สรุปจำนวนหนังสือรับและประเมินระบบการทำงานเพื่อปรับปรุง"),
      step("end", Kind::end, "สิ้นสุด"),
  };
  chart.edges = {{"start", "receive", ""},    {"receive", "who", ""},     {"who", "hand", "ใช่"},
                 {"who", "director", "ไม่ใช่"}, {"hand", "summary", ""},    {"director", "ours", ""},
                 {"ours", "hand", "ใช่"},      {"ours", "return", "ไม่ใช่"}, {"return", "summary", ""},
                 {"summary", "end", ""}};
  return chart;
}

// A long procedure: `count` steps, a check every fifth step that sends the work back two steps.
document::Flowchart long_flowchart(int count) {
  document::Flowchart chart;
  chart.title = "ขั้นตอนการจัดทำแผนปฏิบัติการประจำปี";
  const char* tasks[] = {"ศึกษาวิเคราะห์นโยบายและกลยุทธ์ของสำนักงานคณะกรรมการการศึกษาขั้นพื้นฐาน", "จัดประชุมคณะทำงาน",
                         "รวบรวมข้อมูลโครงการจากทุกกลุ่ม", "จัดทำร่างแผนปฏิบัติการ",
                         "เสนอผู้อำนวยการสำนักงานเขตพื้นที่การศึกษาลงนาม"};
  chart.steps.push_back(step("s0", Kind::start, "เริ่มต้น"));
  for (int i = 1; i <= count - 2; ++i) {
    const std::string id = "s" + std::to_string(i);
    const std::string number = format::thai_digits(i);
    if (i % 5 == 0) {
      chart.steps.push_back(step(id, Kind::decision, "ผ่านการตรวจสอบ", "ผู้อำนวยการกลุ่ม", "๑ วัน"));
    } else {
      chart.steps.push_back(step(id, i % 7 == 3 ? Kind::document : Kind::process,
                                 std::string(tasks[i % 5]) + " (ขั้นที่ " + number + ")", "นักวิเคราะห์นโยบายและแผน",
                                 number + " วัน", "ถูกต้องตามแนวทางที่กำหนด"));
    }
  }
  chart.steps.push_back(step("s" + std::to_string(count - 1), Kind::end, "สิ้นสุด"));
  for (int i = 0; i + 1 < count; ++i) {
    const std::string from = "s" + std::to_string(i), to = "s" + std::to_string(i + 1);
    const bool check = i % 5 == 0 && i > 0 && i < count - 1;
    chart.edges.push_back({from, to, check ? "ใช่" : ""});
    if (check) chart.edges.push_back({from, "s" + std::to_string(i - 2), "ไม่ใช่"});
  }
  return chart;
}

document::OrgChartUnit unit(std::string name, std::string position = {}) {
  document::OrgChartUnit u;
  u.name = std::move(name);
  u.position = std::move(position);
  return u;
}

// The Policy and Planning group (seed 002): the director, the four work areas and their tasks.
document::OrgChart policy_group() {
  document::OrgChart chart;
  chart.title = "โครงสร้างการบริหารงาน กลุ่มนโยบายและแผน";
  chart.root = unit("กลุ่มนโยบายและแผน", "ผู้อำนวยการกลุ่มนโยบายและแผน");
  const std::vector<std::pair<std::string, std::vector<std::string>>> areas = {
      {"งานธุรการ",
       {"งานสารบรรณ", "งานประสานและการให้บริการ", "งานจัดการประชุมภายในกลุ่ม", "งานจัดการความรู้ภายในกลุ่ม"}},
      {"งานนโยบายและแผน",
       {"งานวิเคราะห์และพัฒนานโยบายทางการศึกษา", "งานจัดทำแผนพัฒนาการจัดการศึกษาขั้นพื้นฐาน", "งานจัดทำแผนปฏิบัติการประจำปี",
        "งานบริหารยุทธศาสตร์และบูรณาการการศึกษาจังหวัดและกลุ่มจังหวัด", "งานจัดตั้ง ยุบรวม เลิกและโอนสถานศึกษาขั้นพื้นฐาน",
        "งานแผนการจัดชั้นเรียน"}},
      {"งานวิเคราะห์งบประมาณ",
       {"งานวิเคราะห์งบประมาณรายจ่ายประจำปี (MTEF)", "งานจัดตั้งและเสนอของบประมาณ", "งานจัดสรรงบประมาณรายจ่ายประจำปี",
        "งานบริหารงบประมาณ"}},
      {"งานติดตาม ประเมิน และรายงานผล",
       {"งานติดตามและรายงานผลการดำเนินงานตามนโยบายและกลยุทธ์", "ระบบติดตามและประเมินผลแห่งชาติ (eMENSCR)",
        "งานติดตามประเมินผลการจัดการศึกษาขั้นพื้นฐาน", "งานประเมินผลการดำเนินงานตามนโยบายและกลยุทธ์",
        "งานพัฒนาระบบการติดตาม ประเมินผลและรายงานผล", "งานจัดทำรายงานผลการจัดการศึกษาประจำปี"}},
  };
  for (const auto& [area, tasks] : areas) {
    auto node = unit(area);
    for (const auto& task : tasks) node.children.push_back(unit(task));
    chart.root.children.push_back(std::move(node));
  }
  return chart;
}

// An office of 80 boxes: the director, 5 groups, 3 sections each, 4 posts in most sections.
document::OrgChart large_org_chart() {
  document::OrgChart chart;
  chart.title = "โครงสร้างสำนักงาน";
  chart.root = unit("นายสมชาย ใจดี", "ผู้อำนวยการสำนักงานเขตพื้นที่การศึกษาประถมศึกษา");
  int boxes = 1;
  for (int g = 1; g <= 5; ++g) {
    auto group = unit("กลุ่มที่ " + format::thai_digits(g), "ผู้อำนวยการกลุ่ม");
    ++boxes;
    for (int s = 1; s <= 3; ++s) {
      auto section = unit("งานที่ " + format::thai_digits(g) + "." + format::thai_digits(s), "หัวหน้างาน");
      ++boxes;
      for (int p = 1; p <= 4 && boxes < 80; ++p, ++boxes)
        section.children.push_back(unit("นางสาวสมศรี รักงาน", "นักวิเคราะห์นโยบายและแผนชำนาญการ"));
      group.children.push_back(std::move(section));
    }
    chart.root.children.push_back(std::move(group));
  }
  return chart;
}

document::Block heading(const std::string& text) {
  document::Heading h;
  document::TextInline words;
  words.text = text;
  words.style.font = {"Laksaman", true, false, 18};
  h.paragraph.content.emplace_back(std::move(words));
  h.paragraph.block.space_before = 12;
  h.paragraph.block.space_after = 6;
  h.paragraph.block.keep_with_next = true;
  h.anchor = "h" + std::to_string(std::hash<std::string>{}(text));
  h.title = text;
  return {std::move(h)};
}

void write_sample(const std::filesystem::path& output, const std::filesystem::path& fonts) {
  document::Document doc;
  doc.info.title = "ตัวอย่างแผนภาพ";
  document::Section section;
  section.body.push_back(heading("แผนภูมิโครงสร้างการบริหารงาน กลุ่มนโยบายและแผน"));
  section.body.push_back({policy_group()});
  section.body.push_back(heading("Flow Chart การรับหนังสือราชการ"));
  section.body.push_back({receiving_letters()});
  document::Flowchart table = receiving_letters();
  table.form = document::Flowchart::Form::table;
  section.body.push_back(heading("ขั้นตอนการปฏิบัติงาน: การรับหนังสือราชการ (แบบตาราง)"));
  section.body.push_back({table});
  document::Flowchart long_table = long_flowchart(24);
  long_table.form = document::Flowchart::Form::table;
  section.body.push_back(heading("ขั้นตอนการจัดทำแผนปฏิบัติการประจำปี (แบบตาราง)"));
  section.body.push_back({long_table});
  section.body.push_back(heading("ขั้นตอนการจัดทำแผนปฏิบัติการประจำปี"));
  section.body.push_back({long_flowchart(24)});
  section.body.push_back(heading("โครงสร้างสำนักงาน"));
  section.body.push_back({large_org_chart()});
  doc.sections.push_back(std::move(section));
  render::Options options;
  options.fonts_folder = fonts;
  const auto pages = render::write_pdf(doc, output, "diagram sample", options);
  std::printf("wrote %s (%zu pages)\n", output.c_str(), pages);
}

// The charts transcribed from the seeds (the manuals' datasets), each procedure as a free flowchart and in
// the table form, and each manual's structure chart.
document::Flowchart flowchart_from(const nlohmann::json& procedure) {
  static const std::map<std::string, Kind> kinds = {
      {"start", Kind::start},        {"end", Kind::end},           {"process", Kind::process},
      {"decision", Kind::decision},  {"document", Kind::document}, {"data", Kind::data},
      {"connector", Kind::connector}};
  document::Flowchart chart;
  chart.title = procedure.value("title", "");
  const auto& steps = procedure.at("steps");
  for (std::size_t i = 0; i < steps.size(); ++i) {
    const auto& s = steps[i];
    chart.steps.push_back(step(s.at("id"), kinds.at(s.at("kind")), s.at("text"), s.value("responsible", ""),
                               s.value("duration", ""), s.value("quality_standard", ""),
                               s.value("details", "")));
    if (s.contains("exits")) {
      for (const auto& exit : s.at("exits"))
        chart.edges.push_back({s.at("id"), exit.at("to"), exit.at("label")});
    } else if (s.contains("next")) {
      chart.edges.push_back({s.at("id"), s.at("next"), ""});
    } else if (s.at("kind") != "end" && i + 1 < steps.size()) {
      chart.edges.push_back({s.at("id"), steps[i + 1].at("id"), ""});
    }
  }
  return chart;
}

document::OrgChartUnit unit_from(const nlohmann::json& json) {
  document::OrgChartUnit u = unit(json.at("name"), json.value("position", ""));
  if (json.contains("children"))
    for (const auto& child : json.at("children")) u.children.push_back(unit_from(child));
  return u;
}

nlohmann::json read_json(const std::filesystem::path& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot read " + path.string());
  return nlohmann::json::parse(in);
}

// The procedures of a manual dataset: its flowchart blocks, each titled with its number and title, or, when
// it has no number, with the numbered heading it stands under.
nlohmann::json manual_procedures(const nlohmann::json& manual) {
  nlohmann::json procedures = nlohmann::json::array();
  for (const auto& part : manual.at("parts")) {
    std::string under;
    for (const auto& block : part.at("blocks")) {
      if (block.at("type") == "heading" && block.contains("number"))
        under = block.at("number").get<std::string>() + " " + block.at("text").get<std::string>();
      if (block.at("type") != "flowchart") continue;
      nlohmann::json procedure = block;
      procedure["title"] = block.contains("number") ? block.at("number").get<std::string>() + " " +
                                                          block.at("title").get<std::string>()
                                                    : under;
      procedures.push_back(std::move(procedure));
    }
  }
  return procedures;
}

void write_transcribed(const std::filesystem::path& output, const std::filesystem::path& datasets,
                       const std::filesystem::path& fonts) {
  document::Document doc;
  doc.info.title = "แผนภาพจากคู่มือ";
  document::Section section;
  for (const char* name : {"operations-manual-2567.json", "monitoring-manual.json"}) {
    const auto manual = read_json(datasets / name);
    for (const auto& part : manual.at("parts"))
      for (const auto& block : part.at("blocks"))
        if (block.at("type") == "org-chart") {
          std::string title;
          for (const auto& line : block.value("caption", nlohmann::json::array()))
            title += (title.empty() ? "" : " ") + line.get<std::string>();
          section.body.push_back(heading(title));
          document::OrgChart org;
          org.root = unit_from(block.at("root"));
          section.body.push_back({org});
        }
    for (const auto& procedure : manual_procedures(manual)) {
      std::string title = procedure.at("title").get<std::string>();
      if (procedure.contains("part")) title += ": " + procedure.at("part").get<std::string>();
      document::Flowchart chart = flowchart_from(procedure);
      document::Block free_heading = heading("Flow Chart " + title);
      std::get<document::Heading>(free_heading.node).paragraph.block.page_break_before = true;
      section.body.push_back(std::move(free_heading));
      section.body.push_back({chart});
      chart.form = document::Flowchart::Form::table;
      section.body.push_back(heading("ขั้นตอนการปฏิบัติงาน " + title));
      section.body.push_back({chart});
    }
  }
  doc.sections.push_back(std::move(section));
  render::Options options;
  options.fonts_folder = fonts;
  const auto pages = render::write_pdf(doc, output, "transcribed diagrams", options);
  std::printf("wrote %s (%zu pages)\n", output.c_str(), pages);
}

long peak_kib() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

template <typename Work>
void measure(const char* name, int runs, Work work) {
  std::vector<double> times;
  std::size_t result = 0;
  for (int i = 0; i < runs; ++i) {
    const auto start = std::chrono::steady_clock::now();
    result += work();
    times.push_back(
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
  }
  std::sort(times.begin(), times.end());
  std::printf("%-40s median %8.2f ms   min %8.2f ms   max %8.2f ms   peak RSS %6.1f MiB  (%zu)\n", name,
              times[times.size() / 2], times.front(), times.back(), peak_kib() / 1024.0, result / runs);
}

}  // namespace

int main(int argc, char** argv) {
  int runs = 10;
  std::filesystem::path pdf, transcribed;
  std::filesystem::path fonts = "fonts";
  for (int i = 1; i < argc; ++i) {
    if (!std::strcmp(argv[i], "--runs") && i + 1 < argc)
      runs = std::max(1, std::atoi(argv[++i]));
    else if (!std::strcmp(argv[i], "--pdf") && i + 1 < argc)
      pdf = argv[++i];
    else if (!std::strcmp(argv[i], "--fonts") && i + 1 < argc)
      fonts = argv[++i];
    else if (!std::strcmp(argv[i], "--transcribed") && i + 1 < argc)
      transcribed = argv[++i];
    else {
      std::fprintf(stderr,
                   "usage: %s [--runs N] [--pdf sample.pdf] [--transcribed out.pdf] [--fonts folder]\n",
                   argv[0]);
      return 2;
    }
  }
  try {
    if (!pdf.empty() || !transcribed.empty()) {
      if (!pdf.empty()) write_sample(pdf, fonts);
      if (!transcribed.empty()) write_transcribed(transcribed, "datasets", fonts);
      return 0;
    }
    text::FontLibrary library(fonts);
    layout::ParagraphLayouter paragraphs(library);
    std::printf("fonts loaded: peak RSS %.1f MiB\n", peak_kib() / 1024.0);
    const double width = 453.5;  // A4 with the official 3 cm and 2 cm margins
    const document::Flowchart flowchart = long_flowchart(40);
    document::Flowchart table = flowchart;
    table.form = document::Flowchart::Form::table;
    const document::OrgChart org = large_org_chart();
    measure("flowchart, 40 steps (free diagram)", runs, [&] {
      layout::DiagramText text(paragraphs);
      std::vector<std::string> problems;
      const auto drawing = layout::draw_flowchart(flowchart, width, text, problems);
      layout::ConnectorStyle style{{flowchart.style.label_font, {}, false}, drawing.look};
      return layout::diagram_strips(drawing, 0, style, text).size();
    });
    measure("flowchart, 40 steps (table form)", runs, [&] {
      layout::DiagramText text(paragraphs);
      std::vector<std::string> problems;
      return layout::lay_out_flowchart_table(table, width, 0, text, problems).strips.size();
    });
    measure("organisation chart, 80 boxes", runs, [&] {
      layout::DiagramText text(paragraphs);
      std::size_t strips = 0;
      for (const auto& part : layout::draw_org_chart(org, width, 713, text)) {
        layout::ConnectorStyle style{{org.style.label_font, {}, false}, part.look};
        strips += layout::diagram_strips(part, 0, style, text).size();
      }
      return strips;
    });
  } catch (const std::exception& error) {
    std::fprintf(stderr, "diagram_bench: %s\n", error.what());
    return 1;
  }
  return 0;
}
