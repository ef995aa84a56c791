#!/usr/bin/env python3
"""Writes a service satisfaction survey dataset (แบบสำรวจความพึงพอใจต่อการให้บริการ) of a service-area office.

The questionnaire is the one the administration group sends to schools and hands to people who come for
service (seed 003, "การพัฒนาคุณภาพการให้บริการ"): items grouped by aspect (ด้าน), each answered on the
five-level scale 5 มากที่สุด … 1 น้อยที่สุด. The same arguments always give the same file: every answer comes
from a seeded random generator, so the checked-in sample can be remade and compared byte for byte.

    scripts/make-survey-dataset.py                  # datasets/satisfaction-survey-2569.json
    scripts/make-survey-dataset.py --respondents 2000 -o /tmp/big.json

Answers follow a simple model of how people fill in such forms: each respondent has a general mood (some
answer high throughout, some lower), each item its own typical score (parking is rated lower than the
courtesy of staff), each group of respondents a small offset, and each answer some noise; the result is
rounded and clamped to 1–5. Standard library only.
"""
import argparse
import json
import os
import random

OFFICE = {
    "name": "สำนักงานเขตพื้นที่การศึกษาประถมศึกษาพิษณุโลก เขต ๒",
    "short_name": "สพป.พิษณุโลก เขต ๒",
}
UNIT = {
    "name": "กลุ่มอำนวยการ",
    "head": "นางวิไลวรรณ ศรีสุข",
    "head_position": "ผู้อำนวยการกลุ่มอำนวยการ",
}
# The interpretation of a mean on the five-level scale, and the word for each answer.
LEVELS = [
    {"score": 1, "min": 1.00, "max": 1.50, "label": "น้อยที่สุด"},
    {"score": 2, "min": 1.51, "max": 2.50, "label": "น้อย"},
    {"score": 3, "min": 2.51, "max": 3.50, "label": "ปานกลาง"},
    {"score": 4, "min": 3.51, "max": 4.50, "label": "มาก"},
    {"score": 5, "min": 4.51, "max": 5.00, "label": "มากที่สุด"},
]
# (code, name, share of respondents, offset of their answers)
GROUPS = [
    ("executive", "ผู้บริหารสถานศึกษา", 0.17, 0.10),
    ("teacher", "ครู", 0.43, 0.00),
    ("staff", "บุคลากรทางการศึกษา", 0.22, -0.05),
    ("public", "ผู้ปกครองและประชาชนทั่วไป", 0.18, -0.15),
]
GENDERS = ["ชาย", "หญิง"]
# (aspect, [(item text, short label for charts, typical score)])
ASPECTS = [
    ("ด้านกระบวนการ/ขั้นตอนการให้บริการ", [
        ("ขั้นตอนการให้บริการไม่ยุ่งยากซับซ้อน มีความคล่องตัว", "ขั้นตอนไม่ยุ่งยาก", 4.05),
        ("มีการแจ้งขั้นตอนและระยะเวลาการให้บริการอย่างชัดเจน", "แจ้งขั้นตอนชัดเจน", 3.95),
        ("ให้บริการตามลำดับก่อน-หลัง อย่างเป็นธรรม", "ตามลำดับก่อน-หลัง", 4.35),
        ("ระยะเวลาในการให้บริการมีความเหมาะสม รวดเร็ว ทันตามกำหนด", "รวดเร็ว ทันเวลา", 3.80),
    ]),
    ("ด้านเจ้าหน้าที่/บุคลากรผู้ให้บริการ", [
        ("เจ้าหน้าที่ให้บริการด้วยความสุภาพ ยิ้มแย้ม แจ่มใส เป็นมิตร", "สุภาพ เป็นมิตร", 4.70),
        ("เจ้าหน้าที่มีความรู้ ความสามารถ ตอบข้อซักถามได้ชัดเจน", "ตอบข้อซักถามได้ชัดเจน", 4.40),
        ("เจ้าหน้าที่ให้บริการด้วยความเต็มใจ กระตือรือร้น และรับผิดชอบ", "เต็มใจ กระตือรือร้น", 4.60),
        ("เจ้าหน้าที่ให้บริการอย่างเสมอภาค ไม่เลือกปฏิบัติ", "เสมอภาค", 4.50),
    ]),
    ("ด้านสิ่งอำนวยความสะดวก", [
        ("มีป้ายบอกทาง ป้ายประชาสัมพันธ์ และจุดให้บริการที่ชัดเจน", "ป้ายบอกทาง", 3.85),
        ("สถานที่ให้บริการสะอาด เป็นระเบียบ มีที่นั่งรอเพียงพอ", "สถานที่สะอาด", 4.10),
        ("มีช่องทางการให้บริการออนไลน์ที่สะดวกและใช้งานง่าย", "บริการออนไลน์", 3.70),
        ("มีที่จอดรถเพียงพอและสะดวก", "ที่จอดรถ", 3.20),
    ]),
    ("ด้านคุณภาพการให้บริการ", [
        ("ได้รับบริการที่ตรงตามความต้องการ", "ตรงตามความต้องการ", 4.25),
        ("ข้อมูลและเอกสารที่ได้รับถูกต้อง ครบถ้วน", "เอกสารถูกต้อง", 4.30),
        ("ความพึงพอใจต่อการให้บริการในภาพรวม", "ภาพรวม", 4.35),
    ]),
]
SUGGESTIONS = [
    ("ควรเพิ่มที่จอดรถสำหรับผู้มาติดต่อราชการ", 14),
    ("ควรพัฒนาระบบติดตามสถานะเอกสารทางออนไลน์", 9),
    ("ควรมีป้ายบอกทางไปยังกลุ่มงานต่าง ๆ ให้ชัดเจนยิ่งขึ้น", 7),
    ("เจ้าหน้าที่ให้บริการดี ยิ้มแย้ม เป็นกันเอง", 6),
    ("ควรแจ้งระยะเวลาการดำเนินการของแต่ละเรื่องให้ทราบล่วงหน้า", 4),
]


