// Named columns in workbook templates: <columns names="…"> and col(), cell(), cells(), abs_cell(),
// abs_cells() write letters into formulas at bind time, in the sheet being bound or another (a later one
// too); a column inserted changes the letters and not the values; a name that is not declared is an error
// naming the template line and the nearest name.
#include <doctest/doctest.h>

#include <stdexcept>
#include <string>
#include <vector>

#include "core/diagnostic.h"
#include "dataset/json_reader.h"
#include "error_test_support.h"
#include "templating/column_names.h"
#include "templating/template_file.h"
#include "templating/workbook_binder.h"

using namespace raingan;
using namespace raingan::templating;
using test::contains;

namespace {

// Keeps each formula cell's sheet, address, text and computed value, in the order they are written.
class FormulaSink final : public WorkbookSink {
 public:
  struct Written {
    std::string sheet;
    std::string address;
    std::string text;
    Formula::Result value;
  };
  std::vector<Written> formulas;
  std::vector<std::uint16_t> colspans;  // of every cell that spans columns

  StyleId add_style(const CellStyle&) override { return 0; }
  void begin_sheet(const SheetSetup& setup) override { sheet_ = setup.name; }
  void write_row(SheetRow&& row) override {
    for (const Cell& cell : row.cells)
      if (cell.colspan > 1) colspans.push_back(cell.colspan);
    for (const Cell& cell : row.cells)
      if (const auto* f = std::get_if<Formula>(&cell.value))
        formulas.push_back(
            {sheet_, column_letters(cell.col) + std::to_string(row.index + 1), f->text, f->cached});
  }
  void set_autofilter(const CellRange&) override {}
  void add_conditional_format(const CellRange&, const ConditionalRule&) override {}
  void add_list_validation(const CellRange&, const ListValidation&) override {}
  void end_sheet() override {}

 private:
  std::string sheet_;
};

const char* const data_json =
    R"({"items": [{"n": "a", "qty": 2, "price": 10}, {"n": "b", "qty": 3, "price": 7},
  {"n": "c", "qty": 5, "price": 4}], "bands": [1, 2]})";

FormulaSink bind_register(const std::string& source) {
  const TemplateFile file = parse_template(source, "t.xml");
  const dataset::JsonDocument data = dataset::read_json_text(data_json, "d.json");
  FormulaSink sink;
  bind_workbook(file, data, BindOptions{}, sink);
  return sink;
}

std::string bind_error(const std::string& source) {
  return test::first_problem([&] { bind_register(source); });
}

double number(const Formula::Result& value) {
  REQUIRE(std::holds_alternative<double>(value));
  return std::get<double>(value);
}

// A small register: a summary sheet that reads a later sheet's named columns, and the item sheet whose
// amount multiplies two named columns of its own row. `extra` is put between the name and the quantity: a
// column inserted in the middle.
std::string small_register(bool inserted) {
  const std::string extra_name = inserted ? " note" : "";
  const std::string extra_width = inserted ? " 12" : "";
  const std::string extra_cell = inserted ? "<cell>หมายเหตุ</cell>" : "";
  return "<workbook>\n"
         "<sheet name=\"สรุป\">\n"
         "<columns names=\"label total\"/>\n"
         "<row><cell>รวม</cell><cell formula=\"=SUM({{ abs_cells('รายการ!amount', 2, 4) }})\"/></row>\n"
         "<row><cell>มากสุด</cell>"
         "<cell formula=\"=MAX('รายการ'!{{ col('รายการ!qty') }}2:{{ col('รายการ!qty') }}4)\"/></row>\n"
         "<row><cell>ทบ</cell><cell formula=\"={{ cell('total', 1) }}*2\"/></row>\n"
         "</sheet>\n"
         "<sheet name=\"รายการ\" autofilter=\"A1:{{ col('amount') }}4\">\n"
         "<columns names=\"name" +
         extra_name + " qty price amount\" widths=\"10" + extra_width +
         " 6 6 8\"/>\n"
         "<row><cell>ชื่อ</cell>" +
         extra_cell +
         "<cell>จำนวน</cell><cell>ราคา</cell><cell>เงิน</cell></row>\n"
         "<for each=\"i\" in=\"items\"><row><cell>{{ i.n }}</cell>" +
         extra_cell +
         "<cell>{{ i.qty }}</cell><cell>{{ i.price }}</cell>"
         "<cell formula=\"={{ cell('qty') }}*{{ cell('price') }}\"/></row></for>\n"
         "<row><cell>รวม</cell>" +
         extra_cell +
         "<cell formula=\"=SUM({{ cells('qty', 2, next_row - 1) }})\"/><cell/>"
         "<cell formula=\"=SUM({{ cells('amount', 2, next_row - 1) }})\"/></row>\n"
         "</sheet>\n"
         "</workbook>\n";
}

}  // namespace

