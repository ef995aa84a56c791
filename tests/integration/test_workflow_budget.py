"""The annual budget allocation workflow (ทะเบียนคุมการจัดสรรงบประมาณ, seed 002 §3.3–3.4) through the real CLI:
the sample validates and bad datasets are refused with every problem at its JSON path; the register's cached
values are what LibreOffice recalculates, and its running balances, totals per project and per budget type
are what this test computes from the dataset with Decimal; the register keeps the print and protection
conventions and prints through LibreOffice one page wide with the header on every page; the allocation
notice prints the recipients, amounts, total in figures and in Thai words and OBEC's letters the dataset
implies. Standard library only."""
import json
import os
import re
import subprocess
import sys
import unittest
import zipfile
import xml.etree.ElementTree as ElementTree
from decimal import Decimal

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import thai_expected as th  # noqa: E402
import xlsx_check  # noqa: E402
from cli_support import RAINGAN, SOURCE, no_space, pdffonts, pdftotext, qpdf_check, run, scratch  # noqa: E402

SAMPLE = os.path.join(SOURCE, "datasets", "budget-allocation-2569.json")
SCHEMA = os.path.join(SOURCE, "datasets", "schemas", "budget-allocation.schema.json")
REGISTER = os.path.join(SOURCE, "templates", "budget-allocation-register.xml")
NOTICE = os.path.join(SOURCE, "templates", "budget-allocation-notice.xml")
MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
TYPES = ["งบบุคลากร", "งบดำเนินงาน", "งบลงทุน", "งบเงินอุดหนุน", "งบรายจ่ายอื่น"]
INCREASES = ("receive", "leftover")


def expected_rows(data):
    """Per project, in the register's order: (code, increase, decrease, balance) of every entry that moves
    its money, in date order (a transfer counts out of its project and into to_project)."""
    rows = {}
    for project in data["projects"]:
        code = project["code"]
        moves = [e for e in data["entries"] if e["project"] == code or e.get("to_project") == code]
        moves.sort(key=lambda e: e["date"])  # stable: same-day entries keep the dataset's order
        balance = Decimal(0)
        rows[code] = []
        for e in moves:
            incoming = e["type"] in INCREASES or (e["type"] == "transfer" and e["project"] != code)
            increase = e["amount"] if incoming else Decimal(0)
            decrease = Decimal(0) if incoming else e["amount"]
            balance += increase - decrease
            rows[code].append((code, increase, decrease, balance))
    return rows


def kinds(data, code):
    """What moved a project's money, by kind."""
    def total(condition):
        return sum((e["amount"] for e in data["entries"] if condition(e)), Decimal(0))
    return {
        "received": total(lambda e: e["project"] == code and e["type"] == "receive"),
        "transfer_in": total(lambda e: e["type"] == "transfer" and e.get("to_project") == code),
        "leftover": total(lambda e: e["project"] == code and e["type"] == "leftover"),
        "allocated": total(lambda e: e["project"] == code and e["type"] == "allocate"),
        "transfer_out": total(lambda e: e["project"] == code and e["type"] == "transfer"),
        "returned": total(lambda e: e["project"] == code and e["type"] == "return"),
    }


def cents(value):
    """A cached spreadsheet number (a double) as exact satang, for comparing with Decimal."""
    return Decimal(repr(value or 0.0)).quantize(Decimal("0.01"))


