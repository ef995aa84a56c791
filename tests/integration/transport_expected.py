"""What a transport-allowance dataset should come to, computed here independently of raingan.

Amounts are Decimal from the dataset's own text (json's parse_float=Decimal), never binary floats: a rate band
covers distances above the previous band's max_km up to and including its own, the last band (max_km null) has
no upper bound, and a student's amount is the band's rate times the school days. Also the money text and the
Thai words (Excel's BAHTTEXT rules) a document should print for an amount, so tests can look for them.
"""
import json
import os
import re
import subprocess
from decimal import Decimal

RAINGAN = os.environ.get("RAINGAN", "")
SOURCE = os.environ.get("RAINGAN_SOURCE_DIR", os.path.dirname(os.path.dirname(os.path.dirname(
    os.path.abspath(__file__)))))
SAMPLE = os.path.join(SOURCE, "datasets", "transport-allowance-2569-2.json")
FIXTURES = os.path.join(SOURCE, "tests", "fixtures", "transport")
TEMPLATES = os.path.join(SOURCE, "templates")

THAI_DIGITS = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")


def load(path):
    with open(path, encoding="utf-8") as source:
        return json.load(source, parse_float=Decimal, parse_int=Decimal)


def rate(distance, rates):
    for band in rates:
        if band["max_km"] is None or distance <= band["max_km"]:
            return band["baht_per_day"]
    raise ValueError("no band covers %s" % distance)


def band_number(distance, rates):
    for number, band in enumerate(rates, 1):
        if band["max_km"] is None or distance <= band["max_km"]:
            return number
    raise ValueError("no band covers %s" % distance)


class Expected:
    """The figures of one dataset: per student, per merged-in school, per host school, per level, in total."""

    def __init__(self, dataset):
        days = dataset["school_days"]
        self.rates = dataset["rates"]
        self.student_rate = {}
        self.student_amount = {}
        self.per_host = {school["code"]: Decimal(0) for school in dataset["schools"]}
        self.per_merged = {m["code"]: Decimal(0) for school in dataset["schools"] for m in school["merged"]}
        self.per_level = {}
        self.per_band = [0] * len(self.rates)
        for student in dataset["students"]:
            baht_per_day = rate(student["distance_km"], self.rates)
            amount = baht_per_day * days
            self.student_rate[student["id"]] = baht_per_day
            self.student_amount[student["id"]] = amount
            self.per_host[student["school"]] += amount
            self.per_merged[student["from_school"]] += amount
            self.per_level[student["level"]] = self.per_level.get(student["level"], Decimal(0)) + amount
            self.per_band[band_number(student["distance_km"], self.rates) - 1] += 1
        self.total = sum(self.student_amount.values(), Decimal(0))
        self.ceiling = dataset["ceiling_baht"]
        self.difference = self.ceiling - self.total
        assert self.total == sum(self.per_host.values()) == sum(self.per_merged.values())


def money(amount, thai=True):
    """#,##0.00 of an exact amount, in Thai digits by default (๖,๙๑๐,๐๐๐.๐๐)."""
    text = "{:,.2f}".format(amount.quantize(Decimal("0.01")))
    return text.translate(THAI_DIGITS) if thai else text


_DIGIT_WORDS = ["", "หนึ่ง", "สอง", "สาม", "สี่", "ห้า", "หก", "เจ็ด", "แปด", "เก้า"]
_PLACES = ["", "สิบ", "ร้อย", "พัน", "หมื่น", "แสน"]


def _below_million(number):
    """Words of 0 < number < 1,000,000; a units 1 is เอ็ด when the block has higher digits (101, 11), as
    raingan's BAHTTEXT reads it (1,000,001 is หนึ่งล้านหนึ่ง: each block of six digits is read alone)."""
    digits = str(number)
    words = ""
    for position, digit in enumerate(digits):
        place = len(digits) - 1 - position
        d = int(digit)
        if d == 0:
            continue
        if place == 1:
            words += "สิบ" if d == 1 else ("ยี่สิบ" if d == 2 else _DIGIT_WORDS[d] + "สิบ")
        elif place == 0 and d == 1 and words:
            words += "เอ็ด"
        else:
            words += _DIGIT_WORDS[d] + _PLACES[place]
    return words


def _integer_words(number):
    if number >= 1000000:
        millions, rest = divmod(number, 1000000)
        return _integer_words(millions) + "ล้าน" + (_below_million(rest) if rest else "")
    return _below_million(number)


def baht_text(amount):
    """Excel's BAHTTEXT: 101.25 -> หนึ่งร้อยเอ็ดบาทยี่สิบห้าสตางค์, 0.50 -> ห้าสิบสตางค์."""
    satang_total = int((amount * 100).to_integral_value())
    if satang_total < 0:
        return "ลบ" + baht_text(-amount)
    baht, satang = divmod(satang_total, 100)
    if baht == 0 and satang == 0:
        return "ศูนย์บาทถ้วน"
    text = _integer_words(baht) + "บาท" if baht else ""
    return text + (_integer_words(satang) + "สตางค์" if satang else "ถ้วน")


def run(*arguments, cwd=SOURCE):
    """(exit status, stdout, stderr) of the raingan CLI."""
    result = subprocess.run([RAINGAN, *arguments], cwd=cwd, timeout=120, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, env=dict(os.environ, RAINGAN_TODAY="2026-11-22"))
    return result.returncode, result.stdout.decode("utf-8"), result.stderr.decode("utf-8")


def pdf_text(path, layout=False):
    command = ["pdftotext"] + (["-layout"] if layout else []) + [path, "-"]
    return subprocess.run(command, check=True, timeout=60, stdout=subprocess.PIPE).stdout.decode("utf-8")


_PAGE_NUMBER = re.compile(r"^-\s*[๐-๙]+\s*-$")
# The continuation cue at the foot of a letter's page: "/" and the first words of the next page, then "...".
CONTINUATION_CUE = re.compile(r"^/\S.*\.\.\.$")


def body_text(path):
    """A PDF's running text without its page-number headers ("- ๒ -") and continuation cues ("/ข้อความ..."),
    each line trimmed and the lines joined without a separator: Thai has no spaces, so a word broken over two
    lines or pages is whole again (a space that became a line end is lost too, so matches allow optional
    spaces)."""
    lines = []
    for line in pdf_text(path, layout=True).replace("\f", "\n").split("\n"):
        line = line.strip()
        if line and not _PAGE_NUMBER.match(line) and not CONTINUATION_CUE.match(line):
            lines.append(line)
    return "".join(lines)
