#!/usr/bin/env python3
"""Writes the sample budget-allocation dataset (ทะเบียนคุมการจัดสรรงบประมาณ) of fiscal year 2569.

    scripts/make-budget-allocation-dataset.py            # datasets/budget-allocation-2569.json
    scripts/make-budget-allocation-dataset.py -o /tmp/b.json

What a service-area office records in the year's first six months (seed 002 §3.3–3.4): fifteen projects of
four plans across the five budget types; OBEC's allocations (รับจัดสรร) with the OBEC letter number and
date; the office's allocations to schools and to its own groups, each under the notice that announced it;
transfers between projects of the same budget type (โอนเปลี่ยนแปลง); leftover funds schools return after
procurement (เงินเหลือจ่าย), reallocated or sent back to OBEC. Amounts are whole baht or satang, chosen so
that no project's balance goes below zero. The output is the same on every run (no randomness), so the
checked-in sample can be remade and compared byte for byte. Standard library only.
"""
import argparse
import json
import os
import re
import sys
from decimal import Decimal

THAI_DIGITS = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")


MONEY = "@money:"


def thai(text):
    return str(text).translate(THAI_DIGITS)


OFFICE = {
    "name": "สำนักงานเขตพื้นที่การศึกษาประถมศึกษาขอนแก่น เขต ๕",
    "short_name": "สพป.ขอนแก่น เขต ๕",
    "address": ["ถนนมะลิวัลย์ ตำบลชุมแพ", "อำเภอชุมแพ จังหวัดขอนแก่น ๔๐๑๓๐"],
    "director": {"name": "นายประเสริฐ ศรีสุวรรณ", "position": "ผู้อำนวยการสำนักงานเขตพื้นที่การศึกษา",
                 "position2": "ประถมศึกษาขอนแก่น เขต ๕"},
    "unit": {"name": "กลุ่มนโยบายและแผน", "head": "นางวิไลวรรณ พลศรี",
             "head_position": "ผู้อำนวยการกลุ่มนโยบายและแผน", "phone": "๐ ๔๓๓๑ ๑๔๕๐ ต่อ ๑๒",
             "email": "plan@kkn5.go.th"},
}

PLANS = [
    ("1", "แผนงานบุคลากรภาครัฐ (ด้านการพัฒนาและเสริมสร้างศักยภาพทรัพยากรมนุษย์)"),
    ("2", "แผนงานพื้นฐานด้านการพัฒนาและเสริมสร้างศักยภาพทรัพยากรมนุษย์"),
    ("3", "แผนงานยุทธศาสตร์สร้างความเสมอภาคทางการศึกษา"),
    ("4", "แผนงานยุทธศาสตร์พัฒนาศักยภาพคนตลอดช่วงชีวิต"),
]

