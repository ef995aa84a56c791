#include "templating/document_binding.h"

#include <algorithm>

#include "templating/elements/document_elements.h"

namespace raingan::templating {
namespace {

// Leaders and fields stand in the text as one visible character, so the spaces around them are kept.
constexpr std::string_view object_marker = "\xEF\xBF\xBC";  // U+FFFC OBJECT REPLACEMENT CHARACTER

bool same_style(const document::InlineStyle& a, const document::InlineStyle& b) {
  return a.font.family == b.font.family && a.font.bold == b.font.bold && a.font.italic == b.font.italic &&
         a.font.size == b.font.size && a.color == b.color && a.underline == b.underline;
}

}  // namespace

Style DocumentBinding::own_style(const Element& e) {
  return read_style(e, core_.file_name(), [&](const Attribute& a) { return core_.text(a); });
}

Style DocumentBinding::style_for(const Element& e, const Style& inherited, std::string_view default_style) {
  Style style = inherited;
  std::string name(default_style);
  if (const Attribute* named = e.attribute("style")) name = core_.text(*named);
  if (!name.empty()) {
    const Style* found = styles_.find(name);
    if (!found) core_.fail(e, "no style named '" + name + "' (define it with <style name=\"" + name + "\">)");
    style.layer(*found);
  }
  style.layer(own_style(e));
  return style;
}

Style DocumentBinding::layered(const Style& base, std::string_view name) const {
  Style style = base;
  if (const Style* named = styles_.find(name)) style.layer(*named);
  return style;
}

void DocumentBinding::bind_blocks(const Element& parent, document::Blocks& out, const Style& style) {
  if (!core_.contains_any(parent, document_elements().blocks.names())) {
    document::Paragraph paragraph = make_paragraph(parent, style, parent.line);
    if (!paragraph.content.empty()) out.push_back({std::move(paragraph)});
    return;
  }
  core_.for_each_child(parent, [&](const Node& node) { bind_block(node, out, style); });
}

void DocumentBinding::bind_block(const Node& node, document::Blocks& out, const Style& inherited) {
  if (!node.element) {
    if (has_visible_text(node.text))
      core_.fail(node.line, "text between blocks: put it in <p>…</p> (found \"" +
                                node.text.substr(0, std::min<std::size_t>(40, node.text.size())) + "\")");
    return;
  }
  const Element& e = *node.element;
  const DocumentElements& elements = document_elements();
  if (const auto* block = elements.blocks.find(e.name)) {
    check_attributes(core_, e, block->rule);
    const std::size_t first = out.size();
    block->bind(*this, e, inherited, out);
    for (std::size_t i = first; i < out.size(); ++i)
      if (out[i].source_line == 0) out[i].source_line = e.line;
  } else if (const auto* frame = elements.sections.find(e.name)) {
    core_.fail(
        e, "belongs directly in <document>" + std::string(frame->bind.document_only ? "" : " or <section>"));
  } else if (elements.inlines.find(e.name)) {
    core_.fail(e, "is inline text and cannot stand between blocks: put it in <p>…</p>");
  } else {
    elements.blocks.unknown(core_, e);
  }
}

document::Paragraph DocumentBinding::make_paragraph(const Element& e, const Style& style, int line) {
  const ResolvedStyle resolved = resolve(style);
  document::Paragraph paragraph;
  paragraph.style = resolved.paragraph;
  paragraph.block = resolved.block;
  paragraph.source_line = line;
  std::vector<InlinePiece> pieces;
  bind_inlines(e, {resolved.text, {}, {}}, pieces);
  paragraph.content = finish_inlines(pieces);
  return paragraph;
}

document::Paragraph DocumentBinding::make_text_paragraph(const std::string& text, const Style& style) {
  const ResolvedStyle resolved = resolve(style);
  document::Paragraph paragraph;
  paragraph.style = resolved.paragraph;
  paragraph.style.first_line_indent = 0;
  paragraph.style.start_indent = 0;
  paragraph.style.align = document::Align::left;
  if (!text.empty()) paragraph.content.push_back(document::TextInline{text, resolved.text, {}, {}});
  return paragraph;
}

void DocumentBinding::bind_inlines(const Element& parent, const InlineContext& context,
                                   std::vector<InlinePiece>& out) {
  const DocumentElements& elements = document_elements();
  core_.for_each_child(parent, [&](const Node& node) {
    if (!node.element) {
      core_.interpolate(node.text, node.line, [&](std::string text, bool verbatim, bool keep_whole) {
        out.push_back(piece(std::move(text), verbatim, context));
        out.back().keep_whole = out.back().keep_whole || keep_whole;
        out.back().opens_whole_span = keep_whole && !context.keep_whole;
      });
      return;
    }
    const Element& e = *node.element;
    if (const auto* inline_element = elements.inlines.find(e.name)) {
      check_attributes(core_, e, inline_element->rule);
      inline_element->bind(*this, e, context, out);
    } else if (elements.blocks.find(e.name)) {
      core_.fail(e, "is a block and cannot stand inside a paragraph");
    } else {
      elements.inlines.unknown(core_, e);
    }
  });
}

InlinePiece DocumentBinding::piece(std::string text, bool verbatim, const InlineContext& context) {
  InlinePiece piece;
  piece.text.text = std::move(text);
  piece.text.verbatim = verbatim;
  piece.style = context.style;
  piece.link_anchor = context.link_anchor;
  piece.link_url = context.link_url;
  piece.keep_whole = context.keep_whole;
  return piece;
}

InlinePiece DocumentBinding::object_piece(const InlineContext& context) {
  return piece(std::string(object_marker), true, context);
}

std::vector<document::Inline> DocumentBinding::finish_inlines(std::vector<InlinePiece>& pieces) {
  std::vector<TextPiece> texts;
  texts.reserve(pieces.size());
  for (auto& piece : pieces) texts.push_back(std::move(piece.text));
  normalise_whitespace(texts);
  std::vector<document::Inline> out;
  for (std::size_t i = 0; i < pieces.size(); ++i) {
    InlinePiece& piece = pieces[i];
    if (piece.leader) {
      out.emplace_back(*piece.leader);
      continue;
    }
    if (piece.field) {
      out.emplace_back(*piece.field);
      continue;
    }
    if (texts[i].text.empty()) continue;
    if (!out.empty())
      if (auto* previous = std::get_if<document::TextInline>(&out.back()))
        if (same_style(previous->style, piece.style) && previous->link_anchor == piece.link_anchor &&
            previous->link_url == piece.link_url && previous->keep_whole == piece.keep_whole &&
            !piece.opens_whole_span) {
          previous->text += texts[i].text;
          continue;
        }
    out.emplace_back(document::TextInline{std::move(texts[i].text), piece.style, piece.link_anchor,
                                          piece.link_url, piece.keep_whole});
  }
  return out;
}

std::filesystem::path DocumentBinding::resolve_path(const std::string& path) const {
  std::filesystem::path p(path);
  if (p.is_relative()) p = core_.file().path.parent_path() / p;
  return p;
}

}  // namespace raingan::templating
