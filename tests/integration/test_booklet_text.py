"""What a reader gets back from the booklets with pdftotext.

The operations manual: every text of the dataset that is printed comes back, in the dataset's order
(whitespace aside) — cover lines, foreword, each part's headings, paragraphs, list items at every depth,
figure captions, bibliography, appendix, back cover; the contents wording (toc_title) on the contents pages;
the title, group and office somewhere in the book.

The annual report: the figures the template computes, recomputed here from the dataset with exact decimals:
the totals, each strategy's count of indicators that reach their target (บรรลุ), each quarter's cumulative
disbursement."""
import json
import os
import subprocess
import sys
import unittest
from decimal import ROUND_HALF_UP, Decimal

sys.path.insert(0, os.path.dirname(__file__))
from cli_support import SOURCE, pdftotext, run, scratch  # noqa: E402

THAI_DIGITS = "๐๑๒๓๔๕๖๗๘๙"
# Fields that are not printed text: enumerations, file names, numbering details the labels carry, and the
# records of transcription corrections and additions. Diagrams (an org chart's units, a flowchart's steps) are printed but not
# in reading order: their texts are checked box by box.
NOT_PRINTED = {"kind", "type", "role", "style", "image", "prefix", "label", "corrections", "additions", "toc_title", "root",
               "steps"}


def thai(text):
    return "".join(THAI_DIGITS[int(c)] if c.isdigit() else c for c in str(text))


def squeeze(text):
    return "".join(text.split())


def load(name):
    with open(os.path.join(SOURCE, "datasets", name), encoding="utf-8") as f:
        return json.load(f)


def body_text(pdf):
    """The text of every page below the running header (the top margin, 2.5 cm), pages in order: a paragraph
    that runs over a page end reads on without the next page's number in the middle of a word."""
    top = round(2.5 / 2.54 * 72) - 1
    result = subprocess.run(["pdftotext", "-enc", "UTF-8", "-raw", "-x", "0", "-y", str(top), "-W", "2000", "-H",
                             "2000", pdf, "-"], stdout=subprocess.PIPE, check=True)
    return result.stdout.decode("utf-8")


def render(template, dataset, name):
    out = os.path.join(scratch("booklet-text"), name)
    status, _, err = run("render", os.path.join("templates", template), os.path.join("datasets", dataset), "-o", out)
    if status != 0:
        raise AssertionError(err)
    return out


def printed_strings(value, key=None):
    """The dataset's printed texts in document order (JSON order is the book's order)."""
    if key in NOT_PRINTED:
        return
    if isinstance(value, str):
        yield value
    elif isinstance(value, list):
        for item in value:
            yield from printed_strings(item)
    elif isinstance(value, dict):
        for k, v in value.items():
            yield from printed_strings(v, k)


def money(value):
    """๑,๒๓๔.๕๐ from a Decimal."""
    return thai(f"{value.quantize(Decimal('0.01'), rounding=ROUND_HALF_UP):,.2f}")


