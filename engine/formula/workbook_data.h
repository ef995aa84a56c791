#pragma once
// Inside a Workbook: the column store the evaluator reads and writes.

#include <bit>
#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "formula/formula.h"
#include "formula/text_pool.h"
#include "formula/workbook.h"

namespace raingan::formula {

// A cell's kind byte: the kind of its value, with formula_flag when a formula computes it. `pending` marks a
// formula not computed yet; its payload is then the index of its FormulaCell.
enum class CellKind : std::uint8_t { blank = 0, number, text, boolean, error, pending };
inline constexpr std::uint8_t kind_mask = 0x0F;
inline constexpr std::uint8_t formula_flag = 0x10;

struct Column {
  std::vector<std::uint8_t> kinds;      // per row
  std::vector<std::uint64_t> payloads;  // per row: a double's bits, a TextId, 0/1, an ErrorCode
  std::vector<std::uint64_t> pending;   // a bit per row: a formula not computed yet
  std::uint32_t pending_count = 0;

  CellKind kind(std::uint32_t row) const {
    return row < kinds.size() ? static_cast<CellKind>(kinds[row] & kind_mask) : CellKind::blank;
  }
  Value value(std::uint32_t row, const TextPool& texts) const {
    if (row >= kinds.size()) return Value{};
    const std::uint64_t payload = payloads[row];
    switch (static_cast<CellKind>(kinds[row] & kind_mask)) {
      case CellKind::number:
        return Value::number(std::bit_cast<double>(payload));
      case CellKind::text:
        return Value::text(texts.get(static_cast<TextId>(payload)));
      case CellKind::boolean:
        return Value::boolean(payload != 0);
      case CellKind::error:
        return Value::error(static_cast<ErrorCode>(payload));
      default:
        return Value{};  // blank, or a formula read before it is computed (only in a cycle)
    }
  }
  bool is_pending(std::uint32_t row) const {
    return row / 64 < pending.size() && (pending[row / 64] >> (row % 64) & 1) != 0;
  }
  void set_pending(std::uint32_t row, bool on);
  // The first row >= from and <= to with a formula not computed yet, or to + 1.
  std::uint32_t next_pending(std::uint32_t from, std::uint32_t to) const;
};

enum class FormulaState : std::uint8_t { waiting, running, done, replaced };

// A formula in a cell; the cell's payload is this record's index while the formula waits.
struct FormulaCell {
  FormulaId formula = 0;
  FormulaState state = FormulaState::waiting;
};

struct WaitingCell {
  SheetId sheet = 0;
  CellAddress cell{};
};

struct SheetData {
  std::string name;
  std::vector<Column> columns;
  std::vector<FormulaCell> formulas;
  std::uint32_t rows = 0;  // extent
  std::uint32_t column_count = 0;
};

struct Workbook::Data {
  std::vector<SheetData> sheets;
  TextPool texts;
  std::vector<Formula> formulas;
  std::unordered_multimap<std::size_t, FormulaId> formula_index;  // hash -> id
  Formula scratch;                                                // reused by add_formula(text)
  std::vector<WaitingCell> waiting;  // formula cells set since the last evaluate()

  Column& column(SheetId sheet, std::uint32_t column);
  // Stores a computed or constant value in a cell (keeping its formula flag).
  void store(SheetId sheet, std::uint32_t row, std::uint32_t column, const Value& value, std::uint8_t flags);
};

}  // namespace raingan::formula
