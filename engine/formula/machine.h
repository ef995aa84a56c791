#pragma once
// Runs one formula at one cell (internal to the evaluator): walks the postfix tree, resolving references
// against the cell, running lazily IF, IFERROR and IFNA, and calling the function table for the rest.

#include <optional>
#include <span>
#include <vector>

#include "formula/call_context.h"
#include "formula/formula.h"
#include "formula/function_table.h"

namespace raingan::formula {

// The area a reference names from `anchor` on sheet `own` (whole columns and rows whole, as in Excel: the
// cells beyond what is stored read as blank); nullopt when its sheet is missing (sheets[i] is the id of the
// formula's i-th sheet name) or it falls off the sheet (a relative reference moved above row 1).
std::optional<Area> resolve(const Reference& reference, CellAddress anchor, SheetId own,
                            std::span<const std::optional<SheetId>> sheets);

// The roots of a call node's arguments, in order (roots has the node's argument_count elements).
void argument_roots(const Formula& formula, std::size_t call, std::span<std::size_t> roots);

class Machine {
 public:
  Machine(Workbook::Data& data, RangeCache& cache, double today) : context_(data, cache, today) {}

  // The formula's value at the cell: one value (an area by implicit intersection), blank as 0.
  Value run(const Formula& formula, SheetId sheet, CellAddress anchor,
            std::span<const std::optional<SheetId>> sheets);
  CallContext& context() { return context_; }

 private:
  Operand evaluate(std::size_t node);
  Operand call(std::size_t node);
  Operand lazy(FunctionId id, std::size_t node);

  CallContext context_;
  const Formula* formula_ = nullptr;
  std::span<const std::optional<SheetId>> sheets_;
  std::vector<Operand> arguments_;  // a stack shared by nested calls
};

}  // namespace raingan::formula
