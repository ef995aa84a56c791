// The workbook elements' tables: an unknown element is answered with the elements expected where it stands
// (in a <workbook>, a <sheet>, a <row>) and the nearest of them; attributes are checked against what each
// element registered, cell style attributes included where they belong.
#include <doctest/doctest.h>

#include <string>

#include "core/diagnostic.h"
#include "dataset/json_reader.h"
#include "error_test_support.h"
#include "templating/elements/workbook/workbook_elements.h"
#include "templating/template_file.h"
#include "templating/workbook_binder.h"

using namespace raingan;
using test::contains;
using namespace raingan::templating;

namespace {

// Takes everything and keeps nothing.
class NullSink final : public WorkbookSink {
 public:
  StyleId add_style(const CellStyle&) override { return 0; }
  void begin_sheet(const SheetSetup&) override {}
  void write_row(SheetRow&&) override {}
  void set_autofilter(const CellRange&) override {}
  void add_conditional_format(const CellRange&, const ConditionalRule&) override {}
  void add_list_validation(const CellRange&, const ListValidation&) override {}
  void end_sheet() override {}
};

// The message of the error binding `source` raises, or "" when it binds.
std::string bind_error(const std::string& source) {
  return test::first_problem([&] {
    const TemplateFile file = parse_template(source, "t.xml");
    const dataset::JsonDocument data = dataset::read_json_text(R"({"rows": [1, 2]})", "d.json");
    NullSink sink;
    bind_workbook(file, data, BindOptions{}, sink);
  });
}

}  // namespace

TEST_CASE("workbook elements: each place has its table, and an unknown name gets the expected ones") {
  const auto& elements = workbook_elements();
  CHECK(elements.workbook.names() == std::vector<std::string_view>{"style", "sheet"});
  CHECK(elements.sheet.names() ==
        std::vector<std::string_view>{"columns", "row", "conditional", "validation"});
  CHECK(elements.row.names() == std::vector<std::string_view>{"cell"});

  CHECK(bind_error("<workbook>\n<sheet name=\"s\">\n<rwo><cell>a</cell></rwo>\n</sheet></workbook>") ==
        "line 3: unknown element <rwo> in a <sheet> (expected one of columns, row, conditional, validation; "
        "did you mean <row>?)");
  CHECK(bind_error("<workbook><sheet name=\"s\"><row><cel>a</cel></row></sheet></workbook>") ==
        "line 1: unknown element <cel> in a <row> (expected one of cell; did you mean <cell>?)");
  CHECK(bind_error("<workbook><sheets name=\"s\"/></workbook>") ==
        "line 1: unknown element <sheets> in a <workbook> (expected one of style, sheet; did you mean "
        "<sheet>?)");
  // An element of another place is unknown here, however well it is spelt.
  CHECK(contains(bind_error("<workbook><row><cell>a</cell></row></workbook>"),
                 "unknown element <row> in a <workbook>"));
  CHECK(contains(bind_error("<workbook><sheet name=\"s\"><cell>a</cell></sheet></workbook>"),
                 "unknown element <cell> in a <sheet>"));
  // Loops and conditions stand anywhere.
  CHECK(bind_error("<workbook><sheet name=\"s\"><for each=\"r\" in=\"rows\"><row><if test=\"r > 1\">"
                   "<cell>{{ r }}</cell></if></row></for></sheet></workbook>")
            .empty());
}

TEST_CASE(
    "workbook elements: attributes are each element's own, and cell style attributes where they belong") {
  CHECK(bind_error("<workbook><sheet name=\"s\"><row bold=\"true\" height=\"20\"><cell fill=\"#FFFFFF\" "
                   "colspan=\"2\">a</cell></row></sheet></workbook>")
            .empty());
  const std::string on_cell =
      bind_error("<workbook><sheet name=\"s\"><row><cell colspn=\"2\">a</cell></row></sheet></workbook>");
  CHECK(contains(on_cell, "<cell> has no attribute 'colspn'"));
  CHECK(contains(on_cell,
                 "(it takes: style, colspan, rowspan, type, value, formula, and the cell style attributes)"));
  CHECK(contains(bind_error("<workbook><sheet name=\"s\" bold=\"true\"><row/></sheet></workbook>"),
                 "<sheet> has no attribute 'bold'"));
  CHECK(contains(
      bind_error("<workbook><sheet name=\"s\"><columns widths=\"5\" bold=\"true\"/></sheet></workbook>"),
      "<columns> has no attribute 'bold' (it takes: widths, names)"));
  CHECK(contains(bind_error("<workbook><style name=\"m\" number-format=\"0.00\" colour=\"#000000\"/>"
                            "<sheet name=\"s\"/></workbook>"),
                 "<style> has no attribute 'colour'"));
  CHECK(contains(bind_error("<workbook titel=\"x\"><sheet name=\"s\"/></workbook>"),
                 "<workbook> has no attribute 'titel'"));
}