class Validation(unittest.TestCase):
    def write(self, folder, name, data):
        path = os.path.join(folder, name)
        with open(path, "w", encoding="utf-8") as out:
            json.dump(data, out, ensure_ascii=False)
        return path

    def test_sample_is_valid(self):
        status, out, err = run("validate", SAMPLE)
        self.assertEqual(status, 0, err)
        self.assertRegex(out, r"budget-allocation-2569\.json: OK \(budget-allocation; 4 plans, 15 projects, "
                              r"\d+ units, \d+ entries\)")

    def test_bad_records_are_reported_with_their_json_paths(self):
        folder = scratch("budget-bad")
        os.makedirs(os.path.join(folder, "schemas"))
        with open(SCHEMA, encoding="utf-8") as source, \
                open(os.path.join(folder, "schemas", "budget-allocation.schema.json"), "w", encoding="utf-8") as out:
            out.write(source.read())
        data = th.load(SAMPLE)
        data = json.loads(json.dumps(data, default=str))  # amounts as text for now; set as numbers below
        for entry in data["entries"]:
            entry["amount"] = float(entry["amount"])
        data["entries"][3]["amount"] = 12.345                       # a third decimal
        data["entries"][5]["project"] = "99"                        # no such project
        data["entries"][7]["type"] = "spend"                        # not a kind of entry
        data["entries"][9]["amount"] = 0                            # amounts are above zero
        del data["entries"][0]["document"]                          # OBEC's letter is required
        data["entries"][10]["date"] = "2026-02-30"                  # not a calendar date
        data["entries"][12]["recipient"] = "X1"                     # no such school or group
        data["projects"][2]["budget_type"] = "งบกลาง"               # not one of the five budget types
        data["projects"].append(dict(data["projects"][3]))          # the same project code twice
        data["notice"]["number"] = "ศธ ๐๔๐๘๗/ว ๙๙๙"                 # a letter no entry was allocated under
        path = self.write(folder, "bad.json", data)
        status, out, err = run("validate", path, cwd=folder)
        self.assertEqual(status, 1, out)
        self.assertEqual(out, "")
        problems = err.strip().splitlines()
        for location in ("entries[3].amount", "entries[5].project", "entries[7].type", "entries[9].amount",
                         "entries[0].document", "entries[10].date", "entries[12].recipient",
                         "projects[2].budget_type", "projects[15].code", "notice.number"):
            self.assertTrue(any(line.startswith(path + ": " + location + ": expected") for line in problems),
                            location + " not reported in:\n" + err)
        self.assertEqual(len(problems), 10, err)
        self.assertIn('found "12.345"', err)
        self.assertIn('found "งบกลาง"', err)

        # Rendering refuses the same dataset and writes nothing.
        target = os.path.join(folder, "register.xlsx")
        status, _, err = run("render", REGISTER, path, "-o", target, cwd=folder)
        self.assertEqual(status, 1)
        self.assertIn("entries[3].amount", err)
        self.assertFalse(os.path.exists(target))

    def test_an_allocation_without_its_recipient_is_refused(self):
        # The schema cannot tie recipient to the kind of entry; the register refuses the entry it needs it for,
        # naming the template line and the field (the entry's place in the register, not yet its JSON path).
        folder = scratch("budget-recipient")
        data = json.loads(json.dumps(th.load(SAMPLE), default=float))
        index = next(i for i, e in enumerate(data["entries"]) if e["type"] == "allocate")
        del data["entries"][index]["recipient"]
        path = self.write(folder, "no-recipient.json", data)
        target = os.path.join(folder, "register.xlsx")
        status, _, err = run("render", REGISTER, path, "-o", target)
        self.assertEqual(status, 1)
        self.assertRegex(err, r"budget-allocation-register\.xml: line \d+: .*has no field 'recipient' \(it has: ")
        self.assertFalse(os.path.exists(target))

    def test_sample_is_what_the_generator_makes(self):
        folder = scratch("budget-generator")
        made = os.path.join(folder, "budget.json")
        subprocess.run([sys.executable, os.path.join(SOURCE, "scripts", "make-budget-allocation-dataset.py"),
                        "-o", made], check=True, stderr=subprocess.PIPE, timeout=60)
        with open(made, "rb") as a, open(SAMPLE, "rb") as b:
            self.assertEqual(a.read(), b.read())


