#pragma once
// What <block> and <signature> share: blocks that move together and share an indent, optionally boxed.

#include "templating/elements/document_elements.h"

namespace raingan::templating {

// The attributes both accept.
inline const std::vector<std::string_view> container_attributes = {"border", "border-width", "padding"};

// Reads the container's own settings from `e` in `style`; the children take `child_style`, which is the
// container's text style without its indents and spacing.
document::Container bind_container(DocumentBinding& binding, const Element& e, const Style& style,
                                   Style& child_style);

}  // namespace raingan::templating
