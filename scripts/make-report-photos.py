#!/usr/bin/env python3
"""Makes the sample photos of the annual operation report (datasets/annual-report-2569.json).

Every photo the dataset names (projects[*].photos[*].file) is drawn as a simple scene (a meeting, a training
hall, a classroom, a school yard, a ceremony) chosen from words of its caption, and written as an 8-bit RGB
PNG with zlib. The drawing depends only on the file name and the caption, so running the script again
writes the same bytes. Standard library only.

    scripts/make-report-photos.py            # writes the missing and changed photos
    scripts/make-report-photos.py --check    # exits 1 when a photo is missing or differs
"""
import argparse
import json
import random
import struct
import sys
import zlib
from pathlib import Path

WIDTH, HEIGHT = 600, 400
ROOT = Path(__file__).resolve().parent.parent
DATASET = ROOT / "datasets" / "annual-report-2569.json"


class Canvas:
    def __init__(self, width, height, colour):
        self.width, self.height = width, height
        self.rows = [bytearray(bytes(colour) * width) for _ in range(height)]

    def span(self, y, x0, x1, colour):
        if not 0 <= y < self.height:
            return
        x0, x1 = max(0, int(x0)), min(self.width, int(x1))
        if x1 > x0:
            self.rows[y][x0 * 3:x1 * 3] = bytes(colour) * (x1 - x0)

    def rect(self, x0, y0, x1, y1, colour):
        for y in range(max(0, int(y0)), min(self.height, int(y1))):
            self.span(y, x0, x1, colour)

    def gradient(self, y0, y1, top, bottom):
        y0, y1 = int(y0), int(y1)
        for y in range(max(0, y0), min(self.height, y1)):
            t = (y - y0) / max(1, y1 - y0 - 1)
            self.span(y, 0, self.width, [round(a + (b - a) * t) for a, b in zip(top, bottom)])

    def ellipse(self, cx, cy, rx, ry, colour):
        for y in range(int(cy - ry), int(cy + ry) + 1):
            d = 1 - ((y - cy) / ry) ** 2
            if d > 0:
                half = rx * d ** 0.5
                self.span(y, cx - half, cx + half, colour)

    def polygon(self, points, colour):
        ys = [p[1] for p in points]
        for y in range(int(min(ys)), int(max(ys)) + 1):
            xs = []
            for (xa, ya), (xb, yb) in zip(points, points[1:] + points[:1]):
                if (ya <= y < yb) or (yb <= y < ya):
                    xs.append(xa + (y - ya) * (xb - xa) / (yb - ya))
            xs.sort()
            for a, b in zip(xs[0::2], xs[1::2]):
                self.span(y, a, b, colour)

    def png(self):
        # Each row takes the filter (none, Sub or Up) with the smallest sum of magnitudes, as libpng does.
        out, previous = bytearray(), bytes(self.width * 3)
        for row in self.rows:
            raw = bytes(row)
            sub = bytes([raw[i] for i in range(3)]) + bytes((a - b) & 255 for a, b in zip(raw[3:], raw))
            up = bytes((a - b) & 255 for a, b in zip(raw, previous))
            cost = lambda data: sum(v if v < 128 else 256 - v for v in data)
            kind, best = min(((0, raw), (1, sub), (2, up)), key=lambda c: cost(c[1]))
            out.append(kind)
            out += best
            previous = raw

        def chunk(tag, body):
            return struct.pack(">I", len(body)) + tag + body + struct.pack(">I", zlib.crc32(tag + body) & 0xFFFFFFFF)

        header = struct.pack(">IIBBBBB", self.width, self.height, 8, 2, 0, 0, 0)
        return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(bytes(out), 9)) +
                chunk(b"IEND", b""))


