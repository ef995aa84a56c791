#include "formula/formula.h"

#include <charconv>
#include <functional>
#include <stdexcept>

#include "formula/function_table.h"
#include "formula/value.h"

namespace raingan::formula {
namespace {

std::string_view operator_text(Operator op) {
  switch (op) {
    case Operator::negate:
      return "-";
    case Operator::plus:
      return "+";
    case Operator::percent:
      return "%";
    case Operator::power:
      return "^";
    case Operator::multiply:
      return "*";
    case Operator::divide:
      return "/";
    case Operator::add:
      return "+";
    case Operator::subtract:
      return "-";
    case Operator::concat:
      return "&";
    case Operator::equal:
      return "=";
    case Operator::not_equal:
      return "<>";
    case Operator::less:
      return "<";
    case Operator::less_equal:
      return "<=";
    case Operator::greater:
      return ">";
    case Operator::greater_equal:
      return ">=";
  }
  return "?";
}

std::string number_text(double value) {
  char buffer[32];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
  return std::string(buffer, result.ptr);
}

class Printer {
 public:
  Printer(const Formula& formula, CellAddress anchor,
          Formula::Parentheses parentheses = Formula::Parentheses::needed)
      : f_(formula), anchor_(anchor), all_(parentheses == Formula::Parentheses::all) {}

  // An operand of a binary operator of precedence `outer`, in parentheses when the tree needs them: a lower
  // precedence on the left, a lower or equal one on the right (every operator is left-associative).
  std::string operand(std::size_t index, int outer, bool right) const {
    const Node& node = f_.nodes()[index];
    const bool wrap = node.kind == NodeKind::binary &&
                      (precedence(node.op) < outer || (right && precedence(node.op) == outer));
    return wrap ? "(" + print(index) + ")" : print(index);
  }

  std::string print(std::size_t index) const {
    const Node& node = f_.nodes()[index];
    switch (node.kind) {
      case NodeKind::number:
        return number_text(f_.numbers()[node.operand]);
      case NodeKind::text: {
        std::string out = "\"";
        for (const char c : f_.texts()[node.operand]) {
          out += c;
          if (c == '"') out += '"';
        }
        return out + "\"";
      }
      case NodeKind::boolean:
        return node.operand ? "TRUE" : "FALSE";
      case NodeKind::error:
        return std::string(error_text(static_cast<ErrorCode>(node.operand)));
      case NodeKind::missing:
        return "";
      case NodeKind::reference:
        return reference(f_.references()[node.operand]);
      case NodeKind::unary: {
        if (all_) {
          if (node.op == Operator::percent) return "(" + print(index - 1) + "%)";
          return "(" + std::string(operator_text(node.op)) + print(index - 1) + ")";
        }
        // Unary operators bind tighter than any binary one: a binary operand is in parentheses, and so is a
        // sign under % ((-2)% is not -(2%), though equal in value).
        const Node& inner = f_.nodes()[index - 1];
        const bool sign_under_percent =
            node.op == Operator::percent && inner.kind == NodeKind::unary && inner.op != Operator::percent;
        const std::string operand_text = inner.kind == NodeKind::binary || sign_under_percent
                                             ? "(" + print(index - 1) + ")"
                                             : print(index - 1);
        if (node.op == Operator::percent) return operand_text + "%";
        return std::string(operator_text(node.op)) + operand_text;
      }
      case NodeKind::binary: {
        const std::size_t right = index - 1;
        const std::size_t left = right - f_.nodes()[right].size;
        if (all_) return "(" + print(left) + std::string(operator_text(node.op)) + print(right) + ")";
        const int p = precedence(node.op);
        return operand(left, p, false) + std::string(operator_text(node.op)) + operand(right, p, true);
      }
      case NodeKind::call: {
        std::vector<std::size_t> arguments(node.argument_count);
        std::size_t root = index - 1;
        for (std::size_t k = node.argument_count; k-- > 0;) {
          arguments[k] = root;
          if (k > 0) root -= f_.nodes()[root].size;
        }
        std::string out(function_info(static_cast<FunctionId>(node.operand)).name);
        out += '(';
        for (std::size_t k = 0; k < arguments.size(); ++k) out += (k ? "," : "") + print(arguments[k]);
        return out + ")";
      }
    }
    return "";
  }

