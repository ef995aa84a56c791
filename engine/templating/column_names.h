#pragma once
// Named columns of a workbook template's sheets. <columns names="no id band*3 - amount"> names a sheet's
// columns from A; formulas then write col('amount'), cell('amount'), cells('band', r, r) or
// abs_cells('รายนักเรียน!amount', 5, last) instead of letters, so a column inserted is a name added to the
// list, not every formula that reads the columns after it rewritten. Names are resolved as the template is
// bound, in the sheet being bound, or in another sheet when written 'sheet!name' (a later sheet's names are
// read ahead from its <columns>).

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "templating/binder_core.h"
#include "templating/evaluator.h"

namespace raingan::templating {

// The columns one name stands for: one column, or a group of `width` (band*3), from the zero-based `first`.
struct ColumnSpan {
  std::uint32_t first = 0;
  std::uint32_t width = 1;
  bool group = false;
};

// The names of one sheet's columns, as <columns names="…"> declares them: whitespace-separated names in
// column order, `name*N` for a group of N columns, `-` for a column without a name.
class SheetColumnNames {
 public:
  // Throws std::invalid_argument saying what is wrong with the list.
  static SheetColumnNames parse(std::string_view text);

  const ColumnSpan* find(std::string_view name) const;
  // The declared name nearest to `name`, when one is close enough to be a slip.
  std::optional<std::string_view> nearest(std::string_view name) const;
  const std::string& text() const noexcept { return text_; }

 private:
  std::vector<std::pair<std::string, ColumnSpan>> names_;  // a sheet has tens: searched in order
  std::string text_;
};

// "A" for column 0, "AB" for 27.
std::string column_letters(std::uint32_t index);

// For the expressions of a workbook template: col(name, k?) the letters of a named column (the k-th of a
// group), col_number(name, k?) its number from A = 1 (for a colspan that reaches it); cell(name, row?) and
// abs_cell(name, row?) one cell (J7, $J$7; the current row when none is given); cells(name, first, last) and
// abs_cells(…) a column's rows (J5:J9, $J$5:$J$9; a group spans its columns, cells(name, k, first, last)
// takes its k-th). A name written 'sheet!name' is another sheet's, and cells and ranges then carry the sheet:
// 'sheet'!$J$5:$J$9.
class ColumnNameFunctions final : public HostFunctions {
 public:
  explicit ColumnNameFunctions(BinderCore& core) : core_(core) {}
  ColumnNameFunctions(const ColumnNameFunctions&) = delete;
  ColumnNameFunctions& operator=(const ColumnNameFunctions&) = delete;

  // A <sheet> begins: unqualified names are its own from now on.
  void begin_sheet(std::string name, const Element& sheet);
  // Its <columns names="…">, written on `line`.
  void name_columns(const std::string& text, int line);

  bool has(std::string_view name) const override;
  Value call(std::string_view name, Call& call) override;

 private:
  struct Reference {
    std::string sheet;       // the sheet's name
    bool qualified = false;  // written 'sheet!name': ranges carry the sheet
    std::string name;
    ColumnSpan span;
  };
  Reference resolve(Call& call, std::size_t index);
  const SheetColumnNames& names_of(Call& call, const std::string& sheet, const Element* element);
  const Element* sheet_element(const std::string& name, std::vector<std::string>& seen);

  BinderCore& core_;
  std::map<std::string, SheetColumnNames, std::less<>> sheets_;
  std::set<std::string, std::less<>> read_ahead_;  // names read before their sheet was bound
  std::string current_;
  const Element* current_element_ = nullptr;
};

}  // namespace raingan::templating
