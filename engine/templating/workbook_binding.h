#pragma once
// What the workbook elements share while a <workbook> template is bound: the binder core, the sink the
// rows go to, the named cell styles and the style ids resolved from them, the sheet being bound, and what
// each <row> and <cell> element says that is the same every time it is bound (a register binds the cells of
// its data row 100,000 times). Each element binds itself in its own file under templating/elements/workbook/;
// the tables there dispatch by name (elements/workbook/workbook_elements.h).

#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "dataset/json_reader.h"
#include "templating/attributes.h"
#include "templating/binder_core.h"
#include "templating/cell_placement.h"
#include "templating/cell_style_spec.h"
#include "templating/column_names.h"
#include "templating/expression.h"
#include "templating/workbook_binder.h"
#include "templating/workbook_sink.h"

namespace raingan::templating {

// A row bound and placed, held back while its sheet has not started.
struct PendingRow {
  SheetRow row;
  bool header = false;
};

// The <sheet> being bound.
struct SheetBinding {
  SheetSetup setup;
  bool started = false;  // begin_sheet() given to the sink
  bool freeze_header = false;
  bool repeat_header = false;
  bool autofilter = false;                     // autofilter="true": from the last header row down
  std::optional<std::string> explicit_filter;  // autofilter="A4:H90"
  std::vector<PendingRow> pending;             // title and header rows, until the first data row
  CellPlacement placement;                     // of the sheet's rows, as they are bound
  std::uint32_t next_row = 0;
  int first_header_row = -1;
  int last_header_row = -1;
  std::size_t header_columns = 0;
  std::vector<std::pair<CellRange, ConditionalRule>> conditionals;
  std::vector<std::pair<CellRange, ListValidation>> validations;
};

class WorkbookBinding;
struct CellPlan;

// Binds one child element of a <row> into a cell, with what its plan has read once.
using CellBind = Cell (*)(WorkbookBinding&, const Element&, CellPlan&, const CellStyleSpec& row_style,
                          const Element* static_row);

// What a <row> says that is the same every time it is bound, read once per element.
struct RowPlan {
  const Attribute* header = nullptr;
  const Attribute* height = nullptr;
  bool static_style = false;  // no style attribute takes a value from the data
  CellStyleSpec style;        // when static_style, resolved in styles_generation
  std::uint64_t styles_generation = 0;
};

// What a <cell> says that is the same every time it is bound, read once per element.
struct CellPlan {
  enum class Type { automatic, text, number, date };
  CellBind bind = nullptr;  // from the row's element table
  bool planned = false;     // the attributes below read
  const Attribute* colspan = nullptr;
  const Attribute* rowspan = nullptr;
  const Attribute* type = nullptr;
  const Attribute* value = nullptr;
  const Attribute* formula = nullptr;
  bool dynamic_style = false;
  std::optional<Type> fixed_type;  // type="…" without {{ }}, once read
  // The content, once sorted out: nothing, a lone {{ expression }} (its value keeps its type), or text.
  enum class Content { unknown, empty, lone, text } content = Content::unknown;
  const Expression* lone = nullptr;
  // The style resolved in the static row it was last bound in.
  const Element* style_row = nullptr;
  std::uint64_t styles_generation = 0;
  StyleId style = 0;
};

class WorkbookBinding {
 public:
  // `sink` may be null when only the settings are read.
  WorkbookBinding(const TemplateFile& file, const dataset::JsonDocument& data, const BindOptions& options,
                  WorkbookSink* sink)
      : core_(file, data, options), sink_(sink), column_names_(core_) {
    core_.evaluator().set_host_functions(&column_names_);
  }
  WorkbookBinding(const WorkbookBinding&) = delete;
  WorkbookBinding& operator=(const WorkbookBinding&) = delete;

  BinderCore& core() noexcept { return core_; }
  WorkbookSink& sink() noexcept { return *sink_; }
  // Where an attribute was written, for the attribute parsers' messages.
  AttributeSource where(const Attribute& attribute) const {
    return {core_.file_name(), attribute.line, attribute.name};
  }

  // ---- styles ----
  // The workbook's normal style, which every cell style starts from.
  void set_base_style(const CellStyle& style) { base_ = style; }
  std::map<std::string, CellStyleSpec>& named_styles() noexcept { return named_styles_; }
  // A <style> was (re)defined: styles resolved before may name it and are stale.
  void styles_changed();
  std::uint64_t styles_generation() const noexcept { return styles_generation_; }
  // `inherited`, then the element's style="…", then its own cell-style attributes.
  CellStyleSpec named(const Element& e, const CellStyleSpec& inherited);
  StyleId style_id(const CellStyleSpec& spec) { return sink_->add_style(spec.resolve(base_)); }
  // The style of `cell` in the static row `row`, resolved once per pair of elements.
  StyleId static_cell_style(const Element& row, const Element& cell, const CellStyleSpec& row_style);
  // Whether any style attribute of the element (or its style="…") takes a value from the data.
  bool has_dynamic_style(const Element& e);

  // ---- ranges ----
  // "A5:H120" (or one cell "C3") into a zero-based range; an error naming `line` when it is not one.
  CellRange parse_a1_range(const std::string& text, int line);
  CellRange parse_range(const Attribute& a) { return parse_a1_range(core_.text(a), a.line); }

  // ---- column names: col(), col_number(), cell(), cells(), abs_cell(), abs_cells() ----
  ColumnNameFunctions& column_names() noexcept { return column_names_; }

  // ---- the sheet being bound ----
  SheetBinding& sheet() noexcept { return sheet_; }
  // Starts binding a sheet: its setup so far, no rows.
  void begin_sheet(SheetSetup setup);
  std::size_t sheets_begun() const noexcept { return sheets_begun_; }
  // A row bound and placed: held back while it is a title or header row before the first data row, else
  // written (starting the sheet first).
  void add_row(PendingRow&& row);
  // Gives the sink the sheet's setup, now that its header rows are known, and the rows held back.
  void start_sheet();
  // Room for the next row's cells: as many as the last row written had.
  std::size_t last_row_cells() const noexcept { return last_row_cells_; }

  // ---- what elements say once ----
  // The plan of an element, and whether it was just added (to be filled in; forget_plan() it when its
  // checks fail).
  std::pair<RowPlan&, bool> row_plan(const Element& e);
  std::pair<CellPlan&, bool> cell_plan(const Element& e);
  void forget_plan(const Element& e);
  // The parsed expression of a cell's lone "{{ … }}", parsed once per text.
  const Expression* parse_cached(const std::string& braced, int line);

 private:
  BinderCore core_;
  WorkbookSink* sink_;
  ColumnNameFunctions column_names_;
  CellStyle base_;
  std::map<std::string, CellStyleSpec> named_styles_;
  std::uint64_t styles_generation_ = 1;  // advanced by every <style>: styles resolved before are stale
  std::map<std::pair<const Element*, const Element*>, StyleId> cell_styles_;
  std::unordered_map<const Element*, bool> dynamic_style_;
  std::unordered_map<const Element*, RowPlan> row_plans_;
  std::unordered_map<const Element*, CellPlan> cell_plans_;
  std::map<std::string, std::unique_ptr<Expression>> lone_expressions_;
  SheetBinding sheet_;
  std::size_t sheets_begun_ = 0;
  std::size_t last_row_cells_ = 0;
};

}  // namespace raingan::templating
