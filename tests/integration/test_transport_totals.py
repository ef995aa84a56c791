"""The transport allowance comes to the same satang everywhere: the register's cached values (read straight
from the XLSX package), the PDFs' printed figures and words (pdftotext), and the total computed here from the
dataset with Decimal. Run on the checked-in sample (2,500 students, a shortfall) and on a fixture with every
band boundary (0, 3, 3.01, 10, 10.01, 57.3 km) whose ceiling leaves a surplus; a third dataset whose ceiling
equals the total takes the letter's last branch."""
import json
import os
import re
import sys
import tempfile
import unittest
from decimal import Decimal

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import transport_expected as tx  # noqa: E402
import xlsx_check  # noqa: E402

SCRATCH = os.environ.get("RAINGAN_TEST_TMP", tempfile.gettempdir())
BOUNDARIES = os.path.join(tx.FIXTURES, "boundaries.json")
MONEY = re.compile(r"[๐-๙][๐-๙,]*\.[๐-๙]{2}")


def exact(value):
    """A cached spreadsheet number as the Decimal it stands for (amounts are whole satang)."""
    return Decimal(repr(value)).quantize(Decimal("0.01"))


def spaced(text):
    """A regex for text as pdftotext gives it back: any space may have become a line end (removed)."""
    return r"\s*".join(re.escape(part) for part in text.split(" "))


class Register:
    """The cells of a rendered register, by meaning."""

    def __init__(self, path):
        self.cells = xlsx_check.read_cells(path)
        summary = self.cells["สรุป"]
        header = {cell.value: ref for ref, cell in summary.items() if ref.endswith("4") and len(ref) <= 3}
        self.money_column = re.match(r"[A-Z]+", header["จำนวนเงิน (บาท)"]).group(0)
        rows = {}
        for ref, cell in summary.items():
            column, row = re.match(r"([A-Z]+)(\d+)", ref).groups()
            rows.setdefault(int(row), {})[column] = cell
        self.subtotals, self.merged, self.grand_total, self.ceiling, self.difference = {}, {}, None, None, None
        for row in sorted(rows):
            cells = rows[row]
            kind = cells.get("G").value if "G" in cells else None
            amount = cells.get(self.money_column)
            if kind == "รวมโรงเรียนหลัก":
                self.subtotals[cells["B"].value] = exact(amount.value)
            elif kind == "โรงเรียนมารวม":
                self.merged[cells["D"].value] = exact(amount.value)
            elif "A" in cells and isinstance(cells["A"].value, str):
                label = cells["A"].value
                if label.startswith("รวมทั้งสิ้น"):
                    self.grand_total = exact(amount.value)
                elif label.startswith("วงเงิน"):
                    self.ceiling = exact(amount.value)
                elif label.startswith("ผลต่าง"):
                    self.difference = (label, exact(amount.value))
        self.rates, self.amounts = {}, {}
        for ref, cell in self.cells["รายนักเรียน"].items():
            if ref.startswith("B") and int(ref[1:]) >= 5:
                row = ref[1:]
                self.rates[cell.value] = exact(self.cells["รายนักเรียน"]["I" + row].value)
                self.amounts[cell.value] = exact(self.cells["รายนักเรียน"]["J" + row].value)


