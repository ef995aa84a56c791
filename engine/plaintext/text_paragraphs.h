#pragma once
// A plain text file read as a document body, paragraph by paragraph, as layout asks for them: only the
// paragraph being laid out is in memory, never the whole file.
//
// A blank line (nothing but spaces and tabs) ends a paragraph; a single newline inside one is kept as a line
// break; tabs (table columns in extracted text) are set as spaces; CR LF line ends count as LF; a UTF-8
// byte-order mark at the start is dropped. The whole file is checked for UTF-8 before the first paragraph.

#include <cstddef>
#include <filesystem>
#include <fstream>
#include <string>

#include "document/block_source.h"
#include "document/document.h"

namespace raingan::plaintext {

class TextParagraphs final : public document::BlockSource {
 public:
  // Throws InputError when the file does not exist or cannot be read, or naming the line, column and byte
  // offset of the first byte that is not UTF-8.
  TextParagraphs(std::filesystem::path path, document::InlineStyle style, document::ParagraphStyle paragraph,
                 document::BlockStyle block);

  // The next paragraph, or nullptr after the last. Throws InputError when the file cannot be read.
  const document::Block* next() override;

 private:
  // Reads the next line (without its LF) into line_; false at the end of the file.
  bool read_line();
  void check_utf8() const;

  std::filesystem::path path_;
  std::ifstream in_;
  document::InlineStyle style_;
  document::ParagraphStyle paragraph_style_;
  document::BlockStyle block_style_;

  std::string line_;
  std::size_t line_number_ = 0;  // of line_, 1-based
  std::size_t line_start_ = 0;   // byte offset of line_ in the file
  std::size_t next_start_ = 0;   // byte offset of the line after it
  bool at_end_ = false;
  document::Block block_;  // the paragraph handed out last
};

}  // namespace raingan::plaintext
