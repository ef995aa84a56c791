#include "formula/lexer.h"

#include <charconv>

namespace raingan::formula {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_letter(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }
bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }
// A character of a name, a function or an unquoted sheet: ASCII letters, digits, _ . \ and anything
// beyond ASCII (Thai letters and marks).
bool is_word_char(char c) {
  return is_letter(c) || is_digit(c) || c == '_' || c == '.' || c == '\\' ||
         static_cast<unsigned char>(c) >= 0x80;
}

// One corner as written at text[i...]: $A$1 (cell), $A (column alone) or $1 (row alone). Returns the end
// offset, or npos when there is no corner.
enum class PointKind { cell, column, row };
std::size_t read_point(std::string_view text, std::size_t i, WrittenPoint& point, PointKind& kind) {
  point = {};
  if (i < text.size() && text[i] == '$') {
    point.column_absolute = true;
    ++i;
  }
  std::uint32_t column = 0;
  const std::size_t letters = i;
  while (i < text.size() && is_letter(text[i]) && i - letters < 4) {
    column = column * 26 + static_cast<std::uint32_t>((text[i] & ~0x20) - 'A' + 1);
    ++i;
  }
  const bool has_column = i > letters;
  if (has_column && (i - letters > 3 || column > max_columns)) return std::string_view::npos;
  bool row_dollar = false;
  if (i < text.size() && text[i] == '$') {
    row_dollar = true;
    ++i;
  }
  std::uint64_t row = 0;
  const std::size_t digits = i;
  while (i < text.size() && is_digit(text[i]) && i - digits < 8)
    row = row * 10 + static_cast<unsigned>(text[i++] - '0');
  const bool has_row = i > digits;
  if (has_row && (row == 0 || row > max_rows || (i < text.size() && is_digit(text[i]))))
    return std::string_view::npos;
  if (has_column && has_row) {
    kind = PointKind::cell;
    point.column = column - 1;
    point.row = static_cast<std::uint32_t>(row - 1);
    point.row_absolute = row_dollar;
    return i;
  }
  if (has_column && !row_dollar) {
    kind = PointKind::column;
    point.column = column - 1;
    return i;
  }
  if (has_row && !has_column && !point.column_absolute) {
    // "$1" reads as an absolute row: the '$' seen first belongs to the row.
    kind = PointKind::row;
    point.row = static_cast<std::uint32_t>(row - 1);
    point.row_absolute = row_dollar;
    return i;
  }
  if (has_row && !has_column && point.column_absolute && !row_dollar) {
    kind = PointKind::row;
    point.row = static_cast<std::uint32_t>(row - 1);
    point.row_absolute = true;
    point.column_absolute = false;
    return i;
  }
  return std::string_view::npos;
}

Token make_token(TokenKind kind, std::size_t offset, std::size_t length = 0) {
  Token token;
  token.kind = kind;
  token.offset = offset;
  token.length = length;
  return token;
}

}  // namespace

std::string undouble(std::string_view text, char quote) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    out += text[i];
    if (text[i] == quote && i + 1 < text.size() && text[i + 1] == quote) ++i;
  }
  return out;
}

