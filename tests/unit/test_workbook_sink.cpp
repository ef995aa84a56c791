// What the workbook binder hands its sink (templating/workbook_sink.h), seen through a sink that records it:
// rows in order, each cell at its column (placed as an HTML table places it, templating/cell_placement.h),
// the rows that merged cells still cover given before the sheet ends, and placement mistakes named by the
// template line.
#include <doctest/doctest.h>
#include <unistd.h>

#include <array>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/diagnostic.h"
#include "dataset/json_reader.h"
#include "format/thai_date.h"
#include "templating/cell_placement.h"
#include "templating/workbook_binder.h"
#include "templating/workbook_sink.h"

using namespace raingan;
using namespace raingan::templating;

namespace {

// Keeps what it is given, and the order of the calls.
class RecordingSink final : public WorkbookSink {
 public:
  std::vector<std::string> calls;
  std::vector<CellStyle> styles{CellStyle{}};
  std::vector<SheetRow> rows;

  StyleId add_style(const CellStyle& style) override {
    for (StyleId id = 0; id < styles.size(); ++id)
      if (styles[id] == style) return id;
    styles.push_back(style);
    return styles.size() - 1;
  }
  void begin_sheet(const SheetSetup& setup) override { calls.push_back("begin_sheet " + setup.name); }
  void write_row(SheetRow&& row) override {
    calls.push_back("row " + std::to_string(row.index + 1));
    rows.push_back(std::move(row));
  }
  void set_autofilter(const CellRange& range) override { calls.push_back("autofilter " + range_name(range)); }
  void add_conditional_format(const CellRange& range, const ConditionalRule&) override {
    calls.push_back("conditional " + range_name(range));
  }
  void add_list_validation(const CellRange& range, const ListValidation&) override {
    calls.push_back("validation " + range_name(range));
  }
  void end_sheet() override { calls.push_back("end_sheet"); }
};

void bind(const std::string& template_text, WorkbookSink& sink) {
  const auto folder =
      std::filesystem::temp_directory_path() / ("raingan-unit-workbook-sink-" + std::to_string(::getpid()));
  std::filesystem::create_directories(folder);
  const auto template_path = folder / "register.xml";
  std::ofstream(template_path) << template_text;
  const TemplateFile file = load_template(template_path);
  const dataset::JsonDocument data = dataset::read_json_text(R"({"rows": [1, 2, 3]})", "d.json");
  bind_workbook(file, data, {format::parse_iso_date("2026-03-16"), folder}, sink);
}

std::vector<std::uint16_t> columns(const SheetRow& row) {
  std::vector<std::uint16_t> cols;
  for (const Cell& cell : row.cells) cols.push_back(cell.col);
  return cols;
}

}  // namespace

TEST_CASE("cell placement: cells fill a row like an HTML table, skipping what merges above cover") {
  CellPlacement placement;
  // Row 0: A0 spans 2 rows, B0 spans 2 columns, D0 plain.
  std::array row0{Cell{"a", 1, 1, 2}, Cell{"b", 2, 2, 1}, Cell{"d", 3}};
  RowMerges merges = placement.place(0, row0);
  CHECK(row0[0].col == 0);
  CHECK(row0[1].col == 1);
  CHECK(row0[2].col == 3);
  REQUIRE(merges.starting.size() == 2);
  CHECK(merges.starting[0].range == CellRange{0, 0, 1, 0});
  CHECK(merges.starting[1].range == CellRange{0, 1, 0, 2});
  REQUIRE(merges.covered.size() == 1);  // C0, inside b's colspan
  CHECK(merges.covered[0].col == 2);
  CHECK(merges.covered[0].style == 2);
  CHECK(placement.has_open());
  CHECK(placement.last_open_row() == 1);

  // Row 1: column A is covered from above, so the first cell lands in B.
  std::array row1{Cell{"x"}, Cell{"y"}};
  merges = placement.place(1, row1);
  CHECK(row1[0].col == 1);
  CHECK(row1[1].col == 2);
  CHECK(merges.starting.empty());
  REQUIRE(merges.finishing.size() == 1);
  CHECK(merges.finishing[0].range == CellRange{0, 0, 1, 0});
  REQUIRE(merges.covered.size() == 1);
  CHECK(merges.covered[0].col == 0);
  CHECK(merges.covered[0].style == 1);
  CHECK_FALSE(placement.has_open());

  // A colspan running into a column covered from above is refused.
  CellPlacement clash;
  std::array tall{Cell{}, Cell{"t", 0, 1, 2}};
  clash.place(0, tall);
  std::array wide{Cell{"w", 0, 3}};
  CHECK_THROWS_WITH_AS(clash.place(1, wide), doctest::Contains("B2"), std::invalid_argument);
  std::array zero{Cell{"z", 0, 0}};
  CHECK_THROWS_AS(CellPlacement{}.place(0, zero), std::invalid_argument);
  std::array past_xfd{Cell{"a", 0, 16000}, Cell{"b", 0, 1000}};
  CHECK_THROWS_WITH_AS(CellPlacement{}.place(0, past_xfd), doctest::Contains("XFD"), std::invalid_argument);
}

