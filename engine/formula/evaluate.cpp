#include "formula/evaluate.h"

#include "formula/date_serial.h"
#include "formula/function_table.h"
#include "formula/machine.h"
#include "formula/range_cache.h"
#include "formula/workbook_data.h"

namespace raingan::formula {
namespace {

// A formula cell on the evaluation stack, with where its scan of the cells it reads has got to.
struct Frame {
  SheetId sheet = 0;
  CellAddress cell{};
  std::uint32_t index = 0;  // into the sheet's formulas
  bool expanded = false;
  std::uint32_t areas_begin = 0, areas_end = 0;  // into the area pool
  std::uint32_t area = 0, column = 0, row = 0;   // the scan's cursor
};

class Evaluation {
 public:
  Evaluation(Workbook& workbook, const EvaluationOptions& options)
      : workbook_(workbook),
        data_(workbook.data()),
        options_(options),
        machine_(data_, cache_, today_serial(options.today)),
        sumif_(*find_function("SUMIF")),
        averageif_(*find_function("AVERAGEIF")) {
    resolved_.resize(data_.formulas.size());
  }

  std::vector<Problem> run() {
    // The columns grew row by row, up to twice their size: give the slack back before the caches are built.
    for (SheetData& sheet : data_.sheets)
      for (Column& column : sheet.columns) {
        column.kinds.shrink_to_fit();
        column.payloads.shrink_to_fit();
      }
    // Only the formulas set since the last evaluation: a workbook evaluated again after a few more
    // formulas computes those.
    for (const WaitingCell& waiting : data_.waiting) {
      const Column& column = data_.sheets[waiting.sheet].columns[waiting.cell.column];
      if (column.kind(waiting.cell.row) != CellKind::pending) continue;  // replaced, or computed already
      const auto index = static_cast<std::uint32_t>(column.payloads[waiting.cell.row]);
      stack_.push_back(Frame{.sheet = waiting.sheet, .cell = waiting.cell, .index = index});
      drain();
    }
    data_.waiting.clear();
    data_.waiting.shrink_to_fit();
    if (dropped_ > 0 && !problems_.empty())
      problems_.back().message += " (and " + std::to_string(dropped_) + " more problems)";
    return std::move(problems_);
  }

 private:
  static double today_serial(const format::Date& today) {
    if (!is_real_date(today.year, static_cast<int>(today.month), static_cast<int>(today.day)) ||
        today.year < 1900)
      return 0;
    return date_serial(today.year, static_cast<int>(today.month), static_cast<int>(today.day));
  }

  FormulaCell& cell_of(const Frame& frame) { return data_.sheets[frame.sheet].formulas[frame.index]; }

  std::string name_of(SheetId sheet, CellAddress cell) const {
    return qualified_cell_name(data_.sheets[sheet].name, cell);
  }

  void problem(SheetId sheet, CellAddress cell, std::string message) {
    if (problems_.size() >= options_.max_problems) {
      ++dropped_;
      return;
    }
    problems_.push_back(Problem{sheet, cell, std::move(message)});
  }

  const std::vector<std::optional<SheetId>>& sheets_of(FormulaId id) {
    auto& resolved = resolved_[id];
    if (!resolved) {
      resolved.emplace();
      for (const std::string& name : data_.formulas[id].sheet_names())
        resolved->push_back(workbook_.find_sheet(name));
    }
    return *resolved;
  }

  void drain() {
    while (!stack_.empty()) {
      Frame& frame = stack_.back();
      FormulaCell& cell = cell_of(frame);
      if (!frame.expanded) {
        if (cell.state != FormulaState::waiting) {
          stack_.pop_back();
          continue;
        }
        cell.state = FormulaState::running;
        expand(frame);
      }
      Frame next;
      if (next_dependency(stack_.back(), next)) {
        stack_.push_back(next);
        continue;
      }
      compute(stack_.back());
      area_pool_.resize(stack_.back().areas_begin);
      stack_.pop_back();
    }
  }

  // Collects the areas the formula reads, and reports references to missing sheets or beyond a sheet.
  void expand(Frame& frame) {
    frame.expanded = true;
    const FormulaCell& cell = cell_of(frame);
    const Formula& formula = data_.formulas[cell.formula];
    const CellAddress anchor = frame.cell;
    const auto& sheets = sheets_of(cell.formula);
    frame.areas_begin = static_cast<std::uint32_t>(area_pool_.size());
    bool reported = false;
    for (std::size_t r = 0; r < formula.references().size(); ++r) {
      const Reference& reference = formula.references()[r];
      const auto area = resolve(reference, anchor, frame.sheet, sheets);
      if (!area) {
        if (!reported) {
          const bool missing =
              reference.sheet != Reference::own_sheet && !sheets[static_cast<std::size_t>(reference.sheet)];
          problem(frame.sheet, anchor,
                  missing ? "the formula refers to sheet '" +
                                formula.sheet_names()[static_cast<std::size_t>(reference.sheet)] +
                                "', which the workbook does not have"
                          : "reference " + formula.reference_text(r, anchor) + " falls off the sheet");
        }
        reported = true;
        continue;
      }
      const SheetData& target = data_.sheets[area->sheet];
      const bool whole =
          reference.shape == Reference::Shape::columns || reference.shape == Reference::Shape::rows;
      if (!whole && (area->last_row >= target.rows || area->last_column >= target.column_count) &&
          !reported) {
        const std::string extent = target.rows == 0
                                       ? "is empty"
                                       : "ends at " + cell_name({target.rows - 1, target.column_count - 1});
        problem(frame.sheet, anchor,
                "reference " + formula.reference_text(r, anchor) + " is outside sheet '" + target.name +
                    "', which " + extent);
        reported = true;
      }
      area_pool_.push_back(*area);
    }
    add_resized_sum_ranges(formula, anchor, frame.sheet, sheets);
    frame.areas_end = static_cast<std::uint32_t>(area_pool_.size());
    frame.area = frame.areas_begin;
    if (frame.area < frame.areas_end) {
      frame.column = area_pool_[frame.area].first_column;
      frame.row = area_pool_[frame.area].first_row;
    }
  }

