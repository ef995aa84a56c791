#!/usr/bin/env python3
"""The transport-allowance register's student sheet written by Python's XlsxWriter (Debian python3-xlsxwriter)
in constant-memory mode: the peer raingan's `render` of templates/transport-allowance-register.xml is
measured against. Same rows, the same rate-lookup and amount formulas with cached values, Thai font, money
format, frozen header, filter, print setup and protection; columns are given fixed widths (XlsxWriter does not
measure text). Amounts are computed exactly (Decimal) as raingan does.

    xlsxwriter_register.py DATASET.json OUT.xlsx
"""
import json
import sys
from decimal import Decimal

import xlsxwriter


def main():
    dataset_path, output = sys.argv[1], sys.argv[2]
    with open(dataset_path, encoding="utf-8") as source:
        data = json.load(source, parse_float=Decimal)
    rates, days = data["rates"], data["school_days"]
    names = {s["code"]: s["name"] for s in data["schools"]}
    merged_names = {m["code"]: m["name"] for s in data["schools"] for m in s["merged"]}

    book = xlsxwriter.Workbook(output, {"constant_memory": True})
    book.set_properties({"title": "ทะเบียนจัดสรรงบประมาณรายการค่าพาหนะรับ-ส่งนักเรียน", "author": "กลุ่มนโยบายและแผน"})
    font = {"font_name": "TH SarabunPSK", "font_size": 16, "font_charset": 222, "border": 1}
    text = book.add_format(font)
    center = book.add_format(dict(font, align="center"))
    money = book.add_format(dict(font, num_format="#,##0.00"))
    head = book.add_format(dict(font, bold=True, align="center", bg_color="#DDEBF7"))

    sheet = book.add_worksheet("รายนักเรียน")
    last = 4 + len(data["students"])
    sheet.set_landscape()
    sheet.set_paper(9)
    sheet.fit_to_pages(1, 0)
    sheet.repeat_rows(0, 3)
    sheet.freeze_panes(4, 0)
    sheet.autofilter(3, 0, last - 1, 9)
    sheet.protect()
    for col, width in enumerate([7, 11, 14, 30, 14, 30, 6, 12, 14, 16]):
        sheet.set_column(col, col, width)
    sheet.merge_range(0, 0, 0, 9, "ทะเบียนจัดสรรงบประมาณรายการค่าพาหนะรับ-ส่งนักเรียน (รายนักเรียน)", head)
    sheet.merge_range(1, 0, 1, 9, data["office"]["name"], center)
    sheet.merge_range(2, 0, 2, 9, "ปีการศึกษา %s รอบเดือน%s" % (data["academic_year"], data["round"]), center)
    for col, title in enumerate(["ที่", "เลขประจำตัว", "รหัสโรงเรียนหลัก", "โรงเรียนหลัก", "รหัสโรงเรียนมารวม",
                                 "โรงเรียนมารวม", "ชั้น", "ระยะทาง (กม.)", "อัตรา (บาท/วัน)", "จำนวนเงิน (บาท)"]):
        sheet.write_string(3, col, title, head)
    for index, s in enumerate(data["students"]):
        row = 4 + index
        distance = Decimal(str(s["distance_km"]))
        rate = next(b["baht_per_day"] for b in rates if b["max_km"] is None or distance <= Decimal(str(b["max_km"])))
        excel_row = row + 1
        sheet.write_number(row, 0, index + 1, center)
        sheet.write_string(row, 1, s["id"], center)
        sheet.write_string(row, 2, s["school"], center)
        sheet.write_string(row, 3, names[s["school"]], text)
        sheet.write_string(row, 4, s["from_school"], center)
        sheet.write_string(row, 5, merged_names[s["from_school"]], text)
        sheet.write_string(row, 6, s["level"], center)
        sheet.write_number(row, 7, float(distance), money)
        sheet.write_formula(row, 8, "=INDEX('อัตรา'!$E$5:$E$7,COUNTIF('อัตรา'!$C$5:$C$6,\"<\"&H%d)+1)" % excel_row,
                            money, float(rate))
        sheet.write_formula(row, 9, "=I%d*'อัตรา'!$E$9" % excel_row, money, float(rate * days))
    rates_sheet = book.add_worksheet("อัตรา")
    for k, band in enumerate(rates):
        rates_sheet.write_number(4 + k, 2, float(band["max_km"] or 0), money)
        rates_sheet.write_number(4 + k, 4, float(band["baht_per_day"]), money)
    rates_sheet.write_number(8, 4, days, money)
    book.close()


if __name__ == "__main__":
    main()