class ManualText(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.data = load("operations-manual-2567.json")
        cls.pdf = render("manual.xml", "operations-manual-2567.json", "manual.pdf")
        cls.text = squeeze(body_text(cls.pdf))

    def test_every_text_in_order(self):
        book = {k: v for k, v in self.data.items() if k not in ("title", "subtitle", "office", "group", "year_be")}
        strings = list(printed_strings(book))
        self.assertGreater(len(strings), 500)
        position = 0
        for index, text in enumerate(strings):
            # A text with line breaks (items split in transcription) prints as lines: whitespace aside.
            # The covers print their lines in Thai digits (พ.ศ. 2567 as พ.ศ. ๒๕๖๗).
            found = self.text.find(squeeze(text), position)
            if found < 0 and thai(text) != text:
                found = self.text.find(squeeze(thai(text)), position)
                text = thai(text)
            if found < 0:
                earlier = self.text.find(squeeze(text))
                self.fail(f"text {index} not found after position {position} "
                          f"({'it appears earlier, out of order' if earlier >= 0 else 'it is missing'}): {text[:80]}\n"
                          f"text there: {self.text[position:position + 120]}")
            position = found + len(squeeze(text))

    def test_every_diagram_box(self):
        """Each unit of the structure chart and each step of every flowchart is drawn, its words in its box."""
        def units(unit):
            yield unit["name"]
            if "position" in unit:
                yield unit["position"]
            for child in unit.get("children", []):
                yield from units(child)

        blocks = [b for part in self.data["parts"] for b in part["blocks"]]
        boxes = [text for b in blocks if b["type"] == "org-chart" for text in units(b["root"])]
        boxes += [step["text"] for b in blocks if b["type"] == "flowchart" for step in b["steps"]]
        self.assertGreater(len(boxes), 150)
        self.assertFalse(any(b["type"] == "figure" and "image" not in b for b in blocks), "a figure is not drawn")
        missing = [text for text in boxes if squeeze(text) not in self.text]
        self.assertEqual(missing, [])

    def test_contents_wording_and_book_identity(self):
        contents_pages = squeeze(pdftotext(self.pdf, first=1, last=6))
        for part in self.data["parts"]:
            self.assertIn(squeeze(part.get("toc_title", part["title"])), contents_pages)
            for block in part["blocks"]:
                if block.get("toc"):
                    self.assertIn(squeeze(block.get("toc_title", block["text"])), contents_pages)
        for key in ("title", "subtitle", "office", "group"):
            self.assertIn(squeeze(self.data[key]), self.text, key)
        year = str(self.data["year_be"])
        self.assertTrue(year in self.text or thai(year) in self.text, year)

    def test_ornament_is_the_symbol_not_a_missing_glyph(self):
        ornament = next(line["text"] for line in self.data["cover"]["lines"] if line["role"] == "ornament")
        self.assertIn(squeeze(ornament), squeeze(pdftotext(self.pdf, first=1, last=1)))


class ReportFigures(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.data = load("annual-report-2569.json")
        cls.text = squeeze(pdftotext(render("annual-report.xml", "annual-report-2569.json", "report.pdf")))

    def test_totals(self):
        projects = self.data["projects"]
        allocated = sum(Decimal(str(p["budget"]["allocated"])) for p in projects)
        disbursed = sum(Decimal(str(p["budget"]["disbursed"])) for p in projects)
        for p in projects:
            by_quarter = sum(Decimal(str(q)) for q in p["budget"]["by_quarter"])
            self.assertEqual(by_quarter, Decimal(str(p["budget"]["disbursed"])), p["name"])
        percent = (disbursed * 100 / allocated).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
        self.assertIn("รวม" + money(allocated) + "บาท", self.text)
        self.assertIn("เบิกจ่ายแล้ว" + money(disbursed) + "บาท", self.text)
        self.assertIn("ร้อยละ" + thai(percent), self.text)
        self.assertIn("คงเหลือ" + money(allocated - disbursed) + "บาท", self.text)

    def test_indicators_reached_per_strategy(self):
        reached_all = 0
        total = 0
        for s in self.data["strategies"]:
            reached = sum(1 for i in s["indicators"] if Decimal(str(i["result"])) >= Decimal(str(i["target"])))
            reached_all += reached
            total += len(s["indicators"])
            self.assertIn("บรรลุเป้าหมาย" + thai(reached) + "/" + thai(len(s["indicators"])), self.text)
        self.assertIn(f"บรรลุเป้าหมาย{thai(reached_all)}ตัวชี้วัดจากทั้งหมด{thai(total)}ตัวชี้วัด", self.text)
        # Every indicator carries a verdict: one บรรลุ/ไม่บรรลุ cell per indicator in the tables.
        verdicts = self.text.count("ไม่บรรลุ")
        misses = total - reached_all
        self.assertGreaterEqual(verdicts, misses)

    def test_quarters(self):
        projects = self.data["projects"]
        allocated = sum(Decimal(str(p["budget"]["allocated"])) for p in projects)
        cumulative = Decimal(0)
        for q in range(4):
            amount = sum(Decimal(str(p["budget"]["by_quarter"][q])) for p in projects)
            cumulative += amount
            share = (cumulative * 100 / allocated).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
            self.assertIn(thai(q + 1) + money(amount) + money(cumulative) + thai(share), self.text)


if __name__ == "__main__":
    unittest.main()
