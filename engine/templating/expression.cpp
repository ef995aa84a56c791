#include "templating/expression.h"

#include <algorithm>
#include <cstddef>
#include <unordered_map>
#include <utility>

#include "core/diagnostic.h"
#include "core/utf8.h"

namespace raingan::templating {
namespace {

struct Token {
  enum class Kind { end, number, string, name, symbol } kind = Kind::end;
  std::string text;
  int column = 0;
};

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_name_start(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' ||
         static_cast<unsigned char>(c) >= 0x80;
}
bool is_name_char(char c) { return is_name_start(c) || is_digit(c); }

class ExpressionParser {
 public:
  ExpressionParser(std::string_view source, const SourceLocation& where) : source_(source), where_(where) {
    next();
  }

  std::unique_ptr<Expression> parse_all() {
    if (token_.kind == Token::Kind::end) fail("expected an expression, found nothing");
    auto expression = parse_pipe();
    if (token_.kind != Token::Kind::end)
      fail("expected the end of the expression, found " + describe(token_));
    return expression;
  }

 private:
  [[noreturn]] void fail(const std::string& message) const {
    throw InputError(where_.file, "line " + std::to_string(where_.line),
                     message + " in {{ " + std::string(source_) + " }}");
  }
  static std::string describe(const Token& token) {
    switch (token.kind) {
      case Token::Kind::end:
        return "the end";
      case Token::Kind::string:
        return "text '" + token.text + "'";
      default:
        return "'" + token.text + "'";
    }
  }

  void next() {
    while (position_ < source_.size() && (source_[position_] == ' ' || source_[position_] == '\t' ||
                                          source_[position_] == '\n' || source_[position_] == '\r'))
      ++position_;
    token_ = Token{};
    token_.column = static_cast<int>(position_) + 1;
    if (position_ >= source_.size()) return;
    const char c = source_[position_];
    if (is_digit(c)) {
      const std::size_t start = position_;
      while (position_ < source_.size() &&
             (is_digit(source_[position_]) || source_[position_] == '.' || source_[position_] == '_'))
        ++position_;
      if (position_ < source_.size() && (source_[position_] == 'e' || source_[position_] == 'E')) {
        ++position_;
        if (position_ < source_.size() && (source_[position_] == '+' || source_[position_] == '-'))
          ++position_;
        while (position_ < source_.size() && is_digit(source_[position_])) ++position_;
      }
      token_.kind = Token::Kind::number;
      for (char d : source_.substr(start, position_ - start))
        if (d != '_') token_.text += d;
      return;
    }
    if (c == '\'' || c == '"') {
      ++position_;
      token_.kind = Token::Kind::string;
      while (position_ < source_.size() && source_[position_] != c) {
        if (source_[position_] == '\\' && position_ + 1 < source_.size()) {
          const char e = source_[++position_];
          token_.text += e == 'n' ? '\n' : e == 't' ? '\t' : e;
          ++position_;
          continue;
        }
        token_.text += source_[position_++];
      }
      if (position_ >= source_.size()) fail("expected " + std::string(1, c) + " to close the text");
      ++position_;
      return;
    }
    if (is_name_start(c)) {
      const std::size_t start = position_;
      while (position_ < source_.size() && is_name_char(source_[position_])) ++position_;
      token_.kind = Token::Kind::name;
      token_.text = std::string(source_.substr(start, position_ - start));
      return;
    }
    static constexpr std::string_view two_char[] = {"==", "!=", "<=", ">=", "??", "=>", "&&", "||"};
    for (auto symbol : two_char) {
      if (source_.substr(position_).starts_with(symbol)) {
        token_.kind = Token::Kind::symbol;
        token_.text = std::string(symbol);
        position_ += 2;
        return;
      }
    }
    static constexpr std::string_view one_char = "+-*/%<>()[],.|!{}:";
    if (one_char.find(c) != std::string_view::npos) {
      token_.kind = Token::Kind::symbol;
      token_.text = std::string(1, c);
      ++position_;
      return;
    }
    std::size_t length = utf8::sequence_length(static_cast<unsigned char>(c));
    fail("unexpected character '" + std::string(source_.substr(position_, length)) + "'");
  }

