// <chart type="bar|horizontal-bar" title="…" categories="{{ … }}" target="…" …> with <series name="…"
// values="{{ … }}" color="…">: a bar chart drawn as vector paths.
#include <cmath>

#include "templating/elements/document_elements.h"

namespace raingan::templating {
namespace {

const ElementRule series_rule{"series", {"name", "values", "color"}};

// Series without a colour of their own take these in turn (the office's blue, orange, green and grey).
const geometry::Color series_palette[] = {{31, 78, 121}, {237, 125, 49}, {112, 173, 71}, {165, 165, 165}};

std::vector<double> numbers_of(BinderCore& core, const Value& list, int line, const char* what) {
  if (list.kind() != Value::Kind::list)
    core.fail(line, std::string(what) + " should be a list of numbers, found " + describe(list));
  std::vector<double> values;
  for (std::size_t i = 0; i < list.size(); ++i) {
    const Value v = list.at(i);
    if (v.kind() != Value::Kind::number)
      core.fail(line, std::string(what) + " should hold numbers, found " + describe(v));
    values.push_back(v.number().to_double());
  }
  return values;
}

// A number given as a lone expression ({{ target }}) or as text ("80").
double number_attribute(DocumentBinding& binding, const Attribute& a) {
  const Value value = binding.core().value(a);
  return value.kind() == Value::Kind::number ? value.number().to_double()
                                             : parse_number(binding.core().text(a), binding.where(a));
}

void bind_chart(DocumentBinding& binding, const Element& e, const Style& inherited, document::Blocks& out) {
  BinderCore& core = binding.core();
  document::Chart chart;
  const ResolvedStyle resolved = resolve(binding.style_for(e, inherited, ""));
  chart.font = resolved.text.font;
  chart.block = resolved.block;
  if (const Attribute* a = e.attribute("type"))
    chart.kind = parse_choice(core.text(*a), {"bar", "horizontal-bar"}, binding.where(*a)) == "bar"
                     ? document::Chart::Kind::bar
                     : document::Chart::Kind::horizontal_bar;
  chart.title = core.text(e, "title");
  const Attribute& categories = core.required(e, "categories");
  const Value names = core.value(categories);
  if (names.kind() != Value::Kind::list)
    core.fail(categories.line, "categories should be a list, found " + describe(names));
  for (std::size_t i = 0; i < names.size(); ++i) {
    auto text = plain_text(names.at(i));
    if (!text) core.fail(categories.line, "categories should be texts, found " + describe(names.at(i)));
    chart.categories.push_back(*text);
  }
  if (const Attribute* a = e.attribute("target")) chart.target = number_attribute(binding, *a);
  chart.value_suffix = core.text(e, "suffix");
  if (const Attribute* a = e.attribute("max")) chart.axis_max = number_attribute(binding, *a);
  if (const Attribute* a = e.attribute("places")) {
    const double places = parse_number(core.text(*a), binding.where(*a));
    if (places < 0 || places > 6 || places != std::floor(places))
      core.fail(a->line, "places should be a whole number from 0 to 6, found " + core.text(*a));
    chart.value_places = static_cast<int>(places);
  }
  if (const Attribute* a = e.attribute("width")) chart.width = parse_length(core.text(*a), binding.where(*a));
  if (const Attribute* a = e.attribute("height"))
    chart.height = parse_length(core.text(*a), binding.where(*a));
  if (const Attribute* a = e.attribute("digits"))
    chart.thai_digits = parse_choice(core.text(*a), {"thai", "arabic"}, binding.where(*a)) == "thai";
  core.for_each_child(e, [&](const Node& node) {
    if (!node.element) {
      if (has_visible_text(node.text)) core.fail(node.line, "<chart> holds <series> elements, not text");
      return;
    }
    const Element& s = *node.element;
    if (s.name != "series") core.fail(s, "a <chart> holds <series> elements");
    check_attributes(core, s, series_rule);
    document::ChartSeries series;
    series.name = core.text(s, "name");
    const Attribute& values = core.required(s, "values");
    series.values = numbers_of(core, core.value(values), values.line, "values");
    if (series.values.size() != chart.categories.size())
      core.fail(values.line, "<series> has " + std::to_string(series.values.size()) + " values for " +
                                 std::to_string(chart.categories.size()) + " categories");
    series.color = series_palette[chart.series.size() % std::size(series_palette)];
    if (const Attribute* a = s.attribute("color"))
      series.color = parse_color(core.text(*a), binding.where(*a));
    chart.series.push_back(std::move(series));
  });
  if (chart.series.empty()) core.fail(e, "a chart needs at least one <series>");
  out.push_back({std::move(chart)});
}

}  // namespace

void register_chart(DocumentElements& elements) {
  elements.blocks.add(
      {"chart",
       {"type", "title", "categories", "target", "suffix", "width", "height", "digits", "max", "places"},
       &style_attribute_group},
      &bind_chart);
}

}  // namespace raingan::templating
