"""raingan computes the formulas of a register itself: the shipped register templates write only formulas (no
value="…" beside them), and the cached values raingan writes for them are what LibreOffice's recalculation
computes. A formula that cannot be computed, or a value="…" beside a formula that is not what it computes,
fails the render with the template line and the cell, and leaves the earlier output as it was."""
import os
import re
import sys
import unittest

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import cli_support  # noqa: E402
import xlsx_check  # noqa: E402

REGISTERS = [
    ("transport-allowance-register.xml", "transport-allowance-2569-2.json"),
    ("budget-allocation-register.xml", "budget-allocation-2569.json"),
    ("inspection-followup-register.xml", "inspection-followup-2569-1.json"),
    ("survey-register.xml", "satisfaction-survey-2569.json"),
]
TRANSPORT = os.path.join(cli_support.SOURCE, "templates", "transport-allowance-register.xml")
TRANSPORT_DATA = os.path.join(cli_support.SOURCE, "datasets", "transport-allowance-2569-2.json")
TOTAL = 'formula="=SUM({{ cells(\'amount\', 5, last_student) }})"'
# Templates are read by raingan's own markup reader (attributes without a value are allowed), so the <cell>
# tags are found by pattern: a tag runs to the first '>' outside quotes.
CELL_TAG = re.compile(r'<cell\b(?:[^>"]|"[^"]*")*>')
ATTRIBUTE = re.compile(r'\s([\w-]+)="([^"]*)"')


class ShippedRegisters(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.folder = cli_support.scratch("formula-registers")

    def test_no_shipped_template_has_a_value_beside_a_formula(self):
        folder = os.path.join(cli_support.SOURCE, "templates")
        formulas = 0
        for name in sorted(os.listdir(folder)):
            if not name.endswith(".xml"):
                continue
            with open(os.path.join(folder, name), encoding="utf-8") as source:
                text = source.read()
            for tag in CELL_TAG.finditer(text):
                attributes = dict(ATTRIBUTE.findall(tag.group(0)))
                if "formula" in attributes:
                    formulas += 1
                    self.assertNotIn("value", attributes, "%s: %s" % (name, tag.group(0)))
        self.assertGreater(formulas, 50)

    def test_cached_values_are_libreoffice_recalculation(self):
        for template, dataset in REGISTERS:
            with self.subTest(template=template):
                xlsx = os.path.join(self.folder, template.replace(".xml", ".xlsx"))
                status, _, err = cli_support.run("render", os.path.join("templates", template),
                                                 os.path.join("datasets", dataset), "-o", xlsx)
                self.assertEqual(status, 0, err)
                cells = xlsx_check.read_cells(xlsx)
                formulas = [(sheet, ref, cell) for sheet, sheet_cells in cells.items()
                            for ref, cell in sheet_cells.items() if cell.formula is not None]
                self.assertGreater(len(formulas), 10, template)
                # Every formula has a cached value (the template gave none).
                self.assertEqual([(s, r) for s, r, c in formulas if c.value is None], [], template)
                mismatches = xlsx_check.formula_mismatches(xlsx)
                self.assertEqual([str(m) for m in mismatches[:10]], [], template)


class BrokenFormulas(unittest.TestCase):
    """The transport register with one formula changed; the earlier output stays byte for byte."""

    def render_changed(self, old, new):
        folder = cli_support.scratch("formula-broken")
        with open(TRANSPORT, encoding="utf-8") as original:
            source = original.read()
        self.assertEqual(source.count(old), 1)
        line = source[:source.index(old)].count("\n") + 1
        template = os.path.join(folder, "register.xml")
        with open(template, "w", encoding="utf-8") as out:
            out.write(source.replace(old, new))
        output = os.path.join(folder, "register.xlsx")
        with open(output, "wb") as out:
            out.write(b"earlier register")
        status, _, err = cli_support.run("render", template, TRANSPORT_DATA, "-o", output)
        self.assertNotEqual(status, 0)
        self.assertEqual(cli_support.file_bytes(output), b"earlier register")
        return template, line, err

    def test_unparsable_formula(self):
        template, line, err = self.render_changed(TOTAL, 'formula="=SUMM(J5:J{{ last_student }}"')
        self.assertRegex(err, re.escape("%s: line %d: cell รายนักเรียน!J" % (template, line)) +
                         r"\d+: formula =SUMM\(J5:J\d+: at character \d+: ")

    def test_unknown_function(self):
        template, line, err = self.render_changed(TOTAL, 'formula="=SUMM(J5:J{{ last_student }})"')
        self.assertRegex(err, re.escape("%s: line %d: cell รายนักเรียน!J" % (template, line)) +
                         r"\d+: formula =SUMM\(J5:J\d+\): .*unknown function SUMM")

    def test_circular_reference(self):
        template, line, err = self.render_changed(TOTAL, 'formula="=SUM(J5:J{{ last_student + 1 }})"')
        self.assertRegex(err, re.escape("%s: line %d: cell รายนักเรียน!J" % (template, line)) +
                         r"\d+: formula =SUM\(J5:J\d+\): circular reference: ")

    def test_reference_outside_the_sheet(self):
        template, line, err = self.render_changed(TOTAL, 'formula="=SUM(J5:Z{{ last_student }})"')
        self.assertRegex(err, re.escape("%s: line %d: cell รายนักเรียน!J" % (template, line)) +
                         r"\d+: formula =SUM\(J5:Z\d+\): reference J5:Z\d+ is outside sheet 'รายนักเรียน'")

    def test_wrong_value_beside_a_formula(self):
        template, line, err = self.render_changed(TOTAL, TOTAL + ' value="{{ 1 }}"')
        self.assertRegex(err, re.escape("%s: line %d: cell รายนักเรียน!J" % (template, line)) +
                         r"\d+: formula =SUM\(J5:J\d+\): value=1 is given beside it, but it computes [0-9.]+")


if __name__ == "__main__":
    unittest.main(verbosity=2)