class Totals(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        if not tx.RAINGAN or not os.path.exists(tx.RAINGAN):
            raise RuntimeError("RAINGAN must name the raingan CLI")
        os.makedirs(SCRATCH, exist_ok=True)
        cls.folder = tempfile.mkdtemp(prefix="transport-totals-", dir=SCRATCH)
        equal = tx.load(BOUNDARIES)
        equal["ceiling_baht"] = tx.Expected(equal).total
        cls.equal = os.path.join(cls.folder, "equal.json")
        with open(cls.equal, "w", encoding="utf-8") as out:
            json.dump(equal, out, ensure_ascii=False, default=lambda d: int(d) if d == d.to_integral() else float(d))
        cls.outputs = {}
        for name, dataset in (("sample", tx.SAMPLE), ("boundaries", BOUNDARIES), ("equal", cls.equal)):
            for template, extension in (("transport-allowance-register", "xlsx"),
                                        ("transport-allocation-notice", "pdf"),
                                        ("transport-allocation-memo", "pdf"),
                                        ("transport-budget-adjustment", "pdf")):
                if name == "equal" and template != "transport-budget-adjustment":
                    continue
                output = os.path.join(cls.folder, "%s-%s.%s" % (name, template, extension))
                status, _, err = tx.run("render", os.path.join(tx.TEMPLATES, template + ".xml"), dataset, "-o", output)
                if status != 0:
                    raise AssertionError("render %s %s failed: %s" % (template, name, err))
                cls.outputs[name, template] = output

    def check_dataset(self, name, dataset_path):
        expected = tx.Expected(tx.load(dataset_path))
        register = Register(self.outputs[name, "transport-allowance-register"])
        # XLSX: grand total, subtotals per host, rows per merged-in school, every student's rate and amount.
        self.assertEqual(register.grand_total, expected.total)
        self.assertEqual(register.subtotals, expected.per_host)
        self.assertEqual(register.merged, expected.per_merged)
        self.assertEqual(register.rates, expected.student_rate)
        self.assertEqual(register.amounts, expected.student_amount)
        self.assertEqual(register.ceiling, expected.ceiling)
        self.assertEqual(register.difference[1], expected.difference)
        self.assertIn("ขอรับการจัดสรรเพิ่มเติม" if expected.difference < 0 else "ส่งคืน", register.difference[0])

        # Notice: the total in figures and in words, and the attached list host by host.
        notice = tx.pdf_text(self.outputs[name, "transport-allocation-notice"])
        body = tx.body_text(self.outputs[name, "transport-allocation-notice"])
        words = "รวมเป็นเงินทั้งสิ้น %s บาท (%s)" % (tx.money(expected.total), tx.baht_text(expected.total))
        self.assertRegex(body, spaced(words))
        attached = notice[notice.index("บัญชีจัดสรรงบประมาณรายการค่าพาหนะรับ-ส่งนักเรียน ปีการศึกษา"):]
        listed = [tx.money(amount) for amount in expected.per_host.values()] + [tx.money(expected.total)] * 2
        self.assertEqual(MONEY.findall(attached), listed)
        self.assertRegex(body, spaced("วงเงิน %s บาท (%s)" % (tx.money(expected.ceiling),
                                                                          tx.baht_text(expected.ceiling))))

        # Memo: the total and the difference.
        memo = tx.body_text(self.outputs[name, "transport-allocation-memo"])
        self.assertRegex(memo, spaced("ทั้งสิ้น %s บาท (%s)" % (tx.money(expected.total), tx.baht_text(expected.total))))
        gap = abs(expected.difference)
        self.assertRegex(memo, spaced("%s บาท (%s)" % (tx.money(gap), tx.baht_text(gap))))
        return expected

    def test_sample_register_notice_and_memo_agree_to_the_satang(self):
        expected = self.check_dataset("sample", tx.SAMPLE)
        self.assertEqual(len(expected.student_rate), 2500)
        self.assertLess(expected.difference, 0)  # the sample is a shortfall

    def test_boundary_distances_take_the_band_whose_bound_includes_them(self):
        expected = self.check_dataset("boundaries", BOUNDARIES)
        register = Register(self.outputs["boundaries", "transport-allowance-register"])
        by_id = {s["id"]: s["distance_km"] for s in tx.load(BOUNDARIES)["students"]}
        wanted = {Decimal("0"): 10, Decimal("3"): 10, Decimal("3.01"): 15, Decimal("10"): 15,
                  Decimal("10.01"): 20, Decimal("57.3"): 20}
        seen = {}
        for student, distance in by_id.items():
            if distance in wanted:
                seen[distance] = register.rates[student]
        self.assertEqual(seen, {d: Decimal(r).quantize(Decimal("0.01")) for d, r in wanted.items()})
        self.assertEqual(expected.total, Decimal("29000"))
        self.assertEqual(expected.difference, Decimal("1000.75"))

    def test_budget_letter_requests_more_when_the_ceiling_is_short(self):
        expected = tx.Expected(tx.load(tx.SAMPLE))
        text = tx.body_text(self.outputs["sample", "transport-budget-adjustment"])
        self.assertRegex(text, spaced("เรื่อง ขอรับการสนับสนุนงบประมาณเพิ่มเติม รายการค่าพาหนะรับ-ส่งนักเรียน"))
        self.assertNotIn("ส่งคืน", text)
        gap = -expected.difference
        self.assertRegex(text, spaced("เพิ่มเติม เป็นเงิน %s บาท (%s)" % (tx.money(gap), tx.baht_text(gap))))

    def test_budget_letter_returns_the_surplus(self):
        text = tx.body_text(self.outputs["boundaries", "transport-budget-adjustment"])
        self.assertRegex(text, spaced("เรื่อง ส่งคืนงบประมาณ รายการค่าพาหนะรับ-ส่งนักเรียน"))
        self.assertNotIn("ขอรับการสนับสนุน", text)
        self.assertRegex(text, spaced("คงเหลือ เป็นเงิน ๑,๐๐๐.๗๕ บาท (หนึ่งพันบาทเจ็ดสิบห้าสตางค์)"))

    def test_budget_letter_reports_when_the_ceiling_is_exactly_used(self):
        text = tx.body_text(self.outputs["equal", "transport-budget-adjustment"])
        self.assertRegex(text, spaced("เรื่อง รายงานผลการจัดสรรงบประมาณ รายการค่าพาหนะรับ-ส่งนักเรียน"))
        self.assertIn("เท่ากับวงเงินที่ได้รับจัดสรรพอดี", text)
        self.assertNotIn("ส่งคืน", text)
        self.assertNotIn("ขอรับการสนับสนุน", text)


if __name__ == "__main__":
    unittest.main()