TEST_CASE("workbook binder: the sink gets placed rows in order, then the rows merges still cover") {
  RecordingSink sink;
  bind(R"xml(<workbook><sheet name="ทะเบียน" autofilter="true">
  <row><cell colspan="3" bold="true">ทะเบียนค่าพาหนะ</cell></row>
  <row header="true"><cell>ที่</cell><cell>ระยะทาง</cell><cell>หมายเหตุ</cell></row>
  <for each="r" in="rows"><row><cell>{{ r }}</cell><cell>{{ r * 2 }}</cell><cell/></row></for>
  <row><cell rowspan="3">รวม</cell><cell formula="SUM(B3:B5)"/></row>
  <conditional range="B3:B5" formula="B3&gt;4" bold="true"/>
</sheet></workbook>)xml",
       sink);
  // Title and header wait for the first data row; the filter and the rule come after the last row of
  // the template, the rows only the merge covers after them.
  CHECK(sink.calls == std::vector<std::string>{"begin_sheet ทะเบียน", "row 1", "row 2", "row 3", "row 4",
                                               "row 5", "row 6", "autofilter A2:C6", "conditional B3:B5",
                                               "row 7", "row 8", "end_sheet"});
  REQUIRE(sink.rows.size() == 8);
  const SheetRow& title = sink.rows[0];
  CHECK(columns(title) == std::vector<std::uint16_t>{0});
  CHECK(title.cells[0].style != 0);  // bold
  REQUIRE(title.merges.starting.size() == 1);
  CHECK(title.merges.starting[0].range == CellRange{0, 0, 0, 2});
  CHECK(title.merges.covered.size() == 2);
  for (std::size_t i = 1; i <= 4; ++i) CHECK(columns(sink.rows[i]) == std::vector<std::uint16_t>{0, 1, 2});
  CHECK(std::get<double>(sink.rows[4].cells[1].value) == 6);

  const SheetRow& total = sink.rows[5];
  CHECK(columns(total) == std::vector<std::uint16_t>{0, 1});
  const auto& formula = std::get<Formula>(total.cells[1].value);
  CHECK(formula.text == "SUM(B3:B5)");
  CHECK(std::get<double>(formula.cached) == 12);  // computed: the template gives no value
  CHECK_FALSE(formula.expected.has_value());
  REQUIRE(total.merges.starting.size() == 1);
  CHECK(total.merges.starting[0].range == CellRange{5, 0, 7, 0});
  // Rows 7 and 8 have no cells of their own: column A is the merge's, which ends in row 8.
  for (std::size_t i = 6; i <= 7; ++i) {
    CHECK(sink.rows[i].cells.empty());
    REQUIRE(sink.rows[i].merges.covered.size() == 1);
    CHECK(sink.rows[i].merges.covered[0].col == 0);
  }
  CHECK(sink.rows[6].merges.finishing.empty());
  REQUIRE(sink.rows[7].merges.finishing.size() == 1);
  CHECK(sink.rows[7].merges.finishing[0].range == CellRange{5, 0, 7, 0});
}

TEST_CASE("workbook binder: a formula's cached value is computed from any cell, on later rows and sheets") {
  RecordingSink sink;
  bind(R"xml(<workbook><sheet name="สรุป">
  <row><cell formula="=SUM('รายการ'!A1:A3)*B2"/><cell formula="=IF(A1&gt;20,&quot;เกิน&quot;,&quot;ไม่เกิน&quot;)"/></row>
  <row><cell/><cell>{{ 2 }}</cell><cell formula="=A1&gt;B2"/><cell formula="=A2"/></row>
</sheet><sheet name="รายการ">
  <for each="r" in="rows"><row><cell>{{ r }}</cell></row></for>
</sheet></workbook>)xml",
       sink);
  REQUIRE(sink.rows.size() == 5);
  const auto cached = [&](std::size_t row, std::size_t cell) {
    return std::get<Formula>(sink.rows[row].cells[cell].value).cached;
  };
  CHECK(std::get<double>(cached(0, 0)) == 12);
  CHECK(std::get<std::string>(cached(0, 1)) == "ไม่เกิน");
  CHECK(std::get<bool>(cached(1, 2)) == true);
  // A blank read by a formula shows as 0, as in a spreadsheet.
  CHECK(std::get<double>(cached(1, 3)) == 0);
}

TEST_CASE("workbook binder: a cell that runs into a merged cell is named by its template line") {
  RecordingSink sink;
  try {
    bind(R"(<workbook><sheet name="s">
  <row><cell>a</cell><cell rowspan="2">b</cell></row>
  <row><cell colspan="2">c</cell></row>
</sheet></workbook>)",
         sink);
    FAIL("accepted a cell running into a merged cell");
  } catch (const InputError& error) {
    REQUIRE(error.diagnostics().size() == 1);
    CHECK(error.diagnostics()[0].file.ends_with("register.xml"));
    CHECK(error.diagnostics()[0].location == "line 3");
    CHECK(error.diagnostics()[0].message ==
          "<row>: cell A2 spans 2 columns into B2, which a merged cell from an earlier row covers");
  }
}
