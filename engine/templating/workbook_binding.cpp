#include "templating/workbook_binding.h"

namespace raingan::templating {
namespace {

// Rows held back before a sheet starts (titles and headers); a sheet with no header row starts after these.
constexpr std::size_t max_pending_rows = 64;

}  // namespace

void WorkbookBinding::styles_changed() {
  ++styles_generation_;
  cell_styles_.clear();
}

CellStyleSpec WorkbookBinding::named(const Element& e, const CellStyleSpec& inherited) {
  CellStyleSpec spec = inherited;
  if (const Attribute* a = e.attribute("style")) {
    const std::string name = core_.text(*a);
    auto found = named_styles_.find(name);
    if (found == named_styles_.end())
      core_.fail(a->line, "no style named '" + name + "' (define it with <style name=\"" + name + "\">)");
    spec.layer(found->second);
  }
  spec.layer(read_cell_style(core_, e));
  return spec;
}

StyleId WorkbookBinding::static_cell_style(const Element& row, const Element& cell,
                                           const CellStyleSpec& row_style) {
  auto known = cell_styles_.find({&row, &cell});
  if (known == cell_styles_.end())
    known = cell_styles_.emplace(std::pair{&row, &cell}, style_id(named(cell, row_style))).first;
  return known->second;
}

bool WorkbookBinding::has_dynamic_style(const Element& e) {
  auto [known, inserted] = dynamic_style_.try_emplace(&e, false);
  if (inserted)
    for (const auto& a : e.attributes)
      if ((a.name == "style" || is_cell_style_attribute(a.name)) && a.value.find("{{") != std::string::npos)
        known->second = true;
  return known->second;
}

CellRange WorkbookBinding::parse_a1_range(const std::string& text, int line) {
  auto cell = [&](const std::string& name, std::uint32_t& row, std::uint16_t& col) {
    std::size_t i = 0;
    std::uint32_t c = 0;
    while (i < name.size() && name[i] >= 'A' && name[i] <= 'Z')
      c = c * 26 + static_cast<std::uint32_t>(name[i++] - 'A' + 1);
    std::uint32_t r = 0;
    const std::size_t digits = i;
    while (i < name.size() && name[i] >= '0' && name[i] <= '9')
      r = r * 10 + static_cast<std::uint32_t>(name[i++] - '0');
    if (c == 0 || digits == i || i != name.size() || r == 0 || c > max_cols || r > max_rows)
      core_.fail(line, "expected a cell range such as A5:H120, found \"" + text + "\"");
    row = r - 1;
    col = static_cast<std::uint16_t>(c - 1);
  };
  CellRange range;
  const auto colon = text.find(':');
  cell(text.substr(0, colon), range.first_row, range.first_col);
  if (colon == std::string::npos) {
    range.last_row = range.first_row;
    range.last_col = range.first_col;
  } else {
    cell(text.substr(colon + 1), range.last_row, range.last_col);
  }
  if (range.last_row < range.first_row || range.last_col < range.first_col)
    core_.fail(line, "the range \"" + text + "\" ends before it starts");
  return range;
}

void WorkbookBinding::begin_sheet(SheetSetup setup) {
  sheet_ = SheetBinding{};
  sheet_.setup = std::move(setup);
  ++sheets_begun_;
}

void WorkbookBinding::add_row(PendingRow&& pending) {
  SheetBinding& sheet = sheet_;
  // Title and header rows wait until the first data row: then the frozen panes and the repeated print
  // rows are known, and the sheet can start.
  if (!sheet.started && (pending.header || sheet.last_header_row < 0) &&
      sheet.pending.size() < max_pending_rows) {
    sheet.pending.push_back(std::move(pending));
  } else {
    start_sheet();
    last_row_cells_ = pending.row.cells.size();
    sink_->write_row(std::move(pending.row));
  }
}

void WorkbookBinding::start_sheet() {
  SheetBinding& sheet = sheet_;
  if (sheet.started) return;
  sheet.started = true;
  if (sheet.last_header_row >= 0) {
    if (sheet.freeze_header) sheet.setup.freeze_rows = sheet.last_header_row + 1;
    if (sheet.repeat_header) {
      sheet.setup.print.repeat_rows_first = 0;
      sheet.setup.print.repeat_rows_last = sheet.last_header_row;
    }
  }
  sink_->begin_sheet(sheet.setup);
  for (auto& pending : sheet.pending) sink_->write_row(std::move(pending.row));
  sheet.pending.clear();
}

std::pair<RowPlan&, bool> WorkbookBinding::row_plan(const Element& e) {
  auto [plan, added] = row_plans_.try_emplace(&e);
  return {plan->second, added};
}

std::pair<CellPlan&, bool> WorkbookBinding::cell_plan(const Element& e) {
  auto [plan, added] = cell_plans_.try_emplace(&e);
  return {plan->second, added};
}

void WorkbookBinding::forget_plan(const Element& e) {
  row_plans_.erase(&e);
  cell_plans_.erase(&e);
}

const Expression* WorkbookBinding::parse_cached(const std::string& braced, int line) {
  auto found = lone_expressions_.find(braced);
  if (found == lone_expressions_.end())
    found = lone_expressions_
                .emplace(braced, parse_expression(std::string_view(braced).substr(2, braced.size() - 4),
                                                  {core_.file_name(), line}))
                .first;
  return found->second.get();
}

}  // namespace raingan::templating