class Register(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        if not RAINGAN or not os.path.exists(RAINGAN):
            raise RuntimeError("RAINGAN must name the raingan CLI")
        cls.folder = scratch("budget-register")
        cls.book = os.path.join(cls.folder, "budget-allocation-register.xlsx")
        status, _, err = run("render", REGISTER, SAMPLE, "-o", cls.book)
        if status != 0:
            raise AssertionError("render failed: " + err)
        cls.data = th.load(SAMPLE)
        cls.cells = xlsx_check.read_cells(cls.book)
        with zipfile.ZipFile(cls.book) as package:
            workbook = ElementTree.fromstring(package.read("xl/workbook.xml"))
            relations = ElementTree.fromstring(package.read("xl/_rels/workbook.xml.rels"))
            targets = {r.get("Id"): r.get("Target") for r in relations}
            cls.sheet_xml = {s.get("name"): ElementTree.fromstring(package.read("xl/" + targets[s.get(REL + "id")]))
                             for s in workbook.iter(MAIN + "sheet")}
            cls.defined_names = {d.text for d in workbook.iter(MAIN + "definedName")}
            styles = ElementTree.fromstring(package.read("xl/styles.xml"))
        cls.fonts = list(styles.find(MAIN + "fonts"))
        formats = {f.get("numFmtId"): f.get("formatCode") for f in styles.iter(MAIN + "numFmt")}
        cls.xfs = [(formats.get(xf.get("numFmtId"), xf.get("numFmtId")), xf.find(MAIN + "protection"))
                   for xf in styles.find(MAIN + "cellXfs")]

    def register_rows(self):
        """The entry rows of ทะเบียนคุม: (row, code, increase, decrease, balance, balance formula)."""
        sheet = self.cells["ทะเบียนคุม"]
        rows = []
        row = 6
        while "A%d" % row in sheet or "L%d" % row in sheet or "B%d" % row in sheet:
            number = sheet.get("A%d" % row)
            if number is not None and isinstance(number.value, float) and sheet.get("L%d" % row):
                blank = xlsx_check.Cell(None, 0.0)  # an empty amount cell
                rows.append((row, sheet["C%d" % row].value, cents(sheet.get("J%d" % row, blank).value),
                             cents(sheet.get("K%d" % row, blank).value), cents(sheet["L%d" % row].value),
                             sheet["L%d" % row].formula))
            row += 1
        return rows

    def style_of(self, sheet, ref):
        for cell in self.sheet_xml[sheet].iter(MAIN + "c"):
            if cell.get("r") == ref:
                return self.xfs[int(cell.get("s", "0"))]
        raise KeyError(ref)

    def test_libreoffice_recalculation_reproduces_every_cached_value(self):
        mismatches = xlsx_check.formula_mismatches(self.book)
        self.assertEqual([str(m) for m in mismatches[:10]], [])
        formulas = sum(1 for sheet in self.cells.values() for cell in sheet.values() if cell.formula)
        self.assertGreater(formulas, len(self.data["entries"]))

    def test_running_balance_of_every_project_equals_the_decimal_computation(self):
        expected = expected_rows(self.data)
        found = self.register_rows()
        want = [row for code in expected for row in expected[code]]
        self.assertEqual(len(found), len(want))
        self.assertEqual(len(want), len(self.data["entries"]) + sum(
            1 for e in self.data["entries"] if e["type"] == "transfer"))
        previous_code = None
        for (row, code, increase, decrease, balance, formula), (code2, inc2, dec2, bal2) in zip(found, want):
            self.assertEqual((code, increase, decrease, balance), (code2, inc2, dec2, bal2), "row %d" % row)
            # The balance is a formula: the row's own movement, after the balance above in the same project.
            if code == previous_code:
                self.assertEqual(formula, "L%d+J%d-K%d" % (row - 1, row, row))
            else:
                self.assertEqual(formula, "J%d-K%d" % (row, row))
            previous_code = code
        finals = {code: rows[-1][3] for code, rows in expected.items() if rows}
        self.assertTrue(all(b >= 0 for b in finals.values()), finals)
        self.assertEqual(sum(finals.values()), Decimal("968008.75"))

    def test_totals_per_project_and_per_budget_type(self):
        sheet = self.cells["ทะเบียนคุม"]
        type_of = {p["code"]: p["budget_type"] for p in self.data["projects"]}
        by_type = {t: [Decimal(0), Decimal(0)] for t in TYPES}
        for code, rows in expected_rows(self.data).items():
            by_type[type_of[code]][0] += sum(r[1] for r in rows)
            by_type[type_of[code]][1] += sum(r[2] for r in rows)
        seen = set()
        for ref, cell in sheet.items():
            if not ref.startswith("A") or not isinstance(cell.value, str):
                continue
            row = int(ref[1:])
            label = cell.value.split(" (")[0]
            if label in TYPES:
                seen.add(label)
                self.assertRegex(sheet["J%d" % row].formula, r'^SUMIF\(\$D\$6:\$D\$\d+,"%s",J\$6:J\$\d+\)$' % label)
                increase, decrease = by_type[label]
                self.assertEqual(cents(sheet["J%d" % row].value), increase, label)
                self.assertEqual(cents(sheet["K%d" % row].value), decrease, label)
                self.assertEqual(cents(sheet["L%d" % row].value), increase - decrease, label)
            elif cell.value.startswith("รวมทั้งสิ้น"):
                self.assertEqual(cents(sheet["L%d" % row].value), Decimal("968008.75"))
        self.assertEqual(seen, set(TYPES))

        summary = self.cells["สรุปรายโครงการ"]
        checked = 0
        for ref, cell in summary.items():
            if ref.startswith("B") and int(ref[1:]) >= 6 and isinstance(cell.value, str) and \
                    cell.value in type_of:
                row = int(ref[1:])
                k = kinds(self.data, cell.value)
                got = [cents(summary["%s%d" % (col, row)].value) for col in "EFGHIJK"]
                balance = k["received"] + k["transfer_in"] + k["leftover"] - k["allocated"] - \
                    k["transfer_out"] - k["returned"]
                self.assertEqual(got, [k["received"], k["transfer_in"], k["leftover"], k["allocated"],
                                       k["transfer_out"], k["returned"], balance], cell.value)
                self.assertTrue(summary["E%d" % row].formula.startswith("SUMIFS('ทะเบียนคุม'!$J$6:$J$"))
                share = 0 if k["allocated"] + balance == 0 else k["allocated"] * 100 / (k["allocated"] + balance)
                self.assertAlmostEqual(summary["L%d" % row].value, float(share), places=9)
                checked += 1
        self.assertEqual(checked, len(self.data["projects"]))
        received = sum((e["amount"] for e in self.data["entries"] if e["type"] == "receive"), Decimal(0))
        self.assertEqual(received, Decimal("16000735.00"))
        totals = [r for r, c in summary.items() if r.startswith("A") and c.value == "รวมทั้งสิ้น"]
        self.assertEqual(len(totals), 1)
        self.assertEqual(cents(summary["E" + totals[0][1:]].value), received)

    def test_print_and_protection_conventions(self):
        for font in self.fonts:
            self.assertEqual(font.find(MAIN + "name").get("val"), "TH SarabunPSK")
            self.assertEqual(font.find(MAIN + "charset").get("val"), "222")
        rows = self.register_rows()
        first, last = rows[0][0], rows[-1][0]
        self.assertEqual(self.style_of("ทะเบียนคุม", "J%d" % first)[0], "#,##0.00")
        self.assertEqual(self.style_of("ทะเบียนคุม", "B%d" % first)[0], "[$-D07041E]d mmm yy")
        self.assertTrue(self.style_of("ทะเบียนคุม", "L%d" % first)[0].startswith("#,##0.00"))
        for name, root in self.sheet_xml.items():
            self.assertIsNotNone(root.find(MAIN + "sheetProtection"), name)
            setup = root.find(MAIN + "pageSetup")
            self.assertEqual((setup.get("orientation"), setup.get("paperSize"), setup.get("fitToWidth", "1"),
                              setup.get("fitToHeight")), ("landscape", "9", "1", "0"), name)
            self.assertEqual(root.find(MAIN + "sheetPr").find(MAIN + "pageSetUpPr").get("fitToPage"), "1")
            pane = root.find(MAIN + "sheetViews").find(MAIN + "sheetView").find(MAIN + "pane")
            self.assertEqual((pane.get("ySplit"), pane.get("state")), ("5", "frozen"), name)
            self.assertIn("&P", root.find(MAIN + "headerFooter").find(MAIN + "oddFooter").text)
            self.assertIn("'%s'!$1:$5" % name, self.defined_names)
        self.assertRegex(self.sheet_xml["ทะเบียนคุม"].find(MAIN + "autoFilter").get("ref"), r"^A5:L%d$" % (last + 1))
        # Every formula cell is locked (no unlocked protection in its style); the sheets are protected.
        for name, cells in self.cells.items():
            for ref, cell in cells.items():
                if cell.formula:
                    protection = self.style_of(name, ref)[1]
                    self.assertFalse(protection is not None and protection.get("locked") == "0", name + "!" + ref)

    def test_printed_through_libreoffice(self):
        pdf = xlsx_check.convert(self.book, os.path.join(self.folder, "register.pdf"))
        pages = pdftotext(pdf, raw=False).split("\f")[:-1]
        info = subprocess.run(["pdfinfo", "-f", "1", "-l", "99", pdf], stdout=subprocess.PIPE,
                              check=True).stdout.decode("utf-8")
        sizes = re.findall(r"Page +\d+ size: +([\d.]+) x ([\d.]+)", info)
        self.assertEqual(len(sizes), len(pages))
        for width, height in sizes:
            self.assertAlmostEqual(float(width), 841.89, delta=1)
            self.assertAlmostEqual(float(height), 595.3, delta=1)
        register_pages = [p for p in pages if "ทะเบียนคุมการจัดสรรงบประมาณ" in p]
        self.assertGreaterEqual(len(register_pages), 3)
        for number, page in enumerate(pages, 1):
            self.assertIn("หน้า %d / %d" % (number, len(pages)), page)
        for page in register_pages:
            self.assertIn("หนังสืออ้างอิง", page)
            self.assertIn("คงเหลือ", page)  # the last column is not cut off
        text = "".join(pages)
        self.assertNotIn("###", text)
        self.assertIn("ข้อมูล ณ วันที่ ๓๑ มีนาคม ๒๕๖๙", text)
        self.assertIn(th.date_short("2025-10-14"), text)
        self.assertIn("968,008.75", text)


class Notice(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.folder = scratch("budget-notice")
        cls.pdf = os.path.join(cls.folder, "notice.pdf")
        status, _, err = run("render", NOTICE, SAMPLE, "-o", cls.pdf)
        if status != 0:
            raise AssertionError("render failed: " + err)
        cls.data = th.load(SAMPLE)
        cls.text = no_space(pdftotext(cls.pdf))

    def test_pdf_is_sound_with_embedded_fonts(self):
        status, output = qpdf_check(self.pdf)
        self.assertEqual(status, 0, output)
        fonts = pdffonts(self.pdf)
        self.assertTrue(fonts and all(embedded and unicode for _, embedded, _, unicode in fonts), fonts)

    def test_recipients_amounts_and_total_in_figures_and_words(self):
        notice = self.data["notice"]
        items = [e for e in self.data["entries"]
                 if e["type"] == "allocate" and e["document"]["number"] == notice["number"]]
        self.assertEqual(len(items), 14)
        units = {u["code"]: u["name"] for u in self.data["units"]}
        position = self.text.find(no_space("บัญชีจัดสรรงบประมาณ ปีงบประมาณ"))
        self.assertGreater(position, 0)
        for e in items:  # in the attached list, in order
            found = self.text.find(no_space(units[e["recipient"]] + e["description"] + th.money(e["amount"])),
                                   position)
            self.assertGreater(found, 0, units[e["recipient"]])
            position = found
        total = sum((e["amount"] for e in items), Decimal(0))
        self.assertEqual(total, Decimal("2954000.00"))
        words = th.baht_text(total)
        self.assertEqual(words, "สองล้านเก้าแสนห้าหมื่นสี่พันบาทถ้วน")
        # In the letter and under the list: "เป็นเงินทั้งสิ้น ๒,๙๕๔,๐๐๐.๐๐ บาท (สองล้าน…ถ้วน)".
        self.assertEqual(self.text.count(no_space(th.money(total) + " บาท (" + words + ")")), 2)
        for project in ("06", "07"):
            subtotal = sum((e["amount"] for e in items if e["project"] == project), Decimal(0))
            self.assertIn(th.money(subtotal), self.text)

    def test_letter_parts_the_dataset_implies(self):
        notice = self.data["notice"]
        office = self.data["office"]
        date = next(e["document"]["date"] for e in self.data["entries"] if e["document"]["number"] == notice["number"])
        for piece in ("ที่ " + notice["number"], th.date_long(date), "เรื่อง " + notice["subject"],
                      "เรียน " + notice["to"], "(" + office["director"]["name"] + ")", "สำเนาส่ง",
                      "โรงเรียนในสังกัด จำนวน ๑๔ โรงเรียน รวม ๑๔ รายการ"):
            self.assertIn(no_space(piece), self.text, piece)
        # อ้างถึง: OBEC's letters that allocated the two projects, on one date.
        self.assertIn(no_space("อ้างถึง หนังสือสำนักงานคณะกรรมการการศึกษาขั้นพื้นฐาน ที่ ศธ ๐๔๐๐๒/ว ๕๔๑๒ "
                               "และที่ ศธ ๐๔๐๐๒/ว ๕๔๑๓ ลงวันที่ " + th.date_long("2025-11-28")), self.text)


if __name__ == "__main__":
    unittest.main(verbosity=2)
