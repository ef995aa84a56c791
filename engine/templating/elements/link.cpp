// <link anchor="…"> or <link url="…">: text that goes to a heading of the document or opens a web page.
#include <algorithm>
#include <array>
#include <string_view>

#include "templating/elements/document_elements.h"

namespace raingan::templating {
namespace {

// A reader's PDF viewer follows a link when it is clicked: only addresses that open a page, a mail or a call
// are written, never one that runs a script (javascript:) or opens a file on the reader's machine (file:).
bool opens_safely(std::string_view url) {
  constexpr std::array<std::string_view, 4> schemes{"http://", "https://", "mailto:", "tel:"};
  return std::any_of(schemes.begin(), schemes.end(), [&](std::string_view scheme) {
    if (url.size() < scheme.size()) return false;
    for (std::size_t i = 0; i < scheme.size(); ++i)
      if ((url[i] | 0x20) != scheme[i])
        return false;  // schemes ignore case; ':' and '/' are unchanged by | 0x20
    return true;
  });
}

void bind_link(DocumentBinding& binding, const Element& e, const InlineContext& context,
               std::vector<InlinePiece>& out) {
  InlineContext inner = context;
  inner.link_anchor = binding.core().text(e, "anchor");
  inner.link_url = binding.core().text(e, "url");
  if (!inner.link_url.empty() && !opens_safely(inner.link_url)) {
    std::size_t cut = std::min<std::size_t>(inner.link_url.size(), 60);
    while (cut < inner.link_url.size() && (static_cast<unsigned char>(inner.link_url[cut]) & 0xC0) == 0x80)
      --cut;
    const std::string shown = inner.link_url.substr(0, cut) + (cut < inner.link_url.size() ? "…" : "");
    binding.core().fail(
        e.attribute("url")->line,
        "<link url>: expected an address that starts with http://, https://, mailto: or tel:, "
        "found \"" +
            shown +
            "\"; a link that runs a script or opens a local file is not written "
            "into a document");
  }
  binding.bind_inlines(e, inner, out);
}

}  // namespace

void register_link(DocumentElements& elements) {
  elements.inlines.add({"link", {"anchor", "url"}}, &bind_link);
}

}  // namespace raingan::templating