TEST_CASE("column names: a list names columns from A, groups take several, '-' none") {
  const SheetColumnNames names = SheetColumnNames::parse("  no  id band*3 - amount\n total*0 last ");
  REQUIRE(names.find("no"));
  CHECK(names.find("no")->first == 0);
  CHECK(names.find("id")->first == 1);
  CHECK(names.find("band")->first == 2);
  CHECK(names.find("band")->width == 3);
  CHECK(names.find("band")->group);
  CHECK_FALSE(names.find("id")->group);
  CHECK(names.find("amount")->first == 6);  // F is the unnamed one
  CHECK(names.find("total")->width == 0);
  CHECK(names.find("last")->first == 7);
  CHECK_FALSE(names.find("-"));
  CHECK_FALSE(names.find("ban"));
  CHECK(names.nearest("amout") == std::optional<std::string_view>("amount"));
  CHECK_FALSE(names.nearest("xyz"));

  CHECK_THROWS_WITH_AS(SheetColumnNames::parse("a b a"), "'a' names two columns, A and C",
                       std::invalid_argument);
  CHECK_THROWS_AS(SheetColumnNames::parse("a band*x"), std::invalid_argument);
  CHECK_THROWS_AS(SheetColumnNames::parse("a b!c"), std::invalid_argument);
  CHECK_THROWS_AS(SheetColumnNames::parse("a *3"), std::invalid_argument);
  CHECK_THROWS_AS(SheetColumnNames::parse("- -"), std::invalid_argument);
  CHECK_THROWS_AS(SheetColumnNames::parse("a*16384 b"), std::invalid_argument);

  CHECK(column_letters(0) == "A");
  CHECK(column_letters(25) == "Z");
  CHECK(column_letters(26) == "AA");
  CHECK(column_letters(16383) == "XFD");
}

TEST_CASE("column names: the helpers write letters, cells and ranges, in this sheet and another") {
  const FormulaSink sink = bind_register(
      "<workbook><sheet name=\"s\"><columns names=\"no band*{{ len(bands) }} - total\"/>\n"
      "<row><cell formula=\"=&quot;{{ col('no') }} {{ col('band', 2) }} {{ col('total') }}&quot;\"/></row>\n"
      "<row><cell formula=\"=&quot;{{ cell('total') }} {{ cell('total', 9) }} {{ abs_cell('no', 7) "
      "}}&quot;\"/>"
      "</row>\n"
      "<row><cell formula=\"=&quot;{{ cells('band', 5, 6) }} {{ cells('band', 2, 5, 6) }} "
      "{{ abs_cells('total', 1, 3) }}&quot;\"/></row>\n"
      "<row><cell formula=\"=&quot;{{ abs_cells('it\\'s!x', 2, 3) }} {{ cell('it\\'s!x', 4) }} "
      "{{ col('it\\'s!y') }}&quot;\"/></row>\n"
      "</sheet><sheet name=\"it's\"><columns names=\"x y\"/><row><cell>1</cell></row></sheet></workbook>");
  REQUIRE(sink.formulas.size() == 4);
  CHECK(sink.formulas[0].text == "=\"A C E\"");
  CHECK(sink.formulas[1].text == "=\"E2 E9 $A$7\"");
  CHECK(sink.formulas[2].text == "=\"B5:C6 C5:C6 $E$1:$E$3\"");
  CHECK(sink.formulas[3].text == "=\"'it''s'!$A$2:$A$3 'it''s'!A4 B\"");
}

