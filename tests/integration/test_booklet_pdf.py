"""The booklets' navigation as a PDF reader sees it, read back with `qpdf --json` and poppler: every numbered
page's label is the number printed in its header (ก ข ค for the front matter, ๑ ๒ ๓ for the body), and the
outline lists every heading of the dataset in order, nested by level, each pointing at the page that prints
it. The expected headings are derived here from the datasets, independently of the engine."""
import json
import os
import re
import subprocess
import sys
import unittest

sys.path.insert(0, os.path.dirname(__file__))
from cli_support import SOURCE, run, scratch  # noqa: E402

THAI_DIGITS = "๐๑๒๓๔๕๖๗๘๙"
HEADER_BOTTOM = 2.5 / 2.54 * 72  # the booklets' top margin: headers print above it


def thai(n):
    return "".join(THAI_DIGITS[int(d)] for d in str(n))


def squeeze(text):
    return "".join(text.split())


def render(template, dataset, name):
    out = os.path.join(scratch("booklet-pdf"), name)
    status, _, err = run("render", os.path.join("templates", template), os.path.join("datasets", dataset), "-o", out)
    if status != 0:
        raise AssertionError(err)
    return out


def page_labels(pdf):
    """The label a viewer shows for each page, from the /PageLabels number tree."""
    data = json.loads(subprocess.run(["qpdf", "--json", "--json-key=pagelabels", "--json-key=pages", pdf],
                                     stdout=subprocess.PIPE, check=True).stdout)
    count = len(data["pages"])
    ranges = sorted(data["pagelabels"], key=lambda r: r["index"])
    labels = []
    for i in range(count):
        current = [r for r in ranges if r["index"] <= i][-1]
        label = current["label"]
        prefix = label.get("/P", "")
        prefix = prefix[2:] if prefix.startswith("u:") else prefix
        number = ""
        if label.get("/S") == "/D":
            number = str(label.get("/St", 1) + i - current["index"])
        labels.append(prefix + number)
    return labels


def words_by_page(pdf):
    """[(text, xMin, yMin, yMax)] per page, from pdftotext -bbox."""
    out = subprocess.run(["pdftotext", "-enc", "UTF-8", "-bbox", pdf, "-"], stdout=subprocess.PIPE,
                         check=True).stdout.decode("utf-8")
    pages = []
    for page in re.findall(r"<page [^>]*>(.*?)</page>", out, re.S):
        words = []
        for x0, y0, y1, word in re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">(.*?)</word>',
                                           page):
            word = word.replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"')
            words.append((word, float(x0), float(y0), float(y1)))
        pages.append(words)
    return pages


def printed_numbers(pages):
    """The number printed at the right of each page's header, or None for a page without one."""
    numbers = []
    for words in pages:
        header = [w for w in words if w[3] <= HEADER_BOTTOM]
        numbers.append(max(header, key=lambda w: w[1])[0] if header else None)
    return numbers


def outline(pdf):
    """[(title, depth, page number from 1)] in reading order."""
    data = json.loads(subprocess.run(["qpdf", "--json", "--json-key=outlines", pdf], stdout=subprocess.PIPE,
                                     check=True).stdout)
    flat = []

    def walk(entries, depth):
        for entry in entries:
            flat.append((entry["title"], depth, entry["destpageposfrom1"]))
            walk(entry["kids"], depth + 1)

    walk(data["outlines"], 1)
    return flat


def nesting(levels):
    """The depth each entry takes when deeper levels nest under the previous shallower entry."""
    stack, depths = [], []
    for level in levels:
        while stack and stack[-1] >= level:
            stack.pop()
        stack.append(level)
        depths.append(len(stack))
    return depths


def manual_headings(data):
    """(outline title, level, text printed on its page) for every heading of the manual, in order."""
    out = [(data["foreword"]["title"], 1, data["foreword"]["title"]), ("สารบัญ", 1, "สารบัญ")]

    def blocks(items):
        for b in items:
            if b["type"] != "heading":
                continue
            printed = (b["number"] + " " + b["text"]) if "number" in b else b["text"]
            title = b.get("toc_title", b["text"]) if b.get("toc") else printed
            out.append((title, b["level"], printed))

    for part in data["parts"]:
        name = "ส่วนที่ " + thai(part["number"])
        out.append((name + " " + part.get("toc_title", part["title"]), 1, name + " " + part["title"]))
        blocks(part["blocks"])
    if data.get("bibliography"):
        out.append(("บรรณานุกรม", 1, "บรรณานุกรม"))
    if data.get("appendix"):
        out.append(("ภาคผนวก", 1, "ภาคผนวก"))
        for section in data["appendix"]:
            out.append((section.get("toc_title", section["title"]), 2, section["title"]))
            blocks(section["blocks"])
    return out


