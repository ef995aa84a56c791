"""The transport-allowance register of the checked-in sample as the finance group and the auditors get it:
LibreOffice, made to recalculate every formula, arrives at the value cached in the file for every cell; every
amount is a formula that looks its rate up on the rates sheet; Thai font and charset in every format, money as
#,##0.00, the round and a Buddhist-Era date in the title rows, frozen headers, filters, A4 landscape one page
wide with the header rows repeated and page numbers, formula cells locked on protected sheets, document
properties. Also: the sample dataset is exactly what scripts/make-transport-dataset.py makes."""
import os
import re
import subprocess
import sys
import tempfile
import unittest
import zipfile
import xml.etree.ElementTree as ElementTree

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import transport_expected as tx  # noqa: E402
import xlsx_check  # noqa: E402

SCRATCH = os.environ.get("RAINGAN_TEST_TMP", tempfile.gettempdir())
MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
SHEETS = ["สรุป", "รายนักเรียน", "ตามระดับชั้น", "อัตรา"]


class SampleRegister(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        if not tx.RAINGAN or not os.path.exists(tx.RAINGAN):
            raise RuntimeError("RAINGAN must name the raingan CLI")
        os.makedirs(SCRATCH, exist_ok=True)
        cls.folder = tempfile.mkdtemp(prefix="transport-register-", dir=SCRATCH)
        cls.book = os.path.join(cls.folder, "transport-allowance-register.xlsx")
        status, _, err = tx.run("render", os.path.join(tx.TEMPLATES, "transport-allowance-register.xml"), tx.SAMPLE,
                                "-o", cls.book)
        if status != 0:
            raise AssertionError("render failed: " + err)
        cls.package = zipfile.ZipFile(cls.book)
        cls.cells = xlsx_check.read_cells(cls.book)
        workbook = ElementTree.fromstring(cls.package.read("xl/workbook.xml"))
        relations = ElementTree.fromstring(cls.package.read("xl/_rels/workbook.xml.rels"))
        targets = {r.get("Id"): r.get("Target") for r in relations}
        cls.sheet_xml = {s.get("name"): ElementTree.fromstring(cls.package.read("xl/" + targets[s.get(REL + "id")]))
                         for s in workbook.iter(MAIN + "sheet")}
        cls.defined_names = [(d.get("name"), d.text) for d in workbook.iter(MAIN + "definedName")]
        styles = ElementTree.fromstring(cls.package.read("xl/styles.xml"))
        cls.fonts = list(styles.find(MAIN + "fonts"))
        formats = {f.get("numFmtId"): f.get("formatCode") for f in styles.iter(MAIN + "numFmt")}
        cls.xfs = [(formats.get(xf.get("numFmtId"), xf.get("numFmtId")), xf.find(MAIN + "protection"))
                   for xf in styles.find(MAIN + "cellXfs")]

    @classmethod
    def tearDownClass(cls):
        cls.package.close()

    def style_of(self, sheet, ref):
        for cell in self.sheet_xml[sheet].iter(MAIN + "c"):
            if cell.get("r") == ref:
                return self.xfs[int(cell.get("s", "0"))]
        raise KeyError(ref)

    def test_libreoffice_recalculation_reproduces_every_cached_value(self):
        mismatches = xlsx_check.formula_mismatches(self.book)
        self.assertEqual([str(m) for m in mismatches[:10]], [])
        formulas = sum(1 for sheet in self.cells.values() for cell in sheet.values() if cell.formula)
        self.assertGreater(formulas, 2 * 2500)

    def test_sheets_and_every_amount_a_formula_over_the_rates_sheet(self):
        self.assertEqual(list(self.cells), SHEETS)
        detail = self.cells["รายนักเรียน"]
        days_row = None
        for ref, cell in self.cells["อัตรา"].items():
            if cell.value == "จำนวนวันที่จ่าย (วัน/คน/ปีการศึกษา)":
                days_row = ref[1:]
        self.assertIsNotNone(days_row)
        for row in range(5, 5 + 2500):
            rate, amount = detail["I%d" % row], detail["J%d" % row]
            self.assertRegex(rate.formula, r"^INDEX\('อัตรา'!\$E\$5:\$E\$7,COUNTIF\('อัตรา'!\$C\$5:\$C\$6,\"<\"&H%d\)\+1\)$" % row)
            self.assertEqual(amount.formula, "I%d*'อัตรา'!$E$%s" % (row, days_row))
        money_format = [self.style_of("รายนักเรียน", "%s%d" % (c, r))[0] for c in "IJ" for r in (5, 2504)]
        self.assertEqual(set(money_format), {"#,##0.00"})
        summary_total = [c for c in self.cells["สรุป"].values() if c.formula and c.formula.startswith("SUMIF($G$6:")]
        self.assertEqual(len(summary_total), 5)  # three bands, the student count and the amount

    def test_thai_font_with_thai_charset_in_every_format(self):
        for font in self.fonts:
            self.assertEqual(font.find(MAIN + "name").get("val"), "TH SarabunPSK")
            self.assertEqual(font.find(MAIN + "charset").get("val"), "222")

    def test_titles_carry_the_round_and_a_buddhist_era_date(self):
        for sheet in SHEETS:
            titles = " ".join(str(self.cells[sheet].get("A%d" % r, xlsx_check.Cell(None, "")).value) for r in (1, 2, 3))
            self.assertIn("ปีการศึกษา ๒๕๖๙ รอบเดือนพฤศจิกายน", titles, sheet)
            self.assertIn("ข้อมูล ณ วันที่ ๒๐ พฤศจิกายน ๒๕๖๙", titles, sheet)  # 2026-11-20

    def test_frozen_header_filter_widths_and_print_setup(self):
        repeated = [text for name, text in self.defined_names if name == "_xlnm.Print_Titles"]
        self.assertIn("'สรุป'!$1:$5", repeated)
        self.assertIn("'รายนักเรียน'!$1:$4", repeated)
        filters = [text for name, text in self.defined_names if name == "_xlnm._FilterDatabase"]
        self.assertIn("'รายนักเรียน'!$A$4:$J$2504", filters)
        for sheet, header_rows in (("สรุป", "5"), ("รายนักเรียน", "4"), ("ตามระดับชั้น", "5"), ("อัตรา", "4")):
            xml = self.sheet_xml[sheet]
            pane = xml.find(".//%spane" % MAIN)
            self.assertEqual((pane.get("ySplit"), pane.get("state")), (header_rows, "frozen"), sheet)
            setup = xml.find(MAIN + "pageSetup")
            self.assertEqual((setup.get("paperSize"), setup.get("orientation"), setup.get("fitToHeight")),
                             ("9", "landscape", "0"), sheet)
            self.assertEqual(xml.find(".//%spageSetUpPr" % MAIN).get("fitToPage"), "1", sheet)
            self.assertIn("&P", xml.find(".//%soddFooter" % MAIN).text, sheet)
            columns = xml.findall(".//%scol" % MAIN)
            self.assertTrue(columns and all(c.get("customWidth") == "1" for c in columns), sheet)
            protection = xml.find(MAIN + "sheetProtection")
            self.assertIsNotNone(protection, sheet)
            self.assertIsNone(protection.get("password"), sheet)
        self.assertEqual(self.sheet_xml["รายนักเรียน"].find(MAIN + "autoFilter").get("ref"), "A4:J2504")
        # Fitted widths: the school-name columns are wider than the code columns.
        widths = {c.get("min"): float(c.get("width")) for c in self.sheet_xml["รายนักเรียน"].findall(".//%scol" % MAIN)}
        self.assertGreater(widths["4"], widths["3"])

    def test_formula_cells_are_locked(self):
        for sheet in SHEETS:
            for cell in self.sheet_xml[sheet].iter(MAIN + "c"):
                if cell.find(MAIN + "f") is not None:
                    protection = self.xfs[int(cell.get("s", "0"))][1]
                    self.assertTrue(protection is None or protection.get("locked") != "0", (sheet, cell.get("r")))

    def test_document_properties(self):
        core = self.package.read("docProps/core.xml").decode("utf-8")
        self.assertIn("<dc:title>ทะเบียนจัดสรรงบประมาณรายการค่าพาหนะรับ-ส่งนักเรียน ปีการศึกษา 2569 รอบเดือนพฤศจิกายน"
                      "</dc:title>", core)
        self.assertIn("<dc:creator>กลุ่มนโยบายและแผน สพป.พิษณุโลก เขต ๒</dc:creator>", core)
        self.assertIn("<cp:category>ทะเบียนคุมการจัดสรรงบประมาณ</cp:category>", core)
        self.assertIn("ค่าพาหนะรับ-ส่งนักเรียน", re.search(r"<cp:keywords>(.*)</cp:keywords>", core).group(1))
        app = self.package.read("docProps/app.xml").decode("utf-8")
        self.assertIn("<Company>สำนักงานเขตพื้นที่การศึกษาประถมศึกษาพิษณุโลก เขต ๒</Company>", app)

    def test_sample_dataset_is_what_the_script_makes(self):
        remade = os.path.join(self.folder, "remade.json")
        subprocess.run([sys.executable, os.path.join(tx.SOURCE, "scripts", "make-transport-dataset.py"), "-o", remade],
                       check=True, timeout=60)
        with open(remade, "rb") as a, open(tx.SAMPLE, "rb") as b:
            self.assertEqual(a.read(), b.read())
        dataset = tx.load(tx.SAMPLE)
        self.assertEqual((len(dataset["schools"]), sum(len(s["merged"]) for s in dataset["schools"]),
                          len(dataset["students"]), dataset["round"]), (40, 120, 2500, "พฤศจิกายน"))
        distances = {s["distance_km"] for s in dataset["students"]}
        for boundary in ("0", "3", "3.01", "10", "10.01"):
            self.assertIn(tx.Decimal(boundary), distances)
        self.assertEqual({s["level"] for s in dataset["students"]},
                         {"อ.1", "อ.2", "อ.3", "ป.1", "ป.2", "ป.3", "ป.4", "ป.5", "ป.6"})


if __name__ == "__main__":
    unittest.main()