SKIN = [(224, 172, 105), (198, 134, 66), (241, 194, 125), (141, 85, 36)]
HAIR = [(30, 24, 20), (50, 38, 30), (20, 20, 20)]
SHIRTS = [(255, 255, 255), (236, 226, 198), (120, 150, 200), (200, 80, 70), (90, 140, 90), (245, 210, 90),
          (150, 110, 170)]


def person(c, rng, x, y, scale, facing_away=False, shirt=None):
    """A seated or standing figure whose head centre is at (x, y)."""
    shirt = shirt or rng.choice(SHIRTS)
    c.ellipse(x, y + 34 * scale, 24 * scale, 22 * scale, shirt)
    c.rect(x - 24 * scale, y + 34 * scale, x + 24 * scale, y + 70 * scale, shirt)
    c.ellipse(x, y, 13 * scale, 15 * scale, rng.choice(HAIR) if facing_away else rng.choice(SKIN))
    if not facing_away:
        c.ellipse(x, y - 9 * scale, 13 * scale, 7 * scale, rng.choice(HAIR))


def bar_chart(c, rng, x0, y0, x1, y1):
    c.rect(x0, y0, x1, y1, (250, 250, 250))
    n = rng.randint(4, 6)
    slot = (x1 - x0 - 20) / n
    for i in range(n):
        h = (y1 - y0 - 24) * rng.uniform(0.3, 0.95)
        colour = (31, 78, 121) if i % 2 == 0 else (237, 125, 49)
        c.rect(x0 + 12 + i * slot, y1 - 10 - h, x0 + 4 + (i + 1) * slot, y1 - 10, colour)


def meeting(c, rng):
    c.gradient(0, 260, (214, 208, 196), (190, 182, 168))
    c.gradient(260, HEIGHT, (150, 120, 90), (120, 92, 66))
    bar_chart(c, rng, 150, 30, 450, 190)
    c.rect(146, 26, 454, 30, (60, 60, 60))
    for i in range(7):
        person(c, rng, 70 + i * 78 + rng.randint(-6, 6), 228 + rng.randint(-4, 4), 0.9)
    c.rect(20, 285, 580, 330, (110, 70, 40))
    c.rect(20, 280, 580, 288, (140, 96, 58))
    for i in range(6):
        c.rect(60 + i * 90, 270, 100 + i * 90, 282, (250, 250, 250))


def hall(c, rng):
    c.gradient(0, 210, (90, 40, 40), (120, 60, 50))
    c.rect(80, 30, 520, 110, rng.choice([(30, 90, 160), (200, 150, 40), (40, 120, 80)]))
    c.rect(90, 40, 510, 100, (250, 245, 230))
    for i in range(5):
        c.rect(110 + i * 80, 58, 160 + i * 80, 66, (120, 120, 120))
        c.rect(110 + i * 80, 74, 150 + i * 80, 80, (160, 160, 160))
    c.rect(0, 150, WIDTH, 210, (140, 70, 50))
    person(c, rng, 300, 120, 0.9, shirt=(40, 40, 60))
    c.gradient(210, HEIGHT, (170, 150, 130), (140, 120, 100))
    for row in range(4):
        y = 220 + row * 48
        scale = 0.9 + row * 0.25
        for i in range(9 - row):
            person(c, rng, 40 + i * (WIDTH - 80) / (8 - row) + rng.randint(-8, 8), y, scale, facing_away=True)


def classroom(c, rng):
    c.gradient(0, 230, (238, 232, 214), (220, 212, 190))
    c.rect(110, 40, 490, 170, (40, 90, 60))
    c.rect(104, 34, 496, 40, (120, 90, 60))
    for i in range(5):
        c.rect(140, 64 + i * 20, 140 + rng.randint(120, 320), 68 + i * 20, (230, 240, 230))
    c.gradient(230, HEIGHT, (196, 170, 130), (170, 140, 100))
    for row in range(3):
        y = 220 + row * 62
        scale = 0.75 + row * 0.25
        for i in range(6):
            x = 60 + i * 96 + rng.randint(-6, 6)
            person(c, rng, x, y, scale, facing_away=True, shirt=(255, 255, 255))
            c.rect(x - 40 * scale, y + 48 * scale, x + 40 * scale, y + 60 * scale, (150, 100, 60))