def answer(rng, typical, mood, offset):
    score = round(typical + mood + offset + rng.gauss(0, 0.55))
    return max(1, min(5, score))


def build(args):
    rng = random.Random(args.seed)
    aspects = []
    typicals = []
    for a, (name, items) in enumerate(ASPECTS, start=1):
        listed = []
        for i, (text, short, typical) in enumerate(items, start=1):
            listed.append({"no": "%d.%d" % (a, i), "text": text, "short": short})
            typicals.append(typical)
        aspects.append({"no": a, "name": name, "items": listed})

    codes = [g[0] for g in GROUPS]
    shares = [g[2] for g in GROUPS]
    offsets = {g[0]: g[3] for g in GROUPS}
    respondents = []
    for n in range(1, args.respondents + 1):
        group = rng.choices(codes, weights=shares)[0]
        gender = GENDERS[0] if rng.random() < 0.38 else GENDERS[1]
        mood = rng.gauss(0, 0.45)
        responses = [answer(rng, t, mood, offsets[group]) for t in typicals]
        respondents.append({"id": "%04d" % n, "group": group, "gender": gender, "responses": responses})

    return {
        "kind": "satisfaction-survey",
        "office": OFFICE,
        "unit": UNIT,
        "subject": "ความพึงพอใจต่อการให้บริการ",
        "fiscal_year": 2569,
        "period": {"from": "2026-01-05", "to": "2026-02-27"},
        "report_date": "2026-03-16",
        "levels": LEVELS,
        "groups": [{"code": g[0], "name": g[1]} for g in GROUPS],
        "genders": GENDERS,
        "aspects": aspects,
        "respondents": respondents,
        "suggestions": [{"text": t, "count": c} for t, c in SUGGESTIONS],
    }


def write(dataset, path):
    # One respondent per line: the file stays readable and diffs stay small.
    respondents = dataset["respondents"]
    head = dict(dataset, respondents=[])
    text = json.dumps(head, ensure_ascii=False, indent=1)
    rows = ",\n  ".join(json.dumps(r, ensure_ascii=False, separators=(", ", ": ")) for r in respondents)
    marker = '"respondents": []'
    position = text.index(marker)
    text = text[:position] + '"respondents": [\n  ' + rows + "\n ]" + text[position + len(marker):] + "\n"
    # Levels are written with two decimals, as the rule is stated (4.51–5.00).
    for level in LEVELS:
        for key in ("min", "max"):
            text = text.replace('"%s": %r' % (key, level[key]), '"%s": %.2f' % (key, level[key]), 1)
    with open(path, "w", encoding="utf-8") as out:
        out.write(text)


def main():
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-o", "--output", default=os.path.join(root, "datasets", "satisfaction-survey-2569.json"))
    parser.add_argument("--respondents", type=int, default=300)
    parser.add_argument("--seed", type=int, default=2569003)
    args = parser.parse_args()
    if args.respondents < 2:
        parser.error("a standard deviation needs at least two respondents")
    write(build(args), args.output)


if __name__ == "__main__":
    main()
