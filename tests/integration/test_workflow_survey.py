"""The service satisfaction survey workflow as the office runs it, through the real CLI: validate the returned
forms, render the report (templates/survey-report.xml) and the register (templates/survey-register.xml),
and check what they print against statistics computed here, independently, from the dataset."""
import copy
import json
import os
import re
import statistics
import sys
import unittest
from decimal import Decimal, ROUND_HALF_UP
from fractions import Fraction

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from cli_support import RAINGAN, SOURCE, no_space, pdftotext, run, scratch  # noqa: E402
import xlsx_check  # noqa: E402

DATASET = os.path.join(SOURCE, "datasets", "satisfaction-survey-2569.json")
REPORT = os.path.join(SOURCE, "templates", "survey-report.xml")
REGISTER = os.path.join(SOURCE, "templates", "survey-register.xml")
THAI_DIGITS = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")


def thai(text):
    return str(text).translate(THAI_DIGITS)


def two_places(value):
    """A statistic as the report prints it: two decimals, half away from zero, Thai digits."""
    exact = Decimal(value.numerator) / Decimal(value.denominator) if isinstance(value, Fraction) else Decimal(repr(value))
    return thai(exact.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


def column_letter(n):
    letters = ""
    while n:
        n, rest = divmod(n - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def level_of(mean, levels):
    """The level a mean is read as, after rounding to two decimals (4.51–5.00 มากที่สุด …)."""
    rounded = Decimal(two_places(mean).translate(str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")))
    for level in levels:
        if Decimal(str(level["min"])) <= rounded <= Decimal(str(level["max"])):
            return level["label"]
    raise AssertionError("no level covers %s" % rounded)


class SurveyStatistics:
    """Everything the report states, computed with the statistics module and exact fractions."""

    def __init__(self, data):
        self.data = data
        respondents = data["respondents"]
        self.items = []
        k = 0
        for aspect in data["aspects"]:
            first = k
            for item in aspect["items"]:
                answers = [r["responses"][k] for r in respondents]
                self.items.append({"no": item["no"], "text": item["text"], "aspect": aspect["no"],
                                   "answers": answers, "mean": Fraction(sum(answers), len(answers)),
                                   "sd": statistics.stdev(answers)})
                k += 1
            # An aspect's statistics are over each respondent's own average of its items.
            own = [Fraction(sum(r["responses"][first:k]), k - first) for r in respondents]
            aspect_stats = {"mean": statistics.mean(own), "sd": statistics.stdev(own)}
            aspect.setdefault("_stats", aspect_stats)
        self.aspects = [dict(a["_stats"], no=a["no"], name=a["name"]) for a in data["aspects"]]
        overall = [Fraction(sum(r["responses"]), len(r["responses"])) for r in respondents]
        self.overall = {"mean": statistics.mean(overall), "sd": statistics.stdev(overall)}


class SurveyWorkflow(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        if not RAINGAN or not os.path.exists(RAINGAN):
            raise RuntimeError("RAINGAN must name the raingan CLI")
        cls.folder = scratch("workflow-survey")
        with open(DATASET, encoding="utf-8") as handle:
            cls.data = json.load(handle)
        cls.stats = SurveyStatistics(copy.deepcopy(cls.data))
        cls.pdf = os.path.join(cls.folder, "survey.pdf")
        cls.xlsx = os.path.join(cls.folder, "survey.xlsx")
        for template, out in ((REPORT, cls.pdf), (REGISTER, cls.xlsx)):
            status, _, err = run("render", template, DATASET, "-o", out)
            if status != 0:
                raise AssertionError("render %s failed: %s" % (template, err))
        cls.text = pdftotext(cls.pdf)
        cls.flat = no_space(cls.text)
        cls.cells = xlsx_check.read_cells(cls.xlsx)

    # ---- validation --------------------------------------------------------------------------------------

    def test_sample_dataset_validates(self):
        status, out, err = run("validate", DATASET)
        self.assertEqual(status, 0, err)
        self.assertIn("OK (satisfaction-survey", out)
        self.assertEqual(len(self.data["respondents"]), 300)
        self.assertEqual(sum(len(a["items"]) for a in self.data["aspects"]), 15)
        self.assertEqual(len(self.data["aspects"]), 4)

    def test_bad_forms_are_reported_with_their_json_paths(self):
        bad = copy.deepcopy(self.data)
        bad["respondents"][17]["responses"][3] = 6
        bad["respondents"][40]["responses"].pop()
        bad["respondents"][5]["group"] = "student"
        bad["respondents"][8]["gender"] = "ไม่ระบุ"
        bad["respondents"][9]["responses"][0] = 4.5
        path = os.path.join(self.folder, "bad-survey.json")
        with open(path, "w", encoding="utf-8") as out:
            json.dump(bad, out, ensure_ascii=False)
        status, out, err = run("validate", path)
        self.assertNotEqual(status, 0)
        self.assertEqual(out, "")
        lines = err.splitlines()
        expected = [
            "respondents[5].group: expected a value found at groups[*].code, found \"student\"",
            "respondents[8].gender: expected a value found at genders[*], found \"ไม่ระบุ\"",
            "respondents[9].responses[0]: expected an integer, found 4.5",
            "respondents[17].responses[3]: expected a number <= 5, found 6",
            "respondents[40].responses: expected 15 items, one for each value at aspects[*].items[*], found 14 items",
        ]
        for problem in expected:
            self.assertTrue(any(line.startswith(path + ": " + problem) for line in lines),
                            "missing %r in:\n%s" % (problem, err))
        self.assertEqual(len(lines), len(expected), err)
        # Rendering validates first: nothing is written for a bad dataset.
        pdf = os.path.join(self.folder, "bad.pdf")
        status, _, err = run("render", REPORT, path, "-o", pdf)
        self.assertNotEqual(status, 0)
        self.assertIn("respondents[17].responses[3]", err)
        self.assertFalse(os.path.exists(pdf))

    # ---- the report --------------------------------------------------------------------------------------

    def test_item_means_and_sds_in_the_pdf_equal_an_independent_computation(self):
        levels = self.data["levels"]
        for item in self.stats.items:
            row = re.escape(no_space(thai(item["no"]) + item["text"])) + r"([๐-๙]\.[๐-๙]{2})([๐-๙]\.[๐-๙]{2})(\D+?)(?=[๐-๙]|รวม)"
            found = re.search(row, self.flat)
            self.assertIsNotNone(found, "no table row for item %s" % item["no"])
            self.assertEqual(found.group(1), two_places(item["mean"]), "mean of item %s" % item["no"])
            self.assertEqual(found.group(2), two_places(item["sd"]), "S.D. of item %s" % item["no"])
            self.assertEqual(found.group(3), level_of(item["mean"], levels), "level of item %s" % item["no"])

    def test_aspect_and_overall_rows_in_the_pdf(self):
        levels = self.data["levels"]
        for aspect in self.stats.aspects:
            total_row = no_space("รวม" + aspect["name"]) + two_places(aspect["mean"]) + two_places(aspect["sd"]) + \
                level_of(aspect["mean"], levels)
            self.assertIn(total_row, self.flat)
        overall = self.stats.overall
        self.assertIn("ภาพรวม" + two_places(overall["mean"]) + two_places(overall["sd"]) +
                      level_of(overall["mean"], levels), self.flat)
        self.assertIn(no_space("ในภาพรวมอยู่ในระดับ%s (x̄ = %s, S.D. = %s)" % (
            level_of(overall["mean"], levels), two_places(overall["mean"]), two_places(overall["sd"]))), self.flat)

    def test_respondent_profile_counts_and_percentages(self):
        respondents = self.data["respondents"]
        n = len(respondents)
        for group in self.data["groups"]:
            members = [r for r in respondents if r["group"] == group["code"]]
            by_gender = "".join(thai(sum(1 for r in members if r["gender"] == g)) for g in self.data["genders"])
            percent = two_places(Fraction(100 * len(members), n))
            self.assertIn(no_space(group["name"]) + by_gender + thai(len(members)) + percent, self.flat,
                          group["name"])
        for gender in self.data["genders"]:
            count = sum(1 for r in respondents if r["gender"] == gender)
            self.assertIn(no_space("เพศ%s %s คน (ร้อยละ %s)" % (gender, thai(count), two_places(Fraction(100 * count, n)))),
                          self.flat)
        self.assertIn("รวม" + "".join(thai(sum(1 for r in respondents if r["gender"] == g))
                                     for g in self.data["genders"]) + thai(n) + "๑๐๐.๐๐", self.flat)

    def test_strengths_and_items_to_improve(self):
        by_mean = sorted(self.stats.items, key=lambda i: -Decimal(two_places(i["mean"]).translate(
            str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789"))))
        part = self.flat[self.flat.index("จุดเด่นและประเด็นที่ควรพัฒนา"):]
        improve_at = part.index("ควรนำไปปรับปรุง")
        strengths, to_improve = part[:improve_at], part[improve_at:]
        positions = [strengths.find(no_space(i["text"] + " (")) for i in by_mean[:3]]
        self.assertTrue(all(p >= 0 for p in positions), positions)
        self.assertEqual(positions, sorted(positions))
        lowest = list(reversed(by_mean))[:3]
        positions = [to_improve.find(no_space(i["text"]) + "(x̄=" + two_places(i["mean"])) for i in lowest]
        self.assertTrue(all(p >= 0 for p in positions), positions)
        self.assertEqual(positions, sorted(positions))

    def test_a_chart_per_aspect_with_the_item_means(self):
        for aspect in self.data["aspects"]:
            title = no_space("ค่าเฉลี่ยความพึงพอใจรายข้อ " + aspect["name"])
            self.assertEqual(self.flat.count(title), 1)
            chart = self.flat[self.flat.index(title):]
            for item in (i for i in self.stats.items if i["aspect"] == aspect["no"]):
                short = next(x for x in aspect["items"] if x["no"] == item["no"]).get("short", item["text"])
                self.assertIn(no_space(thai(item["no"]) + short) + two_places(item["mean"]), chart)

    # ---- the register ------------------------------------------------------------------------------------

    def test_register_cached_statistics_equal_an_independent_computation(self):
        summary = self.cells["สรุปผล"]
        rows = {}
        for ref, cell in summary.items():
            if ref.startswith("A") and isinstance(cell.value, str):
                rows[cell.value] = ref[1:]
        last = 4 + len(self.data["respondents"])
        for k, item in enumerate(self.stats.items):
            row = rows[thai(item["no"])]
            # The item's answers are column E, F, … of ข้อมูลดิบ, one form per row from row 5.
            answers = "'ข้อมูลดิบ'!{0}$5:{0}${1}".format(column_letter(5 + k), last)
            self.assertEqual(summary["C" + row].formula, "COUNT(%s)" % answers)
            self.assertEqual(summary["D" + row].formula, "AVERAGE(%s)" % answers)
            self.assertEqual(summary["E" + row].formula, "STDEV(%s)" % answers)
            self.assertAlmostEqual(summary["D" + row].value, float(item["mean"]), places=12)
            self.assertAlmostEqual(summary["E" + row].value, item["sd"], places=12)
            self.assertEqual(summary["F" + row].value, level_of(item["mean"], self.data["levels"]))
            for column, score in zip("GHIJK", (5, 4, 3, 2, 1)):
                self.assertTrue(summary[column + row].formula.startswith("COUNTIF("))
                self.assertEqual(summary[column + row].value, item["answers"].count(score))
        for aspect in self.stats.aspects:
            row = rows[thai(aspect["no"])]
            self.assertAlmostEqual(summary["D" + row].value, float(aspect["mean"]), places=12)
            self.assertAlmostEqual(summary["E" + row].value, float(aspect["sd"]), places=12)
        profile = self.cells["ผู้ตอบ"]
        teachers = sum(1 for r in self.data["respondents"] if r["group"] == "teacher")
        self.assertEqual(profile["E5"].value, teachers)
        self.assertAlmostEqual(profile["F5"].value, 100 * teachers / len(self.data["respondents"]), places=9)

    def test_register_passes_the_libreoffice_recalculation(self):
        formulas = sum(1 for cells in self.cells.values() for c in cells.values() if c.formula)
        self.assertGreater(formulas, 300 * 5)  # the forms' own averages, and every statistic
        self.assertEqual(xlsx_check.formula_mismatches(self.xlsx), [])


if __name__ == "__main__":
    unittest.main()
