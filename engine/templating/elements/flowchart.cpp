// <flowchart steps="{{ procedure.steps }}" form="diagram|table" title="…">: a procedure's flowchart, drawn
// as a free diagram or in a work manual's table form, from a list of steps in reading order. A step is
// {id, kind, text, details?, responsible?, duration?, quality_standard?, number?, next? | exits[]}: kind is
// start, end, process, decision, document, data or connector; next is the id of the step it goes to (by
// default the following one, none after an end); a decision has exits[] of {label, to} instead.
#include <map>

#include "templating/elements/diagram_data.h"

namespace raingan::templating {
namespace {

using Kind = document::FlowchartStepKind;

const std::vector<std::pair<std::string_view, Kind>> step_kinds = {
    {"start", Kind::start},        {"end", Kind::end},           {"process", Kind::process},
    {"decision", Kind::decision},  {"document", Kind::document}, {"data", Kind::data},
    {"connector", Kind::connector}};

const std::vector<std::string_view> step_fields = {
    "id",     "kind", "text", "details", "responsible", "duration", "quality_standard",
    "number", "next", "exits"};

Kind kind_of(const DiagramData& step) {
  const std::string name = step.text("kind");
  if (name.empty()) return Kind::process;
  std::string names;
  for (const auto& [known, kind] : step_kinds) {
    if (known == name) return kind;
    names += (names.empty() ? "" : ", ") + std::string(known);
  }
  step.fail("kind '" + name + "' is not a kind of step (one of " + names + ")");
}

// An edge whose target is checked once every step's id is known.
struct PendingEdge {
  document::FlowchartEdge edge;
  DiagramData where;  // the field naming the target, for the message
};

void read_steps(const DiagramData& list, document::Flowchart& chart) {
  const std::vector<DiagramData> steps = list.items();
  if (steps.empty()) list.fail("a flowchart needs at least one step");
  std::map<std::string, std::size_t, std::less<>> index;
  std::vector<PendingEdge> edges;
  for (std::size_t i = 0; i < steps.size(); ++i) {
    const DiagramData& data = steps[i];
    data.check_object(step_fields);
    document::FlowchartStep step;
    step.id = data.text("id");
    if (step.id.empty()) step.id = "#" + std::to_string(i + 1);
    if (!index.emplace(step.id, i).second) data.fail("the id '" + step.id + "' is given to two steps");
    step.kind = kind_of(data);
    step.text = data.required_text("text");
    step.number = data.text("number");
    step.details = data.text("details");
    step.responsible = data.text("responsible");
    step.duration = data.text("duration");
    step.quality_standard = data.text("quality_standard");
    const std::optional<DiagramData> next = data.field("next");
    const std::optional<DiagramData> exits = data.field("exits");
    if (next && exits) data.fail("has both next and exits; a step goes on by one or the other");
    if (exits) {
      const std::vector<DiagramData> items = exits->items();
      if (items.empty()) exits->fail("a step's exits need at least one {label, to}");
      for (const DiagramData& exit : items) {
        exit.check_object({"label", "to"});
        edges.push_back({{step.id, exit.required_text("to"), exit.text("label")}, *exit.field("to")});
      }
    } else if (step.kind == Kind::decision) {
      data.fail("a decision needs exits: [{\"label\": \"ใช่\", \"to\": …}, {\"label\": \"ไม่ใช่\", \"to\": …}]");
    } else if (next) {
      edges.push_back({{step.id, data.required_text("next"), ""}, *next});
    } else if (step.kind != Kind::end && i + 1 < steps.size()) {
      edges.push_back({{step.id, "", ""}, data});  // to the following step, named below
    }
    chart.steps.push_back(std::move(step));
  }
  for (std::size_t i = 0; i < edges.size(); ++i) {
    PendingEdge& pending = edges[i];
    if (pending.edge.to.empty()) {
      pending.edge.to = chart.steps[index.at(pending.edge.from) + 1].id;
    } else if (!index.contains(pending.edge.to)) {
      std::string ids;
      for (const auto& step : chart.steps) ids += (ids.empty() ? "" : ", ") + step.id;
      pending.where.fail("no step has the id '" + pending.edge.to + "' (the steps are " + ids + ")");
    }
    chart.edges.push_back(std::move(pending.edge));
  }
}

void bind_flowchart(DocumentBinding& binding, const Element& e, const Style& inherited,
                    document::Blocks& out) {
  BinderCore& core = binding.core();
  const ResolvedStyle resolved = resolve(binding.style_for(e, inherited, ""));
  document::Flowchart chart;
  chart.block = resolved.block;
  chart.style = diagram_style(binding, e, resolved);
  chart.table_font = resolved.text.font;
  chart.title = core.text(e, "title");
  chart.source_line = e.line;
  if (const Attribute* a = e.attribute("form"))
    chart.form = parse_choice(core.text(*a), {"diagram", "table"}, binding.where(*a)) == "table"
                     ? document::Flowchart::Form::table
                     : document::Flowchart::Form::diagram;
  read_steps(DiagramData(core, core.required(e, "steps")), chart);
  refuse_content(core, e, "a <flowchart>", "steps", "its steps");
  out.push_back({std::move(chart), e.line});
}

}  // namespace

void register_flowchart(DocumentElements& elements) {
  std::vector<std::string_view> attributes = {"steps", "form"};
  attributes.insert(attributes.end(), diagram_attributes.begin(), diagram_attributes.end());
  elements.blocks.add({"flowchart", std::move(attributes), &style_attribute_group}, &bind_flowchart);
}

}  // namespace raingan::templating