# code, plan, name, output or project (ผลผลิต/โครงการ), budget type
PROJECTS = [
    ("01", "1", "ค่าจ้างครูอัตราจ้าง (ครูขาดแคลนวิกฤต)", "รายการค่าใช้จ่ายบุคลากรภาครัฐ", "งบบุคลากร"),
    ("02", "1", "ค่าตอบแทนพนักงานราชการ", "รายการค่าใช้จ่ายบุคลากรภาครัฐ", "งบบุคลากร"),
    ("03", "2", "ค่าใช้จ่ายในการบริหารจัดการสำนักงานเขตพื้นที่การศึกษา", "ผลผลิตผู้จบการศึกษาภาคบังคับ", "งบดำเนินงาน"),
    ("04", "2", "ค่าสาธารณูปโภคของสำนักงานเขตพื้นที่การศึกษา", "ผลผลิตผู้จบการศึกษาภาคบังคับ", "งบดำเนินงาน"),
    ("05", "2", "ค่าพาหนะรับ-ส่งนักเรียน", "ผลผลิตผู้จบการศึกษาภาคบังคับ", "งบดำเนินงาน"),
    ("06", "2", "ค่าครุภัณฑ์โต๊ะเก้าอี้นักเรียนระดับประถมศึกษา", "ผลผลิตผู้จบการศึกษาภาคบังคับ", "งบลงทุน"),
    ("07", "2", "ค่าปรับปรุงซ่อมแซมอาคารเรียนและอาคารประกอบ", "ผลผลิตผู้จบการศึกษาภาคบังคับ", "งบลงทุน"),
    ("08", "2", "ค่าก่อสร้างส้วมนักเรียน แบบ สปช.๖๐๑/๒๖", "ผลผลิตผู้จบการศึกษาภาคบังคับ", "งบลงทุน"),
    ("09", "3", "ค่าจัดการเรียนการสอน (เงินอุดหนุนรายหัว)",
     "โครงการสนับสนุนค่าใช้จ่ายในการจัดการศึกษาตั้งแต่ระดับอนุบาลจนจบการศึกษาขั้นพื้นฐาน", "งบเงินอุดหนุน"),
    ("10", "3", "ค่าหนังสือเรียน",
     "โครงการสนับสนุนค่าใช้จ่ายในการจัดการศึกษาตั้งแต่ระดับอนุบาลจนจบการศึกษาขั้นพื้นฐาน", "งบเงินอุดหนุน"),
    ("11", "3", "ค่าอุปกรณ์การเรียนและค่าเครื่องแบบนักเรียน",
     "โครงการสนับสนุนค่าใช้จ่ายในการจัดการศึกษาตั้งแต่ระดับอนุบาลจนจบการศึกษาขั้นพื้นฐาน", "งบเงินอุดหนุน"),
    ("12", "3", "ค่ากิจกรรมพัฒนาคุณภาพผู้เรียน",
     "โครงการสนับสนุนค่าใช้จ่ายในการจัดการศึกษาตั้งแต่ระดับอนุบาลจนจบการศึกษาขั้นพื้นฐาน", "งบเงินอุดหนุน"),
    ("13", "3", "ค่าปัจจัยพื้นฐานสำหรับนักเรียนยากจน",
     "โครงการสนับสนุนค่าใช้จ่ายในการจัดการศึกษาตั้งแต่ระดับอนุบาลจนจบการศึกษาขั้นพื้นฐาน", "งบเงินอุดหนุน"),
    ("14", "4", "โครงการพัฒนาครูและบุคลากรทางการศึกษา", "โครงการพัฒนาครูและบุคลากรทางการศึกษาทั้งระบบ",
     "งบรายจ่ายอื่น"),
    ("15", "4", "โครงการขับเคลื่อนนโยบายและจุดเน้นของ สพท.",
     "โครงการขับเคลื่อนการพัฒนาการศึกษาที่ยั่งยืน", "งบรายจ่ายอื่น"),
]

# code, name, students (for the per-student subsidies)
SCHOOLS = [
    ("1040050101", "โรงเรียนอนุบาลชุมแพ", 612),
    ("1040050102", "โรงเรียนบ้านหนองเขียด", 148),
    ("1040050103", "โรงเรียนบ้านโคกสูง", 96),
    ("1040050104", "โรงเรียนชุมชนนาหนองทุ่ม", 284),
    ("1040050105", "โรงเรียนบ้านโนนคอม", 73),
    ("1040050106", "โรงเรียนบ้านวังหินซา", 118),
    ("1040050107", "โรงเรียนบ้านหนองบัวบาน", 64),
    ("1040050108", "โรงเรียนบ้านขัวเรียง", 205),
    ("1040050109", "โรงเรียนบ้านโนนสะอาด", 87),
    ("1040050110", "โรงเรียนบ้านห้วยซาง", 59),
    ("1040050111", "โรงเรียนบ้านหนองกุง", 132),
    ("1040050112", "โรงเรียนบ้านซำจำปา", 41),
    ("1040050113", "โรงเรียนบ้านภูห่าน", 77),
    ("1040050114", "โรงเรียนชุมชนวังโพน", 246),
    ("1040050115", "โรงเรียนบ้านไชยสอ", 168),
    ("1040050116", "โรงเรียนบ้านโนนทอง (ประชาสามัคคี)", 92),
    ("1040050117", "โรงเรียนบ้านหนองไผ่", 55),
    ("1040050118", "โรงเรียนบ้านนาจาน", 110),
    ("1040050119", "โรงเรียนบ้านสระพังทอง", 139),
    ("1040050120", "โรงเรียนบ้านวังมน", 48),
    ("1040050121", "โรงเรียนบ้านโนนหันวิทยา", 187),
    ("1040050122", "โรงเรียนบ้านหินลาด", 66),
]