  // SUMIF(A1:A9, c, B1) sums B1:B9: the cells beyond the written B1 are read too.
  void add_resized_sum_ranges(const Formula& formula, CellAddress anchor, SheetId sheet,
                              const std::vector<std::optional<SheetId>>& sheets) {
    const auto& nodes = formula.nodes();
    for (std::size_t i = 0; i < nodes.size(); ++i) {
      if (nodes[i].kind != NodeKind::call || nodes[i].argument_count != 3) continue;
      if (nodes[i].operand != sumif_ && nodes[i].operand != averageif_) continue;
      std::size_t roots[3];
      argument_roots(formula, i, roots);
      if (nodes[roots[0]].kind != NodeKind::reference || nodes[roots[2]].kind != NodeKind::reference)
        continue;
      const auto criteria = resolve(formula.references()[nodes[roots[0]].operand], anchor, sheet, sheets);
      auto sum = resolve(formula.references()[nodes[roots[2]].operand], anchor, sheet, sheets);
      if (!criteria || !sum) continue;
      sum->last_row = std::min<std::uint32_t>(sum->first_row + criteria->rows() - 1, max_rows - 1);
      sum->last_column =
          std::min<std::uint32_t>(sum->first_column + criteria->columns() - 1, max_columns - 1);
      area_pool_.push_back(*sum);
    }
  }

  // The next formula not computed yet in the frame's areas, from its cursor on. A formula still running is a
  // circular reference: reported, and the frame reads no further.
  bool next_dependency(Frame& frame, Frame& next) {
    while (frame.area < frame.areas_end) {
      const Area& area = area_pool_[frame.area];
      const SheetData& sheet = data_.sheets[area.sheet];
      while (frame.column <= area.last_column && frame.column < sheet.columns.size()) {
        const Column& column = sheet.columns[frame.column];
        const std::uint32_t row = column.next_pending(frame.row, area.last_row);
        if (row <= area.last_row) {
          frame.row = row + 1;
          const auto index = static_cast<std::uint32_t>(column.payloads[row]);
          if (sheet.formulas[index].state == FormulaState::running) {
            report_cycle(area.sheet, index, {row, frame.column});
            frame.area = frame.areas_end;
            return false;
          }
          next = Frame{.sheet = area.sheet, .cell = {row, frame.column}, .index = index};
          return true;
        }
        ++frame.column;
        frame.row = area.first_row;
      }
      if (++frame.area < frame.areas_end) {
        frame.column = area_pool_[frame.area].first_column;
        frame.row = area_pool_[frame.area].first_row;
      }
    }
    return false;
  }

  void report_cycle(SheetId sheet, std::uint32_t index, CellAddress first) {
    std::size_t start = stack_.size();
    while (start > 0 && !(stack_[start - 1].sheet == sheet && stack_[start - 1].index == index)) --start;
    if (start == 0) return;
    std::string path;
    for (std::size_t k = start - 1; k < stack_.size(); ++k)
      path += name_of(stack_[k].sheet, stack_[k].cell) + " -> ";
    path += name_of(sheet, first);
    problem(sheet, first, "circular reference: " + path);
  }

  void compute(Frame& frame) {
    FormulaCell& cell = cell_of(frame);
    const CellAddress anchor = frame.cell;
    const Value value =
        machine_.run(data_.formulas[cell.formula], frame.sheet, anchor, sheets_of(cell.formula));
    data_.store(frame.sheet, anchor.row, anchor.column, value, formula_flag);
    data_.sheets[frame.sheet].columns[anchor.column].set_pending(anchor.row, false);
    cell.state = FormulaState::done;
    for (const std::string& report : machine_.context().reports()) problem(frame.sheet, anchor, report);
  }

  Workbook& workbook_;
  Workbook::Data& data_;
  const EvaluationOptions& options_;
  RangeCache cache_;
  Machine machine_;
  FunctionId sumif_, averageif_;
  std::vector<Frame> stack_;
  std::vector<Area> area_pool_;
  std::vector<std::optional<std::vector<std::optional<SheetId>>>> resolved_;
  std::vector<Problem> problems_;
  std::size_t dropped_ = 0;
};

}  // namespace

std::string describe(const Workbook& workbook, const Problem& problem) {
  return qualified_cell_name(workbook.sheet_name(problem.sheet), problem.cell) + ": " + problem.message;
}

std::vector<Problem> evaluate(Workbook& workbook, const EvaluationOptions& options) {
  return Evaluation(workbook, options).run();
}

}  // namespace raingan::formula
