#pragma once
// The elements of a <document> template, one table per place an element may stand. Each element lives in
// its own file here, named after it, which defines its bind function and registers it; a new element is
// that file and its registration in document_elements.cpp.

#include <vector>

#include "document/document.h"
#include "templating/document_binding.h"
#include "templating/element_registry.h"

namespace raingan::templating {

// Where <page>, <header> and <footer> write: the defaults directly in <document>, or one <section>.
struct SectionScope {
  document::PageSetup& page;
  document::Blocks& header;
  document::Blocks& footer;
  const Style& body;         // the body style, which headers and footers start from
  bool in_section = false;   // false: directly in <document>
  bool header_seen = false;  // in a section, the first <header> replaces the inherited one, later ones add
  bool footer_seen = false;
  std::vector<document::Section>* sections = nullptr;  // where <section> adds itself (directly in <document>)
  std::vector<document::PageMark>* page_marks = nullptr;  // where <page-mark> adds itself
};

// Elements of the document's frame: <style>, <section>, <page>, <header>, <footer>, <page-mark>.
struct SectionElement {
  void (*bind)(DocumentBinding&, const Element&, SectionScope&);
  bool document_only = false;  // only directly in <document> (<style>, <section>), not in a <section>
};

// Block elements: each appends what it makes to `out`, starting from the style it inherits.
using BlockBind = void (*)(DocumentBinding&, const Element&, const Style& inherited, document::Blocks& out);

// Inline elements: each appends pieces of a paragraph's text.
using InlineBind = void (*)(DocumentBinding&, const Element&, const InlineContext&,
                            std::vector<InlinePiece>&);

struct DocumentElements {
  ElementTable<SectionElement> sections{"directly in <document>"};
  ElementTable<BlockBind> blocks{"here"};
  ElementTable<InlineBind> inlines{"inside text"};
};

// Every document element, registered once.
const DocumentElements& document_elements();

// Reads one <style> into the style sheet (style.cpp); the root reads every <style> before binding anything.
void define_style(DocumentBinding& binding, const Element& e);

}  // namespace raingan::templating