GROUPS = [
    ("G01", "กลุ่มอำนวยการ"),
    ("G02", "กลุ่มนโยบายและแผน"),
    ("G03", "กลุ่มบริหารงานการเงินและสินทรัพย์"),
    ("G04", "กลุ่มบริหารงานบุคคล"),
    ("G05", "กลุ่มส่งเสริมการจัดการศึกษา"),
    ("G06", "กลุ่มนิเทศ ติดตามและประเมินผลการจัดการศึกษา", "กลุ่มนิเทศ ติดตามและประเมินผลฯ"),
    ("G07", "กลุ่มพัฒนาครูและบุคลากรทางการศึกษา", "กลุ่มพัฒนาครูและบุคลากรฯ"),
    ("G08", "กลุ่มส่งเสริมการศึกษาทางไกล เทคโนโลยีสารสนเทศและการสื่อสาร", "กลุ่มส่งเสริมการศึกษาทางไกลฯ"),
    ("G09", "หน่วยตรวจสอบภายใน"),
]


class Book:
    """The entries, and the numbers of the office's allocation letters: circular letters to schools
    (ศธ ๐๔๐๘๗/ว …) and memos to its own groups (ศธ ๐๔๐๘๗.๐๒/…), numbered in date order by number_letters()."""

    def __init__(self):
        self.entries = []
        self.letters = []

    def notice(self, date, internal=False):
        letter = {"number": "internal" if internal else "circular", "date": date}
        self.letters.append(letter)
        return letter

    def add(self, **entry):
        # Baht with two decimals as written in the file (see MONEY in main).
        entry["amount"] = MONEY + "%.2f" % Decimal(entry["amount"])
        self.entries.append(entry)

    def number_letters(self):
        counters = {"circular": [112, "ศธ ๐๔๐๘๗/ว "], "internal": [205, "ศธ ๐๔๐๘๗.๐๒/"]}
        for letter in sorted(self.letters, key=lambda letter: letter["date"]):
            counter = counters[letter["number"]]
            letter["number"] = counter[1] + thai(counter[0])
            counter[0] += 23


def obec(number, date):
    return {"number": "ศธ ๐๔๐๐๒/ว " + thai(number), "date": date}


