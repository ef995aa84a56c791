#include "formula/call_context.h"

namespace raingan::formula {

Value CallContext::scalar(const Operand& operand) const {
  if (operand.is_value()) return operand.value();
  if (operand.is_missing()) return Value{};
  const Area& area = operand.area();
  if (area.first_row == area.last_row && area.first_column == area.last_column)
    return cell(area.sheet, area.first_row, area.first_column);
  if (area.first_column == area.last_column && anchor_.row >= area.first_row && anchor_.row <= area.last_row)
    return cell(area.sheet, anchor_.row, area.first_column);
  if (area.first_row == area.last_row && anchor_.column >= area.first_column &&
      anchor_.column <= area.last_column)
    return cell(area.sheet, area.first_row, anchor_.column);
  return Value::error(ErrorCode::value);
}

}  // namespace raingan::formula