TEST_CASE("workbook elements: a formula that cannot be computed fails the render with its line and cell") {
  const std::string unclosed = bind_error(
      "<workbook><sheet name=\"s\">\n<row><cell>1</cell></row>\n"
      "<row><cell formula=\"=SUM(A1:A1\"/></row></sheet></workbook>");
  CHECK(contains(unclosed, "line 3: cell s!A2: formula =SUM(A1:A1: at character"));
  CHECK(contains(unclosed, "expected ')'"));
  const std::string unknown = bind_error(
      "<workbook><sheet name=\"s\"><row><cell>1</cell><cell formula=\"SUMM(A1)\"/></row></sheet></workbook>");
  CHECK(contains(unknown, "line 1: cell s!B1: formula =SUMM(A1): "));
  CHECK(contains(unknown, "unknown function SUMM"));
  const std::string no_sheet = bind_error(
      "<workbook><sheet name=\"s\"><row><cell>1</cell>\n<cell formula=\"=A1*'อัตรา'!$E$5\"/></row></sheet>"
      "</workbook>");
  CHECK(no_sheet ==
        "line 2: cell s!B1: formula =A1*'อัตรา'!$E$5: the formula refers to sheet 'อัตรา', which the workbook "
        "does not have");
  const std::string outside = bind_error(
      "<workbook><sheet name=\"s\"><row><cell>1</cell><cell>2</cell></row>\n\n"
      "<row><cell formula=\"=SUM(A1:B9)\"/></row></sheet></workbook>");
  CHECK(outside ==
        "line 3: cell s!A2: formula =SUM(A1:B9): reference A1:B9 is outside sheet 's', which ends at B2");
  const std::string circular = bind_error(
      "<workbook><sheet name=\"s\"><row><cell formula=\"=B1+1\"/>\n<cell formula=\"=A1*2\"/></row></sheet>"
      "</workbook>");
  CHECK(contains(circular, "formula =B1+1: circular reference: "));
  CHECK(contains(circular, "line 1: cell s!A1: "));
  // A later sheet and a later row are read as well as earlier ones.
  CHECK(bind_error(
            "<workbook><sheet name=\"s\"><row><cell formula=\"=SUM(B1:B2)*'อัตรา'!$A$1\"/><cell>2</cell>"
            "</row><row><cell/><cell>3</cell></row></sheet><sheet name=\"อัตรา\"><row><cell>4</cell></row>"
            "</sheet></workbook>")
            .empty());
}

TEST_CASE("workbook elements: a value given beside a formula must be the value it computes") {
  const std::string wrong = bind_error(
      "<workbook><sheet name=\"s\"><row><cell>{{ 2 }}</cell>\n"
      "<cell formula=\"=A1*$A$1\" value=\"{{ 5 }}\"/></row></sheet></workbook>");
  CHECK(wrong == "line 2: cell s!B1: formula =A1*$A$1: value=5 is given beside it, but it computes 4");
  CHECK(contains(
      bind_error("<workbook><sheet name=\"s\"><row><cell>a</cell><cell formula=\"=A1&amp;&quot;b&quot;\""
                 " value=\"ac\"/></row></sheet></workbook>"),
      "value=\"ac\" is given beside it, but it computes \"ab\""));
  // Every wrong value is said, not only the first.
  try {
    const TemplateFile file = parse_template(
        "<workbook><sheet name=\"s\"><for each=\"r\" in=\"rows\"><row><cell>{{ r }}</cell>"
        "<cell formula=\"=A{{ row_number }}+1\" value=\"{{ r }}\"/></row></for></sheet></workbook>",
        "t.xml");
    const dataset::JsonDocument data = dataset::read_json_text(R"({"rows": [1, 2]})", "d.json");
    NullSink sink;
    bind_workbook(file, data, BindOptions{}, sink);
    FAIL("no error");
  } catch (const InputError& error) {
    CHECK(error.diagnostics().size() == 2);
  }
  // Agreeing values (to within a double's last digits) and booleans pass.
  CHECK(bind_error(
            "<workbook><sheet name=\"s\"><row><cell>{{ 0.1 }}</cell><cell>{{ 0.2 }}</cell>"
            "<cell formula=\"=A1+B1\" value=\"{{ 0.3 }}\"/><cell formula=\"=A1&lt;B1\" value=\"{{ true }}\"/>"
            "</row></sheet></workbook>")
            .empty());
}
