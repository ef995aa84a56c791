#pragma once
// What the document elements share while a <document> template is bound: the binder core, the style sheet,
// the images, the result, and the walks that every element with content uses (blocks and inline text).
// Each element binds itself in its own file under templating/elements/; this class dispatches to them by
// name through the element tables (elements/document_elements.h).

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "document/document.h"
#include "document/image_source.h"
#include "templating/binder_core.h"
#include "templating/document_binder.h"
#include "templating/style_sheet.h"
#include "templating/whitespace.h"

namespace raingan::templating {

// One run of text in a paragraph before whitespace is settled.
struct InlinePiece {
  TextPiece text;
  document::InlineStyle style;
  std::string link_anchor, link_url;
  std::optional<document::LeaderInline> leader;
  std::optional<document::FieldInline> field;
  bool keep_whole = false;  // inside <nobreak>, or a formatter's date or amount
  // A formatter's output kept whole on its own: a span of its own, not joined to a kept-whole piece before
  // it, so a line may end between two (the parts of an amount in words).
  bool opens_whole_span = false;
};

// What inline content inherits from the elements around it.
struct InlineContext {
  document::InlineStyle style;
  std::string link_anchor;
  std::string link_url;
  bool keep_whole = false;  // inside <nobreak>
};

class DocumentBinding {
 public:
  DocumentBinding(const TemplateFile& file, const dataset::JsonDocument& data, const BindOptions& options,
                  document::ImageSource& images)
      : core_(file, data, options), images_(images) {}

  BinderCore& core() noexcept { return core_; }
  const std::string& file_name() const noexcept { return core_.file_name(); }
  // Where an attribute was written, for the attribute parsers' messages.
  AttributeSource where(const Attribute& attribute) const {
    return {core_.file_name(), attribute.line, attribute.name};
  }
  StyleSheet& styles() noexcept { return styles_; }
  document::ImageSource& images() noexcept { return images_; }
  BoundDocument& result() noexcept { return result_; }

  // ---- styles ----
  // The style attributes the element itself carries.
  Style own_style(const Element& e);
  // Base style for an element: inherited, then its named style (or the default one), then its own attributes.
  Style style_for(const Element& e, const Style& inherited, std::string_view default_style);
  // `base` with the named style layered on, when the template or the built-ins define it.
  Style layered(const Style& base, std::string_view name) const;

  // ---- blocks ----
  // The children of a container as blocks. Content with no block elements is one paragraph.
  void bind_blocks(const Element& parent, document::Blocks& out, const Style& style);
  // One child of a container: a block element, or nothing for blank text.
  void bind_block(const Node& node, document::Blocks& out, const Style& inherited);
  document::Paragraph make_paragraph(const Element& e, const Style& style, int line);
  // A paragraph of plain text (list labels), aligned left without indents.
  document::Paragraph make_text_paragraph(const std::string& text, const Style& style);

  // ---- inlines ----
  void bind_inlines(const Element& parent, const InlineContext& context, std::vector<InlinePiece>& out);
  // A piece of text as the context styles and links it.
  static InlinePiece piece(std::string text, bool verbatim, const InlineContext& context);
  // A leader or field: one visible character in the text, so the spaces around it are kept.
  static InlinePiece object_piece(const InlineContext& context);

  // ---- state some elements share ----
  // A template-relative path resolved against the template's folder.
  std::filesystem::path resolve_path(const std::string& path) const;
  // Labels of the enclosing list items, innermost last, for nested numbering (๓. -> ๓.๑).
  std::vector<std::string>& list_labels() noexcept { return list_labels_; }
  // Numbers headings without an anchor of their own.
  int next_heading_number() noexcept { return ++heading_count_; }

 private:
  std::vector<document::Inline> finish_inlines(std::vector<InlinePiece>& pieces);

  BinderCore core_;
  document::ImageSource& images_;
  StyleSheet styles_;
  BoundDocument result_;
  std::vector<std::string> list_labels_;
  int heading_count_ = 0;
};

}  // namespace raingan::templating