  std::string coordinate(Coordinate c, std::uint32_t anchor, bool column) const {
    const std::int64_t value = c.absolute ? c.value : static_cast<std::int64_t>(anchor) + c.value;
    if (value < 0 || value >= (column ? max_columns : max_rows)) return "#REF!";
    const std::string name =
        column ? column_name(static_cast<std::uint32_t>(value)) : std::to_string(value + 1);
    return (c.absolute ? "$" : "") + name;
  }

  std::string reference(const Reference& ref) const {
    auto valid = [](Coordinate c, std::uint32_t anchor, std::uint32_t limit) {
      const std::int64_t value = c.absolute ? c.value : static_cast<std::int64_t>(anchor) + c.value;
      return value >= 0 && value < limit;
    };
    if (!valid(ref.first_row, anchor_.row, max_rows) || !valid(ref.last_row, anchor_.row, max_rows) ||
        !valid(ref.first_column, anchor_.column, max_columns) ||
        !valid(ref.last_column, anchor_.column, max_columns))
      return "#REF!";
    std::string out;
    if (ref.sheet != Reference::own_sheet)
      out = quoted_sheet_name(f_.sheet_names()[static_cast<std::size_t>(ref.sheet)]) + "!";
    auto cell = [&](Coordinate row, Coordinate column) {
      return coordinate(column, anchor_.column, true) + coordinate(row, anchor_.row, false);
    };
    switch (ref.shape) {
      case Reference::Shape::cell:
        return out + cell(ref.first_row, ref.first_column);
      case Reference::Shape::area:
        return out + cell(ref.first_row, ref.first_column) + ":" + cell(ref.last_row, ref.last_column);
      case Reference::Shape::columns:
        return out + coordinate(ref.first_column, anchor_.column, true) + ":" +
               coordinate(ref.last_column, anchor_.column, true);
      case Reference::Shape::rows:
        return out + coordinate(ref.first_row, anchor_.row, false) + ":" +
               coordinate(ref.last_row, anchor_.row, false);
    }
    return out;
  }

 private:
  const Formula& f_;
  CellAddress anchor_;
  bool all_;
};

void mix(std::size_t& seed, std::size_t value) {
  seed ^= value + 0x9e3779b97f4a7c15ULL + (seed << 6) + (seed >> 2);
}

}  // namespace

std::string Formula::to_text(CellAddress anchor, Parentheses parentheses) const {
  if (nodes_.empty()) return "=";
  return "=" + Printer(*this, anchor, parentheses).print(nodes_.size() - 1);
}

std::string Formula::expression_text(std::size_t node, CellAddress anchor) const {
  if (node >= nodes_.size()) throw std::out_of_range("no node " + std::to_string(node) + " in the formula");
  return Printer(*this, anchor).print(node);
}

std::string Formula::reference_text(std::size_t index, CellAddress anchor) const {
  return Printer(*this, anchor).reference(references_.at(index));
}

std::size_t Formula::hash() const noexcept {
  std::size_t seed = nodes_.size();
  for (const Node& n : nodes_) {
    mix(seed, static_cast<std::size_t>(n.kind) | static_cast<std::size_t>(n.op) << 8 |
                  static_cast<std::size_t>(n.argument_count) << 16);
    mix(seed, n.operand);
  }
  for (const double d : numbers_) mix(seed, std::hash<double>{}(d));
  for (const std::string& t : texts_) mix(seed, std::hash<std::string>{}(t));
  for (const Reference& r : references_) {
    mix(seed, static_cast<std::size_t>(r.sheet) ^ static_cast<std::size_t>(r.shape) << 40);
    for (const Coordinate c : {r.first_row, r.first_column, r.last_row, r.last_column})
      mix(seed,
          static_cast<std::size_t>(static_cast<std::uint32_t>(c.value)) | (c.absolute ? 1ULL << 40 : 0));
  }
  for (const std::string& s : sheet_names_) mix(seed, std::hash<std::string>{}(s));
  return seed;
}

}  // namespace raingan::formula
