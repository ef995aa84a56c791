"""How official documents print numbers, amounts and dates, written out here independently of raingan so that
the workflow tests can look for the texts a dataset implies: Thai digits, money with thousands separators,
Excel's BAHTTEXT words, Buddhist-Era dates. Datasets are read with Decimal (never binary floats).
Standard library only."""
import datetime
import json
from decimal import Decimal

THAI_DIGITS = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")
MONTHS = ["มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน", "กรกฎาคม", "สิงหาคม", "กันยายน",
          "ตุลาคม", "พฤศจิกายน", "ธันวาคม"]
MONTHS_SHORT = ["ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค."]
DIGIT_WORDS = ["ศูนย์", "หนึ่ง", "สอง", "สาม", "สี่", "ห้า", "หก", "เจ็ด", "แปด", "เก้า"]
PLACES = ["", "สิบ", "ร้อย", "พัน", "หมื่น", "แสน"]


def load(path):
    with open(path, encoding="utf-8") as source:
        return json.load(source, parse_float=Decimal)


def thai(value):
    return str(value).translate(THAI_DIGITS)


def money(amount, digits="thai"):
    """1234567.5 -> ๑,๒๓๔,๕๖๗.๕๐ (two decimals, half away from zero)."""
    text = "{:,.2f}".format(Decimal(amount).quantize(Decimal("0.01")))
    return thai(text) if digits == "thai" else text


def number(value):
    return thai("{:,}".format(value))


def percent(part, whole):
    """Two decimals, half away from zero, Thai digits, no % sign."""
    from decimal import ROUND_HALF_UP
    return thai((Decimal(part) * 100 / Decimal(whole)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


def _group_words(n, after_higher):
    """Words for 0 < n < 1,000,000; a final 1 reads เอ็ด after any higher digit (Excel's BAHTTEXT)."""
    words = ""
    text = str(n)
    for position, digit in enumerate(int(d) for d in reversed(text)):
        if digit == 0:
            continue
        if position == 0 and digit == 1 and (n > 1 or after_higher):
            words = "เอ็ด" + words
        elif position == 1 and digit == 1:
            words = "สิบ" + words
        elif position == 1 and digit == 2:
            words = "ยี่สิบ" + words
        else:
            words = DIGIT_WORDS[digit] + PLACES[position] + words
    return words


def _words(n):
    if n >= 1000000:
        high, low = divmod(n, 1000000)
        return _words(high) + "ล้าน" + (_group_words(low, True) if low else "")
    return _group_words(n, False)


def baht_text(amount):
    """Excel's BAHTTEXT of a non-negative amount: 2954000 -> สองล้านเก้าแสนห้าหมื่นสี่พันบาทถ้วน."""
    satang_total = int((Decimal(amount) * 100).quantize(Decimal("1")))
    baht, satang = divmod(satang_total, 100)
    if baht == 0 and satang == 0:
        return "ศูนย์บาทถ้วน"
    text = (_words(baht) + "บาท") if baht else ""
    return text + (_words(satang) + "สตางค์" if satang else "ถ้วน")


def iso(text):
    return datetime.date.fromisoformat(text)


def date_long(text):
    """2026-03-16 -> ๑๖ มีนาคม ๒๕๖๙"""
    d = iso(text)
    return thai("%d %s %d" % (d.day, MONTHS[d.month - 1], d.year + 543))


def date_short(text):
    """2026-03-16 -> ๑๖ มี.ค. ๖๙"""
    d = iso(text)
    return thai("%d %s %02d" % (d.day, MONTHS_SHORT[d.month - 1], (d.year + 543) % 100))


def excel_serial(text):
    """The spreadsheet's day number of an ISO date (1900 date system)."""
    return (iso(text) - datetime.date(1899, 12, 30)).days
