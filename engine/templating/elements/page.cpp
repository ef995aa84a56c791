// <page size="A4" orientation="…" margin="…" …>: the page setup of the document or of one section.
#include <algorithm>
#include <cstdio>
#include <string>

#include "core/units.h"
#include "templating/elements/document_elements.h"

namespace raingan::templating {
namespace {

std::string centimetres(double points) {
  char text[32];
  std::snprintf(text, sizeof text, "%.4g cm", points / units::cm(1));
  return text;
}

// Checked before layout, so that a page no line fits on is an error at its line, not a document of pages
// with text off the paper.
void check_geometry(BinderCore& core, const Element& e, const document::PageSetup& page) {
  constexpr double least_text = units::cm(3);  // a column narrower than this holds a word or two per line
  const struct {
    const char* name;
    double value;
  } margins[] = {{"margin-top", page.margin_top},
                 {"margin-right", page.margin_right},
                 {"margin-bottom", page.margin_bottom},
                 {"margin-left", page.margin_left},
                 {"first-page-margin-top", page.first_page_margin_top.value_or(page.margin_top)},
                 {"header-offset", page.header_offset},
                 {"footer-offset", page.footer_offset}};
  for (const auto& margin : margins)
    if (margin.value < 0)
      core.fail(e, "" + std::string(margin.name) + " is " + centimetres(margin.value) +
                       "; expected a length of 0 or more");
  const double width = page.size.width - page.margin_left - page.margin_right;
  if (width < least_text)
    core.fail(e, "the left and right margins (" + centimetres(page.margin_left) + " + " +
                     centimetres(page.margin_right) + ") leave " + centimetres(std::max(0.0, width)) +
                     " of the page's " + centimetres(page.size.width) + " width; expected at least " +
                     centimetres(least_text) + " for the text");
  const double top = std::max(page.margin_top, page.first_page_margin_top.value_or(page.margin_top));
  const double height = page.size.height - top - page.margin_bottom;
  if (height < least_text)
    core.fail(e, "the top and bottom margins (" + centimetres(top) + " + " + centimetres(page.margin_bottom) +
                     ") leave " + centimetres(std::max(0.0, height)) + " of the page's " +
                     centimetres(page.size.height) + " height; expected at least " + centimetres(least_text) +
                     " for the text");
  if (page.header_offset >= page.size.height || page.footer_offset >= page.size.height)
    core.fail(e, "a header-offset or footer-offset of " +
                     centimetres(std::max(page.header_offset, page.footer_offset)) + " is off the " +
                     centimetres(page.size.height) + " page");
}

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
  check_geometry(core, e, page);
}

}  // namespace

void register_page(DocumentElements& elements) {
  elements.sections.add({"page",
                         {"size", "orientation", "margin", "margin-top", "margin-bottom", "margin-left",
                          "margin-right", "first-page-margin-top", "header-offset", "footer-offset"}},
                        {&bind_page, false});
}

}  // namespace raingan::templating
