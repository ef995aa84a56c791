// Excel formula text -> Formula: precedence climbing over the lexer's tokens, writing the tree in postfix
// order as it goes.
#include <string>

#include "formula/formula.h"
#include "formula/function_table.h"
#include "formula/lexer.h"

namespace raingan::formula {

namespace {

constexpr int max_depth = 200;
constexpr std::size_t max_characters = 8192;

std::string argument_count_text(const FunctionInfo& info) {
  auto plural = [](unsigned n) { return std::to_string(n) + (n == 1 ? " argument" : " arguments"); };
  if (info.max_arguments == any_number) return "at least " + plural(info.min_arguments);
  if (info.min_arguments == info.max_arguments) return plural(info.min_arguments);
  return std::to_string(info.min_arguments) + " to " + plural(info.max_arguments);
}

}  // namespace

int precedence(Operator op) {
  switch (op) {
    case Operator::equal:
    case Operator::not_equal:
    case Operator::less:
    case Operator::less_equal:
    case Operator::greater:
    case Operator::greater_equal:
      return 1;
    case Operator::concat:
      return 2;
    case Operator::add:
    case Operator::subtract:
      return 3;
    case Operator::multiply:
    case Operator::divide:
      return 4;
    case Operator::power:
      return 5;
    default:
      return 0;  // percent is postfix, negate and plus unary
  }
}

ParseError::ParseError(std::size_t position, std::string message)
    : std::runtime_error("at character " + std::to_string(position) + ": " + message),
      position_(position),
      message_(std::move(message)) {}

class Parser {
 public:
  Parser(Formula& out, std::string_view text, CellAddress anchor)
      : lexer_(text), out_(out), anchor_(anchor) {}

  void run() {
    out_.nodes_.clear();
    out_.numbers_.clear();
    out_.references_.clear();
    // Texts and sheet names are overwritten in place and cut to size at the end, so that parsing formula
    // after formula into one Formula reuses their storage.
    texts_used_ = 0;
    sheets_used_ = 0;
    std::string_view text = lexer_.source();
    // Excel's own limit; it also bounds the depth of a long chain of operators (1+1+…+1), which is evaluated
    // by recursion.
    if (lexer_.position(text.size()) - 1 > max_characters)
      throw ParseError(max_characters + 1, "the formula is longer than " + std::to_string(max_characters) +
                                               " characters, Excel's limit");
    std::size_t skip = 0;
    while (skip < text.size() && (text[skip] == ' ' || text[skip] == '\n' || text[skip] == '\t')) ++skip;
    advance();
    if (token_.kind == TokenKind::op && token_.op == Operator::equal && token_.offset == skip) advance();
    expression(1);
    out_.texts_.resize(texts_used_);
    out_.sheet_names_.resize(sheets_used_);
    if (token_.kind != TokenKind::end)
      fail(token_, token_.kind == TokenKind::close
                       ? "expected the end of the formula, found ')' without its '('"
                       : "expected an operator or the end of the formula, found " + describe(token_));
  }

 private:
  void advance() { token_ = lexer_.next(); }

  [[noreturn]] void fail(const Token& at, std::string message) const {
    throw ParseError(lexer_.position(at.offset), std::move(message));
  }

  std::string describe(const Token& token) const {
    if (token.kind == TokenKind::end) return "the end of the formula";
    std::string text(lexer_.source().substr(token.offset, token.length));
    if (text.size() > 40) text = text.substr(0, 40) + "…";
    if (token.kind == TokenKind::name) return "the name '" + text + "'";
    return "'" + text + "'";
  }

  std::size_t start() const { return out_.nodes_.size(); }

  void emit(Node node, std::size_t first) {
    node.size = static_cast<std::uint32_t>(out_.nodes_.size() - first + 1);
    out_.nodes_.push_back(node);
  }

  void enter(const Token& at) {
    if (++depth_ > max_depth)
      fail(at, "the formula nests deeper than " + std::to_string(max_depth) + " levels");
  }

  // Operands joined by binary operators of at least `min_precedence`. Returns where the subtree starts.
  std::size_t expression(int min_precedence) {
    enter(token_);
    const std::size_t first = unary();
    while (token_.kind == TokenKind::op && precedence(token_.op) >= min_precedence &&
           precedence(token_.op) > 0) {
      const Operator op = token_.op;
      advance();
      expression(precedence(op) + 1);
      emit(Node{.kind = NodeKind::binary, .op = op}, first);
    }
    --depth_;
    return first;
  }

  std::size_t unary() {
    if (token_.kind == TokenKind::op && (token_.op == Operator::subtract || token_.op == Operator::add)) {
      enter(token_);
      const Operator op = token_.op == Operator::subtract ? Operator::negate : Operator::plus;
      advance();
      const std::size_t first = unary();
      emit(Node{.kind = NodeKind::unary, .op = op}, first);
      --depth_;
      return first;
    }
    const std::size_t first = primary();
    while (token_.kind == TokenKind::op && token_.op == Operator::percent) {
      advance();
      emit(Node{.kind = NodeKind::unary, .op = Operator::percent}, first);
    }
    return first;
  }

