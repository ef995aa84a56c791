// <org-chart root="{{ structure }}" title="…" stack-leaves-over="3" photos-in="{{ dataset_dir }}">: an
// organisation chart from a tree of units {name, position?, photo?, children[]}. A photo is a PNG or JPEG
// file, relative to photos-in when given, else to the template.
#include <filesystem>

#include "templating/elements/diagram_data.h"

namespace raingan::templating {
namespace {

// Deeper trees are not structure charts any office draws; the limit keeps a cyclic or runaway tree from
// exhausting the stack.
constexpr int max_depth = 32;

struct UnitReader {
  DocumentBinding& binding;
  const Attribute* photos_in;
  std::string photo_folder;

  document::OrgChartUnit read(const DiagramData& data, int depth) {
    if (depth > max_depth) data.fail("units nest more than " + std::to_string(max_depth) + " deep");
    data.check_object({"name", "position", "photo", "children"});
    document::OrgChartUnit unit;
    unit.name = data.required_text("name");
    unit.position = data.text("position");
    if (const std::string photo = data.text("photo"); !photo.empty()) {
      const std::filesystem::path path =
          photos_in ? std::filesystem::path(photo_folder) / photo : binding.resolve_path(photo);
      try {
        unit.photo = binding.images().load(path, binding.file_name(), data.line());
      } catch (const InputError& error) {
        data.fail("photo: " + error.diagnostics().front().message);
      }
    }
    if (const std::optional<DiagramData> children = data.field("children"))
      for (const DiagramData& child : children->items()) unit.children.push_back(read(child, depth + 1));
    return unit;
  }
};

void bind_org_chart(DocumentBinding& binding, const Element& e, const Style& inherited,
                    document::Blocks& out) {
  BinderCore& core = binding.core();
  const ResolvedStyle resolved = resolve(binding.style_for(e, inherited, ""));
  document::OrgChart chart;
  chart.block = resolved.block;
  chart.style = diagram_style(binding, e, resolved);
  chart.title = core.text(e, "title");
  chart.source_line = e.line;
  if (const Attribute* a = e.attribute("stack-leaves-over")) {
    const double count = parse_number(core.text(*a), binding.where(*a));
    if (count < 0 || count > 1000 || count != static_cast<int>(count))
      core.fail(a->line, "stack-leaves-over should be a whole number from 0 to 1000, found " + core.text(*a));
    chart.stack_leaves_over = static_cast<int>(count);
  }
  if (const Attribute* a = e.attribute("max-height")) {
    chart.max_height = parse_length(core.text(*a), binding.where(*a));
    if (chart.max_height <= 0) core.fail(a->line, "max-height should be more than 0, found " + core.text(*a));
  }
  UnitReader reader{binding, e.attribute("photos-in"), {}};
  if (reader.photos_in) reader.photo_folder = core.text(*reader.photos_in);
  chart.root = reader.read(DiagramData(core, core.required(e, "root")), 0);
  refuse_content(core, e, "an <org-chart>", "root", "its units");
  out.push_back({std::move(chart), e.line});
}

}  // namespace

void register_org_chart(DocumentElements& elements) {
  std::vector<std::string_view> attributes = {"root", "stack-leaves-over", "photos-in", "max-height"};
  attributes.insert(attributes.end(), diagram_attributes.begin(), diagram_attributes.end());
  elements.blocks.add({"org-chart", std::move(attributes), &style_attribute_group}, &bind_org_chart);
}

}  // namespace raingan::templating