def school_yard(c, rng):
    c.gradient(0, 220, (120, 180, 235), (200, 228, 245))
    c.ellipse(500, 60, 26, 26, (255, 236, 150))
    for _ in range(3):
        x, y = rng.randint(40, 420), rng.randint(30, 110)
        for dx in (0, 22, 44):
            c.ellipse(x + dx, y, 26, 14, (250, 250, 250))
    c.polygon([(0, 220), (120, 160), (260, 210), (400, 150), (600, 215), (600, 230), (0, 230)], (110, 150, 100))
    c.rect(160, 130, 440, 240, (245, 235, 210))
    c.polygon([(140, 132), (300, 80), (460, 132)], (170, 60, 50))
    for i in range(6):
        c.rect(180 + i * 44, 160, 208 + i * 44, 196, (90, 120, 150))
    c.rect(92, 70, 96, 240, (200, 200, 200))
    for i, colour in enumerate([(165, 25, 49), (244, 245, 248), (45, 42, 74), (45, 42, 74), (244, 245, 248),
                                (165, 25, 49)]):
        c.rect(96, 72 + i * 6, 150, 78 + i * 6, colour)
    c.gradient(240, HEIGHT, (120, 170, 90), (90, 140, 70))
    for i in range(8):
        person(c, rng, 50 + i * 72 + rng.randint(-10, 10), 270 + rng.randint(-10, 30), 0.8 + rng.random() * 0.3,
               shirt=(255, 255, 255))


def ceremony(c, rng):
    c.gradient(0, 250, (60, 40, 90), (110, 70, 130))
    c.rect(60, 30, 540, 90, (245, 210, 90))
    c.rect(70, 40, 530, 80, (120, 40, 50))
    c.gradient(250, HEIGHT, (150, 60, 60), (120, 40, 40))
    c.rect(0, 250, WIDTH, 262, (200, 160, 60))
    for i in range(6):
        x = 80 + i * 88
        person(c, rng, x, 150, 1.3, shirt=rng.choice([(250, 250, 250), (236, 226, 198), (40, 40, 60)]))
        c.rect(x - 16, 238, x - 4, 300, (40, 40, 50))
        c.rect(x + 4, 238, x + 16, 300, (40, 40, 50))
        c.rect(x - 14, 196, x + 14, 214, (250, 230, 150))


# The first word of the list that the caption contains chooses the scene.
SCENES = [("ลงพื้นที่", school_yard), ("ประชุม", meeting), ("อบรม", hall), ("สัมมนา", hall), ("ชี้แจง", hall),
          ("มอบ", ceremony), ("เชิดชู", ceremony), ("ยกย่อง", ceremony), ("พิธี", ceremony), ("ห้องเรียน", classroom),
          ("นักเรียน", classroom), ("การสอน", classroom), ("โรงเรียน", school_yard)]


def draw(name, caption):
    rng = random.Random(zlib.crc32(name.encode()))
    scene = next((f for word, f in SCENES if word in caption), None) or rng.choice([meeting, hall, school_yard])
    canvas = Canvas(WIDTH, HEIGHT, (255, 255, 255))
    scene(canvas, rng)
    return canvas.png()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="report missing or different photos, write nothing")
    args = parser.parse_args()
    data = json.loads(DATASET.read_text(encoding="utf-8"))
    problems = 0
    for project in data["projects"]:
        for photo in project.get("photos", []):
            target = DATASET.parent / photo["file"]
            png = draw(photo["file"], photo["caption"])
            if target.exists() and target.read_bytes() == png:
                continue
            if args.check:
                print(f"{target}: missing or different", file=sys.stderr)
                problems += 1
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(png)
            print(f"{target}: {len(png) // 1024} KB")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