  bool at_symbol(std::string_view symbol) const {
    return token_.kind == Token::Kind::symbol && token_.text == symbol;
  }
  bool at_word(std::string_view word) const {
    return token_.kind == Token::Kind::name && token_.text == word;
  }
  void expect_symbol(std::string_view symbol, const std::string& what) {
    if (!at_symbol(symbol)) fail("expected " + what + ", found " + describe(token_));
    next();
  }

  static std::unique_ptr<Expression> make(Expression::Kind kind, std::string text, int column) {
    auto e = std::make_unique<Expression>();
    e->kind = kind;
    e->text = std::move(text);
    e->column = column;
    if (kind == Expression::Kind::literal_number) e->number = Number::parse(e->text);
    if (kind == Expression::Kind::unary)
      e->op = e->text == "not" ? Expression::Operator::logical_not : Expression::Operator::negate;
    if (kind == Expression::Kind::binary) e->op = binary_operator(e->text);
    return e;
  }
  static Expression::Operator binary_operator(std::string_view text) {
    using Op = Expression::Operator;
    static constexpr std::pair<std::string_view, Op> operators[] = {
        {"??", Op::coalesce},      {"and", Op::logical_and}, {"or", Op::logical_or}, {"==", Op::equal},
        {"!=", Op::not_equal},     {"<", Op::less},          {"<=", Op::less_equal}, {">", Op::greater},
        {">=", Op::greater_equal}, {"+", Op::plus},          {"-", Op::minus},       {"*", Op::times},
        {"/", Op::divide},         {"%", Op::remainder}};
    for (const auto& [name, op] : operators)
      if (name == text) return op;
    return Op::none;
  }
  std::unique_ptr<Expression> binary(std::string op, std::unique_ptr<Expression> left,
                                     std::unique_ptr<Expression> right, int column) {
    auto e = make(Expression::Kind::binary, std::move(op), column);
    attach(*e, std::move(left));
    attach(*e, std::move(right));
    return e;
  }

  // Parsing, evaluating and freeing an expression each recurse once per level of nesting (brackets, lists,
  // calls, chained operators): deeper than this is refused with a message instead of running out of stack.
  static constexpr std::size_t max_depth = 256;
  [[noreturn]] void too_deep() const {
    // The start of the expression is enough to find it; all of it could fill the screen.
    std::size_t shown = 0;
    while (shown < source_.size() && shown < 60)
      shown += utf8::sequence_length(static_cast<unsigned char>(source_[shown]));
    throw InputError(
        where_.file, "line " + std::to_string(where_.line),
        "expected an expression nested at most " + std::to_string(max_depth) +
            " deep (brackets, lists, calls and chained operators), found deeper nesting; split it "
            "with <let> in {{ " +
            std::string(source_.substr(0, shown)) + (shown < source_.size() ? "…" : "") + " }}");
  }

  // Counts the parser's own recursion (a sub-expression, a prefix operator): brackets add no node to the tree
  // but still nest calls.
  class Nesting {
   public:
    explicit Nesting(ExpressionParser& parser) : parser_(parser) {
      if (++parser_.nesting_ > max_depth) parser_.too_deep();
    }
    Nesting(const Nesting&) = delete;
    Nesting& operator=(const Nesting&) = delete;
    ~Nesting() { --parser_.nesting_; }

   private:
    ExpressionParser& parser_;
  };

  // Adds an operand, keeping count of how deep the tree below `parent` reaches.
  void attach(Expression& parent, std::unique_ptr<Expression> child) {
    const auto found = depths_.find(child.get());
    const std::size_t depth = (found == depths_.end() ? 1 : found->second) + 1;
    if (depth > max_depth) too_deep();
    std::size_t& parent_depth = depths_[&parent];
    parent_depth = std::max(parent_depth, depth);
    parent.operands.push_back(std::move(child));
  }

  std::unique_ptr<Expression> parse_pipe() {
    const Nesting nesting(*this);
    auto left = parse_coalesce();
    while (at_symbol("|")) {
      const int column = token_.column;
      next();
      if (token_.kind != Token::Kind::name)
        fail("expected a formatter name after '|', found " + describe(token_));
      auto call = make(Expression::Kind::call, token_.text, column);
      next();
      attach(*call, std::move(left));
      if (at_symbol("(")) parse_arguments(*call);
      left = std::move(call);
    }
    return left;
  }