TEST_CASE("column names: a column inserted changes the letters, not the values") {
  const FormulaSink before = bind_register(small_register(false));
  const FormulaSink after = bind_register(small_register(true));
  REQUIRE(before.formulas.size() == 8);
  REQUIRE(after.formulas.size() == before.formulas.size());
  // The values: 2*10 + 3*7 + 5*4 = 61, the largest quantity 5, twice the total, each amount, the totals.
  CHECK(number(before.formulas[0].value) == 61);
  CHECK(number(before.formulas[1].value) == 5);
  CHECK(number(before.formulas[2].value) == 122);
  CHECK(number(before.formulas[3].value) == 20);
  CHECK(number(before.formulas[6].value) == 10);
  CHECK(number(before.formulas[7].value) == 61);
  for (std::size_t i = 0; i < before.formulas.size(); ++i) {
    CAPTURE(before.formulas[i].text);
    CAPTURE(after.formulas[i].text);
    CHECK(number(after.formulas[i].value) == number(before.formulas[i].value));
  }
  // The same formulas, with the letters after the inserted column one further on.
  CHECK(before.formulas[0].text == "=SUM('รายการ'!$D$2:$D$4)");
  CHECK(after.formulas[0].text == "=SUM('รายการ'!$E$2:$E$4)");
  CHECK(before.formulas[1].text == "=MAX('รายการ'!B2:B4)");
  CHECK(after.formulas[1].text == "=MAX('รายการ'!C2:C4)");
  CHECK(before.formulas[3].text == "=B2*C2");
  CHECK(after.formulas[3].text == "=C2*D2");
  CHECK(after.formulas[3].address == "E2");
  CHECK(before.formulas[7].text == "=SUM(D2:D4)");
  CHECK(after.formulas[7].text == "=SUM(E2:E4)");
}

TEST_CASE("column names: col_number() gives a column's number, so a title spans to a named column") {
  // A title over every column and a total's label over the columns before the amounts: inserting a column
  // widens both, with no colspan rewritten.
  auto spans = [](bool inserted) {
    const std::string names = inserted ? "no name note qty amount" : "no name qty amount";
    return bind_register("<workbook><sheet name=\"s\"><columns names=\"" + names +
                         "\"/>\n"
                         "<row><cell colspan=\"{{ col_number('amount') }}\">ทะเบียน</cell></row>\n"
                         "<row><cell colspan=\"{{ col_number('amount') - 1 }}\">รวม</cell>"
                         "<cell formula=\"=&quot;{{ col_number('qty') }}&quot;\"/></row>\n"
                         "</sheet></workbook>");
  };
  const FormulaSink before = spans(false);
  const FormulaSink after = spans(true);
  CHECK(before.colspans == std::vector<std::uint16_t>{4, 3});
  CHECK(after.colspans == std::vector<std::uint16_t>{5, 4});
  REQUIRE(before.formulas.size() == 1);
  CHECK(before.formulas[0].text == "=\"3\"");
  CHECK(bind_error("<workbook><sheet name=\"s\"><columns names=\"no band*2\"/>\n"
                   "<row><cell colspan=\"{{ col_number('band') }}\">x</cell></row></sheet></workbook>")
            .find("col_number('band', 1)") != std::string::npos);
}

