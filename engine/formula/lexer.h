#pragma once
// The tokens of an Excel A1 formula (internal to the parser).

#include <cstdint>
#include <string>
#include <string_view>

#include "formula/formula.h"
#include "formula/value.h"

namespace raingan::formula {

enum class TokenKind : std::uint8_t {
  end,
  number,
  text,
  boolean,
  error,
  reference,
  function,
  name,
  open,
  close,
  comma,
  op,
  array
};

// One corner of a reference as written: row and column in the sheet (0-based), and which are absolute.
struct WrittenPoint {
  std::uint32_t row = 0;
  std::uint32_t column = 0;
  bool row_absolute = false;
  bool column_absolute = false;
};

struct Token {
  TokenKind kind = TokenKind::end;
  std::size_t offset = 0;  // in bytes
  std::size_t length = 0;  // in bytes
  double number = 0;
  // text: the literal without its quotes ("" still doubled when quotes_doubled); function and name: the name;
  // reference: the sheet name, empty without one (' still doubled when quotes_doubled).
  std::string_view text{};
  bool quotes_doubled = false;
  bool has_sheet = false;
  bool boolean = false;
  ErrorCode error = ErrorCode::value;
  Operator op = Operator::add;  // for op tokens: the binary operator, or percent
  Reference::Shape shape = Reference::Shape::cell;
  WrittenPoint first, last;
};

class Lexer {
 public:
  explicit Lexer(std::string_view text) : text_(text) {}
  // The next token; throws ParseError for text that is no token.
  Token next();
  // 1-based position in characters of a byte offset, for messages.
  std::size_t position(std::size_t offset) const;
  std::string_view source() const { return text_; }

 private:
  [[noreturn]] void fail(std::size_t offset, std::string message) const;
  Token read_text(std::size_t start);
  Token read_error(std::size_t start);
  Token read_number_or_rows(std::size_t start);
  Token read_word(std::size_t start);
  Token read_quoted_sheet(std::size_t start);
  // Reads the reference after a sheet prefix (or without one) at pos_; false when there is none.
  bool read_reference(Token& token);

  std::string_view text_;
  std::size_t pos_ = 0;
};

// The text with each doubled quote character made single ("a ""b""" -> a "b").
std::string undouble(std::string_view text, char quote);

}  // namespace raingan::formula
