#include "formula/machine.h"

#include <cmath>

#include "formula/coercion.h"
#include "formula/function_table.h"
#include "formula/operators.h"

namespace raingan::formula {
namespace {

std::optional<std::uint32_t> place(Coordinate c, std::uint32_t anchor, std::uint32_t limit) {
  const std::int64_t value = c.absolute ? c.value : static_cast<std::int64_t>(anchor) + c.value;
  if (value < 0 || value >= limit) return std::nullopt;
  return static_cast<std::uint32_t>(value);
}

}  // namespace

std::optional<Area> resolve(const Reference& reference, CellAddress anchor, SheetId own,
                            std::span<const std::optional<SheetId>> sheets) {
  Area area;
  if (reference.sheet == Reference::own_sheet) {
    area.sheet = own;
  } else {
    const std::optional<SheetId> sheet = sheets[static_cast<std::size_t>(reference.sheet)];
    if (!sheet) return std::nullopt;
    area.sheet = *sheet;
  }
  const auto r0 = place(reference.first_row, anchor.row, max_rows);
  const auto r1 = place(reference.last_row, anchor.row, max_rows);
  const auto c0 = place(reference.first_column, anchor.column, max_columns);
  const auto c1 = place(reference.last_column, anchor.column, max_columns);
  if (!r0 || !r1 || !c0 || !c1) return std::nullopt;
  area.first_row = std::min(*r0, *r1);
  area.last_row = std::max(*r0, *r1);
  area.first_column = std::min(*c0, *c1);
  area.last_column = std::max(*c0, *c1);
  return area;
}

void argument_roots(const Formula& formula, std::size_t call, std::span<std::size_t> roots) {
  const auto& nodes = formula.nodes();
  const std::size_t count = nodes[call].argument_count;
  std::size_t root = call - 1;
  for (std::size_t k = count; k-- > 0;) {
    roots[k] = root;
    if (k > 0) root -= nodes[root].size;
  }
}

Value Machine::run(const Formula& formula, SheetId sheet, CellAddress anchor,
                   std::span<const std::optional<SheetId>> sheets) {
  formula_ = &formula;
  sheets_ = sheets;
  context_.begin(sheet, anchor);
  arguments_.clear();
  const Operand result = evaluate(formula.nodes().size() - 1);
  Value value = context_.scalar(result);
  if (value.is_blank()) value = Value::number(0);
  if (value.is_number() && !std::isfinite(value.as_number())) value = Value::error(ErrorCode::num);
  return value;
}

Operand Machine::evaluate(std::size_t index) {
  const Node& node = formula_->nodes()[index];
  switch (node.kind) {
    case NodeKind::number:
      return Value::number(formula_->numbers()[node.operand]);
    case NodeKind::text:
      return Value::text(formula_->texts()[node.operand]);
    case NodeKind::boolean:
      return Value::boolean(node.operand != 0);
    case NodeKind::error:
      return Value::error(static_cast<ErrorCode>(node.operand));
    case NodeKind::missing:
      return Operand::missing();
    case NodeKind::reference: {
      const auto area =
          resolve(formula_->references()[node.operand], context_.anchor(), context_.sheet(), sheets_);
      if (!area) return Value::error(ErrorCode::ref);
      return Operand::of(*area);
    }
    case NodeKind::unary:
      return apply_unary(node.op, context_.scalar(evaluate(index - 1)));
    case NodeKind::binary: {
      const std::size_t right = index - 1;
      const std::size_t left = right - formula_->nodes()[right].size;
      const Value a = context_.scalar(evaluate(left));
      const Value b = context_.scalar(evaluate(right));
      return apply_binary(node.op, a, b, context_);
    }
    case NodeKind::call:
      return call(index);
  }
  return Value::error(ErrorCode::value);
}

Operand Machine::lazy(FunctionId id, std::size_t index) {
  std::size_t buffer[3];
  const std::span<std::size_t> roots(buffer, formula_->nodes()[index].argument_count);
  argument_roots(*formula_, index, roots);
  auto branch = [&](std::size_t k) -> Operand {
    if (k >= roots.size()) return Value::boolean(false);
    const Operand result = evaluate(roots[k]);
    return result.is_missing() ? Operand(Value::number(0)) : result;
  };
  if (id == lazy::if_function()) {
    const Value condition = to_boolean(context_.scalar(evaluate(roots[0])));
    if (condition.is_error()) return condition;
    return branch(condition.as_boolean() ? 1 : 2);
  }
  // IFERROR and IFNA: the value, unless it is an error (#N/A for IFNA).
  const Operand value = evaluate(roots[0]);
  Value checked =
      value.is_area() && value.area().cell_count() > 1 ? Value::number(0) : context_.scalar(value);
  const bool caught =
      checked.is_error() && (id == lazy::iferror_function() || checked.as_error() == ErrorCode::na);
  if (caught) return branch(1);
  return value.is_missing() ? Operand(Value::number(0)) : value;
}

Operand Machine::call(std::size_t index) {
  const Node& node = formula_->nodes()[index];
  const FunctionId id = static_cast<FunctionId>(node.operand);
  const FunctionInfo& info = function_info(id);
  if (!info.code) return lazy(id, index);
  // Evaluate the arguments in order onto the shared stack; nested calls use the stack above them and leave
  // it as they found it.
  const std::size_t base = arguments_.size();
  std::size_t buffer[16];
  std::vector<std::size_t> many;
  std::span<std::size_t> roots(buffer, node.argument_count);
  if (node.argument_count > 16) {
    many.resize(node.argument_count);
    roots = many;
  }
  argument_roots(*formula_, index, roots);
  for (const std::size_t root : roots) {
    Operand argument = evaluate(root);
    arguments_.push_back(argument);
  }
  const Operand result =
      info.code(context_, std::span<const Operand>(arguments_.data() + base, roots.size()));
  arguments_.resize(base);
  return result;
}

}  // namespace raingan::formula
