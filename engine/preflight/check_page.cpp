// The built-in checks on one finished page, read from its frame and the strips pagination recorded.
#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>

#include "preflight/preflight.h"

namespace raingan::preflight {
namespace {

using layout::Page;
using layout::PageStrip;
using layout::StripOrigin;

struct Box {
  double left = std::numeric_limits<double>::infinity();
  double top = std::numeric_limits<double>::infinity();
  double right = -std::numeric_limits<double>::infinity();
  double bottom = -std::numeric_limits<double>::infinity();
  bool empty() const { return left > right || top > bottom; }
  void add_x(double x) { left = std::min(left, x), right = std::max(right, x); }
  void add_y(double y) { top = std::min(top, y), bottom = std::max(bottom, y); }
  void add(geometry::Point p) { add_x(p.x), add_y(p.y); }
};

// What a strip puts on paper. Text counts horizontally by its runs and vertically by the strip's own box:
// marks above and below Thai letters may reach past a line's box by design.
struct Ink {
  Box box;
  bool text = false;  // some glyph is drawn
  double text_right = -std::numeric_limits<double>::infinity();
};

Ink ink_of(const Page& page, const PageStrip& strip) {
  Ink ink;
  for (std::size_t i = strip.first_item; i < strip.end_item && i < page.frame.items.size(); ++i) {
    std::visit(
        [&](const auto& item) {
          using T = std::decay_t<decltype(item)>;
          if constexpr (std::is_same_v<T, layout::TextLine>) {
            for (const auto& run : item.runs) {
              if (run.glyphs.empty()) continue;
              ink.text = true;
              ink.box.add_x(run.origin.x);
              ink.box.add_x(run.origin.x + run.width());
              ink.text_right = std::max(ink.text_right, run.origin.x + run.width());
            }
          } else if constexpr (std::is_same_v<T, layout::Rule>) {
            ink.box.add(item.from);
            ink.box.add(item.to);
          } else if constexpr (std::is_same_v<T, layout::Rectangle> || std::is_same_v<T, layout::Image>) {
            ink.box.add(item.origin);
            ink.box.add({item.origin.x + item.size.width, item.origin.y + item.size.height});
          } else if constexpr (std::is_same_v<T, layout::Path>) {
            for (const auto& command : item.commands) {
              if (command.kind == layout::PathCommand::Kind::close) continue;
              ink.box.add(command.p1);
              if (command.kind == layout::PathCommand::Kind::cubic) {
                ink.box.add(command.p2);
                ink.box.add(command.p3);
              }
            }
          }
        },
        page.frame.items[i]);
  }
  if (ink.text) {
    ink.box.add_y(strip.origin.y);
    ink.box.add_y(strip.origin.y + strip.size.height);
  }
  return ink;
}

std::string points(double pt) {
  const double mm = std::round(pt * 25.4 / 72 * 10) / 10;
  std::string text = std::to_string(mm);
  text.erase(text.find('.') + 2);
  return text + " mm";
}

// How far `inner` reaches past `outer` on each side, said in words; empty when it stays inside.
std::string overflow(const Box& inner, const Box& outer) {
  std::string said;
  auto side = [&](double by, const char* where) {
    if (by <= tolerance) return;
    if (!said.empty()) said += ", ";
    said += points(by) + " past the " + where;
  };
  side(outer.left - inner.left, "left edge");
  side(inner.right - outer.right, "right edge");
  side(outer.top - inner.top, "top edge");
  side(inner.bottom - outer.bottom, "bottom edge");
  return said;
}

const char* what(const PageStrip& strip) {
  switch (strip.source.kind) {
    case StripOrigin::Kind::text:
      return "a text line";
    case StripOrigin::Kind::heading:
      return "a heading";
    case StripOrigin::Kind::signature:
      return "the signature block";
    default:
      return strip.role == PageStrip::Role::body ? "a block" : "a line";
  }
}

const char* role_name(PageStrip::Role role) {
  return role == PageStrip::Role::header ? "header" : role == PageStrip::Role::footer ? "footer" : "body";
}

}  // namespace

std::vector<Finding> check_page(const Page& page) {
  std::vector<Finding> findings;
  auto find = [&](Rule rule, const PageStrip* strip, std::string message) {
    findings.push_back({rule, 0, page.label, strip ? strip->source.source_line : 0, std::move(message)});
  };
  const Box page_box{0, 0, page.frame.size.width, page.frame.size.height};
  const Box content_box{page.content_origin.x, page.content_origin.y,
                        page.content_origin.x + page.content_size.width,
                        page.content_origin.y + page.content_size.height};

  std::vector<Ink> inks;
  inks.reserve(page.strips.size());
  for (const auto& strip : page.strips) inks.push_back(ink_of(page, strip));

  bool body_has_ink = false;
  for (std::size_t s = 0; s < page.strips.size(); ++s) {
    const PageStrip& strip = page.strips[s];
    const Ink& ink = inks[s];
    if (strip.source.kind == StripOrigin::Kind::missing_figure)
      find(Rule::missing_figure, &strip,
           "the figure \"" + strip.source.note + "\" has no picture; only its caption is printed");
    if (!strip.source.too_narrow.empty())
      find(Rule::narrow_column, &strip,
           "the table's columns do not fit what they must keep on one line, which breaks: " +
               strip.source.too_narrow);
    if (ink.box.empty()) continue;
    if (strip.role == PageStrip::Role::body) body_has_ink = true;
    if (const std::string past = overflow(ink.box, page_box); !past.empty()) {
      find(Rule::outside_page, &strip,
           std::string(what(strip)) + " of the " + role_name(strip.role) + " runs off the page: " + past);
    } else if (strip.role == PageStrip::Role::body) {
      if (const std::string margin = overflow(ink.box, content_box); !margin.empty())
        find(Rule::outside_content, &strip, std::string(what(strip)) + " leaves the content area: " + margin);
    }
    if (strip.source.kind == StripOrigin::Kind::text &&
        strip.source.column_right > strip.source.column_left && ink.text) {
      const double over = ink.text_right - (strip.origin.x + strip.source.column_right);
      if (over > tolerance)
        find(Rule::overfull_line, &strip,
             "a text line is " + points(over) + " wider than its column (" +
                 points(strip.source.column_right - strip.source.column_left) + ")");
    }
  }
  if (!body_has_ink) find(Rule::empty_page, nullptr, "the page has nothing in its body");

  // Header and footer lines against the body strips they overlap.
  for (std::size_t h = 0; h < page.strips.size(); ++h) {
    const PageStrip& band = page.strips[h];
    if (band.role == PageStrip::Role::body || inks[h].box.empty()) continue;
    for (std::size_t b = 0; b < page.strips.size(); ++b) {
      const PageStrip& body = page.strips[b];
      if (body.role != PageStrip::Role::body || inks[b].box.empty()) continue;
      const double top = std::max(band.origin.y, body.origin.y);
      const double bottom = std::min(band.origin.y + band.size.height, body.origin.y + body.size.height);
      const double left = std::max(inks[h].box.left, inks[b].box.left);
      const double right = std::min(inks[h].box.right, inks[b].box.right);
      if (bottom - top > tolerance && right - left > tolerance) {
        find(Rule::header_overlap, &band,
             std::string("a ") + role_name(band.role) + " line overlaps the body by " + points(bottom - top) +
                 (body.source.source_line ? " (the body's line from template line " +
                                                std::to_string(body.source.source_line) + ")"
                                          : std::string()));
        break;
      }
    }
  }

  // A signature block keeps two lines of the body above it on its page (or a table, a picture): never the
  // closing and signature alone, nor under a lone line.
  const auto signature = std::find_if(page.strips.begin(), page.strips.end(), [](const PageStrip& strip) {
    return strip.role == PageStrip::Role::body && strip.source.kind == StripOrigin::Kind::signature;
  });
  if (signature != page.strips.end()) {
    int lines_above = 0;
    bool other_above = false;
    for (auto it = page.strips.begin(); it != signature; ++it) {
      const auto index = static_cast<std::size_t>(it - page.strips.begin());
      if (it->role != PageStrip::Role::body || inks[index].box.empty()) continue;
      if (it->source.kind == StripOrigin::Kind::text) ++lines_above;
      if (it->source.kind == StripOrigin::Kind::other) other_above = true;
    }
    if (lines_above < 2 && !other_above)
      find(Rule::signature_alone, &*signature,
           lines_above == 0
               ? std::string("the signature block starts the page with no body text above it")
               : "the signature block has one line of the body above it on its page (two at least)");
  }
  return findings;
}

const char* rule_name(Rule rule) {
  switch (rule) {
    case Rule::outside_page:
      return "outside-page";
    case Rule::outside_content:
      return "outside-content";
    case Rule::header_overlap:
      return "header-overlap";
    case Rule::overfull_line:
      return "overfull-line";
    case Rule::empty_page:
      return "empty-page";
    case Rule::signature_alone:
      return "signature-alone";
    case Rule::missing_figure:
      return "missing-figure";
    case Rule::protected_span_broken:
      return "protected-span";
    case Rule::narrow_column:
      return "narrow-column";
  }
  return "";
}

Diagnostic to_diagnostic(const Finding& finding, const std::string& source_name) {
  std::string where = "page " + std::to_string(finding.page_index + 1);
  if (!finding.page_label.empty() && finding.page_label != std::to_string(finding.page_index + 1))
    where += " (" + finding.page_label + ")";
  if (finding.source_line > 0) where += ", line " + std::to_string(finding.source_line);
  return {source_name, where, std::string(rule_name(finding.rule)) + ": " + finding.message};
}

}  // namespace raingan::preflight
