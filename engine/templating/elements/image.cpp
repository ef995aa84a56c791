// <image src="…" width="…" height="…" optional="…" missing="…"> with an optional <caption>: a PNG or JPEG
// picture. With missing="what it shows" and no src, the figure is not drawn yet: its caption stands in its
// place (never an empty box) and the build reports it.
#include <filesystem>

#include "templating/elements/document_elements.h"

namespace raingan::templating {
namespace {

void bind_caption(DocumentBinding& binding, const Element& e, const Style& style, document::Image& image) {
  BinderCore& core = binding.core();
  for (const auto& child : e.children) {
    if (child.element && child.element->name == "caption") {
      const Style caption_style = binding.style_for(*child.element, style, "caption");
      image.caption = binding.make_paragraph(*child.element, caption_style, child.element->line).content;
    } else if (child.element) {
      core.fail(*child.element, "an <image> holds only a <caption>");
    } else if (has_visible_text(child.text)) {
      core.fail(child.line, "text in <image>: put it in <caption>");
    }
  }
}

void bind_image(DocumentBinding& binding, const Element& e, const Style& inherited, document::Blocks& out) {
  BinderCore& core = binding.core();
  const std::string& file = binding.file_name();
  document::Image image;
  const Style style = binding.style_for(e, inherited, "");
  const ResolvedStyle resolved = resolve(style);
  image.block = resolved.block;
  image.align = e.attribute("align") ? resolved.paragraph.align : document::Align::center;
  if (const Attribute* a = e.attribute("width")) image.width = parse_length(core.text(*a), binding.where(*a));
  if (const Attribute* a = e.attribute("height"))
    image.height = parse_length(core.text(*a), binding.where(*a));
  bool optional = false;
  if (const Attribute* a = e.attribute("optional")) optional = parse_flag(core.text(*a), binding.where(*a));
  const Attribute* missing = e.attribute("missing");
  if (missing && !e.attribute("src")) image.missing = core.text(*missing);
  if (missing && image.missing.empty()) core.fail(missing->line, "missing=\"…\" says what the figure shows");
  if (!image.missing.empty()) {
    bind_caption(binding, e, style, image);
    out.push_back({std::move(image)});
    return;
  }
  const Attribute& src = core.required(e, "src");
  const std::filesystem::path path = binding.resolve_path(core.text(src));
  std::error_code ec;
  if (optional && !std::filesystem::exists(path, ec)) {
    // The office supplies some images (the Garuda emblem); without them the space stays and the build says
    // so.
    binding.result().warnings.push_back(
        {file, "line " + std::to_string(e.line),
         "optional image " + path.string() + " is not there; its space is left empty"});
    const double height = image.height > 0 ? image.height : image.width;
    out.push_back({document::Spacer{height}});
    return;
  }
  try {
    image.data = binding.images().load(path, file, src.line);
  } catch (const InputError& error) {
    core.fail(src.line, "<image src=\"" + src.value + "\">: " + error.diagnostics().front().to_string());
  }
  bind_caption(binding, e, style, image);
  out.push_back({std::move(image)});
}

}  // namespace

void register_image(DocumentElements& elements) {
  elements.blocks.add({"image", {"src", "width", "height", "optional", "missing"}, &style_attribute_group},
                      &bind_image);
}

}  // namespace raingan::templating