  std::unique_ptr<Expression> parse_coalesce() {
    auto left = parse_or();
    while (at_symbol("??")) {
      const int column = token_.column;
      next();
      left = binary("??", std::move(left), parse_or(), column);
    }
    return left;
  }

  std::unique_ptr<Expression> parse_or() {
    auto left = parse_and();
    while (at_word("or") || at_symbol("||")) {
      const int column = token_.column;
      next();
      left = binary("or", std::move(left), parse_and(), column);
    }
    return left;
  }

  std::unique_ptr<Expression> parse_and() {
    auto left = parse_not();
    while (at_word("and") || at_symbol("&&")) {
      const int column = token_.column;
      next();
      left = binary("and", std::move(left), parse_not(), column);
    }
    return left;
  }

  std::unique_ptr<Expression> parse_not() {
    if (at_word("not") || at_symbol("!")) {
      const Nesting nesting(*this);
      auto e = make(Expression::Kind::unary, "not", token_.column);
      next();
      attach(*e, parse_not());
      return e;
    }
    return parse_comparison();
  }

  std::unique_ptr<Expression> parse_comparison() {
    auto left = parse_additive();
    for (std::string_view op : {"==", "!=", "<=", ">=", "<", ">"}) {
      if (at_symbol(op)) {
        const int column = token_.column;
        next();
        auto right = parse_additive();
        for (std::string_view again : {"==", "!=", "<=", ">=", "<", ">"})
          if (at_symbol(again)) fail("comparisons cannot be chained; use 'and'");
        return binary(std::string(op), std::move(left), std::move(right), column);
      }
    }
    return left;
  }

  std::unique_ptr<Expression> parse_additive() {
    auto left = parse_multiplicative();
    while (at_symbol("+") || at_symbol("-")) {
      const std::string op = token_.text;
      const int column = token_.column;
      next();
      left = binary(op, std::move(left), parse_multiplicative(), column);
    }
    return left;
  }

  std::unique_ptr<Expression> parse_multiplicative() {
    auto left = parse_unary();
    while (at_symbol("*") || at_symbol("/") || at_symbol("%")) {
      const std::string op = token_.text;
      const int column = token_.column;
      next();
      left = binary(op, std::move(left), parse_unary(), column);
    }
    return left;
  }

  std::unique_ptr<Expression> parse_unary() {
    if (at_symbol("-")) {
      const Nesting nesting(*this);
      auto e = make(Expression::Kind::unary, "-", token_.column);
      next();
      attach(*e, parse_unary());
      return e;
    }
    return parse_postfix();
  }

  void parse_arguments(Expression& call) {
    expect_symbol("(", "'('");
    if (at_symbol(")")) {
      next();
      return;
    }
    for (;;) {
      attach(call, parse_argument());
      if (at_symbol(")")) {
        next();
        return;
      }
      expect_symbol(",", "',' or ')' in the arguments of " + call.text + "()");
    }
  }

  // An argument may be a lambda `name => expression`, used by sum(), filter(), sort() and friends.
  std::unique_ptr<Expression> parse_argument() {
    if (token_.kind == Token::Kind::name) {
      const auto saved_position = position_;
      const Token saved = token_;
      next();
      if (at_symbol("=>")) {
        auto lambda = make(Expression::Kind::lambda, saved.text, saved.column);
        next();
        attach(*lambda, parse_pipe());
        return lambda;
      }
      position_ = saved_position;
      token_ = saved;
    }
    return parse_pipe();
  }

  std::unique_ptr<Expression> parse_postfix() {
    auto left = parse_primary();
    for (;;) {
      if (at_symbol(".")) {
        const int column = token_.column;
        next();
        if (token_.kind != Token::Kind::name)
          fail("expected a field name after '.', found " + describe(token_));
        auto member = make(Expression::Kind::member, token_.text, column);
        attach(*member, std::move(left));
        left = std::move(member);
        next();
      } else if (at_symbol("[")) {
        const int column = token_.column;
        next();
        auto index = make(Expression::Kind::index, "", column);
        attach(*index, std::move(left));
        attach(*index, parse_pipe());
        expect_symbol("]", "']'");
        left = std::move(index);
      } else if (at_symbol("(") && left->kind == Expression::Kind::variable) {
        left->kind = Expression::Kind::call;
        parse_arguments(*left);
      } else {
        return left;
      }
    }
  }

