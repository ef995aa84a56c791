#!/usr/bin/env python3
"""Writes a transport-allowance dataset (ค่าพาหนะรับ-ส่งนักเรียน) of a realistic service-area office.

The same arguments always give the same file: names, codes, levels and distances come from a seeded
random generator, so the checked-in sample can be remade and compared byte for byte.

    scripts/make-transport-dataset.py                       # datasets/transport-allowance-2569-2.json
    scripts/make-transport-dataset.py --students 100000 --hosts 300 --merged 900 -o /tmp/big.json

Distances are what a school reports for each student (home to host school, in km, at most two
decimals). About one student in thirty sits exactly on a band boundary (0, 3, 3.01, 10, 10.01) so that the
inclusive upper bounds of the rate bands are exercised. The ceiling (วงเงิน) is set a few per cent below the
entitled total, so the sample produces a request for additional budget; --ceiling-ratio above 1 makes a
surplus instead. Standard library only.
"""
import argparse
import json
import os
import random
import re
import sys
from decimal import Decimal, ROUND_FLOOR

VILLAGE_FIRST = ["หนอง", "โคก", "ดอน", "ห้วย", "นา", "วัง", "บึง", "ท่า", "สระ", "ป่า", "คลอง", "บ่อ", "เนิน", "ทุ่ง",
                 "บาง", "ไร่", "หัว", "ปาก", "แก่ง", "ซำ"]
VILLAGE_SECOND = ["กุลา", "ไผ่", "บัว", "แดง", "ขาม", "ยาง", "ตะเคียน", "มะขาม", "ทอง", "ใหม่", "พิกุล", "ประดู่",
                  "สะแก", "กระทุ่ม", "โพธิ์", "ไทร", "จิก", "แขม", "หญ้าปล้อง", "น้ำใส", "เตย", "หิน", "ทราย",
                  "ม่วง", "ชมพู", "ตาล", "กระบาก", "ขี้เหล็ก", "มะค่า", "ยางโทน", "นกออก", "ปลาไหล", "ลำพาน"]
SUFFIXES = ["", "", "", "", " (ประชาราษฎร์บำรุง)", " (ราษฎร์วิทยา)", " (มิตรภาพที่ ๕)", "เหนือ", "ใต้", "พัฒนา"]
LEVELS = ["อ.1", "อ.2", "อ.3", "ป.1", "ป.2", "ป.3", "ป.4", "ป.5", "ป.6"]
BOUNDARIES = [Decimal("0"), Decimal("3"), Decimal("3.01"), Decimal("10"), Decimal("10.01")]


def school_names(rng, count):
    """`count` different Thai school names, 'โรงเรียนบ้าน…'."""
    names, seen = [], set()
    while len(names) < count:
        name = "โรงเรียนบ้าน" + rng.choice(VILLAGE_FIRST) + rng.choice(VILLAGE_SECOND) + rng.choice(SUFFIXES)
        if name not in seen:
            seen.add(name)
            names.append(name)
    return names


def distance(rng):
    """A home-to-school distance in km with at most two decimals: mostly near, a long tail far."""
    roll = rng.random()
    if roll < 1 / 30:
        return rng.choice(BOUNDARIES)
    if roll < 0.40:
        km = rng.uniform(0.2, 3.0)
    elif roll < 0.85:
        km = rng.uniform(3.0, 10.0)
    else:
        km = rng.uniform(10.0, 32.0)
    return Decimal(repr(round(km, rng.choice([1, 1, 2])))).normalize()


def rate_of(km, rates):
    for band in rates:
        if band["max_km"] is None or km <= Decimal(str(band["max_km"])):
            return Decimal(str(band["baht_per_day"]))
    raise ValueError("no band covers %s" % km)


NUMBER_MARK = "@number@"


def number(value):
    """A Decimal written into the JSON exactly as its decimal text (json.dumps would go through float)."""
    return NUMBER_MARK + format(value, "f")


def exact_numbers(text):
    return re.sub('"' + NUMBER_MARK + r'(-?[0-9]+(?:\.[0-9]+)?)"', r"\1", text)