std::size_t Lexer::position(std::size_t offset) const {
  std::size_t characters = 0;
  for (std::size_t i = 0; i < offset && i < text_.size(); ++i)
    if ((static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80) ++characters;
  return characters + 1;
}

void Lexer::fail(std::size_t offset, std::string message) const {
  throw ParseError(position(offset), std::move(message));
}

bool Lexer::read_reference(Token& token) {
  WrittenPoint first, last;
  PointKind first_kind{}, last_kind{};
  std::size_t end = read_point(text_, pos_, first, first_kind);
  if (end == std::string_view::npos) return false;
  Reference::Shape shape = Reference::Shape::cell;
  last = first;
  if (end < text_.size() && text_[end] == ':') {
    const std::size_t second = read_point(text_, end + 1, last, last_kind);
    if (second != std::string_view::npos && last_kind == first_kind) {
      end = second;
      shape = first_kind == PointKind::cell     ? Reference::Shape::area
              : first_kind == PointKind::column ? Reference::Shape::columns
                                                : Reference::Shape::rows;
    } else if (first_kind != PointKind::cell) {
      return false;
    } else {
      last = first;
    }
  } else if (first_kind != PointKind::cell) {
    return false;
  }
  // A1B or A1_x is a name, not a reference followed by something.
  if (end < text_.size() && (is_word_char(text_[end]) || text_[end] == '(' || text_[end] == '!'))
    return false;
  token.kind = TokenKind::reference;
  token.shape = shape;
  token.first = first;
  token.last = last;
  pos_ = end;
  token.length = end - token.offset;
  return true;
}

Token Lexer::read_text(std::size_t start) {
  Token token = make_token(TokenKind::text, start);
  std::size_t i = start + 1;
  while (true) {
    const std::size_t quote = text_.find('"', i);
    if (quote == std::string_view::npos)
      fail(start,
           "unterminated text: expected '\"' to end the text started here, found the end of the formula");
    if (quote + 1 < text_.size() && text_[quote + 1] == '"') {
      token.quotes_doubled = true;
      i = quote + 2;
      continue;
    }
    token.text = text_.substr(start + 1, quote - start - 1);
    pos_ = quote + 1;
    break;
  }
  token.length = pos_ - start;
  return token;
}

Token Lexer::read_error(std::size_t start) {
  for (const ErrorCode code : {ErrorCode::null, ErrorCode::div0, ErrorCode::value, ErrorCode::ref,
                               ErrorCode::name, ErrorCode::num, ErrorCode::na}) {
    const std::string_view name = error_text(code);
    if (text_.size() - start >= name.size() && parse_error_text(text_.substr(start, name.size()))) {
      if (parse_error_text(text_.substr(start, name.size())) != code) continue;
      pos_ = start + name.size();
      Token token = make_token(TokenKind::error, start, name.size());
      token.error = code;
      return token;
    }
  }
  std::size_t end = start + 1;
  while (end < text_.size() &&
         (is_word_char(text_[end]) || text_[end] == '/' || text_[end] == '!' || text_[end] == '?'))
    ++end;
  fail(start, "expected an error value (#DIV/0!, #N/A, #NAME?, #NULL!, #NUM!, #REF!, #VALUE!), found '" +
                  std::string(text_.substr(start, end - start)) + "'");
}

Token Lexer::read_number_or_rows(std::size_t start) {
  Token token = make_token(TokenKind::number, start);
  if (is_digit(text_[start])) {
    pos_ = start;
    if (read_reference(token)) return token;  // 1:3
    pos_ = start;
  }
  std::size_t i = start;
  while (i < text_.size() && is_digit(text_[i])) ++i;
  if (i < text_.size() && text_[i] == '.') {
    ++i;
    while (i < text_.size() && is_digit(text_[i])) ++i;
  }
  if (i == start + 1 && text_[start] == '.')
    fail(start,
         "expected a number after '.', found " + (i < text_.size() ? "'" + std::string(1, text_[i]) + "'"
                                                                   : std::string("the end of the formula")));
  if (i < text_.size() && (text_[i] == 'e' || text_[i] == 'E')) {
    std::size_t j = i + 1;
    if (j < text_.size() && (text_[j] == '+' || text_[j] == '-')) ++j;
    if (j < text_.size() && is_digit(text_[j])) {
      while (j < text_.size() && is_digit(text_[j])) ++j;
      i = j;
    }
  }
  const auto [end, error] = std::from_chars(text_.data() + start, text_.data() + i, token.number);
  if (error != std::errc() || end != text_.data() + i)
    fail(start, "expected a number, found '" + std::string(text_.substr(start, i - start)) + "' (too large)");
  pos_ = i;
  token.length = i - start;
  return token;
}

Token Lexer::read_quoted_sheet(std::size_t start) {
  Token token = make_token(TokenKind::reference, start);
  token.has_sheet = true;
  std::size_t i = start + 1;
  while (true) {
    const std::size_t quote = text_.find('\'', i);
    if (quote == std::string_view::npos)
      fail(start,
           "unterminated sheet name: expected ' to end the name started here, found the end of the formula");
    if (quote + 1 < text_.size() && text_[quote + 1] == '\'') {
      token.quotes_doubled = true;
      i = quote + 2;
      continue;
    }
    token.text = text_.substr(start + 1, quote - start - 1);
    i = quote + 1;
    break;
  }
  if (token.text.empty()) fail(start, "expected a sheet name between the quotes, found ''");
  if (i >= text_.size() || text_[i] != '!')
    fail(i, "expected '!' after the sheet name '" + std::string(token.text) + "', found " +
                (i < text_.size() ? "'" + std::string(1, text_[i]) + "'"
                                  : std::string("the end of the formula")));
  pos_ = i + 1;
  if (!read_reference(token))
    fail(pos_, "expected a cell reference after '" + std::string(token.text) + "'!");
  token.length = pos_ - start;
  return token;
}

Token Lexer::read_word(std::size_t start) {
  std::size_t end = start;
  while (end < text_.size() && is_word_char(text_[end])) ++end;
  const std::string_view word = text_.substr(start, end - start);
  if (end < text_.size() && text_[end] == '!') {
    Token token = make_token(TokenKind::reference, start);
    token.text = word;
    token.has_sheet = true;
    pos_ = end + 1;
    if (!read_reference(token)) fail(pos_, "expected a cell reference after '" + std::string(word) + "!'");
    token.length = pos_ - start;
    return token;
  }
  if (end < text_.size() && text_[end] == '(') {
    pos_ = end;
    Token token = make_token(TokenKind::function, start, end - start);
    token.text = word;
    return token;
  }
  Token token = make_token(TokenKind::reference, start);
  pos_ = start;
  if (read_reference(token)) return token;
  pos_ = end;
  auto upper = [](std::string_view w, std::string_view expected) {
    if (w.size() != expected.size()) return false;
    for (std::size_t k = 0; k < w.size(); ++k)
      if ((is_letter(w[k]) ? static_cast<char>(w[k] & ~0x20) : w[k]) != expected[k]) return false;
    return true;
  };
  if (upper(word, "TRUE") || upper(word, "FALSE")) {
    Token boolean = make_token(TokenKind::boolean, start, end - start);
    boolean.boolean = upper(word, "TRUE");
    return boolean;
  }
  Token name = make_token(TokenKind::name, start, end - start);
  name.text = word;
  return name;
}

Token Lexer::next() {
  while (pos_ < text_.size() && is_space(text_[pos_])) ++pos_;
  const std::size_t start = pos_;
  if (pos_ >= text_.size()) return make_token(TokenKind::end, start);
  const char c = text_[pos_];
  auto single = [&](TokenKind kind) {
    ++pos_;
    return make_token(kind, start, 1);
  };
  auto op = [&](Operator o, std::size_t length) {
    pos_ += length;
    Token token = make_token(TokenKind::op, start, length);
    token.op = o;
    return token;
  };
  switch (c) {
    case '"':
      return read_text(start);
    case '#':
      return read_error(start);
    case '\'':
      return read_quoted_sheet(start);
    case '(':
      return single(TokenKind::open);
    case ')':
      return single(TokenKind::close);
    case ',':
      return single(TokenKind::comma);
    case '{':
      return single(TokenKind::array);
    case '+':
      return op(Operator::add, 1);
    case '-':
      return op(Operator::subtract, 1);
    case '*':
      return op(Operator::multiply, 1);
    case '/':
      return op(Operator::divide, 1);
    case '^':
      return op(Operator::power, 1);
    case '&':
      return op(Operator::concat, 1);
    case '%':
      return op(Operator::percent, 1);
    case '=':
      return op(Operator::equal, 1);
    case '<':
      if (pos_ + 1 < text_.size() && text_[pos_ + 1] == '=') return op(Operator::less_equal, 2);
      if (pos_ + 1 < text_.size() && text_[pos_ + 1] == '>') return op(Operator::not_equal, 2);
      return op(Operator::less, 1);
    case '>':
      if (pos_ + 1 < text_.size() && text_[pos_ + 1] == '=') return op(Operator::greater_equal, 2);
      return op(Operator::greater, 1);
    case '$': {
      Token token = make_token(TokenKind::reference, start);
      if (read_reference(token)) return token;
      fail(start, "expected a cell reference after '$'");
    }
    default:
      break;
  }
  if (is_digit(c) || c == '.') return read_number_or_rows(start);
  if (is_word_char(c)) return read_word(start);
  // One whole UTF-8 character for the message.
  std::size_t end = start + 1;
  while (end < text_.size() && (static_cast<unsigned char>(text_[end]) & 0xC0) == 0x80) ++end;
  fail(start, "unexpected character '" + std::string(text_.substr(start, end - start)) + "'");
}

}  // namespace raingan::formula
