#include "layout/diagram_block_support.h"

#include "core/utf8.h"

namespace raingan::layout {
namespace {

std::string code_point_name(char32_t cp) {
  static constexpr char digits[] = "0123456789ABCDEF";
  std::string hex;
  for (int shift = cp > 0xFFFF ? 20 : 12; shift >= 0; shift -= 4) hex += digits[(cp >> shift) & 0xF];
  std::string text = "U+" + hex + " '";
  utf8::append(text, cp);
  return text + "'";
}

}  // namespace

DiagramProblems::DiagramProblems(LayoutEnvironment& environment, const std::string& kind,
                                 const std::string& title, int line)
    : environment_(environment), line_(line) {
  name_ = title.empty() ? kind : kind + " '" + title + "'";
}

void DiagramProblems::add(const std::string& message) {
  environment_.problems.push_back({environment_.source_name,
                                   line_ ? "line " + std::to_string(line_) : std::string(),
                                   name_ + ": " + message});
}

void DiagramProblems::add_all(const std::vector<std::string>& messages) {
  for (const auto& message : messages) add(message);
}

void DiagramProblems::add_missing(const DiagramText& text) {
  for (const auto& missing : text.missing())
    add("no font has the character " + code_point_name(missing.code_point) + " (in \"" + missing.text +
        "\"); add a font that has it to fonts/ or remove the character");
}

ConnectorStyle connector_style(const document::DiagramStyle& style, const DiagramLook& look) {
  return {InlineStyle{style.label_font, style.text_color, false}, look};
}

void append_strips(std::vector<FlowLine>&& strips, double space_before, std::vector<FlowItem>& out) {
  if (!strips.empty()) strips.front().space_before = space_before;
  for (auto& strip : strips) out.emplace_back(std::move(strip));
}

}  // namespace raingan::layout