  std::size_t primary() {
    const std::size_t first = start();
    switch (token_.kind) {
      case TokenKind::number:
        out_.numbers_.push_back(token_.number);
        emit(Node{.kind = NodeKind::number, .operand = static_cast<std::uint32_t>(out_.numbers_.size() - 1)},
             first);
        advance();
        return first;
      case TokenKind::text:
        if (texts_used_ == out_.texts_.size()) out_.texts_.emplace_back();
        if (token_.quotes_doubled) {
          out_.texts_[texts_used_] = undouble(token_.text, '"');
        } else {
          out_.texts_[texts_used_].assign(token_.text);
        }
        emit(Node{.kind = NodeKind::text, .operand = static_cast<std::uint32_t>(texts_used_++)}, first);
        advance();
        return first;
      case TokenKind::boolean:
        emit(Node{.kind = NodeKind::boolean, .operand = token_.boolean ? 1u : 0u}, first);
        advance();
        return first;
      case TokenKind::error:
        emit(Node{.kind = NodeKind::error, .operand = static_cast<std::uint32_t>(token_.error)}, first);
        advance();
        return first;
      case TokenKind::reference:
        reference();
        return first;
      case TokenKind::function:
        call();
        return first;
      case TokenKind::open: {
        const Token open = token_;
        advance();
        expression(1);
        if (token_.kind != TokenKind::close)
          fail(token_, "expected ')' to close the '(' at character " +
                           std::to_string(lexer_.position(open.offset)) + ", found " + describe(token_));
        advance();
        return first;
      }
      case TokenKind::array:
        fail(token_, "array constants {…} are not supported");
      case TokenKind::name:
        fail(token_, "expected a value, a cell reference or a function call, found " + describe(token_) +
                         " (names other than functions are not supported)");
      default:
        fail(token_, "expected a value, a cell reference or a function call, found " + describe(token_));
    }
  }

  Coordinate coordinate(std::uint32_t written, bool absolute, std::uint32_t anchor) const {
    if (absolute) return {static_cast<std::int32_t>(written), true};
    return {static_cast<std::int32_t>(written) - static_cast<std::int32_t>(anchor), false};
  }

  void reference() {
    Reference ref;
    ref.shape = token_.shape;
    if (token_.has_sheet) {
      const std::string undoubled = token_.quotes_doubled ? undouble(token_.text, '\'') : std::string();
      const std::string_view name = token_.quotes_doubled ? std::string_view(undoubled) : token_.text;
      std::size_t index = 0;
      while (index < sheets_used_ && out_.sheet_names_[index] != name) ++index;
      if (index == sheets_used_) {
        if (sheets_used_ == out_.sheet_names_.size()) out_.sheet_names_.emplace_back();
        out_.sheet_names_[sheets_used_++].assign(name);
      }
      ref.sheet = static_cast<std::int32_t>(index);
    }
    const WrittenPoint& a = token_.first;
    const WrittenPoint& b = token_.last;
    switch (ref.shape) {
      case Reference::Shape::cell:
      case Reference::Shape::area:
        ref.first_row = coordinate(a.row, a.row_absolute, anchor_.row);
        ref.first_column = coordinate(a.column, a.column_absolute, anchor_.column);
        ref.last_row = coordinate(b.row, b.row_absolute, anchor_.row);
        ref.last_column = coordinate(b.column, b.column_absolute, anchor_.column);
        break;
      case Reference::Shape::columns:
        ref.first_row = {0, true};
        ref.last_row = {static_cast<std::int32_t>(max_rows - 1), true};
        ref.first_column = coordinate(a.column, a.column_absolute, anchor_.column);
        ref.last_column = coordinate(b.column, b.column_absolute, anchor_.column);
        break;
      case Reference::Shape::rows:
        ref.first_column = {0, true};
        ref.last_column = {static_cast<std::int32_t>(max_columns - 1), true};
        ref.first_row = coordinate(a.row, a.row_absolute, anchor_.row);
        ref.last_row = coordinate(b.row, b.row_absolute, anchor_.row);
        break;
    }
    out_.references_.push_back(ref);
    const std::size_t first = start();
    emit(
        Node{.kind = NodeKind::reference, .operand = static_cast<std::uint32_t>(out_.references_.size() - 1)},
        first);
    advance();
  }

  void call() {
    const Token name = token_;
    const std::optional<FunctionId> id = find_function(name.text);
    if (!id) {
      const std::string nearest = nearest_function_name(name.text);
      fail(name, "unknown function " + std::string(name.text) +
                     (nearest.empty() ? std::string() : " (did you mean " + nearest + "?)"));
    }
    const FunctionInfo& info = function_info(*id);
    enter(name);
    const std::size_t first = start();
    advance();  // the name
    advance();  // '('
    unsigned count = 0;
    if (token_.kind == TokenKind::close) {
      advance();
    } else {
      while (true) {
        if (token_.kind == TokenKind::comma || token_.kind == TokenKind::close) {
          emit(Node{.kind = NodeKind::missing}, start());
        } else {
          expression(1);
        }
        ++count;
        if (token_.kind == TokenKind::comma) {
          advance();
          continue;
        }
        if (token_.kind == TokenKind::close) {
          advance();
          break;
        }
        fail(token_,
             token_.kind == TokenKind::end
                 ? "expected ')' to close " + std::string(name.text) + "(, found the end of the formula"
                 : "expected ',' or ')' after argument " + std::to_string(count) + " of " +
                       std::string(name.text) + ", found " + describe(token_));
      }
    }
    if (count < info.min_arguments || (info.max_arguments != any_number && count > info.max_arguments))
      fail(name, std::string(info.name) + " takes " + argument_count_text(info) + ", found " +
                     std::to_string(count));
    emit(Node{.kind = NodeKind::call, .argument_count = static_cast<std::uint16_t>(count), .operand = *id},
         first);
    --depth_;
  }

  Lexer lexer_;
  Token token_;
  Formula& out_;
  std::size_t texts_used_ = 0;
  std::size_t sheets_used_ = 0;
  CellAddress anchor_;
  int depth_ = 0;
};

void Formula::parse_into(Formula& formula, std::string_view text, CellAddress anchor) {
  Parser(formula, text, anchor).run();
}

Formula Formula::parse(std::string_view text, CellAddress anchor) {
  Formula formula;
  parse_into(formula, text, anchor);
  return formula;
}

}  // namespace raingan::formula
