#include "plaintext/text_paragraphs.h"

#include <cstdio>
#include <system_error>

#include "core/diagnostic.h"
#include "core/input_file.h"
#include "core/utf8.h"

namespace raingan::plaintext {
namespace {

constexpr std::string_view byte_order_mark = "\xEF\xBB\xBF";

}  // namespace

TextParagraphs::TextParagraphs(std::filesystem::path path, document::InlineStyle style,
                               document::ParagraphStyle paragraph, document::BlockStyle block)
    : path_(std::move(path)),
      style_(std::move(style)),
      paragraph_style_(std::move(paragraph)),
      block_style_(std::move(block)) {
  require_regular_file(path_, "text");
  // Read a paragraph at a time, but a line is held whole: the file's size bounds the longest line.
  constexpr std::uintmax_t max_text_bytes = 256 * 1024 * 1024;
  std::error_code ec;
  if (const auto size = std::filesystem::file_size(path_, ec); !ec && size > max_text_bytes)
    throw InputError(path_.string(), "",
                     "expected a text file of at most 256 MB, found " + size_text(size) + "; split the file");
  in_.open(path_, std::ios::binary);
  if (!in_) throw InputError(path_.string(), "", "cannot read the file");
  // The whole file is checked for UTF-8 first, a line at a time, so that a bad byte anywhere is reported
  // before anything else is done with it; then it is read again for its paragraphs.
  while (read_line()) check_utf8();
  in_.clear();
  in_.seekg(0);
  if (!in_) throw InputError(path_.string(), "", "cannot read the file");
  line_number_ = 0;
  next_start_ = 0;
  at_end_ = false;
}

bool TextParagraphs::read_line() {
  if (at_end_) return false;
  line_start_ = next_start_;
  ++line_number_;
  std::getline(in_, line_);
  if (in_.bad()) throw InputError(path_.string(), "", "cannot read the file");
  // The last line has no LF after it; it is empty when the file ends with one (or is empty).
  if (in_.eof()) at_end_ = true;
  next_start_ = line_start_ + line_.size() + 1;
  return true;
}

void TextParagraphs::check_utf8() const {
  // Control characters (ESC, NUL, a form feed) would be drawn as nothing yet copied into the text layer.
  const auto bad = utf8::first_invalid_byte(line_, utf8::Controls::refused);
  if (!bad) return;
  // The column an editor shows: characters before the byte, not counting a byte-order mark.
  std::size_t column = 1;
  const bool after_mark = line_start_ == 0 && line_.starts_with(byte_order_mark) && *bad >= 3;
  for (std::size_t i = after_mark ? 3 : 0; i < *bad; ++i)
    if ((static_cast<unsigned char>(line_[i]) & 0xC0) != 0x80) ++column;
  char hex[8];
  std::snprintf(hex, sizeof hex, "0x%02X", static_cast<unsigned>(static_cast<unsigned char>(line_[*bad])));
  const std::string where = "line " + std::to_string(line_number_) + ", column " + std::to_string(column) +
                            " (byte " + std::to_string(line_start_ + *bad) + ")";
  if (static_cast<unsigned char>(line_[*bad]) < 0x20)
    throw InputError(path_.string(), where,
                     "expected text, found the control character " + std::string(hex) +
                         ", which prints as nothing; remove it");
  throw InputError(path_.string(), where,
                   "expected UTF-8 text, found byte " + std::string(hex) +
                       " that is not valid UTF-8; save the file as UTF-8");
}

const document::Block* TextParagraphs::next() {
  std::string text;
  int first_line = 0;
  while (read_line()) {
    if (line_start_ == 0 && line_.starts_with(byte_order_mark)) line_.erase(0, byte_order_mark.size());
    if (!line_.empty() && line_.back() == '\r') line_.pop_back();
    for (char& c : line_)
      if (c == '\t') c = ' ';
    if (line_.find_first_not_of(' ') == std::string::npos) {
      if (text.empty()) continue;
      break;
    }
    if (text.empty())
      first_line = static_cast<int>(line_number_);
    else
      text += '\n';
    text += line_;
  }
  while (!text.empty() && text.back() == ' ') text.pop_back();
  if (text.empty()) return nullptr;

  document::Paragraph paragraph;
  paragraph.content.push_back(document::TextInline{std::move(text), style_, {}, {}});
  paragraph.style = paragraph_style_;
  paragraph.block = block_style_;
  paragraph.source_line = first_line;
  block_ = document::Block{std::move(paragraph)};
  return &block_;
}

}  // namespace raingan::plaintext
