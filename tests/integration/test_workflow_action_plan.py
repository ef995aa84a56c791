"""The action-plan progress workflow through the real CLI: validate the round's dataset, render the progress
report (templates/action-plan-progress.xml) and check that it prints the disbursement percentages and the
projects behind plan the dataset implies, computed here independently with exact decimals."""
import copy
import json
import os
import re
import sys
import unittest
from decimal import Decimal, ROUND_HALF_UP

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from cli_support import RAINGAN, SOURCE, no_space, pdftotext, run, scratch  # noqa: E402

DATASET = os.path.join(SOURCE, "datasets", "action-plan-progress-2569-6.json")
TEMPLATE = os.path.join(SOURCE, "templates", "action-plan-progress.xml")
THAI_DIGITS = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")


def thai(text):
    return str(text).translate(THAI_DIGITS)


def money(amount):
    """๑,๒๓๔.๕๐ as the report prints baht."""
    return thai("{:,.2f}".format(Decimal(amount)))


def percent(part, whole):
    """part / whole × 100 to two decimals, half away from zero, Thai digits."""
    return thai((Decimal(part) * 100 / Decimal(whole)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


def load_dataset():
    # Amounts are read as exact decimals, never binary floats.
    with open(DATASET, encoding="utf-8") as handle:
        return json.load(handle, parse_float=Decimal)


def expected_percent(data):
    return next(Decimal(r["expected_percent"]) for r in data["rounds"] if r["months"] == data["round"])


def behind_plan(data):
    """Projects whose disbursement is below the round's expected percentage of their budget."""
    expected = expected_percent(data)
    return [p for p in data["projects"] if Decimal(p["disbursed"]) * 100 < expected * Decimal(p["budget"])]


def flatten(pdf):
    """The PDF's text without whitespace, page numbers (- ๓ -) and the repeated header rows of its tables."""
    flat = no_space(pdftotext(pdf))
    flat = re.sub(r"-[๐-๙]+-", "", flat)
    for header in ("ที่โครงการผู้รับผิดชอบงบประมาณ(บาท)เบิกจ่ายสะสม(บาท)ร้อยละสถานะ",):
        first = flat.find(header)
        if first >= 0:
            flat = flat[:first + len(header)] + flat[first + len(header):].replace(header, "")
    return flat


class ActionPlanWorkflow(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        if not RAINGAN or not os.path.exists(RAINGAN):
            raise RuntimeError("RAINGAN must name the raingan CLI")
        cls.folder = scratch("workflow-action-plan")
        cls.data = load_dataset()
        cls.pdf = os.path.join(cls.folder, "progress.pdf")
        status, _, err = run("render", TEMPLATE, DATASET, "-o", cls.pdf)
        if status != 0:
            raise AssertionError("render failed: " + err)
        cls.flat = flatten(cls.pdf)

    def write(self, name, data):
        """Writes a dataset; Decimal amounts (and texts written "@1000.005@") go out as exact JSON numbers."""
        def marked(value):
            if isinstance(value, Decimal):
                return "@%s@" % value
            if isinstance(value, dict):
                return {k: marked(v) for k, v in value.items()}
            if isinstance(value, list):
                return [marked(v) for v in value]
            return value
        path = os.path.join(self.folder, name)
        with open(path, "w", encoding="utf-8") as out:
            out.write(re.sub(r'"@([-0-9.]+)@"', r"\1", json.dumps(marked(data), ensure_ascii=False)))
        return path

    # ---- validation --------------------------------------------------------------------------------------

    def test_sample_dataset_validates(self):
        status, out, err = run("validate", DATASET)
        self.assertEqual(status, 0, err)
        self.assertIn("OK (action-plan-progress", out)
        self.assertEqual(self.data["fiscal_year"], 2569)
        self.assertEqual(self.data["round"], 6)
        self.assertGreaterEqual(len(self.data["projects"]), 20)
        self.assertEqual({p["strategy"] for p in self.data["projects"]}, {1, 2, 3, 4})

    def test_bad_records_are_reported_with_their_json_paths(self):
        bad = copy.deepcopy(self.data)
        bad["round"] = 8
        bad["projects"][3]["strategy"] = 7
        bad["projects"][4]["budget"] = "@1000.005@"
        bad["projects"][6]["status"] = "เสร็จแล้ว"
        del bad["projects"][8]["disbursed"]
        bad["projects"][9]["disbursed"] = -5
        path = self.write("bad-progress.json", bad)
        status, out, err = run("validate", path)
        self.assertNotEqual(status, 0)
        self.assertEqual(out, "")
        expected = [
            "round: expected a value found at rounds[*].months, found 8",
            "projects[3].strategy: expected a value found at strategies[*].no, found 7",
            "projects[4].budget: expected an amount in baht with at most two decimals (satang), found \"1000.005\"",
            "projects[6].status: expected one of \"ยังไม่ดำเนินการ\", \"อยู่ระหว่างดำเนินการ\", \"ดำเนินการแล้วเสร็จ\", "
            "found \"เสร็จแล้ว\"",
            "projects[8].disbursed: expected required field \"disbursed\", found it missing",
            "projects[9].disbursed: expected a number >= 0, found -5",
        ]
        self.assertEqual(err.splitlines(), [path + ": " + line for line in expected])
        pdf = os.path.join(self.folder, "bad.pdf")
        status, _, _ = run("render", TEMPLATE, path, "-o", pdf)
        self.assertNotEqual(status, 0)
        self.assertFalse(os.path.exists(pdf))

    # ---- the report --------------------------------------------------------------------------------------

    def test_every_project_row_prints_its_disbursement_percentage(self):
        behind = {p["code"] for p in behind_plan(self.data)}
        for p in self.data["projects"]:
            row = money(p["budget"]) + money(p["disbursed"]) + percent(p["disbursed"], p["budget"]) + \
                ("*" if p["code"] in behind else "") + no_space(p["status"])
            self.assertEqual(self.flat.count(row), 1, "row of %s: %s" % (p["code"], row))

    def test_strategy_and_overall_percentages(self):
        for s in self.data["strategies"]:
            mine = [p for p in self.data["projects"] if p["strategy"] == s["no"]]
            budget = sum(Decimal(p["budget"]) for p in mine)
            disbursed = sum(Decimal(p["disbursed"]) for p in mine)
            figures = money(budget) + money(disbursed) + percent(disbursed, budget)
            # Table 1 (with the number of projects) and the strategy row of table 2.
            self.assertIn(thai(len(mine)) + figures, self.flat)
            self.assertIn(no_space(s["name"]) + figures, self.flat)
            self.assertIn(no_space("กลยุทธ์ที่ %s" % thai(s["no"])) + percent(disbursed, budget) + "%", self.flat)
        budget = sum(Decimal(p["budget"]) for p in self.data["projects"])
        disbursed = sum(Decimal(p["disbursed"]) for p in self.data["projects"])
        self.assertIn(no_space("งบประมาณทั้งสิ้น %s บาท" % money(budget)), self.flat)
        self.assertIn(no_space("เบิกจ่ายแล้ว %s บาท คิดเป็นร้อยละ %s" % (money(disbursed), percent(disbursed, budget))),
                      self.flat)
        self.assertIn(no_space("ร้อยละ %s ซึ่งเป็นไปตามเป้าหมาย" % thai("50.00")), self.flat)

    def test_projects_behind_plan_are_listed_lowest_first(self):
        behind = behind_plan(self.data)
        self.assertEqual(len(behind), 9)  # 50.00 % exactly (P05, P19) is on plan; 49.50 % (P11) is not
        expected = expected_percent(self.data)
        self.assertIn(no_space("มีจำนวน %s โครงการ" % thai(len(behind))), self.flat)
        table = self.flat[self.flat.index("ตารางที่๓"):self.flat.index("ร้อยละการเบิกจ่ายรายโครงการ")]
        positions = []
        for p in behind:
            share = Decimal(p["disbursed"]) * 100 / Decimal(p["budget"])
            needed = (expected * Decimal(p["budget"]) / 100 - Decimal(p["disbursed"])).quantize(Decimal("0.01"))
            signature = percent(p["disbursed"], p["budget"]) + \
                thai((expected - share).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)) + money(needed)
            self.assertEqual(table.count(signature), 1, p["code"])
            self.assertIn(no_space(p["name"])[:12], table)
            positions.append((share, table.index(signature)))
        self.assertEqual([at for _, at in sorted(positions)], sorted(at for _, at in positions))
        for p in self.data["projects"]:
            if p not in behind:
                self.assertNotIn(no_space(p["name"]), table, p["code"])

    def test_chart_of_every_project_against_the_target(self):
        chart = self.flat[self.flat.index("ร้อยละการเบิกจ่ายรายโครงการ"):]
        self.assertIn(no_space("เป้าหมาย %s%%" % thai(50)), chart)
        for p in self.data["projects"]:
            self.assertIn(no_space(p.get("short", p["code"])) + percent(p["disbursed"], p["budget"]) + "%", chart)

    def test_the_round_and_its_expected_share_come_from_the_dataset(self):
        nine = copy.deepcopy(self.data)
        nine["round"] = 9
        path = self.write("progress-9.json", nine)
        pdf = os.path.join(self.folder, "progress-9.pdf")
        status, _, err = run("render", TEMPLATE, path, "-o", pdf)
        self.assertEqual(status, 0, err)
        flat = flatten(pdf)
        behind = behind_plan(nine)
        self.assertGreater(len(behind), len(behind_plan(self.data)))
        self.assertIn(no_space("รอบ ๙ เดือน (๑ ตุลาคม ๒๕๖๘ – ๓๐ มิถุนายน ๒๕๖๙)"), flat)
        self.assertIn(no_space("มีจำนวน %s โครงการ" % thai(len(behind))), flat)
        self.assertIn(no_space("ร้อยละ %s ซึ่งต่ำกว่าเป้าหมาย" % thai("75.00")), flat)


if __name__ == "__main__":
    unittest.main()
