#include "templating/document_binder.h"

#include <optional>

#include "templating/document_binding.h"
#include "templating/elements/document_elements.h"
#include "templating/kept_terms.h"

namespace raingan::templating {
namespace {

const ElementRule document_rule{
    "document",
    {"title", "author", "subject", "keywords", "font", "size", "dataset-kind", "report-title", "terms"}};

// The root: its settings, its styles, then sections and the blocks outside any section, which form
// sections of their own with the page, header and footer given so far.
class DocumentRoot {
 public:
  DocumentRoot(const TemplateFile& file, const dataset::JsonDocument& data, const BindOptions& options,
               document::ImageSource& images)
      : binding_(file, data, options, images), reads_(options.reads) {}

  BoundDocument run() {
    BinderCore& core = binding_.core();
    const Element& root = *core.file().root;
    check_attributes(core, root, document_rule);
    core.check_dataset_kind(root);
    binding_.styles() = StyleSheet(
        core.text(root, "font", "TH Sarabun PSK"),
        root.attribute("size")
            ? parse_font_size(core.text(*root.attribute("size")), {core.file_name(), root.line, "size"})
            : 16.0);
    auto& info = binding_.result().document.info;
    info.title = core.text(root, "title");
    info.author = core.text(root, "author");
    info.subject = core.text(root, "subject");
    info.keywords = core.text(root, "keywords");
    if (const Attribute* terms = root.attribute("terms"))
      binding_.result().document.kept_terms =
          load_kept_terms(binding_.resolve_path(core.text(*terms)), reads_);
    read_styles(root);
    bind_root(root);
    return std::move(binding_.result());
  }

 private:
  // <style> elements are read before anything else, so any element may use any style.
  void read_styles(const Element& root) {
    const auto& sections = document_elements().sections;
    for (const auto& child : root.children)
      if (child.element && child.element->name == "style") {
        sections.checked(binding_.core(), *child.element);
        define_style(binding_, *child.element);
      }
  }

  void bind_root(const Element& root) {
    BinderCore& core = binding_.core();
    auto& sections = binding_.result().document.sections;
    document::PageSetup page;
    document::Blocks header, footer;
    std::vector<document::PageMark> page_marks;
    Style body;
    body.layer(*binding_.styles().find("body"));
    std::vector<document::Section> added;
    SectionScope scope{page, header, footer, body, false, false, false, &added, &page_marks};
    std::optional<document::Section> implicit;
    auto flush_implicit = [&] {
      if (implicit) sections.push_back(std::move(*implicit));
      implicit.reset();
    };
    const auto& elements = document_elements();
    core.for_each_child(root, [&](const Node& node) {
      if (!node.element) {
        if (has_visible_text(node.text)) core.fail(node.line, "text outside a paragraph: put it in <p>…</p>");
        return;
      }
      const Element& e = *node.element;
      if (const auto* frame = elements.sections.find(e.name)) {
        check_attributes(core, e, frame->rule);
        frame->bind.bind(binding_, e, scope);
        if (!added.empty()) {  // a <section> ends the blocks before it
          flush_implicit();
          for (auto& section : added) sections.push_back(std::move(section));
          added.clear();
        }
        if (implicit) {  // later settings apply to the blocks that follow them
          implicit->page = page;
          implicit->header = header;
          implicit->footer = footer;
          implicit->page_marks = page_marks;
        }
        return;
      }
      if (!implicit) {
        implicit.emplace();
        implicit->page = page;
        implicit->header = header;
        implicit->footer = footer;
        implicit->page_marks = page_marks;
      }
      binding_.bind_block(node, implicit->body, body);
    });
    flush_implicit();
    if (sections.empty()) {
      document::Section empty;
      empty.page = page;
      empty.page_marks = page_marks;
      sections.push_back(std::move(empty));
    }
  }

  DocumentBinding binding_;
  const ReadScope& reads_;
};

}  // namespace

BoundDocument bind_document(const TemplateFile& file, const dataset::JsonDocument& data,
                            const BindOptions& options, document::ImageSource& images) {
  return DocumentRoot(file, data, options, images).run();
}

}  // namespace raingan::templating
