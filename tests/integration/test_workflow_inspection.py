"""The inspection follow-up workflow (ติดตามผลการตรวจราชการ; seeds 000, 001 §2, 002 §4.1) through the real CLI:
the sample validates and bad datasets are refused with every problem at its JSON path; the document control
register's cached values are what LibreOffice recalculates, its due-date statuses and days late are what this
test computes from the dataset's dates, they follow the report date cell live (changed in the file, LibreOffice
recomputes them) and overdue rows are highlighted by a live conditional format; the register prints through
LibreOffice on A4 landscape; the report and its memo print the counts per group and status, the overdue issues
and every issue the dataset implies. Standard library only."""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unittest
import zipfile
import xml.etree.ElementTree as ElementTree

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import thai_expected as th  # noqa: E402
import xlsx_check  # noqa: E402
from cli_support import RAINGAN, SOURCE, no_space, pdftotext, qpdf_check, run, scratch  # noqa: E402

SAMPLE = os.path.join(SOURCE, "datasets", "inspection-followup-2569-1.json")
SCHEMA = os.path.join(SOURCE, "datasets", "schemas", "inspection-followup.schema.json")
REGISTER = os.path.join(SOURCE, "templates", "inspection-followup-register.xml")
REPORT = os.path.join(SOURCE, "templates", "inspection-followup-report.xml")
MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
DONE = "ดำเนินการแล้วเสร็จ"
STATUSES = [DONE, "อยู่ระหว่างดำเนินการ", "ยังไม่ได้ดำเนินการ"]
FIRST_ROW = 6  # the register's first issue row; the report date is in D3


def timing(issue, report_date):
    """(due-date status, days late) of an issue on a report date, as the office defines them: a completed
    issue is on time or late by its completion date; an open one is overdue once its due date has passed,
    near when it is due within seven days."""
    due = th.iso(issue["due"])
    report = th.iso(report_date)
    if issue["status"] == DONE:
        if "completed" not in issue:
            return "เสร็จแล้ว", 0
        completed = th.iso(issue["completed"])
        return ("เสร็จตามกำหนด" if completed <= due else "เสร็จหลังกำหนด"), max(0, (completed - due).days)
    if due < report:
        return "เกินกำหนด", (report - due).days
    return ("ใกล้ครบกำหนด" if (due - report).days <= 7 else "ยังไม่ถึงกำหนด"), 0


def load_sample():
    with open(SAMPLE, encoding="utf-8") as source:
        return json.load(source)


class Validation(unittest.TestCase):
    def test_sample_is_valid(self):
        status, out, err = run("validate", SAMPLE)
        self.assertEqual(status, 0, err)
        self.assertIn("inspection-followup-2569-1.json: OK (inspection-followup; 9 groups, 8 topics, 25 issues, "
                      "18 documents)", out)

    def test_bad_records_are_reported_with_their_json_paths(self):
        folder = scratch("inspection-bad")
        os.makedirs(os.path.join(folder, "schemas"))
        shutil.copy(SCHEMA, os.path.join(folder, "schemas"))
        data = load_sample()
        data["issues"][4]["group"] = "G99"                    # no such group
        data["issues"][2]["status"] = "เสร็จ"                  # not one of the statuses
        data["issues"][0]["due"] = "2026-02-31"               # not a calendar date
        data["issues"][6]["no"] = data["issues"][5]["no"]     # the same issue number twice
        del data["issues"][8]["responsible"]                  # who answers for it is required
        data["issues"][1]["owner"] = "นายก"                   # a field the schema does not know
        data["issues"][3]["documents"][0]["date"] = "17/02/2569"
        data["memo"]["date"] = "2569-03-17x"
        del data["report_date"]
        path = os.path.join(folder, "bad.json")
        with open(path, "w", encoding="utf-8") as out:
            json.dump(data, out, ensure_ascii=False)
        status, out, err = run("validate", path, cwd=folder)
        self.assertEqual(status, 1, out)
        problems = err.strip().splitlines()
        for location in ("issues[4].group", "issues[2].status", "issues[0].due", "issues[6].no",
                         "issues[8].responsible", "issues[1].owner", "issues[3].documents[0].date", "memo.date",
                         "report_date"):
            self.assertTrue(any(line.startswith(path + ": " + location + ": expected") for line in problems),
                            location + " not reported in:\n" + err)
        self.assertEqual(len(problems), 9, err)
        target = os.path.join(folder, "register.xlsx")
        status, _, err = run("render", REGISTER, path, "-o", target, cwd=folder)
        self.assertEqual(status, 1)
        self.assertFalse(os.path.exists(target))