def report_headings(data):
    out = [("คำนำ", 1, "คำนำ"), ("สารบัญ", 1, "สารบัญ"), ("บทสรุปสำหรับผู้บริหาร", 1, "บทสรุปสำหรับผู้บริหาร")]
    if "profile" in data:
        out.append(("ส่วนที่ ๑ ข้อมูลพื้นฐาน", 1, "ส่วนที่ ๑ ข้อมูลพื้นฐาน"))
        for title in ["วิสัยทัศน์"] + (["ค่านิยม"] if "values" in data["profile"] else []) + [
                "ข้อมูลสถานศึกษาในสังกัด", "กลุ่มงานในสำนักงาน"] + (
                ["โครงสร้างการบริหาร"] if "structure" in data["profile"] else []) + ["กลยุทธ์"]:
            out.append((title, 2, title))
    title = "ส่วนที่ ๒ ผลการดำเนินงานตามตัวชี้วัดความสำเร็จ"
    out.append((title, 1, title))
    for s in data["strategies"]:
        title = "กลยุทธ์ที่ " + thai(s["number"]) + " " + s["title"]
        out.append((title, 2, title))
    for k, s in enumerate(data["strategies"], 1):
        title = "ส่วนที่ " + thai(k + 2) + " กลยุทธ์ที่ " + thai(s["number"]) + " " + s["title"]
        out.append((title, 1, title))
        for p in data["projects"]:
            if p["strategy"] == s["number"]:
                title = thai(p["number"]) + ". " + p["name"]
                out.append((title, 2, title))
                for sub in ("วัตถุประสงค์", "กิจกรรมที่ดำเนินการ", "ผลการดำเนินงาน") + (("ภาพกิจกรรม",) if p["photos"] else ()):
                    out.append((sub, 3, sub))
    out.append(("ภาคผนวก", 1, "ภาคผนวก"))
    for title in ["ก. งบประมาณและผลการเบิกจ่ายรายโครงการ", "ข. ผลการเบิกจ่ายรายโครงการรายไตรมาส"] + (
            ["ค. คณะผู้จัดทำ"] if data.get("committee") else []):
        out.append((title, 2, title))
    return out


class BookletNavigation(unittest.TestCase):
    def check(self, pdf, expected):
        labels = page_labels(pdf)
        pages = words_by_page(pdf)
        self.assertEqual(len(labels), len(pages))
        numbers = printed_numbers(pages)
        # The covers print no number; every other page prints the number its label says.
        unnumbered = [i for i, n in enumerate(numbers) if n is None]
        self.assertIn(0, unnumbered)
        self.assertTrue(all(i == 0 or i == len(pages) - 1 for i in unnumbered), unnumbered)
        for i, number in enumerate(numbers):
            if number is not None:
                self.assertEqual(labels[i], number, f"page {i + 1}")
        front = [label for label, n in zip(labels, numbers) if n is not None and label[0] not in THAI_DIGITS]
        body = [label for label, n in zip(labels, numbers) if n is not None and label[0] in THAI_DIGITS]
        self.assertEqual(front, list("กขคงจฉชซ"[:len(front)]))
        self.assertGreaterEqual(len(front), 2)
        self.assertEqual(body, [thai(i) for i in range(1, len(body) + 1)])
        self.assertEqual(len(front) + len(body) + len(unnumbered), len(pages))

        # The outline: every heading in order, nested by level, each pointing at the page that prints it.
        got = outline(pdf)
        self.assertEqual([title for title, _, _ in got], [title for title, _, _ in expected])
        self.assertEqual([depth for _, depth, _ in got], nesting([level for _, level, _ in expected]))
        pages_text = ["".join(w[0] for w in words) for words in pages]
        for (title, _, page), (_, _, printed) in zip(got, expected):
            self.assertIn(squeeze(printed), pages_text[page - 1], f"outline entry {title} points at page {page}")

    def test_manual(self):
        with open(os.path.join(SOURCE, "datasets", "operations-manual-2567.json"), encoding="utf-8") as f:
            data = json.load(f)
        self.check(render("manual.xml", "operations-manual-2567.json", "manual.pdf"), manual_headings(data))

    def test_annual_report(self):
        with open(os.path.join(SOURCE, "datasets", "annual-report-2569.json"), encoding="utf-8") as f:
            data = json.load(f)
        self.check(render("annual-report.xml", "annual-report-2569.json", "report.pdf"), report_headings(data))

    def test_annual_report_structure_chart_is_one_page_with_every_unit(self):
        with open(os.path.join(SOURCE, "datasets", "annual-report-2569.json"), encoding="utf-8") as f:
            data = json.load(f)
        pages = ["".join(w[0] for w in words)
                 for words in words_by_page(render("annual-report.xml", "annual-report-2569.json", "chart.pdf"))]
        caption = squeeze("แผนภูมิที่ ๔ โครงสร้างการบริหารงาน")
        chart_pages = [i for i, text in enumerate(pages) if caption in text]
        self.assertEqual(len(chart_pages), 1, chart_pages)
        units, stack = [], [data["profile"]["structure"]]
        while stack:
            unit = stack.pop()
            units.append(unit)
            stack.extend(unit.get("children", []))
        self.assertEqual(len(units), 1 + 2 + 9)
        page = pages[chart_pages[0]]
        for unit in units:
            self.assertIn(squeeze(unit["name"]), page)
        # Nothing of the chart spills onto the next page: no off-page connector, no unit name there.
        following = pages[chart_pages[0] + 1]
        self.assertFalse(any(squeeze(unit["name"]) in following for unit in units[1:]))


if __name__ == "__main__":
    unittest.main()
