// <workbook dataset-kind title subject author manager company category keywords comments constant-memory font
// size charset report-title>: the root of a register template. Its attributes are the document properties and
// the normal style (font, size, charset), read before the sink is made, and the report type's name in plain
// words for the list people choose from (report-title); its children are <style> and <sheet>.
#include "templating/attributes.h"
#include "templating/elements/workbook/workbook_elements.h"
#include "templating/whitespace.h"

namespace raingan::templating {
namespace {

const ElementRule workbook_rule{
    "workbook",
    {"dataset-kind", "title", "subject", "author", "manager", "company", "category", "keywords", "comments",
     "constant-memory", "font", "size", "charset", "report-title"}};

}  // namespace

WorkbookSettings read_workbook_element(WorkbookBinding& binding) {
  BinderCore& core = binding.core();
  const Element& root = *core.file().root;
  check_attributes(core, root, workbook_rule);
  WorkbookSettings s;
  auto& p = s.properties;
  p.title = core.text(root, "title");
  p.subject = core.text(root, "subject");
  p.author = core.text(root, "author");
  p.manager = core.text(root, "manager");
  p.company = core.text(root, "company");
  p.category = core.text(root, "category");
  p.keywords = core.text(root, "keywords");
  p.comments = core.text(root, "comments");
  if (const Attribute* a = root.attribute("constant-memory"))
    s.constant_memory = parse_flag(core.text(*a), binding.where(*a));
  if (const Attribute* a = root.attribute("font")) s.normal_style.font_name = core.text(*a);
  if (const Attribute* a = root.attribute("size"))
    s.normal_style.font_size = parse_number(core.text(*a), binding.where(*a));
  if (const Attribute* a = root.attribute("charset"))
    s.normal_style.font_charset = parse_integer(core.text(*a), binding.where(*a), 0, 255);
  return s;
}

std::size_t bind_workbook_element(WorkbookBinding& binding) {
  BinderCore& core = binding.core();
  const Element& root = *core.file().root;
  core.check_dataset_kind(root);
  binding.set_base_style(read_workbook_element(binding).normal_style);
  const auto& elements = workbook_elements().workbook;
  core.for_each_child(root, [&](const Node& node) {
    if (!node.element) {
      if (has_visible_text(node.text)) core.fail(node.line, "text outside a cell: put it in <cell>…</cell>");
      return;
    }
    elements.checked(core, *node.element).bind(binding, *node.element);
  });
  if (binding.sheets_begun() == 0) core.fail(root.line, "the workbook has no <sheet>");
  return binding.sheets_begun();
}

}  // namespace raingan::templating