class Register(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        if not RAINGAN or not os.path.exists(RAINGAN):
            raise RuntimeError("RAINGAN must name the raingan CLI")
        cls.folder = scratch("inspection-register")
        cls.book = os.path.join(cls.folder, "inspection-register.xlsx")
        status, _, err = run("render", REGISTER, SAMPLE, "-o", cls.book)
        if status != 0:
            raise AssertionError("render failed: " + err)
        cls.data = load_sample()
        cls.cells = xlsx_check.read_cells(cls.book)
        with zipfile.ZipFile(cls.book) as package:
            cls.sheet1 = ElementTree.fromstring(package.read("xl/worksheets/sheet1.xml"))
            styles = ElementTree.fromstring(package.read("xl/styles.xml"))
        cls.xfs = [xf.find(MAIN + "protection") for xf in styles.find(MAIN + "cellXfs")]

    def column(self, cells, letter):
        n = len(self.data["issues"])
        return [cells["ทะเบียนคุมเอกสาร"].get("%s%d" % (letter, row)) for row in range(FIRST_ROW, FIRST_ROW + n)]

    def locked(self, ref):
        for cell in self.sheet1.iter(MAIN + "c"):
            if cell.get("r") == ref:
                protection = self.xfs[int(cell.get("s", "0"))]
                return not (protection is not None and protection.get("locked") == "0")
        raise KeyError(ref)

    def test_libreoffice_recalculation_reproduces_every_cached_value(self):
        self.assertEqual([str(m) for m in xlsx_check.formula_mismatches(self.book)[:10]], [])

    def test_due_date_status_and_days_late_equal_the_date_computation(self):
        sheet = self.cells["ทะเบียนคุมเอกสาร"]
        self.assertEqual(sheet["D3"].value, th.excel_serial(self.data["report_date"]))
        expected = [timing(i, self.data["report_date"]) for i in self.data["issues"]]
        found = [(k.value, int(l.value)) for k, l in zip(self.column(self.cells, "K"), self.column(self.cells, "L"))]
        self.assertEqual(found, expected)
        self.assertEqual([i["no"] for i, (t, _) in zip(self.data["issues"], expected) if t == "เกินกำหนด"],
                         ["๑.๓", "๒.๓", "๔.๓", "๘.๒", "๘.๔"])
        self.assertEqual(sum(1 for t, _ in expected if t == "เสร็จหลังกำหนด"), 3)
        # Formulas against the report date cell, not against values fixed when the file was made.
        k = self.column(self.cells, "K")[0].formula
        self.assertIn("$D$3", k)
        self.assertIn("G%d<$D$3" % FIRST_ROW, k)

    def test_statuses_follow_the_report_date_live(self):
        later = "2026-04-10"
        serial = th.excel_serial(later)
        patched = os.path.join(self.folder, "later.xlsx")
        with zipfile.ZipFile(self.book) as source, zipfile.ZipFile(patched, "w", zipfile.ZIP_DEFLATED) as out:
            for item in source.infolist():
                content = source.read(item.filename)
                if item.filename == "xl/worksheets/sheet1.xml":
                    content, count = re.subn(rb'(<c r="D3"[^>]*><v>)\d+(</v>)',
                                             rb"\g<1>" + str(serial).encode() + rb"\g<2>", content)
                    self.assertEqual(count, 1)
                out.writestr(item, content)
        with tempfile.TemporaryDirectory(dir=self.folder) as work:
            again = xlsx_check.convert(patched, os.path.join(work, "again.xlsx"), "xlsx:Calc MS Excel 2007 XML")
            cells = xlsx_check.read_cells(again)
        expected = [timing(i, later) for i in self.data["issues"]]
        found = [(k.value, int(l.value)) for k, l in zip(self.column(cells, "K"), self.column(cells, "L"))]
        self.assertEqual(found, expected)
        self.assertEqual(sum(1 for t, _ in expected if t == "เกินกำหนด"), 9)  # all open ones but ๗.๓, due that day
        summary = cells["สรุป"]
        total_row = next(r[1:] for r, c in summary.items() if r.startswith("A") and str(c.value).startswith("รวม"))
        self.assertEqual(summary["G" + total_row].value, 9)

    def test_overdue_rows_highlighted_by_a_live_rule_and_inputs_unlocked(self):
        n = len(self.data["issues"])
        last = FIRST_ROW + n - 1
        formats = self.sheet1.findall(MAIN + "conditionalFormatting")
        self.assertEqual([f.get("sqref") for f in formats], ["A%d:L%d" % (FIRST_ROW, last)])
        rules = [r.find(MAIN + "formula").text for r in formats[0].findall(MAIN + "cfRule")]
        self.assertEqual(rules[0], 'AND($H%d<>"%s",$G%d<$D$3)' % (FIRST_ROW, DONE, FIRST_ROW))
        validation = self.sheet1.find(MAIN + "dataValidations").find(MAIN + "dataValidation")
        self.assertEqual((validation.get("type"), validation.get("sqref")), ("list", "H%d:H%d" % (FIRST_ROW, last)))
        self.assertEqual(validation.find(MAIN + "formula1").text, '"' + ",".join(STATUSES) + '"')
        self.assertIsNotNone(self.sheet1.find(MAIN + "sheetProtection"))
        self.assertFalse(self.locked("D3"))
        self.assertFalse(self.locked("H%d" % FIRST_ROW))
        self.assertFalse(self.locked("I%d" % FIRST_ROW))
        self.assertTrue(self.locked("K%d" % FIRST_ROW))
        self.assertTrue(self.locked("C%d" % FIRST_ROW))

    def test_summary_and_documents_sheets(self):
        summary = self.cells["สรุป"]
        label = {g["code"]: g.get("short_name", g["name"]) for g in self.data["groups"]}
        rows = {c.value: r[1:] for r, c in summary.items() if r.startswith("B") and c.value in label.values()}
        self.assertEqual(len(rows), len(self.data["groups"]))
        for code, name in label.items():
            mine = [i for i in self.data["issues"] if i["group"] == code]
            row = rows[name]
            got = [summary["%s%s" % (col, row)].value for col in "CDEFG"]
            overdue = sum(1 for i in mine if timing(i, self.data["report_date"])[0] == "เกินกำหนด")
            self.assertEqual(got, [len(mine)] + [sum(1 for i in mine if i["status"] == s) for s in STATUSES] +
                             [overdue], name)
            self.assertAlmostEqual(summary["H" + row].value,
                                   100.0 * sum(1 for i in mine if i["status"] == DONE) / len(mine))
            self.assertTrue(summary["D" + row].formula.startswith("COUNTIFS('ทะเบียนคุมเอกสาร'!$D$6:$D$30,$B"))
        documents = self.cells["เอกสารที่ส่ง"]
        sent = sorted(((d["date"], d["number"], i["no"]) for i in self.data["issues"] for d in i["documents"]),
                      key=lambda x: x[0])
        self.assertEqual(len(sent), 18)
        got = [(documents["C%d" % r].value, documents["B%d" % r].value, documents["E%d" % r].value)
               for r in range(5, 5 + len(sent))]
        self.assertEqual(got, [(th.excel_serial(d), n, no) for d, n, no in sent])

    def test_printed_through_libreoffice(self):
        pdf = xlsx_check.convert(self.book, os.path.join(self.folder, "register.pdf"))
        pages = pdftotext(pdf, raw=False).split("\f")[:-1]
        info = subprocess.run(["pdfinfo", "-f", "1", "-l", "99", pdf], stdout=subprocess.PIPE,
                              check=True).stdout.decode("utf-8")
        sizes = re.findall(r"Page +\d+ size: +([\d.]+) x ([\d.]+)", info)
        self.assertEqual(len(sizes), len(pages))
        self.assertTrue(all(abs(float(w) - 841.89) < 1 and abs(float(h) - 595.3) < 1 for w, h in sizes), sizes)
        for number, page in enumerate(pages, 1):
            self.assertIn("หน้า %d / %d" % (number, len(pages)), page)
        first = pages[0]
        for piece in ("ทะเบียนคุมเอกสารการติดตามผลการตรวจราชการ", "สถานะตามกำหนด", "ล่าช้า (วัน)",
                      th.date_long(self.data["report_date"]), th.date_short(self.data["issues"][0]["due"])):
            self.assertIn(piece, first)
        self.assertNotIn("###", "".join(pages))


class Report(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.folder = scratch("inspection-report")
        cls.pdf = os.path.join(cls.folder, "report.pdf")
        status, _, err = run("render", REPORT, SAMPLE, "-o", cls.pdf)
        if status != 0:
            raise AssertionError("render failed: " + err)
        cls.data = load_sample()
        cls.text = no_space(pdftotext(cls.pdf))
        # The memo runs until the report's title page: one page, or two when its text needs them.
        pages = [no_space(pdftotext(cls.pdf, first=k, last=k)) for k in (1, 2, 3)]
        report = no_space("รายงานผลการติดตามการดำเนินงาน")
        cls.memo_pages = pages[:next(k for k, page in enumerate(pages) if report in page)]
        cls.memo = "".join(cls.memo_pages)

    def test_pdf_is_sound(self):
        status, output = qpdf_check(self.pdf)
        self.assertEqual(status, 0, output)

    def test_memo_keeps_its_closing_with_the_body(self):
        data = self.data
        self.assertIn(len(self.memo_pages), (1, 2))
        last = self.memo_pages[-1]
        # The closing and the signature stand on one page with the body's last paragraph, never alone; a page
        # before it ends with the cue of what the next one starts with.
        for piece in ("๓. ข้อเสนอ", "จึงเรียนมาเพื่อโปรดพิจารณา", "(" + data["office"]["unit"]["head"] + ")"):
            self.assertIn(no_space(piece), last, piece)
        for page in self.memo_pages[:-1]:
            self.assertRegex(page, r"/\S+\.\.\.$")
            self.assertIn(page[page.rindex("/") + 1:-3], last)

    def test_memo_with_the_counts(self):
        data = self.data
        issues = data["issues"]
        overdue = [i for i in issues if timing(i, data["report_date"])[0] == "เกินกำหนด"]
        counts = " ".join("%s %s ประเด็น" % (s, th.number(sum(1 for i in issues if i["status"] == s)))
                          for s in STATUSES)
        done = sum(1 for i in issues if i["status"] == DONE)
        for piece in ("บันทึกข้อความ", "ที่ " + data["memo"]["number"], "วันที่ " + th.date_long(data["memo"]["date"]),
                      "เรียน " + data["memo"]["to"], "ให้ข้อเสนอแนะ %s ประเด็น" % th.number(len(issues)),
                      counts + " (แล้วเสร็จร้อยละ " + th.percent(done, len(issues)) + ")",
                      "เกินกำหนดส่ง %s ประเด็น" % th.number(len(overdue)),
                      "แล้ว %s ฉบับ" % th.number(sum(len(i["documents"]) for i in issues)),
                      "(" + data["office"]["unit"]["head"] + ")", data["office"]["unit"]["head_position"]):
            self.assertIn(no_space(piece), self.memo, piece)

    def test_summary_table_per_group_and_status(self):
        data = self.data
        position = self.text.find(no_space("๑. สรุปผลการดำเนินงานจำแนกตามกลุ่มและสถานะ"))
        self.assertGreater(position, 0)
        for group in data["groups"]:
            mine = [i for i in data["issues"] if i["group"] == group["code"]]
            done = sum(1 for i in mine if i["status"] == DONE)
            row = [group.get("short_name", group["name"]), th.number(len(mine)),
                   th.number(done) + " (" + th.percent(done, len(mine)) + ")"] + \
                  [th.number(sum(1 for i in mine if i["status"] == s)) for s in STATUSES[1:]] + \
                  [th.number(sum(1 for i in mine if timing(i, data["report_date"])[0] == "เกินกำหนด"))]
            found = self.text.find(no_space(" ".join(row)), position)
            self.assertGreater(found, 0, row)
            position = found
        self.assertIn(no_space("รวม ๙ กลุ่ม ๒๕ ๑๕ (๖๐.๐๐) ๗ ๓ ๕"), self.text)

    def test_overdue_issues_and_every_issue(self):
        data = self.data
        section = self.text[self.text.find(no_space("๒. ประเด็นที่เกินกำหนดส่ง")):
                            self.text.find(no_space("๓. ผลการดำเนินงานรายประเด็น"))]
        overdue = sorted((i for i in data["issues"] if timing(i, data["report_date"])[0] == "เกินกำหนด"),
                         key=lambda i: i["due"])
        position = 0
        for issue in overdue:
            days = timing(issue, data["report_date"])[1]
            found = section.find(no_space(issue["no"] + issue["title"]), position)
            self.assertGreaterEqual(found, 0, issue["no"])
            self.assertIn(no_space(th.date_short(issue["due"]) + th.number(days)), section[found:])
            position = found
        details = self.text[self.text.find(no_space("๓. ผลการดำเนินงานรายประเด็น")):]
        position = 0
        for issue in data["issues"]:
            found = details.find(no_space(issue["no"] + issue["title"]), position)
            self.assertGreaterEqual(found, 0, issue["no"])
            position = found
            if issue in overdue:
                self.assertIn(no_space("เกินกำหนด %s วัน" % th.number(timing(issue, data["report_date"])[1])),
                              details[found:found + 2000])


if __name__ == "__main__":
    unittest.main(verbosity=2)
