// A recorded workbook replays exactly the calls it was given (templating/workbook_recording.h): every kind
// of cell value, merges and heights survive the row spool, and each style gets the id the replayed-to sink
// gives it.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "templating/workbook_recording.h"

using namespace raingan::templating;

namespace {

// Keeps the rows and the order of the calls; numbers styles from 0 as the XLSX writer does.
class KeepingSink final : public WorkbookSink {
 public:
  std::vector<std::string> calls;
  std::vector<CellStyle> styles;
  std::vector<SheetRow> rows;

  StyleId add_style(const CellStyle& style) override {
    for (StyleId id = 0; id < styles.size(); ++id)
      if (styles[id] == style) return id;
    calls.push_back("style " + style.number_format);
    styles.push_back(style);
    return styles.size() - 1;
  }
  void begin_sheet(const SheetSetup& setup) override { calls.push_back("begin_sheet " + setup.name); }
  void write_row(SheetRow&& row) override {
    calls.push_back("row " + std::to_string(row.index + 1));
    rows.push_back(std::move(row));
  }
  void set_autofilter(const CellRange& range) override { calls.push_back("autofilter " + range_name(range)); }
  void add_conditional_format(const CellRange& range, const ConditionalRule& rule) override {
    calls.push_back("conditional " + range_name(range) + " " + rule.formula);
  }
  void add_list_validation(const CellRange& range, const ListValidation& validation) override {
    calls.push_back("validation " + range_name(range) + " " + validation.allowed.at(0));
  }
  void end_sheet() override { calls.push_back("end_sheet"); }
};

SheetRow row_with_every_value(std::uint32_t index, StyleId style) {
  SheetRow row;
  row.index = index;
  row.height = 24.5;
  row.cells.push_back({std::string("นักเรียน ") + std::to_string(index), style, 2, 1, 0});
  row.cells.push_back({1234.5, style, 1, 1, 2});
  row.cells.push_back({true, 0, 1, 1, 3});
  row.cells.push_back({Formula{"=B1*2", 3.0, Formula::Result{std::string("x")}, 42}, style, 1, 1, 4});
  row.cells.push_back({CellDate{2026, 11, 20}, style, 1, 1, 5});
  row.cells.push_back({std::monostate{}, style, 1, 1, 6});
  row.merges.covered.push_back({1, style});
  row.merges.starting.push_back({{index, 0, index, 1}, style});
  return row;
}

}  // namespace

TEST_CASE("a recording replays every call in order, rows read back from the spool") {
  KeepingSink first;
  WorkbookRecording recording(first);
  CellStyle money;
  money.number_format = "#,##0.00";
  CellStyle count;
  count.number_format = "#,##0";
  const StyleId money_id = recording.add_style(money);
  CHECK(recording.add_style(money) == money_id);
  const StyleId count_id = recording.add_style(count);
  CHECK(count_id != money_id);
  recording.begin_sheet(SheetSetup{.name = "รายนักเรียน"});
  constexpr std::uint32_t rows = 20000;  // more than one piece of the spool
  for (std::uint32_t i = 0; i < rows; ++i)
    recording.write_row(row_with_every_value(i, i % 2 ? money_id : count_id));
  recording.set_autofilter({0, 0, rows - 1, 6});
  recording.add_conditional_format({1, 0, 5, 0}, ConditionalRule{.formula = "A2>1"});
  recording.add_list_validation({1, 1, 5, 1}, ListValidation{.allowed = {"ใช่"}});
  recording.end_sheet();

  KeepingSink replayed;
  replayed.add_style(CellStyle{});  // the normal style, 0
  replayed.calls.clear();
  recording.replay(replayed);
  REQUIRE(replayed.rows.size() == rows);
  CHECK(replayed.calls.front() == "style #,##0.00");
  CHECK(replayed.calls.at(2) == "begin_sheet รายนักเรียน");
  CHECK(replayed.calls.at(3 + rows) == "autofilter A1:G20000");
  CHECK(replayed.calls.at(4 + rows) == "conditional A2:A6 A2>1");
  CHECK(replayed.calls.at(5 + rows) == "validation B2:B6 ใช่");
  CHECK(replayed.calls.back() == "end_sheet");
  for (std::uint32_t i : {0U, 1U, rows - 1}) {
    const SheetRow& row = replayed.rows.at(i);
    const StyleId style = i % 2 ? 1 : 2;  // money, then count, as the replayed-to sink numbers them
    CHECK(row.index == i);
    CHECK(row.height == 24.5);
    REQUIRE(row.cells.size() == 6);
    CHECK(std::get<std::string>(row.cells[0].value) == "นักเรียน " + std::to_string(i));
    CHECK(row.cells[0].style == style);
    CHECK(row.cells[0].colspan == 2);
    CHECK(std::get<double>(row.cells[1].value) == 1234.5);
    CHECK(row.cells[1].col == 2);
    CHECK(std::get<bool>(row.cells[2].value));
    CHECK(row.cells[2].style == 0);
    const auto& formula = std::get<Formula>(row.cells[3].value);
    CHECK(formula.text == "=B1*2");
    CHECK(std::get<double>(formula.cached) == 3.0);
    CHECK(std::get<std::string>(*formula.expected) == "x");
    CHECK(formula.line == 42);
    CHECK(std::get<CellDate>(row.cells[4].value).day == 20);
    CHECK(std::holds_alternative<std::monostate>(row.cells[5].value));
    CHECK(row.merges.covered.at(0).style == style);
    CHECK(row.merges.starting.at(0).style == style);
    CHECK(row.merges.starting.at(0).range.last_col == 1);
  }
}