TEST_CASE("column names: an unknown name, sheet or column of a group is an error at its line") {
  const std::string misspelt = bind_error(
      "<workbook><sheet name=\"s\"><columns names=\"qty price amount\"/>\n"
      "<row><cell>1</cell><cell>2</cell>\n<cell formula=\"={{ cell('amout') }}\"/></row></sheet></workbook>");
  CHECK(contains(misspelt, "line 3: "));
  CHECK(contains(misspelt, "sheet 's' has no column named 'amout'"));
  CHECK(contains(misspelt, "did you mean 'amount'?"));

  const std::string other_sheet = bind_error(
      "<workbook><sheet name=\"s\"><row>\n<cell formula=\"={{ cell('รายการ!price', 1) }}\"/></row></sheet>"
      "<sheet name=\"รายการ\"><columns names=\"qty prices\"/><row><cell>1</cell></row></sheet></workbook>");
  CHECK(contains(other_sheet, "line 2: "));
  CHECK(contains(other_sheet, "sheet 'รายการ' has no column named 'price'"));
  CHECK(contains(other_sheet, "did you mean 'prices'?"));

  const std::string no_sheet = bind_error(
      "<workbook><sheet name=\"s\"><row>\n<cell formula=\"={{ col('รายกร!qty') }}1\"/></row></sheet>"
      "<sheet name=\"รายการ\"><columns names=\"qty\"/><row><cell>1</cell></row></sheet></workbook>");
  CHECK(contains(no_sheet, "line 2: "));
  CHECK(contains(no_sheet, "the workbook has no sheet named 'รายกร'"));

  CHECK(contains(bind_error("<workbook><sheet name=\"s\"><row>\n<cell formula=\"={{ col('x') }}1\"/></row>"
                            "</sheet></workbook>"),
                 "sheet 's' names no columns: give it <columns names="));
  CHECK(contains(bind_error("<workbook><sheet name=\"s\"><columns names=\"band*2\"/><row>\n"
                            "<cell formula=\"={{ col('band') }}1\"/></row></sheet></workbook>"),
                 "'band' names 2 columns: say which, col('band', 1)"));
  CHECK(contains(bind_error("<workbook><sheet name=\"s\"><columns names=\"band*2\"/><row>\n"
                            "<cell formula=\"={{ col('band', 3) }}1\"/></row></sheet></workbook>"),
                 "expected a column of 'band' from 1 to 2"));
  CHECK(contains(bind_error("<workbook><sheet name=\"s\"><columns names=\"a b\"/>\n"
                            "<let name=\"x\" value=\"cell('b')\"/><row><cell>{{ x }}</cell></row></sheet>"
                            "</workbook>"),
                 "outside a <row>, give the row too: cell('b', 7)"));
  CHECK(contains(bind_error("<workbook><sheet name=\"s\">\n<columns names=\"a b a\"/></sheet></workbook>"),
                 "line 2: <columns names>: 'a' names two columns, A and C"));
}

TEST_CASE("column names: a sheet read ahead must name the same columns when it is bound") {
  // The later sheet's names depend on a <let> that changes between the read ahead and its binding.
  const std::string changed = bind_error(
      "<workbook><let name=\"n\" value=\"1\"/><sheet name=\"s\"><row>"
      "<cell formula=\"={{ abs_cell('t!b', 1) }}\"/></row></sheet>\n"
      "<let name=\"n\" value=\"2\"/><sheet name=\"t\">\n<columns names=\"a*{{ n }} b\"/><row><cell>1</cell>"
      "<cell>2</cell><cell>3</cell></row></sheet></workbook>");
  CHECK(contains(changed, "line 3: <columns names> of sheet 't' reads \"a*2 b\" here, but \"a*1 b\""));
  // The same names read ahead and bound are fine.
  CHECK(bind_error("<workbook><sheet name=\"s\"><row><cell formula=\"={{ abs_cell('t!b', 1) }}\"/></row>"
                   "</sheet><sheet name=\"t\"><columns names=\"a b\"/><row><cell>1</cell><cell>2</cell></row>"
                   "</sheet></workbook>")
            .empty());
}
