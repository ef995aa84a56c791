// <page size="A4" orientation="…" margin="…" …>: the page setup of the document or of one section.
#include <algorithm>

#include "core/units.h"
#include "templating/elements/document_elements.h"

namespace raingan::templating {
namespace {

void bind_page(DocumentBinding& binding, const Element& e, SectionScope& scope) {
  BinderCore& core = binding.core();
  document::PageSetup& page = scope.page;
  auto length = [&](const Attribute& a) { return parse_length(core.text(a), binding.where(a)); };
  if (const Attribute* a = e.attribute("size")) {
    const std::string size = parse_choice(core.text(*a), {"A4", "A5", "A3"}, binding.where(*a));
    page.size = size == "A4"   ? geometry::Size{units::mm(210), units::mm(297)}
                : size == "A5" ? geometry::Size{units::mm(148), units::mm(210)}
                               : geometry::Size{units::mm(297), units::mm(420)};
  }
  if (const Attribute* a = e.attribute("orientation")) {
    const bool landscape =
        parse_choice(core.text(*a), {"portrait", "landscape"}, binding.where(*a)) == "landscape";
    const double w = std::min(page.size.width, page.size.height),
                 h = std::max(page.size.width, page.size.height);
    page.size = landscape ? geometry::Size{h, w} : geometry::Size{w, h};
  }
  if (const Attribute* a = e.attribute("margin")) {
    auto v = parse_lengths(core.text(*a), binding.where(*a));
    const double top = v[0], right = v.size() > 1 ? v[1] : v[0], bottom = v.size() > 2 ? v[2] : v[0],
                 left = v.size() > 3 ? v[3] : right;
    page.margin_top = top, page.margin_right = right, page.margin_bottom = bottom, page.margin_left = left;
  }
  if (const Attribute* a = e.attribute("margin-top")) page.margin_top = length(*a);
  if (const Attribute* a = e.attribute("margin-bottom")) page.margin_bottom = length(*a);
  if (const Attribute* a = e.attribute("margin-left")) page.margin_left = length(*a);
  if (const Attribute* a = e.attribute("margin-right")) page.margin_right = length(*a);
  if (const Attribute* a = e.attribute("first-page-margin-top")) page.first_page_margin_top = length(*a);
  if (const Attribute* a = e.attribute("header-offset")) page.header_offset = length(*a);
  if (const Attribute* a = e.attribute("footer-offset")) page.footer_offset = length(*a);
}

}  // namespace

void register_page(DocumentElements& elements) {
  elements.sections.add({"page",
                         {"size", "orientation", "margin", "margin-top", "margin-bottom", "margin-left",
                          "margin-right", "first-page-margin-top", "header-offset", "footer-offset"}},
                        {&bind_page, false});
}

}  // namespace raingan::templating