  std::unique_ptr<Expression> parse_primary() {
    const int column = token_.column;
    switch (token_.kind) {
      case Token::Kind::number: {
        auto e = make(Expression::Kind::literal_number, token_.text, column);
        next();
        return e;
      }
      case Token::Kind::string: {
        auto e = make(Expression::Kind::literal_string, token_.text, column);
        next();
        return e;
      }
      case Token::Kind::name: {
        Expression::Kind kind = Expression::Kind::variable;
        if (token_.text == "true" || token_.text == "false") kind = Expression::Kind::literal_bool;
        if (token_.text == "null") kind = Expression::Kind::literal_null;
        if (token_.text == "and" || token_.text == "or" || token_.text == "not")
          fail("expected a value, found '" + token_.text + "'");
        auto e = make(kind, token_.text, column);
        next();
        return e;
      }
      case Token::Kind::symbol:
        if (at_symbol("(")) {
          next();
          auto inner = parse_pipe();
          expect_symbol(")", "')'");
          return inner;
        }
        if (at_symbol("{")) {
          auto object = make(Expression::Kind::object, "", column);
          next();
          while (!at_symbol("}")) {
            if (token_.kind != Token::Kind::name && token_.kind != Token::Kind::string)
              fail("expected a field name in {…}, found " + describe(token_));
            attach(*object, make(Expression::Kind::literal_string, token_.text, token_.column));
            next();
            expect_symbol(":", "':' after the field name");
            attach(*object, parse_pipe());
            if (!at_symbol("}")) expect_symbol(",", "',' or '}'");
          }
          next();
          return object;
        }
        if (at_symbol("[")) {
          auto list = make(Expression::Kind::list, "", column);
          next();
          while (!at_symbol("]")) {
            attach(*list, parse_pipe());
            if (!at_symbol("]")) expect_symbol(",", "',' or ']'");
          }
          next();
          return list;
        }
        break;
      case Token::Kind::end:
        break;
    }
    fail("expected a value, found " + describe(token_));
  }

  std::string_view source_;
  const SourceLocation& where_;
  std::size_t position_ = 0;
  Token token_;
  std::size_t nesting_ = 0;
  // How deep the tree below each node with operands reaches (a node absent here is a leaf, depth 1).
  std::unordered_map<const Expression*, std::size_t> depths_;
};

}  // namespace

std::unique_ptr<Expression> parse_expression(std::string_view source, const SourceLocation& where) {
  return ExpressionParser(source, where).parse_all();
}

std::string to_source(const Expression& e) {
  using Kind = Expression::Kind;
  switch (e.kind) {
    case Kind::literal_number:
    case Kind::literal_bool:
    case Kind::variable:
      return e.text;
    case Kind::literal_null:
      return "null";
    case Kind::literal_string:
      return "'" + e.text + "'";
    case Kind::member:
      return to_source(*e.operands[0]) + "." + e.text;
    case Kind::index:
      return to_source(*e.operands[0]) + "[" + to_source(*e.operands[1]) + "]";
    case Kind::call: {
      std::string text = e.text + "(";
      for (std::size_t i = 0; i < e.operands.size(); ++i) text += (i ? ", " : "") + to_source(*e.operands[i]);
      return text + ")";
    }
    case Kind::lambda:
      return e.text + " => " + to_source(*e.operands[0]);
    case Kind::list: {
      std::string text = "[";
      for (std::size_t i = 0; i < e.operands.size(); ++i) text += (i ? ", " : "") + to_source(*e.operands[i]);
      return text + "]";
    }
    case Kind::object: {
      std::string text = "{";
      for (std::size_t i = 0; i + 1 < e.operands.size(); i += 2)
        text += (i ? ", " : "") + e.operands[i]->text + ": " + to_source(*e.operands[i + 1]);
      return text + "}";
    }
    case Kind::unary:
      return e.text == "not" ? "not " + to_source(*e.operands[0]) : "-" + to_source(*e.operands[0]);
    case Kind::binary:
      return to_source(*e.operands[0]) + " " + e.text + " " + to_source(*e.operands[1]);
  }
  return {};
}

}  // namespace raingan::templating