def build(args):
    rng = random.Random(args.seed)
    rates = [{"max_km": 3, "baht_per_day": 10}, {"max_km": 10, "baht_per_day": 15},
             {"max_km": None, "baht_per_day": 20}]
    names = school_names(rng, args.hosts + args.merged)
    host_names, merged_names = names[:args.hosts], names[args.hosts:]
    # Every host gets at least one merged-in school; the rest are spread at random.
    per_host = [1] * args.hosts
    for _ in range(args.merged - args.hosts):
        per_host[rng.randrange(args.hosts)] += 1
    schools, merged_codes = [], []
    next_merged = 0
    for h in range(args.hosts):
        code = "6502%04d" % (h + 1)
        merged = []
        for _ in range(per_host[h]):
            merged_code = "6502%04d" % (5001 + next_merged)
            case = "1.2" if rng.random() < 0.35 else "1.1"
            merged.append({"code": merged_code, "name": merged_names[next_merged], "case": case})
            merged_codes.append((code, merged_code))
            next_merged += 1
        schools.append({"code": code, "name": host_names[h], "merged": merged})

    # Students: every merged-in school has a few; the rest go to schools at random, small schools smaller.
    weights = [rng.uniform(0.3, 1.7) for _ in merged_codes]
    counts = [1] * len(merged_codes)
    extra = args.students - len(merged_codes)
    for index in rng.choices(range(len(merged_codes)), weights=weights, k=extra):
        counts[index] += 1
    students = []
    serial = 0
    for (host, merged), count in zip(merged_codes, counts):
        for _ in range(count):
            serial += 1
            students.append({"id": "S%06d" % serial, "school": host, "from_school": merged,
                             "level": rng.choice(LEVELS), "distance_km": distance(rng)})

    total = sum(rate_of(s["distance_km"], rates) * args.school_days for s in students)
    ceiling = (total * Decimal(str(args.ceiling_ratio)) / 1000).to_integral_value(ROUND_FLOOR) * 1000 + Decimal("0.50")
    for s in students:
        s["distance_km"] = number(s["distance_km"])

    dataset = {
        "kind": "transport-allowance",
        "office": {
            "name": "สำนักงานเขตพื้นที่การศึกษาประถมศึกษาพิษณุโลก เขต ๒",
            "short_name": "สพป.พิษณุโลก เขต ๒",
            "address": ["ถนนพิษณุโลก-หล่มสัก ตำบลวังทอง", "อำเภอวังทอง จังหวัดพิษณุโลก ๖๕๑๓๐"],
            "director": {"name": "นายสมชาย ใจดี", "position": "ผู้อำนวยการสำนักงานเขตพื้นที่การศึกษา",
                         "position2": "ประถมศึกษาพิษณุโลก เขต ๒"},
            "unit": {"name": "กลุ่มนโยบายและแผน", "head": "นางสาวสุมาลี ยอดยิ่ง",
                     "head_position": "ผู้อำนวยการกลุ่มนโยบายและแผน",
                     "phone": "๐ ๕๕๒๖ ๗๐๐๐ ต่อ ๑๐๕", "fax": "๐ ๕๕๒๖ ๗๐๐๑", "email": "plan@phitsanulok2.go.th"},
        },
        "academic_year": 2569,
        "round": "พฤศจิกายน",
        "date": "2026-11-20",
        "school_days": args.school_days,
        "ceiling_baht": number(ceiling),
        "allocation_reference": "หนังสือสำนักงานคณะกรรมการการศึกษาขั้นพื้นฐาน ที่ ศธ ๐๔๐๐๙/ว ๕๑๒๐ ลงวันที่ ๒๘ ตุลาคม ๒๕๖๙",
        "numbers": {"notice": "ศธ ๐๔๑๖๑/ว ๒๕๘๐", "memo": "ศธ ๐๔๑๖๑.๐๒/๑๔๕", "budget": "ศธ ๐๔๑๖๑/๒๕๘๑"},
        "rates": rates,
        "schools": schools,
        "students": students,
    }
    return dataset


def write(dataset, path, compact):
    # One student per line: the file stays readable and diffs stay small.
    students = dataset["students"]
    head = dict(dataset)
    head["students"] = []
    text = json.dumps(head, ensure_ascii=False, indent=None if compact else 1)
    rows = ",\n  ".join(json.dumps(s, ensure_ascii=False, separators=(", ", ": ")) for s in students)
    marker = '"students": []'
    assert text.endswith(marker + "}") or text.endswith(marker + "\n}")
    text = text[:text.rindex(marker)] + '"students": [\n  ' + rows + "\n ]\n}\n"
    with open(path, "w", encoding="utf-8") as out:
        out.write(exact_numbers(text))


def main():
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-o", "--output", default=os.path.join(root, "datasets", "transport-allowance-2569-2.json"))
    parser.add_argument("--students", type=int, default=2500)
    parser.add_argument("--hosts", type=int, default=40)
    parser.add_argument("--merged", type=int, default=120)
    parser.add_argument("--school-days", type=int, default=200)
    parser.add_argument("--ceiling-ratio", type=float, default=0.97,
                        help="ceiling as a share of the entitled total (below 1: shortfall, above: surplus)")
    parser.add_argument("--seed", type=int, default=25692)
    parser.add_argument("--compact", action="store_true", help="no indentation in the head of the file")
    args = parser.parse_args()
    if not (1 <= args.hosts <= args.merged <= args.students):
        sys.exit("make-transport-dataset: need 1 <= hosts <= merged <= students")
    if args.hosts + args.merged > 9999 - 5000:
        sys.exit("make-transport-dataset: too many schools for the code range")
    write(build(args), args.output, args.compact)


if __name__ == "__main__":
    main()