def make():
    book = Book()
    add = book.add
    schools = {code: (name, students) for code, name, students in SCHOOLS}
    codes = [code for code, _, _ in SCHOOLS]

    # 01 ค่าจ้างครูอัตราจ้าง: two half-year allocations for six schools, 9,000 baht a month each.
    temp_schools = ["1040050102", "1040050105", "1040050110", "1040050112", "1040050117", "1040050120"]
    for received, obec_no, obec_date, notice_date, months in (
            ("2025-10-08", 4012, "2025-10-03", "2025-10-14", "ต.ค. ๖๘ – มี.ค. ๖๙"),
            ("2026-03-18", 1388, "2026-03-13", "2026-03-24", "เม.ย. – ก.ย. ๖๙")):
        add(date=received, project="01", type="receive", amount=str(len(temp_schools) * 54000),
            document=obec(obec_no, obec_date), description="ค่าจ้าง ๖ อัตรา " + months)
        letter = book.notice(notice_date)
        for code in temp_schools:
            add(date=notice_date, project="01", type="allocate", recipient=code, amount="54000",
                document=letter, description="ค่าจ้าง ๑ อัตรา " + months)

    # 02 ค่าตอบแทนพนักงานราชการ: paid centrally by the finance group.
    for received, obec_no, obec_date, amount, months in (
            ("2025-10-08", 4013, "2025-10-03", "1234800", "ต.ค. ๖๘ – มี.ค. ๖๙"),
            ("2026-03-18", 1389, "2026-03-13", "1234800", "เม.ย. – ก.ย. ๖๙")):
        add(date=received, project="02", type="receive", amount=amount, document=obec(obec_no, obec_date),
            description="๑๔ อัตรา " + months)
        add(date=received, project="02", type="allocate", recipient="G03", amount=amount,
            document=book.notice(received, internal=True), description="เบิกจ่ายค่าตอบแทน " + months)

    # 03 บริหารจัดการ สพท.: two allocations shared among the groups; 120,000 moved to utilities (04).
    add(date="2025-10-21", project="03", type="receive", amount="1250000", document=obec(4390, "2025-10-17"),
        description="ไตรมาส ๑–๒")
    letter = book.notice("2025-10-29", internal=True)
    for group, amount, what in (("G01", "385000", "ค่าใช้สอยและวัสดุ ไตรมาส ๑–๒"),
                                ("G02", "142500", "ประชุมจัดสรรงบประมาณและจัดทำแผน"),
                                ("G03", "118000", "ตรวจสอบพัสดุประจำปี"),
                                ("G04", "96500", "ประชุม อ.ก.ค.ศ. และสรรหาบุคลากร"),
                                ("G06", "154000", "นิเทศการจัดการเรียนการสอน"),
                                ("G08", "131250.50", "บำรุงรักษาระบบเครือข่าย")):
        add(date="2025-10-29", project="03", type="allocate", recipient=group, amount=amount, document=letter,
            description=what)
    add(date="2026-01-26", project="03", type="receive", amount="850000", document=obec(311, "2026-01-22"),
        description="ไตรมาส ๓")
    add(date="2026-02-09", project="03", type="transfer", to_project="04", amount="120000",
        document={"number": "ศธ ๐๔๐๘๗/๑๘๖", "date": "2026-02-06"},
        description="ตามมติคณะกรรมการ ครั้งที่ ๒/๒๕๖๙")
    letter = book.notice("2026-02-16", internal=True)
    for group, amount, what in (("G01", "298000", "ค่าใช้สอยและวัสดุ ไตรมาส ๓"),
                                ("G05", "87500", "ส่งเสริมกิจการนักเรียน")):
        add(date="2026-02-16", project="03", type="allocate", recipient=group, amount=amount, document=letter,
            description=what)

    # 04 ค่าสาธารณูปโภค
    add(date="2025-10-21", project="04", type="receive", amount="180000", document=obec(4391, "2025-10-17"),
        description="ไตรมาส ๑")
    add(date="2025-10-29", project="04", type="allocate", recipient="G01", amount="180000",
        document=book.notice("2025-10-29", internal=True), description="ค่าไฟฟ้า ประปา โทรศัพท์ ไตรมาส ๑")
    add(date="2026-01-26", project="04", type="receive", amount="180000", document=obec(312, "2026-01-22"),
        description="ไตรมาส ๒")
    add(date="2026-02-16", project="04", type="allocate", recipient="G01", amount="285640.75",
        document=book.notice("2026-02-16", internal=True), description="ค่าไฟฟ้า ประปา โทรศัพท์ ไตรมาส ๒–๓")

    # 05 ค่าพาหนะรับ-ส่งนักเรียน: host schools, semester 2/2568; one returns what it did not pay out.
    add(date="2025-11-12", project="05", type="receive", amount="1092000", document=obec(4987, "2025-11-07"),
        description="ภาคเรียนที่ ๒/๒๕๖๘")
    letter = book.notice("2025-11-20")
    hosts = [("1040050101", "186000"), ("1040050104", "142500"), ("1040050108", "131000"),
             ("1040050111", "98500"), ("1040050114", "177000"), ("1040050115", "119500"),
             ("1040050119", "104000"), ("1040050121", "133500")]
    for code, amount in hosts:
        add(date="2025-11-20", project="05", type="allocate", recipient=code, amount=amount, document=letter,
            description="นักเรียนโรงเรียนมารวม ภาคเรียนที่ ๒/๖๘")
    add(date="2026-03-20", project="05", type="leftover", recipient="1040050111", amount="4500",
        document={"number": "ศธ ๐๔๐๘๗.๑๑๑/๐๔๒", "date": "2026-03-17"},
        description="นักเรียนย้ายออก ๓ คน")

    # 06 โต๊ะเก้าอี้นักเรียน: 1,800 baht a set; the procurement leaves leftovers, moved to repairs (07).
    add(date="2025-12-03", project="06", type="receive", amount="504000", document=obec(5412, "2025-11-28"),
        description="โต๊ะเก้าอี้นักเรียน ๒๘๐ ชุด")
    invest = book.notice("2025-12-10")
    for code, sets in (("1040050103", 40), ("1040050106", 50), ("1040050109", 45), ("1040050113", 40),
                       ("1040050116", 55), ("1040050118", 50)):
        add(date="2025-12-10", project="06", type="allocate", recipient=code, amount=str(sets * 1800),
            document=invest, description="โต๊ะเก้าอี้นักเรียน " + thai(sets) + " ชุด")
    add(date="2026-02-27", project="06", type="leftover", recipient="1040050106", amount="6250",
        document={"number": "ศธ ๐๔๐๘๗.๑๐๖/๐๑๙", "date": "2026-02-24"},
        description="เงินเหลือจ่ายจากการจัดซื้อ")
    add(date="2026-03-06", project="06", type="leftover", recipient="1040050116", amount="8475.50",
        document={"number": "ศธ ๐๔๐๘๗.๑๑๖/๐๒๗", "date": "2026-03-03"},
        description="เงินเหลือจ่ายจากการจัดซื้อ")
    add(date="2026-03-12", project="06", type="transfer", to_project="07", amount="14725.50",
        document={"number": "ศธ ๐๔๐๘๗/๔๑๒", "date": "2026-03-11"},
        description="ตามมติคณะกรรมการ ครั้งที่ ๓/๒๕๖๙")

    # 07 ซ่อมแซมอาคาร: the same notice as the desks (one investment-budget letter).
    add(date="2025-12-03", project="07", type="receive", amount="2450000", document=obec(5413, "2025-11-28"),
        description="ซ่อมแซมอาคาร ๘ โรงเรียน")
    for code, amount, what in (("1040050102", "318000", "ซ่อมแซมหลังคาอาคารเรียน แบบ สปช.๑๐๕/๒๙"),
                               ("1040050105", "287500", "ปรับปรุงพื้นและฝ้าเพดานอาคารเรียน"),
                               ("1040050107", "356000", "ซ่อมแซมอาคารเรียน แบบ ป.๑ ฉ"),
                               ("1040050110", "245000", "ปรับปรุงห้องเรียนและระบบไฟฟ้า"),
                               ("1040050112", "298500", "ซ่อมแซมหลังคาและรางน้ำอาคารประกอบ"),
                               ("1040050117", "312000", "ปรับปรุงอาคารเรียน แบบ สปช.๑๐๒/๒๖"),
                               ("1040050120", "334000", "ซ่อมแซมโครงหลังคาและกันสาด"),
                               ("1040050122", "299000", "ปรับปรุงห้องน้ำและระบบประปา")):
        add(date="2025-12-10", project="07", type="allocate", recipient=code, amount=amount, document=invest,
            description=what)
    add(date="2026-03-05", project="07", type="leftover", recipient="1040050105", amount="12350",
        document={"number": "ศธ ๐๔๐๘๗.๑๐๕/๐๓๓", "date": "2026-03-02"},
        description="เงินเหลือจ่ายจากการจัดจ้าง")
    add(date="2026-03-09", project="07", type="leftover", recipient="1040050117", amount="9820",
        document={"number": "ศธ ๐๔๐๘๗.๑๑๗/๐๒๑", "date": "2026-03-06"},
        description="เงินเหลือจ่ายจากการจัดจ้าง")
    add(date="2026-03-23", project="07", type="allocate", recipient="1040050113", amount="36895.50",
        document=book.notice("2026-03-23"), description="ซ่อมแซมประตูหน้าต่าง (เงินเหลือจ่าย)")

    # 08 ส้วมนักเรียน: two schools; one leftover returned to OBEC.
    add(date="2025-12-03", project="08", type="receive", amount="780000", document=obec(5414, "2025-11-28"),
        description="ส้วมนักเรียน ๔ ที่ ๒ หลัง")
    letter = book.notice("2025-12-17")
    for code in ("1040050107", "1040050122"):
        add(date="2025-12-17", project="08", type="allocate", recipient=code, amount="390000", document=letter,
            description="ส้วมนักเรียน ๔ ที่ ๑ หลัง")
    add(date="2026-03-16", project="08", type="leftover", recipient="1040050107", amount="21500",
        document={"number": "ศธ ๐๔๐๘๗.๑๐๗/๐๔๕", "date": "2026-03-12"},
        description="เงินเหลือจ่ายจากการจัดจ้าง")
    add(date="2026-03-27", project="08", type="return", amount="21500",
        document={"number": "ศธ ๐๔๐๘๗/๕๐๑", "date": "2026-03-26"},
        description="ส่งคืนเงินเหลือจ่าย")

    # 09–13 เงินอุดหนุน: per-student rates, semester 2/2568, to the schools.
    # project, OBEC letter and date, notice date, baht per student, share of poor students, what, schools
    subsidies = [
        ("09", 5102, "2025-11-14", "2025-11-21", 950, None, "ภาคเรียนที่ ๒/๒๕๖๘", codes[:20]),
        ("10", 5230, "2025-11-21", "2025-11-28", 410, None, "ปีการศึกษา ๒๕๖๘ (เพิ่มเติม)", codes[::2][:12]),
        ("11", 5231, "2025-11-21", "2025-11-28", 195, None, "ภาคเรียนที่ ๒/๒๕๖๘", codes[1::2][:12]),
        ("12", 5388, "2025-11-27", "2025-12-04", 240, None, "ภาคเรียนที่ ๒/๒๕๖๘", codes[::2][:10]),
        ("13", 5390, "2025-11-27", "2025-12-04", 500, 0.3, "ภาคเรียนที่ ๒/๒๕๖๘", codes[-10:]),
    ]
    for project, obec_no, obec_date, notice_date, rate, poor_share, what, chosen in subsidies:
        rows = []
        for code in chosen:
            students = schools[code][1]
            if poor_share:
                students = max(1, int(students * poor_share))
            rows.append((code, students * rate, students))
        received = sum(amount for _, amount, _ in rows)
        # OBEC sends a little more than the sum for the schools: a reserve the office keeps for late data.
        reserve = {"09": 28500, "10": 0, "11": 3900, "12": 0, "13": 7500}[project]
        add(date=notice_date, project=project, type="receive", amount=str(received + reserve),
            document=obec(obec_no, obec_date), description=what)
        letter = book.notice(notice_date)
        for code, amount, students in rows:
            add(date=notice_date, project=project, type="allocate", recipient=code, amount=str(amount),
                document=letter, description="นักเรียน " + thai(students) + " คน")

    # 14 พัฒนาครู, 15 ขับเคลื่อนนโยบาย: to the office's groups.
    add(date="2025-12-15", project="14", type="receive", amount="640000", document=obec(5610, "2025-12-11"),
        description="ไตรมาส ๒–๓")
    letter = book.notice("2025-12-22", internal=True)
    for group, amount, what in (("G07", "385000", "อบรมการจัดการเรียนรู้เชิงรุก"),
                                ("G07", "125500", "พัฒนาผู้บริหารสถานศึกษา"),
                                ("G06", "96000", "พัฒนาศึกษานิเทศก์")):
        add(date="2025-12-22", project="14", type="allocate", recipient=group, amount=amount, document=letter,
            description=what)
    for received, obec_no, obec_date, amount in (("2025-11-05", 4801, "2025-10-31", "420000"),
                                                 ("2026-02-20", 702, "2026-02-17", "280000")):
        add(date=received, project="15", type="receive", amount=amount, document=obec(obec_no, obec_date),
            description="งวดที่ " + thai(1 if received < "2026" else 2))
    letter = book.notice("2025-11-12", internal=True)
    for group, amount, what in (("G02", "95000", "ติดตามและรายงานผลตามนโยบาย"),
                                ("G06", "148000", "ยกระดับผลสัมฤทธิ์ทางการเรียน"),
                                ("G05", "110000", "ความปลอดภัยในสถานศึกษา")):
        add(date="2025-11-12", project="15", type="allocate", recipient=group, amount=amount, document=letter,
            description=what)
    add(date="2026-03-02", project="15", type="allocate", recipient="G09", amount="38500",
        document=book.notice("2026-03-02", internal=True), description="ตรวจสอบการใช้จ่ายของสถานศึกษา")

    book.entries.sort(key=lambda e: e["date"])
    book.number_letters()  # stable: same-day entries keep the order written above
    units = [{"code": code, "name": name, "type": "school"} for code, name, _ in SCHOOLS] + \
            [dict({"code": group[0], "name": group[1], "type": "group"},
                  **({"short_name": group[2]} if len(group) > 2 else {})) for group in GROUPS]
    invest_number = invest["number"]
    return {
        "kind": "budget-allocation",
        "office": OFFICE,
        "fiscal_year": 2569,
        "as_of": "2026-03-31",
        "plans": [{"code": code, "name": name} for code, name in PLANS],
        "projects": [{"code": code, "plan": plan, "name": name, "output": output, "budget_type": kind}
                     for code, plan, name, output, kind in PROJECTS],
        "units": units,
        "entries": book.entries,
        "notice": {
            "number": invest_number,
            "subject": "แจ้งการจัดสรรงบประมาณ ปีงบประมาณ พ.ศ. ๒๕๖๙ งบลงทุน",
            "to": "ผู้อำนวยการโรงเรียนตามบัญชีแนบท้าย",
            "purpose": "เพื่อจัดหาครุภัณฑ์และปรับปรุงซ่อมแซมอาคารเรียน",
            "instructions": [
                "ขอให้โรงเรียนดำเนินการจัดซื้อจัดจ้างตามพระราชบัญญัติการจัดซื้อจัดจ้างและการบริหารพัสดุภาครัฐ "
                "พ.ศ. ๒๕๖๐ ให้แล้วเสร็จภายในวันที่ ๓๑ มีนาคม ๒๕๖๙ หากมีเงินเหลือจ่ายให้รายงานสำนักงานเขตพื้นที่การศึกษา"
                "ภายใน ๑๕ วัน",
            ],
            "copies": ["กลุ่มบริหารงานการเงินและสินทรัพย์", "หน่วยตรวจสอบภายใน"],
        },
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    here = os.path.dirname(os.path.abspath(__file__))
    parser.add_argument("-o", "--output",
                        default=os.path.join(here, "..", "datasets", "budget-allocation-2569.json"))
    args = parser.parse_args()
    data = make()
    # One entry (and one unit) a line: the file reads like the register it feeds.
    rows = {}
    for key in ("units", "entries"):
        rows[key] = data[key]
        data[key] = "@" + key
    text = json.dumps(data, ensure_ascii=False, indent=1)
    for key, items in rows.items():
        lines = ",\n  ".join(json.dumps(item, ensure_ascii=False) for item in items)
        text = text.replace('"@' + key + '"', "[\n  " + lines + "\n ]")
    text = re.sub('"' + MONEY + r'(-?[0-9]+\.[0-9]{2})"', r"\1", text)
    with open(args.output, "w", encoding="utf-8") as out:
        out.write(text + "\n")
    print("%s: %d projects, %d entries" % (args.output, len(data["projects"]), len(rows["entries"])),
          file=sys.stderr)


if __name__ == "__main__":
    main()
